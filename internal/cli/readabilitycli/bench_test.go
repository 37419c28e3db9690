package readabilitycli

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/readability"
)

// sizeLetter is a letter written for the size measurement: most lines
// trip a rule or two, so the report has many issues, as a badly written
// long text would.
var sizeLetter = []string{
	"Dear Mr Jones,",
	"Your appointment has been scheduled for 09:30 on 05/06/2026.",
	"In order to attend, please don't be late, and bring three forms with you.",
	"Contact PALS if you can't come, or if your care package needs to be reviewed prior to your visit.",
	"PLEASE BRING THIS LETTER WITH YOU.",
	"The multidisciplinary team will telephone you approximately one week beforehand.",
	"Yours sincerely,",
	"The Clinic",
}

// bigLetters repeats the letter until the text is at least n bytes.
func bigLetters(n int) string {
	one := strings.Join(sizeLetter, "\n\n") + "\n\n"
	return strings.Repeat(one, n/len(one)+1)
}

// countingWriter counts what is written to it.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkWriteJSON writes the JSON report of about 3 MB of letters;
// json-bytes is the size of the output, the figure to watch.
func BenchmarkWriteJSON(b *testing.B) {
	text := bigLetters(3 << 20)
	r := readability.AnalyzeText(text, readability.Plain())
	var size int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var c countingWriter
		if err := writeJSON(&c, r); err != nil {
			b.Fatal(err)
		}
		size = c.n
	}
	b.ReportMetric(float64(len(text)), "text-bytes")
	b.ReportMetric(float64(len(r.Issues)), "issues")
	b.ReportMetric(float64(size), "json-bytes")
}
