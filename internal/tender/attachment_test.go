package tender_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/tender"
)

// Real, small files of each accepted kind.
var (
	samplePDF = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	sampleTXT = []byte("Our approach, in plain words.\nWe will meet people where they are — café, home or clinic.\n")
	sampleCSV = []byte("month,visits\n2026-01,120\n2026-02,135\n")
)

func sampleZip(t *testing.T, name string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, err := z.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("<?xml version=\"1.0\"?><document/>"))
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sampleImage(t *testing.T, kind string) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	img.Set(0, 0, color.RGBA{200, 30, 30, 255})
	var b bytes.Buffer
	var err error
	if kind == "png" {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func attachITT() tender.ITT {
	return tender.ITT{Criteria: []tender.Criterion{{ID: "Q1", Question: "How?"}, {ID: "Q2", Question: "Who?"}}}
}

func TestCheckAttachmentAcceptsEachType(t *testing.T) {
	docx := sampleZip(t, "word/document.xml")
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"budget.pdf", samplePDF, "application/pdf"},
		{"Budget.PDF", samplePDF, "application/pdf"},
		{"method.docx", docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"costs.xlsx", sampleZip(t, "xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{"method.odt", sampleZip(t, "content.xml"), "application/vnd.oasis.opendocument.text"},
		{"costs.ods", sampleZip(t, "content.xml"), "application/vnd.oasis.opendocument.spreadsheet"},
		{"notes.txt", sampleTXT, "text/plain; charset=utf-8"},
		{"visits.csv", sampleCSV, "text/csv; charset=utf-8"},
		{"chart.png", sampleImage(t, "png"), "image/png"},
		{"photo.jpg", sampleImage(t, "jpeg"), "image/jpeg"},
		{"photo.jpeg", sampleImage(t, "jpeg"), "image/jpeg"},
		{"  spaced name.pdf  ", samplePDF, "application/pdf"},
	}
	for _, c := range cases {
		a, err := tender.CheckAttachment(attachITT(), tender.NewAttachment{Criterion: "Q1", FileName: c.name, Data: c.data})
		if err != nil {
			t.Errorf("%q: %v", c.name, err)
			continue
		}
		sum := sha256.Sum256(c.data)
		if a.ContentType != c.want || a.Size != int64(len(c.data)) || a.SHA256 != hex.EncodeToString(sum[:]) ||
			a.Criterion != "Q1" || a.FileName != strings.TrimSpace(c.name) {
			t.Errorf("%q: got %+v", c.name, a)
		}
		if a.TypeLabel() == "File" {
			t.Errorf("%q: no type label for %s", c.name, a.ContentType)
		}
	}
}

func TestCheckAttachmentRefuses(t *testing.T) {
	big := append(append([]byte{}, samplePDF...), bytes.Repeat([]byte{' '}, 12*tender.MB+400*1024)...)
	cases := []struct {
		about string
		n     tender.NewAttachment
		want  string // part of the message
	}{
		{"unknown criterion", tender.NewAttachment{Criterion: "Q9", FileName: "a.pdf", Data: samplePDF}, `There is no question "Q9"`},
		{"no name", tender.NewAttachment{Criterion: "Q1", FileName: "   ", Data: samplePDF}, "The file has no name"},
		{"long name", tender.NewAttachment{Criterion: "Q1", FileName: strings.Repeat("a", 197) + ".pdf", Data: samplePDF}, "200 characters or fewer"},
		{"control character", tender.NewAttachment{Criterion: "Q1", FileName: "a\x07b.pdf", Data: samplePDF}, "characters we cannot keep"},
		{"right-to-left override", tender.NewAttachment{Criterion: "Q1", FileName: "budget\u202efdp.exe", Data: samplePDF}, "characters we cannot keep"},
		{"empty", tender.NewAttachment{Criterion: "Q1", FileName: "a.pdf", Data: nil}, "a.pdf is empty"},
		{"too big", tender.NewAttachment{Criterion: "Q1", FileName: "budget.pdf", Data: big}, "The file must be 10 MB or smaller: budget.pdf is 12.4 MB"},
		{"executable", tender.NewAttachment{Criterion: "Q1", FileName: "budget.exe", Data: []byte("MZ\x90\x00")},
			"budget.exe is not a file type we accept: use PDF, Word, Excel, OpenDocument, text, CSV, PNG or JPEG"},
		{"no extension", tender.NewAttachment{Criterion: "Q1", FileName: "budget", Data: samplePDF}, "budget is not a file type we accept"},
		{"old Word", tender.NewAttachment{Criterion: "Q1", FileName: "method.doc", Data: []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")}, "older Word format: save it as .docx or PDF"},
		{"executable named pdf", tender.NewAttachment{Criterion: "Q1", FileName: "budget.pdf", Data: []byte("MZ\x90\x00\x03")},
			"budget.pdf does not contain a PDF, although its name says it does"},
		{"pdf named docx", tender.NewAttachment{Criterion: "Q1", FileName: "method.docx", Data: samplePDF}, "does not contain a Word document"},
		{"png named jpg", tender.NewAttachment{Criterion: "Q1", FileName: "photo.jpg", Data: sampleImage(t, "png")}, "does not contain a JPEG image"},
		{"binary named txt", tender.NewAttachment{Criterion: "Q1", FileName: "notes.txt", Data: []byte("abc\x00def")}, "does not contain plain text"},
		{"latin-1 csv", tender.NewAttachment{Criterion: "Q1", FileName: "visits.csv", Data: []byte("caf\xe9,1\n")}, "does not contain plain text CSV"},
		{"sixth file", tender.NewAttachment{Criterion: "Q2", FileName: "six.pdf", Data: samplePDF, CriterionFiles: 5},
			"You can attach up to 5 files to Q2: remove one before you attach six.pdf"},
		{"bid total", tender.NewAttachment{Criterion: "Q1", FileName: "last.pdf", Data: samplePDF, BidBytes: 25*tender.MB - 10},
			"The files of a bid can add up to 25 MB at most"},
	}
	for _, c := range cases {
		a, err := tender.CheckAttachment(attachITT(), c.n)
		if err == nil {
			t.Errorf("%s: accepted as %+v", c.about, a)
			continue
		}
		fs := apperr.FieldsOf(err)
		if apperr.Code(err) != apperr.Invalid || len(fs) != 1 || fs[0].Field != "file-"+c.n.Criterion {
			t.Errorf("%s: error %v with fields %+v", c.about, err, fs)
			continue
		}
		if !strings.Contains(fs[0].Message, c.want) {
			t.Errorf("%s: message %q, want it to contain %q", c.about, fs[0].Message, c.want)
		}
	}
}

func TestCheckAttachmentLimitsAreInclusive(t *testing.T) {
	exact := append(append([]byte{}, samplePDF...), bytes.Repeat([]byte{' '}, tender.MaxAttachmentSize-len(samplePDF))...)
	if _, err := tender.CheckAttachment(attachITT(), tender.NewAttachment{Criterion: "Q1", FileName: "a.pdf", Data: exact}); err != nil {
		t.Errorf("a file of exactly 10 MB: %v", err)
	}
	if _, err := tender.CheckAttachment(attachITT(), tender.NewAttachment{Criterion: "Q1", FileName: "a.pdf", Data: append(exact, ' ')}); err == nil {
		t.Error("a file one byte over 10 MB was accepted")
	}
	if _, err := tender.CheckAttachment(attachITT(), tender.NewAttachment{Criterion: "Q1", FileName: strings.Repeat("é", 196) + ".pdf", Data: samplePDF, CriterionFiles: 4,
		BidBytes: tender.MaxBidAttachmentBytes - int64(len(samplePDF))}); err != nil {
		t.Errorf("a 200-character name, fifth file, bid exactly at 25 MB: %v", err)
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1: "1 byte", 1023: "1023 bytes", 1024: "1 KB", 1025: "2 KB",
		tender.MB: "1 MB", tender.MB + 1: "1.1 MB", 10 * tender.MB: "10 MB", 12*tender.MB + 400*1024: "12.4 MB"} {
		if got := tender.FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
