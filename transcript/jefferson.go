package transcript

import (
	"bytes"
	"io"
)

// jeffersonDecoder reads Jefferson-style plain text: "NAME: talk" lines,
// optionally numbered ("12  NAME: talk"), continuation lines, lines that
// hold only a silence ("(0.8)"), and a free header before the first
// speaker line.
type jeffersonDecoder struct {
	lr       *lineReader
	file     string
	hdr      Header
	u        Utterance
	buf      []byte
	segs     []segment
	started  bool
	numbered bool  // the first speaker line had a line number
	gap      int64 // silence line waiting for the next utterance; -1 none
	tok      plainTokenizer
	err      error
}

// NewJeffersonDecoder returns a streaming decoder for Jefferson-style text.
func NewJeffersonDecoder(name string, r io.Reader) Decoder {
	return &jeffersonDecoder{lr: newLineReader(name, r), file: name, gap: -1,
		hdr: Header{Format: FormatJefferson, CA: true}, tok: plainTokenizer{jefferson: true}}
}

func (d *jeffersonDecoder) Header() *Header { return &d.hdr }

type jeffLine struct {
	kind    int // jeffBlank, jeffSpeaker, jeffGap, jeffOther
	number  bool
	speaker []byte
	talk    int // byte offset of the talk (speaker and continuation lines)
	gapMs   int64
}

const (
	jeffBlank = iota
	jeffSpeaker
	jeffGap
	jeffOther
)

// classify works out what a line is. stripNumbers says whether a leading
// number is a line number (only in numbered transcripts, so that a
// continuation line starting "3 o'clock" keeps its 3).
func classifyJeff(line []byte, stripNumbers bool) jeffLine {
	var l jeffLine
	if len(bytes.TrimSpace(line)) == 0 {
		return jeffLine{kind: jeffBlank}
	}
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	rest := i
	j := i
	for j < len(line) && line[j] >= '0' && line[j] <= '9' {
		j++
	}
	if j > i && j < len(line) && (line[j] == ' ' || line[j] == '\t') {
		l.number = true
		rest = j
		for rest < len(line) && (line[rest] == ' ' || line[rest] == '\t') {
			rest++
		}
	}
	// NAME: talk
	if name, talk, ok := speakerPrefix(line[rest:]); ok {
		l.kind, l.speaker, l.talk = jeffSpeaker, name, rest+talk
		return l
	}
	if !l.number || !stripNumbers {
		rest = i
		l.number = false
	}
	body := bytes.TrimSpace(line[rest:])
	if ms, dots, ok := parsePause(string(body)); ok && dots <= 1 {
		if ms < 0 {
			ms = 0
		}
		l.kind, l.gapMs = jeffGap, ms
		return l
	}
	l.kind, l.talk = jeffOther, rest
	return l
}

// speakerPrefix recognises "NAME:" at the start of s: a name of letters,
// digits and _ . ' - that starts with a letter, then a colon and a space,
// a tab or the end of the line.
func speakerPrefix(s []byte) (name []byte, talk int, ok bool) {
	k := 0
	for k < len(s) && k <= 24 {
		c := s[k]
		if isASCIILetter(c) || k > 0 && (c >= '0' && c <= '9' || c == '_' || c == '.' || c == '\'' || c == '-') {
			k++
			continue
		}
		break
	}
	if k == 0 || k > 24 {
		return nil, 0, false
	}
	e := k
	for e < len(s) && s[e] == ' ' {
		e++
	}
	if e >= len(s) || s[e] != ':' {
		return nil, 0, false
	}
	e++
	if e < len(s) && s[e] != ' ' && s[e] != '\t' {
		return nil, 0, false
	}
	for e < len(s) && (s[e] == ' ' || s[e] == '\t') {
		e++
	}
	return s[:k], e, true
}

func (d *jeffersonDecoder) Next() (*Utterance, error) {
	if d.err != nil {
		return nil, d.err
	}
	u, err := d.next()
	if err != nil {
		d.err = err
	}
	return u, err
}

func (d *jeffersonDecoder) next() (*Utterance, error) {
	for {
		line, ok, err := d.lr.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			if !d.started {
				return nil, errAt(d.file, d.lr.line+1, 1, "no speaker lines (NAME: talk) found")
			}
			return nil, io.EOF
		}
		if bytes.IndexByte(line, 0) >= 0 {
			return nil, errAt(d.file, d.lr.line, bytes.IndexByte(line, 0)+1, "NUL byte in text")
		}
		l := classifyJeff(line, d.numbered)
		if !d.started {
			if l.kind != jeffSpeaker {
				d.hdr.Lines = append(d.hdr.Lines, string(line))
				continue
			}
			d.started, d.numbered = true, l.number
		}
		switch l.kind {
		case jeffBlank:
			continue
		case jeffGap:
			d.gap = l.gapMs
			continue
		case jeffOther:
			return nil, errAt(d.file, d.lr.line, 1, "continuation line with no speaker line before it")
		}
		return d.utterance(line, l)
	}
}

// utterance reads a speaker line and its continuation lines.
func (d *jeffersonDecoder) utterance(line []byte, l jeffLine) (*Utterance, error) {
	u := &d.u
	u.reset()
	u.Speaker = string(l.speaker)
	u.Line = d.lr.line
	u.GapBefore, d.gap = d.gap, -1
	d.hdr.addSpeaker(u.Speaker)
	d.buf = append(d.buf[:0], line[l.talk:]...)
	d.segs = append(d.segs[:0], segment{0, d.lr.line, l.talk + 1})
	for {
		next, ok, err := d.lr.peek()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		c := classifyJeff(next, d.numbered)
		if c.kind == jeffSpeaker || c.kind == jeffGap {
			break
		}
		d.lr.next()
		if c.kind == jeffBlank {
			continue
		}
		body := next[c.talk:]
		trimmed := bytes.TrimLeft(body, " \t")
		d.buf = append(d.buf, ' ')
		d.segs = append(d.segs, segment{len(d.buf), d.lr.line, c.talk + len(body) - len(trimmed) + 1})
		d.buf = append(d.buf, trimmed...)
	}
	u.Text = string(bytes.TrimRight(d.buf, " \t"))
	if !validUTF8(u.Text) {
		return nil, segErr(d.file, d.segs, invalidUTF8At(u.Text), "invalid UTF-8")
	}
	if off, msg := d.tok.tokenize(u); msg != "" {
		return nil, segErr(d.file, d.segs, off, "%s", msg)
	}
	return u, nil
}
