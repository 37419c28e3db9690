// Package docx writes small Word documents (Office Open XML, ECMA-376
// transitional) that Word and LibreOffice open and people can edit: titles,
// headings, paragraphs, and two-column tables of a picture and its text,
// the layout of Easy Read. It writes only the parts such a document needs:
//
//	[Content_Types].xml          what each part is
//	_rels/.rels                  the package's parts: the document and its properties
//	docProps/core.xml            title and language (read by screen readers and Word's checker)
//	word/document.xml            the text
//	word/styles.xml              body text size and spacing, Title and Heading 1–2
//	word/_rels/document.xml.rels the document's styles and pictures
//	word/media/*.png             each picture once, however often it is shown
//
// Pictures are PNG. Word before 2016 cannot show SVG in a document, and
// LibreOffice and Word both show PNG; so a picture is embedded as PNG.
//
// The package is stand-alone: it imports nothing from the application.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"image/png"
	"io"
	"strconv"
	"strings"
)

// Document is a whole document.
type Document struct {
	Title string
	Lang  string // BCP 47, e.g. "en-GB"; "en-GB" when empty
	// TextPoints is the body text size in points: 14 or more for Easy
	// Read, 18 for large print. 14 when 0.
	TextPoints int
	// PictureCm is the width and height pictures are shown at, in
	// centimetres. 2.5 when 0.
	PictureCm float64
	Blocks    []Block
}

// Block is a part of the body: a Heading, a Paragraph or a Table.
type Block interface{ block() }

// Heading is a heading at Level 0 (the title), 1 or 2.
type Heading struct {
	Level int
	Text  string
	// NewPage starts the heading on a new page.
	NewPage bool
}

// Paragraph is one paragraph of body text.
type Paragraph struct {
	Text string
	Bold bool
}

// Table is a table of rows, each a picture beside its lines of text.
type Table struct {
	// Caption names the table for people using screen readers.
	Caption string
	Rows    []Row
}

// Row is a picture (which may be nil) and its lines, one paragraph each.
type Row struct {
	Picture *Picture
	Lines   []string
}

// Picture is a PNG image with its text alternative.
type Picture struct {
	Name string // a file name for the package, e.g. "vote"; made safe and unique by Write
	PNG  []byte
	Alt  string
}

func (Heading) block()   {}
func (Paragraph) block() {}
func (Table) block()     {}

// Namespaces and content types used.
const (
	nsW     = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP    = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA     = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic   = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	nsRels  = "http://schemas.openxmlformats.org/package/2006/relationships"
	relDoc  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relCore = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relSty  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	relImg  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"

	ctDoc    = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ctStyles = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
	ctCore   = "application/vnd.openxmlformats-package.core-properties+xml"
	ctRels   = "application/vnd.openxmlformats-package.relationships+xml"

	emuPerCm = 360000
	// A4 in twentieths of a point, with 2 cm margins.
	pageW, pageH, margin = 11906, 16838, 1134
)

// media is one picture part of the package.
type media struct {
	rel, file string
	w, h      int // pixels, for the aspect ratio
	data      []byte
}

type writer struct {
	d      Document
	body   strings.Builder
	media  []media
	byData map[string]int // PNG bytes → index in media
	names  map[string]bool
	drawID int
}

// Write writes d as a .docx package to w. It fails when a picture is not
// a PNG.
func Write(w io.Writer, d Document) error {
	if d.Lang == "" {
		d.Lang = "en-GB"
	}
	if d.TextPoints <= 0 {
		d.TextPoints = 14
	}
	if d.PictureCm <= 0 {
		d.PictureCm = 2.5
	}
	wr := &writer{d: d, byData: map[string]int{}, names: map[string]bool{}}
	if err := wr.document(); err != nil {
		return err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", wr.contentTypes()},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", wr.core()},
		{"word/document.xml", wr.body.String()},
		{"word/styles.xml", wr.styles()},
		{"word/_rels/document.xml.rels", wr.documentRels()},
	}
	for _, p := range parts {
		f, err := zw.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return err
		}
	}
	for _, m := range wr.media {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: "word/media/" + m.file, Method: zip.Store})
		if err != nil {
			return err
		}
		if _, err := f.Write(m.data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// esc escapes text for XML character data and attribute values, and drops
// what XML 1.0 cannot hold.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const packageRels = xmlHead + `<Relationships xmlns="` + nsRels + `">` +
	`<Relationship Id="rId1" Type="` + relDoc + `" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="` + relCore + `" Target="docProps/core.xml"/>` +
	`</Relationships>`

func (wr *writer) contentTypes() string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="` + ctRels + `"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	if len(wr.media) > 0 {
		b.WriteString(`<Default Extension="png" ContentType="image/png"/>`)
	}
	b.WriteString(`<Override PartName="/word/document.xml" ContentType="` + ctDoc + `"/>`)
	b.WriteString(`<Override PartName="/word/styles.xml" ContentType="` + ctStyles + `"/>`)
	b.WriteString(`<Override PartName="/docProps/core.xml" ContentType="` + ctCore + `"/>`)
	b.WriteString(`</Types>`)
	return b.String()
}

func (wr *writer) core() string {
	return xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<dc:title>` + esc(wr.d.Title) + `</dc:title><dc:language>` + esc(wr.d.Lang) + `</dc:language>` +
		`</cp:coreProperties>`
}

func (wr *writer) documentRels() string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Relationships xmlns="` + nsRels + `">`)
	b.WriteString(`<Relationship Id="rId1" Type="` + relSty + `" Target="styles.xml"/>`)
	for _, m := range wr.media {
		b.WriteString(`<Relationship Id="` + m.rel + `" Type="` + relImg + `" Target="media/` + esc(m.file) + `"/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// styles sets the body text size and 1.5 line spacing, and the Title and
// heading styles, with outline levels so headings are navigable.
func (wr *writer) styles() string {
	half := strconv.Itoa(wr.d.TextPoints * 2)
	size := func(pt int) string { return strconv.Itoa(pt * 2) }
	heading := func(id, name string, level, pt int) string {
		return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/><w:basedOn w:val="Normal"/>` +
			`<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>` +
			`<w:outlineLvl w:val="` + strconv.Itoa(level) + `"/></w:pPr><w:rPr><w:b/><w:sz w:val="` + size(pt) + `"/>` +
			`<w:szCs w:val="` + size(pt) + `"/></w:rPr></w:style>`
	}
	return xmlHead + `<w:styles xmlns:w="` + nsW + `">` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>` +
		`<w:sz w:val="` + half + `"/><w:szCs w:val="` + half + `"/><w:lang w:val="` + esc(wr.d.Lang) + `"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		heading("Title", "Title", 0, wr.d.TextPoints+14) +
		heading("Heading1", "heading 1", 0, wr.d.TextPoints+6) +
		heading("Heading2", "heading 2", 1, wr.d.TextPoints+3) +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>` +
		`<w:tblPr><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>` +
		`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`
}

func (wr *writer) document() error {
	b := &wr.body
	b.WriteString(xmlHead + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP +
		`" xmlns:a="` + nsA + `" xmlns:pic="` + nsPic + `"><w:body>`)
	for _, bl := range wr.d.Blocks {
		switch x := bl.(type) {
		case Heading:
			style := "Title"
			if x.Level == 1 {
				style = "Heading1"
			} else if x.Level >= 2 {
				style = "Heading2"
			}
			b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/>`)
			if x.NewPage {
				b.WriteString(`<w:pageBreakBefore/>`)
			}
			b.WriteString(`</w:pPr>` + run(x.Text, false) + `</w:p>`)
		case Paragraph:
			b.WriteString(`<w:p>` + run(x.Text, x.Bold) + `</w:p>`)
		case Table:
			if err := wr.table(x); err != nil {
				return err
			}
		default:
			return fmt.Errorf("docx: unknown block %T", bl)
		}
	}
	b.WriteString(`<w:sectPr><w:pgSz w:w="` + strconv.Itoa(pageW) + `" w:h="` + strconv.Itoa(pageH) + `"/>` +
		`<w:pgMar w:top="` + strconv.Itoa(margin) + `" w:right="` + strconv.Itoa(margin) + `" w:bottom="` + strconv.Itoa(margin) +
		`" w:left="` + strconv.Itoa(margin) + `" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`)
	b.WriteString(`</w:body></w:document>`)
	return nil
}

// run is the text as one run; line breaks in it become w:br.
func run(text string, bold bool) string {
	var b strings.Builder
	b.WriteString(`<w:r>`)
	if bold {
		b.WriteString(`<w:rPr><w:b/></w:rPr>`)
	}
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		b.WriteString(`<w:t xml:space="preserve">` + esc(line) + `</w:t>`)
	}
	b.WriteString(`</w:r>`)
	return b.String()
}

func (wr *writer) table(t Table) error {
	b := &wr.body
	picTw := int(wr.d.PictureCm*567) + 300 // the picture's column: the picture and a little room
	textTw := pageW - 2*margin - picTw
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + strconv.Itoa(pageW-2*margin) + `" w:type="dxa"/>` +
		`<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`)
	if t.Caption != "" {
		b.WriteString(`<w:tblCaption w:val="` + esc(t.Caption) + `"/>`)
	}
	b.WriteString(`</w:tblPr><w:tblGrid><w:gridCol w:w="` + strconv.Itoa(picTw) + `"/><w:gridCol w:w="` + strconv.Itoa(textTw) + `"/></w:tblGrid>`)
	for _, r := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(picTw) + `" w:type="dxa"/></w:tcPr><w:p>`)
		if r.Picture != nil {
			d, err := wr.drawing(r.Picture)
			if err != nil {
				return err
			}
			b.WriteString(`<w:r>` + d + `</w:r>`)
		}
		b.WriteString(`</w:p></w:tc>`)
		b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(textTw) + `" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`)
		if len(r.Lines) == 0 {
			b.WriteString(`<w:p/>`) // a cell must hold a paragraph
		}
		for _, l := range r.Lines {
			b.WriteString(`<w:p>` + run(l, false) + `</w:p>`)
		}
		b.WriteString(`</w:tc></w:tr>`)
	}
	b.WriteString(`</w:tbl><w:p/>`) // Word needs a paragraph between a table and what follows
	return nil
}

// drawing is an inline picture, its PNG added to the package once.
func (wr *writer) drawing(p *Picture) (string, error) {
	i, ok := wr.byData[string(p.PNG)]
	if !ok {
		cfg, err := png.DecodeConfig(bytes.NewReader(p.PNG))
		if err != nil {
			return "", fmt.Errorf("docx: picture %q is not a PNG: %w", p.Name, err)
		}
		i = len(wr.media)
		wr.byData[string(p.PNG)] = i
		wr.media = append(wr.media, media{rel: "rIdImg" + strconv.Itoa(i+1), file: wr.fileName(p.Name), w: cfg.Width, h: cfg.Height, data: p.PNG})
	}
	m := wr.media[i]
	wr.drawID++
	id := strconv.Itoa(wr.drawID)
	cx := int(wr.d.PictureCm * emuPerCm)
	cy := cx
	if m.w > 0 && m.h > 0 {
		cy = cx * m.h / m.w
	}
	ext := `cx="` + strconv.Itoa(cx) + `" cy="` + strconv.Itoa(cy) + `"`
	alt := esc(p.Alt)
	return `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent ` + ext + `/>` +
		`<wp:docPr id="` + id + `" name="Picture ` + id + `" descr="` + alt + `"/>` +
		`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
		`<a:graphic><a:graphicData uri="` + nsPic + `"><pic:pic><pic:nvPicPr><pic:cNvPr id="` + id + `" name="` + esc(m.file) +
		`" descr="` + alt + `"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="` + m.rel + `"/>` +
		`<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext ` + ext + `/></a:xfrm>` +
		`<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>`, nil
}

// fileName makes a safe, unique media file name from a picture's name.
func (wr *writer) fileName(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '-' {
			b.WriteRune(r)
		}
	}
	base := b.String()
	if base == "" {
		base = "picture"
	}
	f := base + ".png"
	for n := 2; wr.names[f]; n++ {
		f = base + "-" + strconv.Itoa(n) + ".png"
	}
	wr.names[f] = true
	return f
}
