package readability

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// bombDOCX is a small file whose document part unpacks to body repeated n
// times, the shape of issue 16's 169 KB file that unzipped to 62 MB.
func bombDOCX(body string, n int) []byte {
	return zipFiles([][2]string{{"word/document.xml", `<w:document ` + wordNS + `><w:body>` + strings.Repeat(body, n) + `</w:body></w:document>`}})
}

func TestDocumentsAreBoundedToTenMegabytesOfText(t *testing.T) {
	sentence := "The letter tells you the time of your appointment and who to call. "
	for _, c := range []struct {
		name string
		src  []byte
		fmt  Format
	}{
		// 11 MB of text in one paragraph.
		{"one long paragraph", bombDOCX(`<w:p><w:r><w:t>`+strings.Repeat(sentence, 11<<20/len(sentence))+`</w:t></w:r></w:p>`, 1), FormatDOCX},
		// Many paragraphs of ordinary text, 11 MB in all.
		{"many paragraphs", bombDOCX(`<w:p><w:r><w:t>`+sentence+`</w:t></w:r></w:p>`, 11<<20/len(sentence)), FormatDOCX},
		// Empty paragraphs: no text at all, but each is a blank line apart.
		{"empty paragraphs", bombDOCX(`<w:p/>`, MaxParagraphs+1), FormatDOCX},
		// ODT's space element asks for 999 spaces in 20 bytes.
		{"space elements", zipFiles([][2]string{{"content.xml", `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>` +
			strings.Repeat(`<text:s text:c="999"/>`, 11<<20/999) + `</text:p></office:text></office:body></office:document-content>`}}), FormatODT},
		// Plain text longer than the upload limit.
		{"plain text", []byte(strings.Repeat(sentence, 11<<20/len(sentence))), FormatText},
	} {
		var err error
		peak := peakHeapDuring(func() { _, err = Analyze(c.src, c.fmt, Plain()) })
		if !errors.Is(err, ErrTooMuchText) {
			t.Errorf("%s (%d KB file): %v, want ErrTooMuchText", c.name, len(c.src)>>10, err)
		}
		// Streaming: the part is never held whole, and the text stops at
		// the limit (about 10 MB, in a builder that may double, plus the
		// paragraphs kept so far).
		if peak > 64<<20 {
			t.Errorf("%s: the heap grew by %d MB to refuse it", c.name, peak>>20)
		}
	}
}

// peakHeapDuring runs f and returns how far the live heap rose above where
// it started, sampled every millisecond.
func peakHeapDuring(f func()) uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	base, peak := m.HeapAlloc, m.HeapAlloc
	done := make(chan struct{})
	sampled := make(chan uint64)
	go func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				sampled <- peak
				return
			case <-tick.C:
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapAlloc)
			}
		}
	}()
	f()
	close(done)
	if p := <-sampled; p > base {
		return p - base
	}
	return 0
}

func TestDocumentJustUnderTheLimitIsRead(t *testing.T) {
	sentence := "Bring this letter with you. "
	src := bombDOCX(`<w:p><w:r><w:t>`+sentence+`</w:t></w:r></w:p>`, 1000)
	r, err := Analyze(src, FormatDOCX, Plain())
	if err != nil || r.Words != 5000 {
		t.Fatalf("1,000 paragraphs of 5 words: %v, %d words", err, r.Words)
	}
}
