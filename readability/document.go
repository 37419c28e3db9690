package readability

import (
	"sort"
	"unicode/utf8"
)

// A document is the text the analysis reads, plus what is needed to point
// back into the source it came from. Extraction from Markdown or HTML drops
// markup, so offsets in the text differ from offsets in the source; the
// segments map one to the other so that every issue can be reported where
// a person will find it in their own file.
type document struct {
	text   string // what the analysis reads
	source string // what positions point into (the text itself for DOCX and ODT)

	// segs maps text offsets to source offsets; nil means the text is the
	// source. Each segment covers text[t:t+tl] and source[s:s+sl]; when the
	// lengths agree the mapping is byte for byte, otherwise (a decoded
	// entity, a line break standing for a tag) the whole run maps to the
	// whole source run.
	segs []segment

	// paraStarts, when set, holds the text offset where each paragraph
	// starts: DOCX and ODT report line = paragraph number.
	paraStarts []int

	lineStarts []int // source offsets where each line starts (line mode)
}

type segment struct{ t, s, tl, sl int }

// docBuilder accumulates extracted text together with its segments.
type docBuilder struct {
	buf  []byte
	segs []segment
}

// copySrc appends source[start:end] unchanged.
func (b *docBuilder) copySrc(source string, start, end int) {
	if end <= start {
		return
	}
	t := len(b.buf)
	b.buf = append(b.buf, source[start:end]...)
	if n := len(b.segs); n > 0 {
		last := &b.segs[n-1]
		if last.tl == last.sl && last.t+last.tl == t && last.s+last.sl == start {
			last.tl += end - start
			last.sl += end - start
			return
		}
	}
	b.segs = append(b.segs, segment{t, start, end - start, end - start})
}

// put appends s, which stands for source[start:end] (a decoded entity, or
// a break standing for a tag, where start may equal end).
func (b *docBuilder) put(s string, start, end int) {
	if s == "" {
		return
	}
	t := len(b.buf)
	b.buf = append(b.buf, s...)
	// when the lengths agree (a space for a newline) the mapping stays
	// byte for byte; otherwise the whole run maps to the whole source run
	b.segs = append(b.segs, segment{t, start, len(s), end - start})
}

func (b *docBuilder) lastByte() byte {
	if len(b.buf) == 0 {
		return '\n'
	}
	return b.buf[len(b.buf)-1]
}

func (b *docBuilder) build(source string) *document {
	d := &document{text: string(b.buf), source: source, segs: b.segs}
	d.lineStarts = lineStarts(source)
	return d
}

func plainDocument(text string) *document {
	return &document{text: text, source: text, lineStarts: lineStarts(text)}
}

func lineStarts(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// srcStart maps the text offset of the first byte of a span to a source
// offset; srcEnd maps the (exclusive) end of a span.
func (d *document) srcStart(o int) int {
	if d.segs == nil {
		return o
	}
	i := sort.Search(len(d.segs), func(i int) bool { return d.segs[i].t+d.segs[i].tl > o })
	if i == len(d.segs) {
		return len(d.source)
	}
	sg := d.segs[i]
	if o < sg.t {
		return sg.s
	}
	if sg.tl == sg.sl {
		return sg.s + o - sg.t
	}
	return sg.s
}

func (d *document) srcEnd(o int) int {
	if d.segs == nil {
		return o
	}
	i := sort.Search(len(d.segs), func(i int) bool { return d.segs[i].t+d.segs[i].tl >= o })
	if i == len(d.segs) {
		return len(d.source)
	}
	sg := d.segs[i]
	if o <= sg.t {
		return sg.s
	}
	if sg.tl == sg.sl {
		return sg.s + o - sg.t
	}
	return sg.s + sg.sl
}

// position returns the 1-based line and column (in runes) of a source
// offset; for paragraph documents the line is the paragraph number.
func (d *document) position(srcOff int) (line, col int) {
	starts := d.lineStarts
	if d.paraStarts != nil {
		starts = d.paraStarts
	}
	i := sort.Search(len(starts), func(i int) bool { return starts[i] > srcOff }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, utf8.RuneCountInString(d.source[starts[i]:srcOff]) + 1
}
