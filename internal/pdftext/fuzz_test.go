package pdftext

import (
	"errors"
	"github.com/coprod/coprod/internal/pdfwrite"
	"testing"
	"unicode/utf8"
)

// FuzzRead: any bytes give text or one of the three errors, never a panic
// or a hang; the corpus in testdata/fuzz starts from the files the tests
// write.
func FuzzRead(f *testing.F) {
	for _, compress := range []bool{false, true} {
		w := &pdfwrite.Writer{}
		root := w.Document(w.Helvetica(), compress, policyPages...)
		f.Add(w.Classic(root))
		f.Add(w.Modern(root))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Read(b)
		if err != nil {
			if !errors.Is(err, ErrEncrypted) && !errors.Is(err, ErrNoText) && !errors.Is(err, ErrDamaged) {
				t.Fatalf("an error that says nothing a reader can act on: %v", err)
			}
			return
		}
		if len(doc.Pages) == 0 {
			t.Fatal("text with no pages")
		}
		for _, p := range doc.Pages {
			if !utf8.ValidString(p) {
				t.Fatalf("page text is not UTF-8: %q", p)
			}
		}
	})
}

// FuzzContent: any content stream, drawn with a simple and a composite
// font, gives UTF-8 text without a panic or a hang.
func FuzzContent(f *testing.F) {
	for _, p := range policyPages {
		f.Add([]byte(p))
	}
	f.Add([]byte("BT /F2 10 Tf <00410042> Tj [(a) -400 <0043>] TJ 1 0 0 1 0 0 Tm (x) ' 1 2 (y) \" ET BI /W 1 ID \x00\xff EI q Q"))
	f.Fuzz(func(t *testing.T, content []byte) {
		simple := &font{enc: &winAnsi, dw: 500, widths: map[int]float64{}}
		composite := &font{composite: true, dw: 1000, widths: map[int]float64{}, toUni: map[code]string{{0x41, 2}: "A"}}
		st := &state{ctm: identity, scale: 1, formsVisited: map[int]bool{},
			fonts: map[string]*font{"F1": simple, "F2": composite}}
		fl := &file{cache: map[int]any{}, loading: map[int]bool{}, objStms: map[int]*objStm{}, xref: map[int]entry{}, budget: maxDecodedBytes}
		fl.run(st, content, dict{"Font": dict{"F1": dict{}, "F2": dict{}}}, 0)
		if s := layout(st.pieces); !utf8.ValidString(s) {
			t.Fatalf("text is not UTF-8: %q", s)
		}
	})
}

// FuzzCMap: any ToUnicode CMap parses without a panic, and every text it
// maps a code to is UTF-8.
func FuzzCMap(f *testing.F) {
	f.Add([]byte("1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfchar <0100> <00E9> endbfchar 2 beginbfrange <0003> <005E> <0020> <0102> <0103> [<00660069> <00A3>] endbfrange"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ranges, toUni := parseCMap(data)
		ft := &font{composite: true, ranges: ranges, toUni: toUni, dw: 1000, widths: map[int]float64{}}
		for _, g := range ft.decode(data) {
			if !utf8.ValidString(g.text) {
				t.Fatalf("text is not UTF-8: %q", g.text)
			}
		}
	})
}
