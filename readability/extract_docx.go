package readability

import (
	"encoding/xml"
	"io"
	"strings"
)

// The WordprocessingML namespace of DOCX body elements.
const nsWord = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// extractDOCX reads word/document.xml: each w:p is a paragraph, its text
// is the w:t runs in order, w:tab is a tab and w:br or w:cr a line break.
// Text in deleted revisions (w:del, whose text is in w:delText) is not
// read. Positions are paragraph numbers.
func extractDOCX(src []byte) (*document, error) {
	rc, err := openZipMember(src, "word/document.xml", "DOCX")
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	var paras paragraphs
	var cur strings.Builder
	depth := 0  // nesting of w:p
	inText := 0 // inside w:t
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, xmlError("DOCX", "word/document.xml", err)
		}
		if !paras.fits(cur.Len()) {
			return nil, xmlError("DOCX", "word/document.xml", ErrTooMuchText)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != nsWord {
				continue
			}
			switch t.Name.Local {
			case "p":
				depth++
			case "t":
				inText++
			case "tab":
				if depth > 0 {
					cur.WriteByte('\t')
				}
			case "br", "cr":
				if depth > 0 {
					cur.WriteByte('\n')
				}
			}
		case xml.EndElement:
			if t.Name.Space != nsWord {
				continue
			}
			switch t.Name.Local {
			case "p":
				depth--
				if depth <= 0 {
					depth = 0
					if err := paras.add(cur.String()); err != nil {
						return nil, xmlError("DOCX", "word/document.xml", err)
					}
					cur.Reset()
				}
			case "t":
				if inText > 0 {
					inText--
				}
			}
		case xml.CharData:
			if inText > 0 && depth > 0 {
				cur.Write(t)
			}
		}
	}
	if cur.Len() > 0 {
		if err := paras.add(cur.String()); err != nil {
			return nil, xmlError("DOCX", "word/document.xml", err)
		}
	}
	return paragraphDocument(paras.list), nil
}
