package pdftext

import (
	"unicode/utf16"
)

// font turns the bytes of a shown string into text, and says how wide
// each code is (thousandths of the font size) to place the next string.
type font struct {
	composite bool
	// ranges are the code lengths of a composite font's codespace, from
	// its ToUnicode CMap; a composite font without them uses two bytes
	// (Identity-H, by far the most common).
	ranges []codeRange
	toUni  map[code]string
	enc    *baseEncoding
	diffs  map[byte]string
	widths map[int]float64
	dw     float64 // default width
}

type code struct {
	n   uint32
	len int
}

type codeRange struct {
	lo, hi []byte
}

// loadFont reads a font dictionary.
func (f *file) loadFont(fd dict) *font {
	ft := &font{composite: fd["Subtype"] == name("Type0"), dw: 500, widths: map[int]float64{}}
	if s, ok := f.resolve(fd["ToUnicode"], 0).(stream); ok {
		if data, err := f.decode(s); err == nil {
			ft.ranges, ft.toUni = parseCMap(data)
		}
	}
	if ft.composite {
		ft.dw = 1000
		if ds, ok := f.resolve(fd["DescendantFonts"], 0).(array); ok && len(ds) > 0 {
			d := f.dictOf(ds[0])
			if v, ok := f.resolve(d["DW"], 0).(float64); ok {
				ft.dw = v
			}
			ft.cidWidths(f, f.resolve(d["W"], 0))
		}
		return ft
	}
	enc := &winAnsi
	if fd["Subtype"] == name("Type1") {
		enc = &standard
	}
	switch e := f.resolve(fd["Encoding"], 0).(type) {
	case name:
		enc = namedEncoding(e, enc)
	case dict:
		if b, ok := f.resolve(e["BaseEncoding"], 0).(name); ok {
			enc = namedEncoding(b, enc)
		}
		if diffs, ok := f.resolve(e["Differences"], 0).(array); ok {
			ft.diffs = map[byte]string{}
			c := 0
			for _, d := range diffs {
				switch v := f.resolve(d, 0).(type) {
				case float64:
					c = int(v)
				case name:
					if c >= 0 && c < 256 {
						ft.diffs[byte(c)] = glyph(string(v))
					}
					c++
				}
			}
		}
	}
	ft.enc = enc
	first, _ := f.resolve(fd["FirstChar"], 0).(float64)
	if ws, ok := f.resolve(fd["Widths"], 0).(array); ok {
		for i, w := range ws {
			if v, ok := f.resolve(w, 0).(float64); ok {
				ft.widths[int(first)+i] = v
			}
		}
	}
	return ft
}

func namedEncoding(n name, def *baseEncoding) *baseEncoding {
	switch n {
	case "WinAnsiEncoding":
		return &winAnsi
	case "MacRomanEncoding":
		return &macRoman
	case "StandardEncoding":
		return &standard
	}
	return def
}

// cidWidths reads a composite font's W array: "c [w1 w2 ...]" gives
// widths from c on, "c1 c2 w" one width for a range.
func (ft *font) cidWidths(f *file, w any) {
	a, _ := w.(array)
	for i := 0; i < len(a); {
		c, ok := f.resolve(a[i], 0).(float64)
		if !ok || i+1 >= len(a) {
			return
		}
		if ws, ok := f.resolve(a[i+1], 0).(array); ok {
			for k, v := range ws {
				if x, ok := f.resolve(v, 0).(float64); ok && len(ft.widths) < maxObjects {
					ft.widths[int(c)+k] = x
				}
			}
			i += 2
			continue
		}
		hi, ok1 := f.resolve(a[i+1], 0).(float64)
		if i+2 >= len(a) {
			return
		}
		x, ok2 := f.resolve(a[i+2], 0).(float64)
		if !ok1 || !ok2 || hi-c > 65536 {
			return
		}
		for k := int(c); k <= int(hi) && len(ft.widths) < maxObjects; k++ {
			ft.widths[k] = x
		}
		i += 3
	}
}

// glyphRun is one code of a shown string: its text and width.
type glyphRun struct {
	text  string
	width float64 // thousandths of the font size
	space bool    // the single-byte code 32, to which word spacing applies
}

// decode splits a shown string into codes and reads each.
func (ft *font) decode(s []byte) []glyphRun {
	var out []glyphRun
	for len(s) > 0 {
		n := ft.codeLen(s)
		var v uint32
		for _, b := range s[:n] {
			v = v<<8 | uint32(b)
		}
		c := code{v, n}
		s = s[n:]
		g := glyphRun{width: ft.dw, space: n == 1 && v == 32}
		if w, ok := ft.widths[int(v)]; ok {
			g.width = w
		}
		switch t, ok := ft.toUni[c]; {
		case ok:
			g.text = t
		case ft.composite:
			g.text = "\uFFFD"
		default:
			if d, ok := ft.diffs[byte(v)]; ok {
				g.text = d
			} else if r := ft.enc[v]; r != 0 {
				g.text = string(r)
			}
		}
		out = append(out, g)
	}
	return out
}

// codeLen is how many bytes the next code takes.
func (ft *font) codeLen(s []byte) int {
	if !ft.composite {
		return 1
	}
	for n := 1; n <= 4 && n <= len(s); n++ {
		for _, r := range ft.ranges {
			if len(r.lo) == n && inRange(s[:n], r) {
				return n
			}
		}
	}
	if len(ft.ranges) > 0 {
		return 1
	}
	return min(2, len(s))
}

func inRange(b []byte, r codeRange) bool {
	for i := range b {
		if b[i] < r.lo[i] || b[i] > r.hi[i] {
			return false
		}
	}
	return true
}

// maxCMapEntries bounds a ToUnicode CMap's ranges.
const maxCMapEntries = 1 << 16

// parseCMap reads a ToUnicode CMap: its codespace ranges and the text of
// each code from bfchar and bfrange sections.
func parseCMap(data []byte) ([]codeRange, map[code]string) {
	l := &lexer{b: data}
	toUni := map[code]string{}
	var ranges []codeRange
	var ops []any
	for {
		o, err := l.object(0)
		if err != nil {
			break
		}
		k, isKw := o.(keyword)
		if !isKw {
			ops = append(ops, o)
			continue
		}
		switch k {
		case "endcodespacerange":
			for i := 0; i+1 < len(ops); i += 2 {
				lo, ok1 := ops[i].(pdfStr)
				hi, ok2 := ops[i+1].(pdfStr)
				if ok1 && ok2 && len(lo) == len(hi) && len(lo) >= 1 && len(lo) <= 4 {
					ranges = append(ranges, codeRange{[]byte(lo), []byte(hi)})
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(ops); i += 2 {
				src, ok := ops[i].(pdfStr)
				if ok && len(src) >= 1 && len(src) <= 4 {
					toUni[codeOf(src)] = dstText(ops[i+1])
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(ops); i += 3 {
				lo, ok1 := ops[i].(pdfStr)
				hi, ok2 := ops[i+1].(pdfStr)
				if !ok1 || !ok2 || len(lo) != len(hi) || len(lo) < 1 || len(lo) > 4 {
					continue
				}
				a, b := codeOf(lo), codeOf(hi)
				if b.n < a.n || b.n-a.n > maxCMapEntries || len(toUni) > maxCMapEntries {
					continue
				}
				switch dst := ops[i+2].(type) {
				case pdfStr:
					base := utf16.Decode(utf16be([]byte(dst)))
					for k := uint32(0); k <= b.n-a.n; k++ {
						t := append([]rune(nil), base...)
						if len(t) > 0 {
							t[len(t)-1] += rune(k)
						}
						toUni[code{a.n + k, a.len}] = string(t)
					}
				case array:
					for k, d := range dst {
						if uint32(k) > b.n-a.n {
							break
						}
						toUni[code{a.n + uint32(k), a.len}] = dstText(d)
					}
				}
			}
		}
		ops = ops[:0]
	}
	return ranges, toUni
}

func codeOf(s pdfStr) code {
	var v uint32
	for i := 0; i < len(s); i++ {
		v = v<<8 | uint32(s[i])
	}
	return code{v, len(s)}
}

// dstText is a CMap destination: UTF-16BE bytes, or a glyph name.
func dstText(o any) string {
	switch d := o.(type) {
	case pdfStr:
		return string(utf16.Decode(utf16be([]byte(d))))
	case name:
		return glyph(string(d))
	}
	return ""
}

func utf16be(b []byte) []uint16 {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return u
}
