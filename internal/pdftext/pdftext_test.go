package pdftext

import (
	"errors"
	"fmt"
	"github.com/coprod/coprod/internal/pdfwrite"
	"slices"
	"strings"
	"testing"
)

// A policy excerpt over two pages as a word processor writes it: lines
// wrapped inside paragraphs (T* with leading), paragraphs further apart,
// a heading in a larger size, words placed separately on a line, kerned
// TJ arrays, and WinAnsi characters beyond ASCII written as octal escapes.
var policyPages = []string{
	"BT /F1 16 Tf 72 770 Td (Short breaks policy) Tj ET\n" +
		"BT /F1 11 Tf 13.2 TL 72 740 Td (People who use short breaks told us that) Tj T* (getting out and about matters to them.) Tj\n" +
		"0 -26.4 Td (The council\\222s offer costs \\24312.50 an hour.) Tj T* [(Caf) 20 (\\351s and p) -10 (arks are) -350 (included.)] TJ ET",
	"BT /F1 11 Tf 72 770 Td (Page two starts) Tj 100 0 Td (here, on one line.) Tj ET\n" +
		"BT /F1 11 Tf 1 0 0 1 72 700 Tm (A second paragraph on page two.) Tj ET",
}

var policyWant = []string{
	"Short breaks policy\n\nPeople who use short breaks told us that getting out and about matters to them.\n\n" +
		"The council’s offer costs £12.50 an hour. Cafés and parks are included.",
	"Page two starts here, on one line.\n\nA second paragraph on page two.",
}

func TestReadsPagesAndParagraphs(t *testing.T) {
	for _, layout := range []string{"classic", "modern"} {
		for _, compress := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s compressed=%v", layout, compress), func(t *testing.T) {
				w := &pdfwrite.Writer{}
				root := w.Document(w.Helvetica(), compress, policyPages...)
				b := w.Classic(root)
				if layout == "modern" {
					b = w.Modern(root)
				}
				doc, err := Read(b)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(doc.Pages, policyWant) {
					t.Errorf("pages:\n%q\nwant\n%q", doc.Pages, policyWant)
				}
			})
		}
	}
}

// A composite font (Identity-H, two-byte codes) whose ToUnicode CMap maps
// a range of codes onto ASCII, single codes onto characters beyond it, and
// one code onto two characters (a ligature), as PDF exports of documents
// in embedded fonts do.
func TestCompositeFontThroughToUnicode(t *testing.T) {
	w := &pdfwrite.Writer{}
	cmap := `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Test-UCS def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0100> <00E9> <0101> <2019> endbfchar
2 beginbfrange <0003> <005E> <0020> <0102> <0103> [<00660069> <00A3>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`
	tu := w.Stream("", []byte(cmap), true)
	desc := w.Add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 600 /W [3 [280] 100 101 550] >>")
	f := w.Add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", desc, tu))
	// "Café’s " then "ﬁne £5" with codes = character − 29 for ASCII.
	hex := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			switch r {
			case 'é':
				b.WriteString("0100")
			case '’':
				b.WriteString("0101")
			default:
				fmt.Fprintf(&b, "%04X", r-29)
			}
		}
		return b.String()
	}
	content := fmt.Sprintf("BT /F2 10 Tf 72 700 Td <%s> Tj <0102%s0103%s> Tj ET", hex("Café’s "), hex("ne "), hex("5"))
	root := w.Document(fmt.Sprintf("<< /Font << /F2 %d 0 R >> >>", f), true, content)
	doc, err := Read(w.Classic(root))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Café’s fine £5"}; !slices.Equal(doc.Pages, want) {
		t.Errorf("got %q, want %q", doc.Pages, want)
	}
}

// A simple font whose Differences rename codes (as subset fonts do), text
// inside a form XObject, and a page with no text between two with text.
func TestDifferencesFormsAndEmptyPages(t *testing.T) {
	w := &pdfwrite.Writer{}
	f := w.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Subset /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [1 /fi /eacute /quoteright 65 /uni00E0 /germandbls] >> >>")
	form := w.Stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 500 100] /Resources << /Font << /F3 %d 0 R >> >>", f), []byte("BT /F3 12 Tf 0 0 Td (In a form) Tj ET"), false)
	res := fmt.Sprintf("<< /Font << /F3 %d 0 R >> /XObject << /X1 %d 0 R >> >>", f, form)
	root := w.Document(res, false,
		"BT /F3 12 Tf 72 700 Td (\\001rst, caf\\002 and \\003s AB) Tj ET",
		"0 0 1 rg 0 0 100 100 re f",
		"q 1 0 0 1 72 600 cm /X1 Do Q",
	)
	doc, err := Read(w.Classic(root))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"first, café and ’s àß", "", "In a form"}; !slices.Equal(doc.Pages, want) {
		t.Errorf("got %q, want %q", doc.Pages, want)
	}
}

// Files that cannot be read give one error that says why.
func TestBadFilesSayWhy(t *testing.T) {
	text := func(w *pdfwrite.Writer) int { return w.Document(w.Helvetica(), true, policyPages...) }
	good := func() []byte { w := &pdfwrite.Writer{}; return w.Classic(text(w)) }
	encrypted := func(modern bool) []byte {
		w := &pdfwrite.Writer{}
		root := text(w)
		enc := w.Add("<< /Filter /Standard /V 2 /R 3 /O (x) /U (y) /P -4 >>")
		w.Trailer = fmt.Sprintf(" /Encrypt %d 0 R", enc)
		if modern {
			return w.Modern(root)
		}
		return w.Classic(root)
	}
	scanned := func() []byte {
		w := &pdfwrite.Writer{}
		img := w.Stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", []byte{0x80}, false)
		return w.Classic(w.Document(fmt.Sprintf("<< /XObject << /Im1 %d 0 R >> >>", img), false, "q 595 0 0 842 0 0 cm /Im1 Do Q"))
	}
	brokenXref := func() []byte {
		b := good()
		i := strings.LastIndex(string(b), "startxref\n")
		return append(b[:i:i], []byte("startxref\n12\n%%EOF\n")...)
	}
	cases := []struct {
		name string
		file []byte
		want error
	}{
		{"encrypted", encrypted(false), ErrEncrypted},
		{"encrypted, cross-reference stream", encrypted(true), ErrEncrypted},
		{"scanned pictures only", scanned(), ErrNoText},
		{"cross-reference in the wrong place", brokenXref(), ErrDamaged},
		{"cut short", good()[:len(good())/2], ErrDamaged},
		{"not a PDF", []byte("Dear Sir or Madam, this is a letter."), ErrDamaged},
		{"empty", nil, ErrDamaged},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Read(c.file)
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, %v; want %v", doc, err, c.want)
			}
			if doc != nil {
				t.Errorf("a document came back with the error")
			}
		})
	}
}

// A stream whose Length is wrong still reads: the reader finds its end.
func TestWrongStreamLength(t *testing.T) {
	w := &pdfwrite.Writer{}
	b := w.Classic(w.Document(w.Helvetica(), false, "BT /F1 11 Tf 72 700 Td (Still read) Tj ET"))
	s := strings.Replace(string(b), "/Length 41 >>", "/Length 30 >>", 1)
	if s == string(b) {
		t.Fatal("the test file's content length is not 41 any more")
	}
	doc, err := Read([]byte(s))
	if err != nil || !slices.Equal(doc.Pages, []string{"Still read"}) {
		t.Fatalf("got %v, %v", doc, err)
	}
}

// What pdfwrite.Text lays out (wrapped lines, a blank line between
// paragraphs, characters beyond ASCII, brackets) reads back as written.
func TestReadsWhatPdfwriteWrites(t *testing.T) {
	long := "Disabled people told the council (in 2026) that the café’s step and the £2.50 fare kept them at home; " +
		"this sentence is long enough to wrap onto a second and a third line of the page, as policies do."
	pages := [][]string{{"Short breaks", long}, {"Naïve “quotes” and a second page."}}
	doc, err := Read(pdfwrite.Text(pages))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Short breaks\n\n" + long, "Naïve “quotes” and a second page."}
	if !slices.Equal(doc.Pages, want) {
		t.Errorf("got %q\nwant %q", doc.Pages, want)
	}
}
