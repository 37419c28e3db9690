package readability

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Format names an input format.
type Format string

// Input formats.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatDOCX     Format = "docx"
	FormatODT      Format = "odt"
)

// ErrUnknownFormat is returned for a format Analyze does not read.
var ErrUnknownFormat = errors.New("unknown input format")

// FormatFromName picks a format from a file name's extension; ok is false
// when the extension is not known.
func FormatFromName(name string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return FormatText, true
	case ".md", ".markdown":
		return FormatMarkdown, true
	case ".html", ".htm", ".xhtml":
		return FormatHTML, true
	case ".docx":
		return FormatDOCX, true
	case ".odt":
		return FormatODT, true
	}
	return "", false
}

// SniffFormat guesses the format of content with no file name (standard
// input): a zip holding word/document.xml is DOCX, one with an
// OpenDocument text mimetype is ODT; text that opens with an HTML tag is
// HTML; text with Markdown headings, lists or links is Markdown; anything
// else is plain text.
func SniffFormat(src []byte) Format {
	if bytes.HasPrefix(src, []byte("PK\x03\x04")) {
		if zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src))); err == nil {
			for _, f := range zr.File {
				if f.Name == "content.xml" {
					return FormatODT
				}
			}
		}
		return FormatDOCX
	}
	head := src
	if len(head) > 4096 {
		head = head[:4096]
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")))
	lower := bytes.ToLower(trimmed)
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		bytes.HasPrefix(lower, []byte("<")) && (bytes.Contains(lower, []byte("<p")) || bytes.Contains(lower, []byte("<body")) || bytes.Contains(lower, []byte("<div"))) {
		return FormatHTML
	}
	for _, line := range bytes.Split(trimmed, []byte("\n")) {
		l := bytes.TrimSpace(line)
		if bytes.HasPrefix(l, []byte("# ")) || bytes.HasPrefix(l, []byte("## ")) || bytes.HasPrefix(l, []byte("```")) ||
			bytes.Contains(l, []byte("](")) || bytes.HasPrefix(l, []byte("**")) {
			return FormatMarkdown
		}
	}
	return FormatText
}

// extract turns src into a document of the given format.
func extract(src []byte, format Format) (*document, error) {
	if format != FormatDOCX && format != FormatODT && len(src) > MaxTextBytes {
		return nil, ErrTooMuchText
	}
	switch format {
	case FormatText, "":
		return plainDocument(validUTF8(src)), nil
	case FormatMarkdown:
		return extractMarkdown(validUTF8(src)), nil
	case FormatHTML:
		return extractHTML(validUTF8(src)), nil
	case FormatDOCX:
		return extractDOCX(src)
	case FormatODT:
		return extractODT(src)
	}
	return nil, fmt.Errorf("%w: %q", ErrUnknownFormat, string(format))
}

// validUTF8 drops a byte-order mark and replaces invalid bytes, so that
// offsets and columns are well defined.
func validUTF8(src []byte) string {
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	if utf8.Valid(src) {
		return string(src)
	}
	return strings.ToValidUTF8(string(src), "\uFFFD")
}

// paragraphDocument joins paragraphs with blank lines, so each is a unit
// boundary, and reports positions as paragraph and column.
func paragraphDocument(paras []string) *document {
	var b strings.Builder
	starts := make([]int, 0, len(paras))
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		starts = append(starts, b.Len())
		b.WriteString(p)
	}
	if len(starts) == 0 {
		starts = append(starts, 0)
	}
	text := b.String()
	return &document{text: text, source: text, paraStarts: starts, lineStarts: lineStarts(text)}
}
