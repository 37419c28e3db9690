package readability

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"strings"
)

func xmlEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func zipFiles(files [][2]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f[0])
		if err != nil {
			panic(err)
		}
		if _, err := w.Write([]byte(f[1])); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// makeDOCX builds a minimal DOCX with one w:p per paragraph. Each
// paragraph's text is split into two runs, to test that runs are joined.
func makeDOCX(paras []string) []byte {
	var body strings.Builder
	for _, p := range paras {
		half := len(p) / 2
		for half > 0 && half < len(p) && p[half]&0xC0 == 0x80 {
			half--
		}
		body.WriteString(`<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">` + xmlEscape(p[:half]) +
			`</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + xmlEscape(p[half:]) + `</w:t></w:r></w:p>`)
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `<w:sectPr/></w:body></w:document>`
	return zipFiles([][2]string{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"word/document.xml", doc},
	})
}

// makeODT builds a minimal ODT: the first paragraph is a heading
// (text:h), the others text:p, with a text:span and a text:s inside.
func makeODT(paras []string) []byte {
	var body strings.Builder
	for i, p := range paras {
		el := "text:p"
		if i == 0 {
			el = "text:h"
		}
		// encode double spaces as text:s, as ODF writers do
		parts := strings.Split(p, "  ")
		body.WriteString("<" + el + ">")
		for k, part := range parts {
			if k > 0 {
				body.WriteString(`<text:s text:c="2"/>`)
			}
			body.WriteString(`<text:span text:style-name="T1">` + xmlEscape(part) + `</text:span>`)
		}
		body.WriteString("</" + el + ">")
	}
	content := `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>` +
		body.String() + `</office:text></office:body></office:document-content>`
	return zipFiles([][2]string{
		{"mimetype", "application/vnd.oasis.opendocument.text"},
		{"content.xml", content},
	})
}
