package web

import (
	"bytes"
	"errors"
	"io"
	"path"
	"strings"

	"github.com/coprod/coprod/internal/pdftext"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/readability"
)

// uploadedText is the plain text of an uploaded source file, with where
// each page starts for a PDF (nil otherwise), or a message saying why it
// cannot be read. PDFs go through internal/pdftext so positions keep their
// page; the other formats through the readability package's extractors,
// the same as the letter checker's.
func uploadedText(f io.Reader, name string) (string, []int, string) {
	src, err := io.ReadAll(f)
	if err != nil {
		return "", nil, "The file could not be read. Try again."
	}
	if strings.EqualFold(path.Ext(name), ".pdf") || bytes.HasPrefix(src, []byte("%PDF-")) {
		doc, err := pdftext.Read(src)
		switch {
		case errors.Is(err, pdftext.ErrEncrypted):
			return "", nil, "The PDF is protected by a password or encryption. Save a copy without protection, or paste the text"
		case errors.Is(err, pdftext.ErrNoText):
			return "", nil, "The PDF has no text to read: its pages look like scanned pictures. Paste the text, or put the file through text recognition (OCR) first"
		case err != nil:
			return "", nil, "The PDF cannot be read: it is damaged or is not a PDF. Save it again from the program that made it, or paste the text"
		}
		text, starts := qda.JoinPages(doc.Pages)
		return text, starts, ""
	}
	format, ok := readability.FormatFromName(name)
	if !ok {
		format = readability.SniffFormat(src)
	}
	rep, err := readability.Analyze(src, format, readability.Plain())
	if err != nil {
		return "", nil, "The file cannot be read as text: use a .pdf, .txt, .md, .html, .docx or .odt file, or paste the text"
	}
	return rep.Text, nil, ""
}
