package pdftext

import (
	"bytes"
	"math"
	"strconv"
	"strings"
)

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul is m × n: m applied first.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// piece is a run of text shown at one place on the page.
type piece struct {
	text       string
	x, y, endX float64
	size       float64 // the text's height on the page
}

// Limits per page against hostile content.
const (
	maxOperators = 5_000_000
	maxFormDepth = 8
)

// state is the graphics and text state that placing text needs.
type state struct {
	ctm                   matrix
	font                  *font
	size, leading, charSp float64
	wordSp, scale, rise   float64
	stack                 []matrix
	tm, lm                matrix
	pieces                []piece
	ops                   int
	fonts                 map[string]*font
	images                int // image XObjects drawn: a page of only images is scanned
	formsVisited          map[int]bool
}

// run interprets a content stream with its resources.
func (f *file) run(st *state, data []byte, res dict, depth int) {
	l := &lexer{b: data}
	var args []any
	for {
		o, err := l.object(0)
		if err != nil {
			return
		}
		op, isOp := o.(keyword)
		if !isOp {
			if len(args) < 64 {
				args = append(args, o)
			}
			continue
		}
		st.ops++
		if st.ops > maxOperators {
			return
		}
		f.operator(st, string(op), args, res, depth, l)
		args = args[:0]
	}
}

func nums(args []any, n int) ([]float64, bool) {
	if len(args) < n {
		return nil, false
	}
	out := make([]float64, n)
	for i, a := range args[len(args)-n:] {
		v, ok := a.(float64)
		if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, false
		}
		out[i] = v
	}
	return out, true
}

func (f *file) operator(st *state, op string, args []any, res dict, depth int, l *lexer) {
	switch op {
	case "q":
		if len(st.stack) < 256 {
			st.stack = append(st.stack, st.ctm)
		}
	case "Q":
		if n := len(st.stack); n > 0 {
			st.ctm, st.stack = st.stack[n-1], st.stack[:n-1]
		}
	case "cm":
		if v, ok := nums(args, 6); ok {
			st.ctm = matrix(v).mul(st.ctm)
		}
	case "BT":
		st.tm, st.lm = identity, identity
	case "Tf":
		if v, ok := nums(args, 1); ok && len(args) >= 2 {
			st.size = v[0]
			if n, ok := args[len(args)-2].(name); ok {
				st.font = f.fontNamed(st, res, string(n))
			}
		}
	case "TL":
		if v, ok := nums(args, 1); ok {
			st.leading = v[0]
		}
	case "Tc":
		if v, ok := nums(args, 1); ok {
			st.charSp = v[0]
		}
	case "Tw":
		if v, ok := nums(args, 1); ok {
			st.wordSp = v[0]
		}
	case "Tz":
		if v, ok := nums(args, 1); ok {
			st.scale = v[0] / 100
		}
	case "Ts":
		if v, ok := nums(args, 1); ok {
			st.rise = v[0]
		}
	case "Td", "TD":
		if v, ok := nums(args, 2); ok {
			st.lm = matrix{1, 0, 0, 1, v[0], v[1]}.mul(st.lm)
			st.tm = st.lm
			if op == "TD" {
				st.leading = -v[1]
			}
		}
	case "Tm":
		if v, ok := nums(args, 6); ok {
			st.tm, st.lm = matrix(v), matrix(v)
		}
	case "T*":
		st.nextLine()
	case "Tj":
		if len(args) > 0 {
			if s, ok := args[len(args)-1].(pdfStr); ok {
				st.show(s)
			}
		}
	case "'", "\"":
		if op == "\"" {
			if v, ok := nums(args[:max(0, len(args)-1)], 2); ok {
				st.wordSp, st.charSp = v[0], v[1]
			}
		}
		st.nextLine()
		if len(args) > 0 {
			if s, ok := args[len(args)-1].(pdfStr); ok {
				st.show(s)
			}
		}
	case "TJ":
		if len(args) == 0 {
			return
		}
		a, _ := args[len(args)-1].(array)
		for _, e := range a {
			switch v := e.(type) {
			case pdfStr:
				st.show(v)
			case float64:
				st.move(-v / 1000 * st.size * st.hscale())
			}
		}
	case "Do":
		if len(args) > 0 {
			if n, ok := args[len(args)-1].(name); ok {
				f.xobject(st, res, n, depth)
			}
		}
	case "BI":
		// An inline image: skip its data, which may hold any bytes.
		if i := bytes.Index(l.b[l.pos:], []byte("ID")); i >= 0 {
			l.pos += i + 2
			if j := bytes.Index(l.b[l.pos:], []byte("EI")); j >= 0 {
				l.pos += j + 2
			} else {
				l.pos = len(l.b)
			}
		}
		st.images++
	}
}

func (st *state) hscale() float64 {
	if st.scale == 0 {
		return 1
	}
	return st.scale
}

func (st *state) nextLine() {
	st.lm = matrix{1, 0, 0, 1, 0, -st.leading}.mul(st.lm)
	st.tm = st.lm
}

// move shifts the text position by tx unscaled text-space units.
func (st *state) move(tx float64) {
	st.tm = matrix{1, 0, 0, 1, tx, 0}.mul(st.tm)
}

// show places a string and moves past it.
func (st *state) show(s pdfStr) {
	if st.font == nil {
		st.font = &font{enc: &standard, dw: 500}
	}
	trm := matrix{st.size * st.hscale(), 0, 0, st.size, 0, st.rise}.mul(st.tm).mul(st.ctm)
	start := trm
	var b strings.Builder
	for _, g := range st.font.decode([]byte(s)) {
		b.WriteString(g.text)
		adv := g.width/1000*st.size + st.charSp
		if g.space {
			adv += st.wordSp
		}
		st.move(adv * st.hscale())
	}
	end := matrix{st.size * st.hscale(), 0, 0, st.size, 0, st.rise}.mul(st.tm).mul(st.ctm)
	size := math.Hypot(start[2], start[3])
	st.pieces = append(st.pieces, piece{text: b.String(), x: start[4], y: start[5], endX: end[4], size: size})
}

func (f *file) fontNamed(st *state, res dict, n string) *font {
	fonts := f.dictOf(res["Font"])
	o, ok := fonts[name(n)]
	if !ok {
		return nil
	}
	key := n
	if r, ok := o.(ref); ok {
		// The same font object is shared by many pages: load it once.
		key = "\x00" + strconv.Itoa(r.num)
	}
	if ft, ok := st.fonts[key]; ok {
		return ft
	}
	fd := f.dictOf(o)
	if fd == nil {
		return nil
	}
	ft := f.loadFont(fd)
	st.fonts[key] = ft
	return ft
}

// xobject draws a form XObject's content (text often sits in forms) and
// counts images.
func (f *file) xobject(st *state, res dict, n name, depth int) {
	o := f.dictOf(res["XObject"])[n]
	s, ok := f.resolve(o, 0).(stream)
	if !ok {
		return
	}
	switch s.hdr["Subtype"] {
	case name("Image"):
		st.images++
	case name("Form"):
		r, isRef := o.(ref)
		if depth >= maxFormDepth || isRef && st.formsVisited[r.num] {
			return
		}
		if isRef {
			st.formsVisited[r.num] = true
			defer delete(st.formsVisited, r.num)
		}
		data, err := f.decode(s)
		if err != nil {
			return
		}
		saved, savedTm, savedLm := st.ctm, st.tm, st.lm
		if m, ok := nums(toAny(f.resolve(s.hdr["Matrix"], 0)), 6); ok {
			st.ctm = matrix(m).mul(st.ctm)
		}
		formRes := f.dictOf(s.hdr["Resources"])
		if formRes == nil {
			formRes = res
		}
		f.run(st, data, formRes, depth+1)
		st.ctm, st.tm, st.lm = saved, savedTm, savedLm
	}
}

func toAny(o any) []any {
	a, _ := o.(array)
	return a
}
