package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/coprod/coprod/readability"
)

func testPNG(t testing.TB, w, h int, c color.Color) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sampleDoc(t testing.TB) Document {
	vote := &Picture{Name: "vote", PNG: testPNG(t, 8, 8, color.Black), Alt: "A hand putting a paper in a box"}
	wide := &Picture{Name: "vote", PNG: testPNG(t, 16, 8, color.White), Alt: "Two & more <people>"}
	return Document{Title: "What you told us", Blocks: []Block{
		Heading{Level: 0, Text: "What you told us"},
		Paragraph{Text: "This is what the group said.", Bold: true},
		Heading{Level: 1, Text: "What helps you"},
		Table{Caption: "What helps you", Rows: []Row{
			{Picture: vote, Lines: []string{"You voted with dots.", "The one with the most dots is first."}},
			{Picture: vote, Lines: []string{"Friends & family."}},
			{Picture: wide, Lines: nil},
			{Lines: []string{"No picture here."}},
		}},
		Heading{Level: 1, Text: "What harms you", NewPage: true},
		Paragraph{Text: "Line one\nline two"},
	}}
}

func write(t testing.TB, d Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// checkPackage runs Check and returns the package's parts.
func checkPackage(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	if err := Check(data); err != nil {
		t.Errorf("package problems:\n%v", err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = b
	}
	return parts
}

// Check finds each kind of broken package.
func TestCheckFindsProblems(t *testing.T) {
	good := write(t, sampleDoc(t))
	for _, c := range []struct {
		name, want string
		change     func(parts map[string][]byte)
	}{
		{"untyped part", "customXml/item1.bin has no content type", func(p map[string][]byte) { p["customXml/item1.bin"] = []byte("x") }},
		{"missing override", "names /word/styles.xml, which is not in the package", func(p map[string][]byte) { delete(p, "word/styles.xml") }},
		{"dangling relationship", "points at word/media/vote.png", func(p map[string][]byte) { delete(p, "word/media/vote.png") }},
		{"unshown picture", "word/media/extra.png is in the package but the document never shows it", func(p map[string][]byte) { p["word/media/extra.png"] = p["word/media/vote.png"] }},
		{"broken XML", "word/document.xml is not well-formed", func(p map[string][]byte) { p["word/document.xml"] = []byte("<w:document>") }},
		{"not a PNG", "word/media/vote-2.png is not a PNG", func(p map[string][]byte) { p["word/media/vote-2.png"] = []byte("<svg/>") }},
	} {
		parts := checkPackage(t, good)
		c.change(parts)
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		for name, data := range parts {
			f, _ := zw.Create(name)
			f.Write(data)
		}
		zw.Close()
		if err := Check(b.Bytes()); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
	}
}

func TestPackageStructure(t *testing.T) {
	parts := checkPackage(t, write(t, sampleDoc(t)))
	var media []string
	for name := range parts {
		if strings.HasPrefix(name, "word/media/") {
			media = append(media, name)
		}
	}
	// The same PNG shown twice is stored once; another PNG with the same
	// name gets its own file name.
	if len(media) != 2 || parts["word/media/vote.png"] == nil || parts["word/media/vote-2.png"] == nil {
		t.Errorf("media %v", media)
	}
	doc := string(parts["word/document.xml"])
	for _, want := range []string{`descr="A hand putting a paper in a box"`, `descr="Two &amp; more &lt;people&gt;"`,
		`<w:pageBreakBefore/>`, `<w:tblCaption w:val="What helps you"/>`, `<w:pgSz w:w="11906" w:h="16838"/>`,
		`<wp:extent cx="900000" cy="900000"/>`, `<wp:extent cx="900000" cy="450000"/>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if n := strings.Count(doc, `<wp:docPr id=`); n != 3 {
		t.Errorf("%d drawings, want 3", n)
	}
	styles := string(parts["word/styles.xml"])
	if !strings.Contains(styles, `<w:sz w:val="28"/>`) || !strings.Contains(styles, `w:line="360"`) {
		t.Errorf("body text is not 14 pt with 1.5 line spacing")
	}
	if !strings.Contains(string(parts["docProps/core.xml"]), "<dc:title>What you told us</dc:title>") {
		t.Errorf("title missing")
	}
	large := sampleDoc(t)
	large.TextPoints, large.PictureCm = 18, 3
	parts = checkPackage(t, write(t, large))
	if !strings.Contains(string(parts["word/styles.xml"]), `<w:sz w:val="36"/>`) ||
		!strings.Contains(string(parts["word/document.xml"]), `<wp:extent cx="1080000" cy="1080000"/>`) {
		t.Errorf("large print is not 18 pt with 3 cm pictures")
	}
}

// The product's own DOCX reader gets every paragraph back, in order.
func TestReadBack(t *testing.T) {
	rep, err := readability.Analyze(write(t, sampleDoc(t)), readability.FormatDOCX, readability.EasyRead())
	if err != nil {
		t.Fatal(err)
	}
	want := "What you told us\n\nThis is what the group said.\n\nWhat helps you\n\n\n\nYou voted with dots.\n\n" +
		"The one with the most dots is first.\n\n\n\nFriends & family.\n\n\n\n\n\n\n\nNo picture here.\n\n\n\nWhat harms you\n\nLine one\nline two"
	if got := strings.TrimSpace(rep.Text); got != want {
		t.Errorf("read back:\n%q\nwant\n%q", got, want)
	}
	for _, is := range rep.Issues {
		if is.Rule == readability.RuleSentenceTooLong {
			t.Errorf("sentence too long: %q", is.Text)
		}
	}
}

func TestNotAPNG(t *testing.T) {
	d := Document{Blocks: []Block{Table{Rows: []Row{{Picture: &Picture{Name: "x", PNG: []byte("<svg/>")}}}}}}
	if err := Write(io.Discard, d); err == nil || !strings.Contains(err.Error(), "not a PNG") {
		t.Errorf("got %v", err)
	}
}

// Whatever text is written, the package stays well-formed and the reader
// gets the text back (characters XML cannot hold become U+FFFD).
func FuzzWriteText(f *testing.F) {
	f.Add("Plain words.", "A heading")
	f.Add("a < b & c > d \"quoted\" 'single'", "]]> <![CDATA[")
	f.Add("tab\there\x00nul \x1b esc", "\ufffe")
	f.Fuzz(func(t *testing.T, text, heading string) {
		d := Document{Title: heading, Blocks: []Block{Heading{Text: heading}, Paragraph{Text: text},
			Table{Rows: []Row{{Lines: []string{text}}}}}}
		var b bytes.Buffer
		if err := Write(&b, d); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
		if err != nil {
			t.Fatal(err)
		}
		for _, zf := range zr.File {
			rc, _ := zf.Open()
			dec := xml.NewDecoder(rc)
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s: %v", zf.Name, err)
				}
			}
			rc.Close()
		}
		rep, err := readability.Analyze(b.Bytes(), readability.FormatDOCX, readability.Plain())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(rep.Text, strings.Map(xmlSafe, text)) && strings.ToValidUTF8(text, "") == text {
			t.Errorf("text %q not read back from %q", text, rep.Text)
		}
	})
}

// xmlSafe is what esc does to a character: XML 1.0 cannot hold most
// control characters, and the encoder writes U+FFFD instead.
func xmlSafe(r rune) rune {
	if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF) {
		return r
	}
	return '\ufffd'
}
