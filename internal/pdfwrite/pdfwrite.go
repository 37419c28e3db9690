// Package pdfwrite writes small PDFs of text: the files the PDF reader's
// tests read (internal/pdftext), in the classic and the PDF 1.5 layouts,
// and the demo's policy excerpt. It draws text in the standard Helvetica
// font and embeds nothing, which is all reading them needs.
package pdfwrite

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// Writer writes a PDF: objects numbered from 1
// in the order added, with a classic cross-reference table or, in the
// PDF 1.5 way, a cross-reference stream and an object stream.
type Writer struct {
	objs    []obj
	Trailer string // extra trailer entries, such as " /Encrypt 9 0 R"
}

type obj struct {
	body   string // the object, or a stream's dictionary
	data   []byte // a stream's data, nil for other objects
	stream bool
}

// Add adds an object and returns its number.
func (w *Writer) Add(body string) int {
	w.objs = append(w.objs, obj{body: body})
	return len(w.objs)
}

// Stream adds a stream; compress applies FlateDecode.
func (w *Writer) Stream(dict string, data []byte, compress bool) int {
	if compress {
		var b bytes.Buffer
		z := zlib.NewWriter(&b)
		z.Write(data)
		z.Close()
		data = b.Bytes()
		dict += " /Filter /FlateDecode"
	}
	w.objs = append(w.objs, obj{body: dict, data: data, stream: true})
	return len(w.objs)
}

// Reserve adds a placeholder to fill with set, for objects that refer to
// ones added after them (a page tree and its pages).
func (w *Writer) Reserve() int { return w.Add("null") }

// Set fills a reserved object.
func (w *Writer) Set(n int, body string) { w.objs[n-1] = obj{body: body} }

func (w *Writer) writeObj(b *bytes.Buffer, n int, o obj) {
	fmt.Fprintf(b, "%d 0 obj\n", n)
	if o.stream {
		fmt.Fprintf(b, "<< %s /Length %d >>\nstream\n", o.body, len(o.data))
		b.Write(o.data)
		b.WriteString("\nendstream")
	} else {
		b.WriteString(o.body)
	}
	b.WriteString("\nendobj\n")
}

// Classic writes the file with a cross-reference table.
func (w *Writer) Classic(root int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(w.objs))
	for i, o := range w.objs {
		offs[i] = b.Len()
		w.writeObj(&b, i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(w.objs)+1)
	for _, off := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(w.objs)+1, root, w.Trailer, xref)
	return b.Bytes()
}

// Modern writes the file with every object that is not a stream inside
// one compressed object stream, and a cross-reference stream with the PNG
// "up" predictor, as PDF 1.5 writers do.
func (w *Writer) Modern(root int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	n := len(w.objs)
	stm := n + 1   // the object stream
	xrefN := n + 2 // the cross-reference stream
	type row struct{ kind, f1, f2 int }
	rows := make([]row, n+3)
	var header, body strings.Builder
	k := 0
	for i, o := range w.objs {
		if o.stream {
			continue
		}
		fmt.Fprintf(&header, "%d %d ", i+1, body.Len())
		body.WriteString(o.body + "\n")
		rows[i+1] = row{2, stm, k}
		k++
	}
	for i, o := range w.objs {
		if o.stream {
			rows[i+1] = row{1, b.Len(), 0}
			w.writeObj(&b, i+1, o)
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte(header.String() + body.String()))
	zw.Close()
	rows[stm] = row{1, b.Len(), 0}
	w.writeObj(&b, stm, obj{body: fmt.Sprintf("/Type /ObjStm /N %d /First %d /Filter /FlateDecode", k, header.Len()), data: z.Bytes(), stream: true})
	rows[xrefN] = row{1, b.Len(), 0}
	// Rows of 1 + 4 + 2 bytes, each after the PNG "up" filter byte.
	var raw []byte
	prev := make([]byte, 7)
	for _, r := range rows {
		cur := []byte{byte(r.kind), byte(r.f1 >> 24), byte(r.f1 >> 16), byte(r.f1 >> 8), byte(r.f1), byte(r.f2 >> 8), byte(r.f2)}
		raw = append(raw, 2)
		for i := range cur {
			raw = append(raw, cur[i]-prev[i])
		}
		prev = cur
	}
	z.Reset()
	zw = zlib.NewWriter(&z)
	zw.Write(raw)
	zw.Close()
	w.writeObj(&b, xrefN, obj{body: fmt.Sprintf("/Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >>%s", n+3, root, w.Trailer), data: z.Bytes(), stream: true})
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", rows[xrefN].f1)
	return b.Bytes()
}

// Document adds a catalogue and page tree for pages whose content streams
// are given, all with the same resources, and returns the catalogue.
func (w *Writer) Document(resources string, compress bool, contents ...string) int {
	tree := w.Reserve()
	var kids []string
	for _, c := range contents {
		s := w.Stream("", []byte(c), compress)
		kids = append(kids, fmt.Sprintf("%d 0 R", w.Add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>", tree, s))))
	}
	w.Set(tree, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /Resources %s >>", strings.Join(kids, " "), len(kids), resources))
	return w.Add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", tree))
}

// Helvetica adds a standard font in WinAnsiEncoding and returns resources
// naming it F1.
func (w *Writer) Helvetica() string {
	f := w.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	return fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f)
}
