// Package filetype checks a file someone uploads: its name, its size, and
// that its contents are the kind of file its name says, among the kinds a
// form accepts. It is shared by every upload (a bid's attachments, a
// course's materials) so they refuse the same things in the same words.
package filetype

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MB is a megabyte, 1,048,576 bytes, as computers usually count file sizes.
const MB = 1 << 20

// Kind is a type of file: the extensions that name it and how its first
// bytes must look.
type Kind struct {
	Exts        []string
	Label       string // for a list of files
	What        string // for a sentence: "a PDF"
	ContentType string
	matches     func([]byte) bool
}

func startsWith(p string) func([]byte) bool {
	return func(b []byte) bool { return bytes.HasPrefix(b, []byte(p)) }
}

// plainText is valid UTF-8 with no NUL byte: text a person could read.
func plainText(b []byte) bool { return utf8.Valid(b) && bytes.IndexByte(b, 0) < 0 }

// The kinds of file Coprod accepts somewhere.
var (
	PDF      = Kind{[]string{".pdf"}, "PDF", "a PDF", "application/pdf", startsWith("%PDF-")}
	Word     = Kind{[]string{".docx"}, "Word document", "a Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", startsWith("PK\x03\x04")}
	Excel    = Kind{[]string{".xlsx"}, "Excel spreadsheet", "an Excel spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", startsWith("PK\x03\x04")}
	ODT      = Kind{[]string{".odt"}, "OpenDocument text", "an OpenDocument text", "application/vnd.oasis.opendocument.text", startsWith("PK\x03\x04")}
	ODS      = Kind{[]string{".ods"}, "OpenDocument spreadsheet", "an OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet", startsWith("PK\x03\x04")}
	Text     = Kind{[]string{".txt"}, "Text", "plain text", "text/plain; charset=utf-8", plainText}
	CSV      = Kind{[]string{".csv"}, "CSV", "plain text CSV", "text/csv; charset=utf-8", plainText}
	PNG      = Kind{[]string{".png"}, "PNG image", "a PNG image", "image/png", startsWith("\x89PNG\r\n\x1a\n")}
	JPEG     = Kind{[]string{".jpg", ".jpeg"}, "JPEG image", "a JPEG image", "image/jpeg", startsWith("\xff\xd8\xff")}
	allKinds = []Kind{PDF, Word, Excel, ODT, ODS, Text, CSV, PNG, JPEG}
)

// olderFormats are formats people often have, with what to do instead.
var olderFormats = map[string]string{
	".doc": "an older Word format: save it as .docx or PDF and %s that",
	".xls": "an older Excel format: save it as .xlsx or PDF and %s that",
}

// hiddenRune reports control characters and invisible formatting marks
// (such as a right-to-left override, which can make "exe.pdf" look like
// "fdp.exe").
func hiddenRune(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }

// LabelOf is the plain English name of a content type among every kind
// Coprod accepts, or "File".
func LabelOf(contentType string) string {
	for _, k := range allKinds {
		if k.ContentType == contentType {
			return k.Label
		}
	}
	return "File"
}

// Rules are what one form accepts.
type Rules struct {
	Kinds    []Kind
	Accepted string // the kinds in plain English: "PDF, Word or text"
	MaxSize  int64
	MaxName  int    // characters in a file name
	Verb     string // what the person does with the file: "attach", "upload"
}

// Check returns the file's name, tidied, and its kind, or a message
// saying what is wrong in words the person can act on. The kind is
// decided by the extension and the contents together: both must agree on
// a kind the rules accept.
func (ru Rules) Check(name string, data []byte) (string, *Kind, string) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", nil, "The file has no name: give it a name and choose it again"
	case !utf8.ValidString(name) || strings.ContainsFunc(name, hiddenRune):
		return "", nil, "The file name has characters we cannot keep: rename the file using letters, numbers, spaces, dots and dashes, and choose it again"
	case utf8.RuneCountInString(name) > ru.MaxName:
		return "", nil, fmt.Sprintf("The file name must be %d characters or fewer: rename the file and choose it again", ru.MaxName)
	}
	size := int64(len(data))
	if size == 0 {
		return "", nil, name + " is empty: check the file and choose it again"
	}
	if size > ru.MaxSize {
		return "", nil, fmt.Sprintf("The file must be %s or smaller: %s is %s", FormatSize(ru.MaxSize), name, FormatSize(size))
	}
	ext := strings.ToLower(path.Ext(name))
	for i := range ru.Kinds {
		k := &ru.Kinds[i]
		for _, e := range k.Exts {
			if e != ext {
				continue
			}
			if !k.matches(data) {
				return "", nil, fmt.Sprintf("%s does not contain %s, although its name says it does: save it again from the program that made it, or choose another file", name, k.What)
			}
			return name, k, ""
		}
	}
	if why, ok := olderFormats[ext]; ok {
		return "", nil, name + " is " + fmt.Sprintf(why, ru.Verb)
	}
	return "", nil, fmt.Sprintf("%s is not a file type we accept: use %s", name, ru.Accepted)
}

// FormatSize gives a size in bytes for people to read, rounding up so a
// file just over a limit never looks as if it were within it.
func FormatSize(n int64) string {
	switch {
	case n < 1024:
		if n == 1 {
			return "1 byte"
		}
		return fmt.Sprintf("%d bytes", n)
	case n < MB:
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	tenths := (n*10 + MB - 1) / MB
	if tenths%10 == 0 {
		return fmt.Sprintf("%d MB", tenths/10)
	}
	return fmt.Sprintf("%d.%d MB", tenths/10, tenths%10)
}
