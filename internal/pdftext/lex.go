package pdftext

import (
	"bytes"
	"strconv"
)

// The PDF object model, as far as reading text needs it. Numbers are
// float64 (offsets and object numbers fit exactly); strings are raw bytes.
type (
	name    string
	pdfStr  string
	keyword string
	array   []any
	dict    map[name]any
	ref     struct{ num, gen int }
	stream  struct {
		hdr dict
		raw []byte
	}
)

// maxDepth bounds nesting of arrays and dictionaries, and of references
// followed while resolving, against files built to recurse forever.
const maxDepth = 64

// lexer reads PDF tokens and objects from b starting at pos.
type lexer struct {
	b   []byte
	pos int
	// refs turns "N G R" into a reference; off in content streams, whose
	// operands never hold references.
	refs bool
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skip passes white space and comments.
func (l *lexer) skip() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// regular reads a run of regular characters (a number or keyword).
func (l *lexer) regular() []byte {
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	return l.b[start:l.pos]
}

// errEnd is returned at the end of the input.
var errEnd = damaged("the file ends in the middle of an object")

// object reads one object. Keywords (operators in content streams, and
// obj, endobj, stream, R elsewhere) come back as keyword.
func (l *lexer) object(depth int) (any, error) {
	if depth > maxDepth {
		return nil, damaged("objects are nested too deeply")
	}
	l.skip()
	if l.pos >= len(l.b) {
		return nil, errEnd
	}
	c := l.b[l.pos]
	switch {
	case c == '/':
		l.pos++
		return l.name(), nil
	case c == '(':
		l.pos++
		return l.literal(), nil
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		l.pos += 2
		return l.dictionary(depth)
	case c == '<':
		l.pos++
		return l.hex(), nil
	case c == '[':
		l.pos++
		var a array
		for {
			l.skip()
			if l.pos >= len(l.b) {
				return nil, errEnd
			}
			if l.b[l.pos] == ']' {
				l.pos++
				return a, nil
			}
			o, err := l.object(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, o)
		}
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		l.pos++
		return keyword(c), nil
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return l.number(), nil
	}
	w := l.regular()
	switch string(w) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	}
	return keyword(w), nil
}

func (l *lexer) name() name {
	raw := l.regular()
	if bytes.IndexByte(raw, '#') < 0 {
		return name(raw)
	}
	var out []byte
	for i := 0; i < len(raw); i++ {
		if raw[i] == '#' && i+2 < len(raw) {
			if v, err := strconv.ParseUint(string(raw[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, raw[i])
	}
	return name(out)
}

func (l *lexer) literal() pdfStr {
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return pdfStr(out)
			}
		case '\r':
			// An end of line in a string is one line feed, whatever it was.
			if l.pos < len(l.b) && l.b[l.pos] == '\n' {
				l.pos++
			}
			c = '\n'
		case '\\':
			if l.pos >= len(l.b) {
				return pdfStr(out)
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return pdfStr(out)
}

func (l *lexer) hex() pdfStr {
	var out []byte
	hi, half := byte(0), false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		var v byte
		switch {
		case c == '>':
			if half {
				out = append(out, hi<<4)
			}
			return pdfStr(out)
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return pdfStr(out)
}

func (l *lexer) dictionary(depth int) (any, error) {
	d := dict{}
	for {
		l.skip()
		if l.pos+1 < len(l.b) && l.b[l.pos] == '>' && l.b[l.pos+1] == '>' {
			l.pos += 2
			return d, nil
		}
		k, err := l.object(depth + 1)
		if err != nil {
			return nil, err
		}
		key, ok := k.(name)
		if !ok {
			return nil, damaged("a dictionary has a key that is not a name")
		}
		v, err := l.object(depth + 1)
		if err != nil {
			return nil, err
		}
		if _, ok := v.(keyword); ok {
			return nil, damaged("a dictionary has a key with no value")
		}
		d[key] = v
	}
}

// number reads a number, or with refs on, a reference "N G R".
func (l *lexer) number() any {
	raw := l.regular()
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil {
		// Generators write oddities such as "--5" or "1.2.3"; PDF readers
		// take them as zero rather than give up on the page.
		f = 0
	}
	if !l.refs || f != float64(int(f)) || f < 0 {
		return f
	}
	save := l.pos
	l.skip()
	g := l.regular()
	gen, err := strconv.Atoi(string(g))
	if err == nil && gen >= 0 {
		l.skip()
		if l.pos < len(l.b) && l.b[l.pos] == 'R' && (l.pos+1 == len(l.b) || isSpace(l.b[l.pos+1]) || isDelim(l.b[l.pos+1])) {
			l.pos++
			return ref{int(f), gen}
		}
	}
	l.pos = save
	return f
}
