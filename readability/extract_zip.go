package readability

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// maxXMLSize bounds how much of one zip member is read, so that a
// crafted file (a "zip bomb") cannot exhaust memory or time.
const maxXMLSize = 64 << 20

// MaxTextBytes is the most text a document may hold: the upload limit, so
// a small compressed file cannot unpack into more text than a person could
// send as plain text.
const MaxTextBytes = 10 << 20

// MaxParagraphs bounds a document's paragraphs: 10 MB of ordinary prose is
// well under 200,000 of them, and empty paragraphs, which hold no text,
// would otherwise be free to repeat millions of times.
const MaxParagraphs = 200_000

// ErrTooMuchText is returned for a document holding more than MaxTextBytes
// of text or more than MaxParagraphs paragraphs.
var ErrTooMuchText = errors.New("the document holds more than 10 MB of text or 200,000 paragraphs: split it into smaller documents")

var errMemberTooLarge = fmt.Errorf("a part of the file is larger than %d MB unpacked", maxXMLSize>>20)

// openZipMember streams the named member of a zip file, never more than
// maxXMLSize bytes of it: reading further fails with errMemberTooLarge.
func openZipMember(src []byte, name, format string) (io.ReadCloser, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, fmt.Errorf("not a %s file: %w", format, err)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("reading %s in %s file: %w", name, format, err)
		}
		return &boundedReader{rc: rc, left: maxXMLSize}, nil
	}
	return nil, fmt.Errorf("not a %s file: it has no %s", format, name)
}

type boundedReader struct {
	rc   io.ReadCloser
	left int64
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, errMemberTooLarge
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *boundedReader) Close() error { return b.rc.Close() }

// xmlError words an error met while decoding a member's XML: the limits
// keep their own message.
func xmlError(format, member string, err error) error {
	if errors.Is(err, errMemberTooLarge) || errors.Is(err, ErrTooMuchText) {
		return fmt.Errorf("%s %s: %w", format, member, err)
	}
	return fmt.Errorf("%s %s is not well-formed XML: %w", format, member, err)
}

// paragraphs collects a document's paragraphs, counting the text they will
// make (with the blank line between each) against MaxTextBytes.
type paragraphs struct {
	list []string
	size int
}

// fits reports whether n more bytes of text are within the limit.
func (p *paragraphs) fits(n int) bool { return p.size+n <= MaxTextBytes }

func (p *paragraphs) add(s string) error {
	if !p.fits(len(s)+2) || len(p.list) >= MaxParagraphs {
		return ErrTooMuchText
	}
	p.size += len(s) + 2
	p.list = append(p.list, s)
	return nil
}
