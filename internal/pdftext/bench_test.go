package pdftext

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/pdfwrite"
)

// BenchmarkReadLongPolicy reads a 300-page policy document of about
// 2,400 characters a page (some 720,000 in all), compressed, as a long
// policy PDF is.
func BenchmarkReadLongPolicy(b *testing.B) {
	para := strings.Repeat("People who use short breaks told the council that getting out and about matters to them. ", 6)
	pages := make([][]string, 300)
	for i := range pages {
		pages[i] = []string{para, para, para, para}
	}
	file := pdfwrite.Text(pages)
	b.SetBytes(int64(len(file)))
	b.ResetTimer()
	for b.Loop() {
		doc, err := Read(file)
		if err != nil || len(doc.Pages) != 300 {
			b.Fatal(err)
		}
	}
}
