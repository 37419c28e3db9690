package pdftext

import (
	"errors"
	"math"
	"slices"
	"strings"
	"unicode"
)

// Document is a PDF's text: one string per page, in page order. A page's
// paragraphs are separated by a blank line and the lines of a paragraph
// joined by a space; a page with no text is "".
type Document struct {
	Pages []string
}

// maxPages bounds the page tree.
const maxPages = 20_000

// Read reads the text of a PDF. Its error wraps ErrEncrypted, ErrNoText or
// ErrDamaged.
func Read(data []byte) (*Document, error) {
	f, err := open(data)
	if err != nil {
		return nil, err
	}
	root := f.dictOf(f.trailer["Root"])
	if root == nil {
		return nil, damaged("the file does not say where its pages start")
	}
	var pages []dict
	var resources []dict
	f.walk(root["Pages"], nil, map[int]bool{}, 0, &pages, &resources)
	if len(pages) == 0 {
		return nil, damaged("it has no pages")
	}
	doc := &Document{}
	fonts := map[string]*font{}
	images, text := 0, false
	var firstErr error
	for i, p := range pages {
		st := &state{ctm: identity, scale: 1, fonts: fonts, formsVisited: map[int]bool{}}
		data, err := f.contents(p["Contents"])
		if err != nil && firstErr == nil {
			firstErr = err
		}
		f.run(st, data, resources[i], 0)
		page := layout(st.pieces)
		images += st.images
		if strings.TrimFunc(page, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFFFD' }) != "" {
			text = true
		}
		doc.Pages = append(doc.Pages, page)
	}
	if !text {
		if firstErr != nil && images == 0 {
			return nil, firstErr
		}
		return nil, ErrNoText
	}
	return doc, nil
}

// walk collects the page tree's leaves in order, each with its resources
// (inherited from the nearest ancestor that has them).
func (f *file) walk(o any, res dict, seen map[int]bool, depth int, pages *[]dict, resources *[]dict) {
	if r, ok := o.(ref); ok {
		if seen[r.num] {
			return
		}
		seen[r.num] = true
	}
	n := f.dictOf(o)
	if n == nil || depth > maxDepth || len(*pages) >= maxPages {
		return
	}
	if r := f.dictOf(n["Resources"]); r != nil {
		res = r
	}
	kids, isTree := f.resolve(n["Kids"], 0).(array)
	if n["Type"] == name("Page") || !isTree {
		*pages = append(*pages, n)
		*resources = append(*resources, res)
		return
	}
	for _, k := range kids {
		f.walk(k, res, seen, depth+1, pages, resources)
	}
}

// contents joins a page's content streams.
func (f *file) contents(o any) ([]byte, error) {
	var parts []any
	switch v := f.resolve(o, 0).(type) {
	case stream:
		parts = []any{v}
	case array:
		parts = v
	}
	var out []byte
	var firstErr error
	for _, p := range parts {
		s, ok := f.resolve(p, 0).(stream)
		if !ok {
			continue
		}
		data, err := f.decode(s)
		if err != nil {
			if firstErr == nil && !errors.Is(err, errImage) {
				firstErr = err
			}
			continue
		}
		out = append(append(out, data...), '\n')
	}
	return out, firstErr
}

// line is text at one height of the page.
type line struct {
	text       strings.Builder
	y, endX    float64
	size       float64
	lastSpaced bool
}

// layout turns a page's pieces, in the order drawn, into paragraphs:
// pieces at the same height make a line, with a space where there is a
// gap; lines a body line's spacing apart make a paragraph.
func layout(pieces []piece) string {
	var lines []*line
	var cur *line
	for _, p := range pieces {
		t := clean(p.text)
		if t == "" {
			continue
		}
		size := math.Max(p.size, 1)
		if cur == nil || math.Abs(p.y-cur.y) > 0.5*math.Max(size, cur.size) {
			cur = &line{y: p.y, size: size}
			lines = append(lines, cur)
		} else if p.x > cur.endX+0.15*size && !cur.lastSpaced && !strings.HasPrefix(t, " ") {
			cur.text.WriteByte(' ')
		}
		cur.text.WriteString(t)
		cur.endX = p.endX
		cur.size = math.Max(cur.size, size)
		cur.lastSpaced = strings.HasSuffix(t, " ")
	}
	gap := bodyGap(lines)
	var b strings.Builder
	for i, l := range lines {
		t := strings.Join(strings.Fields(l.text.String()), " ")
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			prev := lines[i-1]
			d := prev.y - l.y
			switch {
			case d <= 0 || d > gap*1.25+0.5 || math.Max(prev.size, l.size) > 1.15*math.Min(prev.size, l.size):
				b.WriteString("\n\n")
			case strings.HasSuffix(b.String(), "-"):
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
	}
	return b.String()
}

// bodyGap is the most common distance between consecutive lines, the
// spacing of the page's body text; a page of few lines uses 1.2 times the
// text size, a common line spacing.
func bodyGap(lines []*line) float64 {
	count := map[float64]int{}
	for i := 1; i < len(lines); i++ {
		if d := lines[i-1].y - lines[i].y; d > 0 {
			count[math.Round(d*2)/2]++
		}
	}
	best, n := 0.0, 0
	keys := make([]float64, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if count[k] > n {
			best, n = k, count[k]
		}
	}
	if n < 2 {
		size := 12.0
		if len(lines) > 0 {
			size = lines[0].size
		}
		return 1.2 * size
	}
	return best
}

// clean drops control characters a font may map codes to, keeping text.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\u00A0':
			return ' '
		case r < 0x20 || r == 0x7F || unicode.Is(unicode.Cc, r):
			return -1
		}
		return r
	}, s)
}
