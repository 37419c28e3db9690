package tender

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
)

// Limits on the files a bidder attaches to their answers. A megabyte is
// 1,048,576 bytes, as computers usually count file sizes.
const (
	MB                      = 1 << 20
	MaxAttachmentSize       = 10 * MB // one file
	MaxAttachmentsPerAnswer = 5       // files attached to one criterion
	MaxBidAttachmentBytes   = 25 * MB // every file of one bid together
	MaxAttachmentName       = 200     // characters in a file name
)

// AcceptedTypes names, in plain English, the kinds of file a bidder may attach.
const AcceptedTypes = "PDF, Word, Excel, OpenDocument, text, CSV, PNG or JPEG"

// Attachment is a file attached to a bid's answer to one criterion, as
// kept: what it is, not its contents. SHA256 is the hex hash of the
// contents, and goes into the bid's receipt.
type Attachment struct {
	ID          string
	BidID       string
	Criterion   string
	FileName    string
	ContentType string
	Size        int64
	SHA256      string
	CreatedAt   time.Time
}

// SizeLabel is the size for people to read.
func (a Attachment) SizeLabel() string { return FormatSize(a.Size) }

// TypeLabel is the kind of file in plain English.
func (a Attachment) TypeLabel() string {
	for _, k := range fileKinds {
		if k.contentType == a.ContentType {
			return k.label
		}
	}
	return "File"
}

// NewAttachment is a file a bidder wants to attach, with what their bid
// already holds so the limits can be checked: the number of files already
// attached to the same criterion and the bytes of every file of the bid.
type NewAttachment struct {
	Criterion      string
	FileName       string
	Data           []byte
	CriterionFiles int
	BidBytes       int64
}

// fileKind is a type of file we accept: the extensions that name it and
// how its first bytes must look.
type fileKind struct {
	exts        []string
	label       string // for a list of files
	what        string // for a sentence: "a PDF"
	contentType string
	matches     func([]byte) bool
}

func startsWith(p string) func([]byte) bool {
	return func(b []byte) bool { return bytes.HasPrefix(b, []byte(p)) }
}

// plainText is valid UTF-8 with no NUL byte: text a person could read.
func plainText(b []byte) bool { return utf8.Valid(b) && bytes.IndexByte(b, 0) < 0 }

var fileKinds = []fileKind{
	{[]string{".pdf"}, "PDF", "a PDF", "application/pdf", startsWith("%PDF-")},
	{[]string{".docx"}, "Word document", "a Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", startsWith("PK\x03\x04")},
	{[]string{".xlsx"}, "Excel spreadsheet", "an Excel spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", startsWith("PK\x03\x04")},
	{[]string{".odt"}, "OpenDocument text", "an OpenDocument text", "application/vnd.oasis.opendocument.text", startsWith("PK\x03\x04")},
	{[]string{".ods"}, "OpenDocument spreadsheet", "an OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet", startsWith("PK\x03\x04")},
	{[]string{".txt"}, "Text", "plain text", "text/plain; charset=utf-8", plainText},
	{[]string{".csv"}, "CSV", "plain text CSV", "text/csv; charset=utf-8", plainText},
	{[]string{".png"}, "PNG image", "a PNG image", "image/png", startsWith("\x89PNG\r\n\x1a\n")},
	{[]string{".jpg", ".jpeg"}, "JPEG image", "a JPEG image", "image/jpeg", startsWith("\xff\xd8\xff")},
}

// older formats people often have, with what to do instead.
var olderFormats = map[string]string{
	".doc": "an older Word format: save it as .docx or PDF and attach that",
	".xls": "an older Excel format: save it as .xlsx or PDF and attach that",
}

// hiddenRune reports control characters and invisible formatting marks
// (such as a right-to-left override, which can make "exe.pdf" look like
// "fdp.exe").
func hiddenRune(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }

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

// CheckAttachment checks a new attachment against the ITT and the limits,
// and returns what will be kept of it (without ID, BidID and CreatedAt,
// which the store gives). The type is decided by the contents and the
// extension together: both must agree on a type we accept. Problems are
// apperr field errors on "file-<criterion>".
func CheckAttachment(itt ITT, n NewAttachment) (*Attachment, error) {
	field := "file-" + n.Criterion
	fail := func(format string, args ...any) (*Attachment, error) {
		return nil, apperr.Fields([]apperr.FieldError{{Field: field, Message: fmt.Sprintf(format, args...)}})
	}
	if _, ok := itt.Criterion(n.Criterion); !ok {
		return fail("There is no question %q in this invitation to tender, so a file cannot be attached to it", n.Criterion)
	}
	name := strings.TrimSpace(n.FileName)
	switch {
	case name == "":
		return fail("The file has no name: give it a name and choose it again")
	case !utf8.ValidString(name) || strings.ContainsFunc(name, hiddenRune):
		return fail("The file name has characters we cannot keep: rename the file using letters, numbers, spaces, dots and dashes, and choose it again")
	case utf8.RuneCountInString(name) > MaxAttachmentName:
		return fail("The file name must be %d characters or fewer: rename the file and choose it again", MaxAttachmentName)
	}
	size := int64(len(n.Data))
	if size == 0 {
		return fail("%s is empty: check the file and choose it again", name)
	}
	if size > MaxAttachmentSize {
		return fail("The file must be %s or smaller: %s is %s", FormatSize(MaxAttachmentSize), name, FormatSize(size))
	}
	ext := strings.ToLower(path.Ext(name))
	var kind *fileKind
	for i := range fileKinds {
		for _, e := range fileKinds[i].exts {
			if e == ext {
				kind = &fileKinds[i]
			}
		}
	}
	if kind == nil {
		if why, ok := olderFormats[ext]; ok {
			return fail("%s is %s", name, why)
		}
		return fail("%s is not a file type we accept: use %s", name, AcceptedTypes)
	}
	if !kind.matches(n.Data) {
		return fail("%s does not contain %s, although its name says it does: save it again from the program that made it, or choose another file", name, kind.what)
	}
	if n.CriterionFiles >= MaxAttachmentsPerAnswer {
		return fail("You can attach up to %d files to %s: remove one before you attach %s", MaxAttachmentsPerAnswer, n.Criterion, name)
	}
	if n.BidBytes+size > MaxBidAttachmentBytes {
		return fail("The files of a bid can add up to %s at most: %s (%s) would take yours to %s. Remove a file or attach a smaller one",
			FormatSize(MaxBidAttachmentBytes), name, FormatSize(size), FormatSize(n.BidBytes+size))
	}
	sum := sha256.Sum256(n.Data)
	return &Attachment{Criterion: n.Criterion, FileName: name, ContentType: kind.contentType, Size: size, SHA256: hex.EncodeToString(sum[:])}, nil
}

// FilesFor lists the bid's files attached to one criterion, in the order
// they were attached.
func (b StoredBid) FilesFor(criterionID string) []Attachment {
	var out []Attachment
	for _, a := range b.Attachments {
		if a.Criterion == criterionID {
			out = append(out, a)
		}
	}
	return out
}
