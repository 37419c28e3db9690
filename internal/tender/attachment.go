package tender

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/filetype"
)

// Limits on the files a bidder attaches to their answers.
const (
	MB                      = filetype.MB
	MaxAttachmentSize       = 10 * MB // one file
	MaxAttachmentsPerAnswer = 5       // files attached to one criterion
	MaxBidAttachmentBytes   = 25 * MB // every file of one bid together
	MaxAttachmentName       = 200     // characters in a file name
)

// AcceptedTypes names, in plain English, the kinds of file a bidder may attach.
const AcceptedTypes = "PDF, Word, Excel, OpenDocument, text, CSV, PNG or JPEG"

// attachmentRules are what a bid's answer accepts.
var attachmentRules = filetype.Rules{
	Kinds:    []filetype.Kind{filetype.PDF, filetype.Word, filetype.Excel, filetype.ODT, filetype.ODS, filetype.Text, filetype.CSV, filetype.PNG, filetype.JPEG},
	Accepted: AcceptedTypes, MaxSize: MaxAttachmentSize, MaxName: MaxAttachmentName, Verb: "attach",
}

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
func (a Attachment) TypeLabel() string { return filetype.LabelOf(a.ContentType) }

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

// FormatSize gives a size in bytes for people to read (filetype.FormatSize).
func FormatSize(n int64) string { return filetype.FormatSize(n) }

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
	name, kind, msg := attachmentRules.Check(n.FileName, n.Data)
	if msg != "" {
		return fail("%s", msg)
	}
	size := int64(len(n.Data))
	if n.CriterionFiles >= MaxAttachmentsPerAnswer {
		return fail("You can attach up to %d files to %s: remove one before you attach %s", MaxAttachmentsPerAnswer, n.Criterion, name)
	}
	if n.BidBytes+size > MaxBidAttachmentBytes {
		return fail("The files of a bid can add up to %s at most: %s (%s) would take yours to %s. Remove a file or attach a smaller one",
			FormatSize(MaxBidAttachmentBytes), name, FormatSize(size), FormatSize(n.BidBytes+size))
	}
	sum := sha256.Sum256(n.Data)
	return &Attachment{Criterion: n.Criterion, FileName: name, ContentType: kind.ContentType, Size: size, SHA256: hex.EncodeToString(sum[:])}, nil
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
