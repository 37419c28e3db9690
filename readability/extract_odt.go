package readability

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// The OpenDocument text namespace.
const nsODFText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

// extractODT reads content.xml: each text:p or text:h is a paragraph
// (list items hold text:p too); text:s stands for spaces (attribute
// text:c, default 1), text:tab for a tab and text:line-break for a line
// break. Notes' bodies and the text of tracked deletions are not read.
// Positions are paragraph numbers.
func extractODT(src []byte) (*document, error) {
	rc, err := openZipMember(src, "content.xml", "ODT")
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	var paras paragraphs
	var cur strings.Builder
	depth := 0 // nesting of text:p / text:h
	skip := 0  // inside note citations/bodies and tracked changes
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, xmlError("ODT", "content.xml", err)
		}
		if !paras.fits(cur.Len()) {
			return nil, xmlError("ODT", "content.xml", ErrTooMuchText)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != nsODFText {
				continue
			}
			switch t.Name.Local {
			case "note", "tracked-changes":
				skip++
			case "p", "h":
				if skip == 0 {
					depth++
				}
			case "s":
				if depth > 0 && skip == 0 {
					n := 1
					for _, a := range t.Attr {
						if a.Name.Local == "c" {
							if v, err := strconv.Atoi(a.Value); err == nil && v > 0 && v < 1000 {
								n = v
							}
						}
					}
					cur.WriteString(strings.Repeat(" ", n))
				}
			case "tab":
				if depth > 0 && skip == 0 {
					cur.WriteByte('\t')
				}
			case "line-break":
				if depth > 0 && skip == 0 {
					cur.WriteByte('\n')
				}
			}
		case xml.EndElement:
			if t.Name.Space != nsODFText {
				continue
			}
			switch t.Name.Local {
			case "note", "tracked-changes":
				if skip > 0 {
					skip--
				}
			case "p", "h":
				if skip == 0 && depth > 0 {
					depth--
					if depth == 0 {
						if err := paras.add(cur.String()); err != nil {
							return nil, xmlError("ODT", "content.xml", err)
						}
						cur.Reset()
					}
				}
			}
		case xml.CharData:
			if depth > 0 && skip == 0 {
				cur.Write(t)
			}
		}
	}
	return paragraphDocument(paras.list), nil
}
