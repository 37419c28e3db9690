package pdftext

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
)

// errImage marks a stream in an image format: not text, so skipped.
var errImage = errors.New("image data")

// decode returns a stream's data with its filters undone. The decoded
// bytes of the whole file are bounded (f.budget) against compression bombs.
func (f *file) decode(s stream) ([]byte, error) {
	data := s.raw
	filters := f.resolve(s.hdr["Filter"], 0)
	parms := f.resolve(s.hdr["DecodeParms"], 0)
	var fs, ps array
	switch v := filters.(type) {
	case name:
		fs, ps = array{v}, array{parms}
	case array:
		fs = v
		ps, _ = parms.(array)
	}
	for i, fl := range fs {
		var p dict
		if i < len(ps) {
			p = f.dictOf(ps[i])
		}
		var err error
		switch f.resolve(fl, 0) {
		case name("FlateDecode"), name("Fl"):
			data, err = f.inflate(data)
			if err == nil {
				data, err = predict(data, p)
			}
		case name("ASCIIHexDecode"), name("AHx"):
			data = []byte((&lexer{b: append(bytes.Clone(data), '>')}).hex())
		case name("ASCII85Decode"), name("A85"):
			data, err = ascii85(data)
		case name("DCTDecode"), name("DCT"), name("JPXDecode"), name("CCITTFaxDecode"), name("CCF"), name("JBIG2Decode"):
			return nil, errImage
		default:
			return nil, damaged("a stream is compressed in a way this reader does not know")
		}
		if err != nil {
			return nil, err
		}
	}
	f.budget -= len(data)
	if f.budget < 0 {
		return nil, damaged("its contents are too large to read")
	}
	return data, nil
}

// inflate undoes FlateDecode. A truncated stream gives what it held, as
// other readers do: a slightly short stream is common and its text usable.
func (f *file) inflate(data []byte) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, damaged("a compressed stream is broken")
	}
	out, err := io.ReadAll(io.LimitReader(zr, int64(f.budget)+1))
	if len(out) > f.budget {
		return nil, damaged("its contents are too large to read")
	}
	if err != nil && len(out) == 0 {
		return nil, damaged("a compressed stream is broken")
	}
	return out, nil
}

// predict undoes a PNG predictor (Predictor 10 to 15), as cross-reference
// streams use; other predictors are only for images.
func predict(data []byte, p dict) ([]byte, error) {
	pred, _ := p["Predictor"].(float64)
	if pred < 10 {
		return data, nil
	}
	num := func(k name, def float64) int {
		if v, ok := p[k].(float64); ok && v >= 1 && v <= 1<<16 {
			return int(v)
		}
		return int(def)
	}
	colors, bpc, columns := num("Colors", 1), num("BitsPerComponent", 8), num("Columns", 1)
	rowLen := (colors*bpc*columns + 7) / 8
	if colors > 32 || bpc > 16 || rowLen > 1<<20 {
		return nil, damaged("a stream's predictor is broken")
	}
	bpp := max(1, colors*bpc/8)
	var out []byte
	prev := make([]byte, rowLen)
	for len(data) >= rowLen+1 {
		kind, row := data[0], bytes.Clone(data[1:rowLen+1])
		data = data[rowLen+1:]
		for i := range row {
			var left, upLeft byte
			if i >= bpp {
				left, upLeft = row[i-bpp], prev[i-bpp]
			}
			up := prev[i]
			switch kind {
			case 1:
				row[i] += left
			case 2:
				row[i] += up
			case 3:
				row[i] += byte((int(left) + int(up)) / 2)
			case 4:
				row[i] += paeth(left, up, upLeft)
			case 0:
			default:
				return nil, damaged("a stream's predictor is broken")
			}
		}
		out = append(out, row...)
		prev = row
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// ascii85 undoes ASCII85Decode up to its "~>" end.
func ascii85(data []byte) ([]byte, error) {
	var out []byte
	var group [5]byte
	n := 0
	flush := func(k int) {
		v := uint32(0)
		for i := range 5 {
			c := byte('u')
			if i < k {
				c = group[i]
			}
			v = v*85 + uint32(c-'!')
		}
		b := []byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
		out = append(out, b[:k-1]...)
	}
	for _, c := range data {
		switch {
		case c == '~':
			if n > 1 {
				flush(n)
			}
			return out, nil
		case c == 'z' && n == 0:
			out = append(out, 0, 0, 0, 0)
		case c >= '!' && c <= 'u':
			group[n] = c
			n++
			if n == 5 {
				flush(5)
				n = 0
			}
		case isSpace(c):
		default:
			return nil, damaged("a stream's ASCII85 text is broken")
		}
	}
	if n > 1 {
		flush(n)
	}
	return out, nil
}
