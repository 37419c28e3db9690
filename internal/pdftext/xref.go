package pdftext

import (
	"bytes"
	"strconv"
)

// entry is where an object lives: at a byte offset in the file, or as the
// index-th object of object stream stm.
type entry struct {
	inStream bool
	off      int // file offset, or the object stream's number
	index    int
}

// file is a PDF being read: its cross-reference and the objects loaded.
type file struct {
	b       []byte
	xref    map[int]entry
	trailer dict
	cache   map[int]any
	loading map[int]bool
	objStms map[int]*objStm
	budget  int // bytes all decoded streams may still take
}

// Limits a hostile file cannot pass.
const (
	maxObjects      = 1 << 20
	maxDecodedBytes = 256 << 20
	maxXrefSections = 1000
)

func open(b []byte) (*file, error) {
	if bytes.Index(b[:min(len(b), 1024)], []byte("%PDF-")) < 0 {
		return nil, damaged("it does not start as a PDF does")
	}
	f := &file{b: b, xref: map[int]entry{}, cache: map[int]any{}, loading: map[int]bool{}, objStms: map[int]*objStm{}, budget: maxDecodedBytes}
	i := bytes.LastIndex(b[max(0, len(b)-4096):], []byte("startxref"))
	if i < 0 {
		return nil, damaged("the end of the file, which says where its contents are listed, is missing")
	}
	l := &lexer{b: b, pos: max(0, len(b)-4096) + i + len("startxref")}
	l.skip()
	off, err := strconv.Atoi(string(l.regular()))
	if err != nil || off < 0 || off >= len(b) {
		return nil, damaged("the list of its contents (cross-reference) is not where the file says")
	}
	seen := map[int]bool{}
	for sections := 0; ; sections++ {
		if seen[off] || sections > maxXrefSections {
			break
		}
		seen[off] = true
		trailer, err := f.section(off)
		if err != nil {
			return nil, err
		}
		if f.trailer == nil {
			f.trailer = trailer
		}
		// A hybrid file lists its newer objects in a stream as well.
		if x, ok := trailer["XRefStm"].(float64); ok && !seen[int(x)] {
			seen[int(x)] = true
			if _, err := f.section(int(x)); err != nil {
				return nil, err
			}
		}
		prev, ok := trailer["Prev"].(float64)
		if !ok || prev < 0 || int(prev) >= len(b) {
			break
		}
		off = int(prev)
	}
	if f.trailer["Encrypt"] != nil {
		return nil, ErrEncrypted
	}
	if _, ok := f.trailer["Root"].(ref); !ok {
		return nil, damaged("the file does not say where its pages start")
	}
	return f, nil
}

// section reads one cross-reference section at off, a table or a stream,
// adding the objects not already listed by a newer one, and returns its
// trailer.
func (f *file) section(off int) (dict, error) {
	if off < 0 || off >= len(f.b) {
		return nil, damaged("the list of its contents (cross-reference) is not where the file says")
	}
	l := &lexer{b: f.b, pos: off, refs: true}
	l.skip()
	if bytes.HasPrefix(f.b[l.pos:], []byte("xref")) {
		l.pos += 4
		return f.table(l)
	}
	o, err := f.indirect(off)
	if err != nil {
		return nil, damaged("the list of its contents (cross-reference) is not where the file says")
	}
	s, ok := o.(stream)
	if !ok || s.hdr["Type"] != name("XRef") {
		return nil, damaged("the list of its contents (cross-reference) is not where the file says")
	}
	return s.hdr, f.xrefStream(s)
}

// table reads a classic cross-reference table after its "xref" keyword.
func (f *file) table(l *lexer) (dict, error) {
	for {
		l.skip()
		if bytes.HasPrefix(f.b[l.pos:], []byte("trailer")) {
			l.pos += len("trailer")
			t, err := l.object(0)
			if err != nil {
				return nil, err
			}
			d, ok := t.(dict)
			if !ok {
				return nil, damaged("the trailer is not a dictionary")
			}
			return d, nil
		}
		first, err1 := strconv.Atoi(string(l.regular()))
		l.skip()
		count, err2 := strconv.Atoi(string(l.regular()))
		if err1 != nil || err2 != nil || first < 0 || count < 0 || first+count > maxObjects {
			return nil, damaged("the cross-reference table is broken")
		}
		for n := first; n < first+count; n++ {
			l.skip()
			o, err1 := strconv.Atoi(string(l.regular()))
			l.skip()
			_, err2 := strconv.Atoi(string(l.regular()))
			l.skip()
			kind := string(l.regular())
			if err1 != nil || err2 != nil || (kind != "n" && kind != "f") {
				return nil, damaged("the cross-reference table is broken")
			}
			if _, known := f.xref[n]; !known && kind == "n" {
				f.xref[n] = entry{off: o}
			} else if !known {
				f.xref[n] = entry{off: -1}
			}
		}
	}
}

// xrefStream reads a cross-reference stream's entries.
func (f *file) xrefStream(s stream) error {
	data, err := f.decode(s)
	if err != nil {
		return err
	}
	w, _ := s.hdr["W"].(array)
	if len(w) != 3 {
		return damaged("the cross-reference stream is broken")
	}
	var widths [3]int
	rowLen := 0
	for i, v := range w {
		n, ok := v.(float64)
		if !ok || n < 0 || n > 8 {
			return damaged("the cross-reference stream is broken")
		}
		widths[i] = int(n)
		rowLen += int(n)
	}
	if rowLen == 0 {
		return damaged("the cross-reference stream is broken")
	}
	size, _ := s.hdr["Size"].(float64)
	index := array{0.0, size}
	if ix, ok := s.hdr["Index"].(array); ok {
		index = ix
	}
	row := 0
	for i := 0; i+1 < len(index); i += 2 {
		first, ok1 := index[i].(float64)
		count, ok2 := index[i+1].(float64)
		if !ok1 || !ok2 || first < 0 || count < 0 || first+count > maxObjects {
			return damaged("the cross-reference stream is broken")
		}
		for n := int(first); n < int(first+count); n++ {
			if (row+1)*rowLen > len(data) {
				return nil
			}
			r := data[row*rowLen : (row+1)*rowLen]
			row++
			field := func(k int) int {
				start := 0
				for j := 0; j < k; j++ {
					start += widths[j]
				}
				v := 0
				for _, c := range r[start : start+widths[k]] {
					v = v<<8 | int(c)
				}
				return v
			}
			kind := 1
			if widths[0] > 0 {
				kind = field(0)
			}
			if _, known := f.xref[n]; known {
				continue
			}
			switch kind {
			case 1:
				f.xref[n] = entry{off: field(1)}
			case 2:
				f.xref[n] = entry{inStream: true, off: field(1), index: field(2)}
			default:
				f.xref[n] = entry{off: -1}
			}
		}
	}
	return nil
}

// indirect reads the object "N G obj ... endobj" at off, with its stream.
func (f *file) indirect(off int) (any, error) {
	if off < 0 || off >= len(f.b) {
		return nil, damaged("an object is not where the file says")
	}
	l := &lexer{b: f.b, pos: off, refs: true}
	for _, want := range []string{"", "", "obj"} {
		o, err := l.object(0)
		if err != nil {
			return nil, err
		}
		if _, isNum := o.(float64); want == "" && !isNum || want != "" && o != keyword(want) {
			return nil, damaged("an object is not where the file says")
		}
	}
	o, err := l.object(0)
	if err != nil {
		return nil, err
	}
	hdr, ok := o.(dict)
	if !ok {
		return o, nil
	}
	l.skip()
	if !bytes.HasPrefix(f.b[l.pos:], []byte("stream")) {
		return hdr, nil
	}
	l.pos += len("stream")
	if l.pos < len(f.b) && f.b[l.pos] == '\r' {
		l.pos++
	}
	if l.pos < len(f.b) && f.b[l.pos] == '\n' {
		l.pos++
	}
	start := l.pos
	end := -1
	if n, ok := f.resolve(hdr["Length"], 0).(float64); ok && n >= 0 && start+int(n) <= len(f.b) {
		end = start + int(n)
		// A wrong length is common; trust it only if "endstream" follows.
		after := &lexer{b: f.b, pos: end}
		after.skip()
		if !bytes.HasPrefix(f.b[after.pos:], []byte("endstream")) {
			end = -1
		}
	}
	if end < 0 {
		i := bytes.Index(f.b[start:], []byte("endstream"))
		if i < 0 {
			return nil, damaged("a stream has no end")
		}
		end = start + i
		for end > start && (f.b[end-1] == '\n' || f.b[end-1] == '\r') {
			end--
		}
	}
	return stream{hdr: hdr, raw: f.b[start:end]}, nil
}

// objStm is a decoded object stream: its data and where each object starts.
type objStm struct {
	data []byte
	offs []int
}

// get returns object num, loading it once; nil for a free or unknown one.
func (f *file) get(num int) (any, error) {
	if o, ok := f.cache[num]; ok {
		return o, nil
	}
	e, ok := f.xref[num]
	if !ok || (!e.inStream && e.off < 0) {
		return nil, nil
	}
	if f.loading[num] {
		return nil, damaged("an object refers to itself")
	}
	f.loading[num] = true
	defer delete(f.loading, num)
	var o any
	var err error
	if e.inStream {
		o, err = f.fromStream(e)
	} else {
		o, err = f.indirect(e.off)
	}
	if err != nil {
		return nil, err
	}
	f.cache[num] = o
	return o, nil
}

func (f *file) fromStream(e entry) (any, error) {
	os, ok := f.objStms[e.off]
	if !ok {
		o, err := f.get(e.off)
		if err != nil {
			return nil, err
		}
		s, ok := o.(stream)
		if !ok {
			return nil, damaged("an object stream is missing")
		}
		data, err := f.decode(s)
		if err != nil {
			return nil, err
		}
		n, _ := s.hdr["N"].(float64)
		first, _ := s.hdr["First"].(float64)
		if n < 0 || n > maxObjects || first < 0 || int(first) > len(data) {
			return nil, damaged("an object stream is broken")
		}
		os = &objStm{data: data}
		l := &lexer{b: data[:int(first)]}
		for i := 0; i < int(n); i++ {
			l.skip()
			l.regular()
			l.skip()
			off, err := strconv.Atoi(string(l.regular()))
			if err != nil || off < 0 || int(first)+off > len(data) {
				return nil, damaged("an object stream is broken")
			}
			os.offs = append(os.offs, int(first)+off)
		}
		f.objStms[e.off] = os
	}
	if e.index < 0 || e.index >= len(os.offs) {
		return nil, damaged("an object stream is broken")
	}
	l := &lexer{b: os.data, pos: os.offs[e.index], refs: true}
	return l.object(0)
}

// resolve follows references to the object they name; nil for a broken
// or missing one, which readers treat as absent.
func (f *file) resolve(o any, depth int) any {
	r, ok := o.(ref)
	if !ok || depth > maxDepth {
		if ok {
			return nil
		}
		return o
	}
	v, err := f.get(r.num)
	if err != nil {
		return nil
	}
	return f.resolve(v, depth+1)
}

// dictOf resolves o to a dictionary (a stream's header counts), or nil.
func (f *file) dictOf(o any) dict {
	switch v := f.resolve(o, 0).(type) {
	case dict:
		return v
	case stream:
		return v.hdr
	}
	return nil
}
