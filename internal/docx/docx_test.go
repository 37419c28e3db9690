package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"path"
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

// CheckPackage checks what Word and LibreOffice need of a package: every
// part is well-formed XML or a PNG, [Content_Types].xml gives every part a
// content type, every relationship's target is a part, and every picture
// part is referenced from the document, and every reference has a picture.
func checkPackage(t *testing.T, data []byte) (parts map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts = map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = b
	}
	var ct struct {
		Defaults []struct {
			Extension   string `xml:"Extension,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName    string `xml:"PartName,attr"`
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &ct); err != nil {
		t.Fatalf("content types: %v", err)
	}
	byExt, byPart := map[string]string{}, map[string]string{}
	for _, d := range ct.Defaults {
		byExt[d.Extension] = d.ContentType
	}
	for _, o := range ct.Overrides {
		if _, ok := parts[strings.TrimPrefix(o.PartName, "/")]; !ok {
			t.Errorf("override for a part that is not there: %s", o.PartName)
		}
		byPart[strings.TrimPrefix(o.PartName, "/")] = o.ContentType
	}
	for name, b := range parts {
		if name == "[Content_Types].xml" {
			continue
		}
		typ := byPart[name]
		if typ == "" {
			typ = byExt[strings.TrimPrefix(path.Ext(name), ".")]
		}
		if typ == "" {
			t.Errorf("part %s has no content type", name)
		}
		if typ == "image/png" {
			if _, err := png.DecodeConfig(bytes.NewReader(b)); err != nil {
				t.Errorf("%s is not a PNG: %v", name, err)
			}
			continue
		}
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("%s is not well-formed: %v", name, err)
				break
			}
		}
	}
	if byPart["word/document.xml"] != ctDoc {
		t.Errorf("main document content type %q", byPart["word/document.xml"])
	}
	// Relationships resolve.
	rels := map[string]string{} // document rel id → target part
	for name, b := range parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rs struct {
			Rels []struct {
				ID     string `xml:"Id,attr"`
				Type   string `xml:"Type,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(b, &rs); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// _rels/.rels is about the root; word/_rels/document.xml.rels about word/.
		base := path.Dir(path.Dir(name))
		if base == "." {
			base = ""
		}
		for _, r := range rs.Rels {
			target := path.Join(base, r.Target)
			if _, ok := parts[target]; !ok {
				t.Errorf("%s: %s points at %s, which is not there", name, r.ID, target)
			}
			if name == "word/_rels/document.xml.rels" {
				rels[r.ID] = target
			}
		}
	}
	// Pictures present and referenced, both ways.
	used := map[string]bool{}
	d := xml.NewDecoder(bytes.NewReader(parts["word/document.xml"]))
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "blip" {
			for _, a := range se.Attr {
				if a.Name.Local == "embed" {
					target, ok := rels[a.Value]
					if !ok {
						t.Errorf("picture reference %s has no relationship", a.Value)
					}
					used[target] = true
				}
			}
		}
	}
	for name := range parts {
		if strings.HasPrefix(name, "word/media/") && !used[name] {
			t.Errorf("%s is in the package but not in the document", name)
		}
	}
	return parts
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
