package web

import (
	"bytes"

	"github.com/coprod/coprod/internal/docx"
	"github.com/coprod/coprod/internal/findings"
	"github.com/coprod/coprod/internal/pictures"
	"github.com/coprod/coprod/internal/pictures/raster"
)

// findingsDocx writes a findings document as a Word document: the title,
// then each topic on a new page as a table of a picture beside its
// sentences, 14 pt text (18 pt and larger pictures for large print), and
// the pictures' credit that their licence asks for.
func findingsDocx(d findings.Document, large bool) ([]byte, error) {
	out := docx.Document{Title: d.Title, Lang: "en-GB", TextPoints: 14, PictureCm: 2.5}
	if large {
		out.TextPoints, out.PictureCm = 18, 3.5
	}
	out.Blocks = append(out.Blocks, docx.Heading{Level: 0, Text: d.Title})
	for i, s := range d.Sections {
		out.Blocks = append(out.Blocks, docx.Heading{Level: 1, Text: s.Heading, NewPage: i > 0})
		t := docx.Table{Caption: s.Heading}
		for _, p := range s.Points {
			t.Rows = append(t.Rows, docx.Row{Picture: docxPicture(p.Picture), Lines: p.Sentences()})
		}
		out.Blocks = append(out.Blocks, t)
	}
	out.Blocks = append(out.Blocks, docx.Paragraph{Text: pictures.Attribution + " (" + pictures.Licence + ")."})
	var b bytes.Buffer
	if err := docx.Write(&b, out); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// docxPicture is the picture's PNG with its text alternative; nil for no
// picture.
func docxPicture(key string) *docx.Picture {
	p, ok := pictures.Get(key)
	if !ok {
		return nil
	}
	png, ok := raster.PNG(p)
	if !ok {
		return nil
	}
	return &docx.Picture{Name: p.Key, PNG: png, Alt: p.Alt}
}
