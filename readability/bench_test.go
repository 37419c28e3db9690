package readability

import (
	"math/rand"
	"strings"
	"testing"
)

// Sentences for the benchmark's letter-like prose, written for it.
var benchSentences = []string{
	"Thank you for coming to see us at the clinic last week.",
	"We have looked at the results of your blood test and they are normal.",
	"Your next appointment is on Tuesday 4 March at 10:30am with Dr Khan.",
	"Please bring a list of the medicines you take, including any you buy yourself.",
	"If you cannot come, call us on 0161 496 0000 so we can offer the time to someone else.",
	"The car park is free for the first two hours, and there is a bus stop outside the main entrance.",
	"In order to help us plan your care, please fill in the form and send it back to us.",
	"Your care package will be reviewed by the team in the spring.",
	"We're sorry that you had to wait so long for a reply.",
	"Your carer is welcome to come with you.",
	"A letter will be sent to your GP after the meeting.",
	"You can ask for this letter in large print, Braille, Easy Read or another language.",
	"We don't share your details with anyone outside the NHS without asking you first.",
	"The group meets every Thursday afternoon in the community centre on Mill Street.",
}

// benchProse builds about n bytes of letters: a salutation, paragraphs
// of the sentences above in a fixed random order, and a sign-off.
func benchProse(n int) string {
	rng := rand.New(rand.NewSource(1))
	var b strings.Builder
	for b.Len() < n {
		b.WriteString("Dear Ms Patel,\n\n")
		for p := 0; p < 4; p++ {
			for s := 0; s < 3+rng.Intn(3); s++ {
				if s > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(benchSentences[rng.Intn(len(benchSentences))])
			}
			b.WriteString("\n\n")
		}
		b.WriteString("Yours sincerely,\nThe Outpatients Team\n\n")
	}
	return b.String()
}

// BenchmarkAnalyzePlain is the full analysis (all plain rules) of about
// 4 MB of ordinary letter prose; MB/s is the figure to watch (the goal is
// 20 MB/s or more on one core).
func BenchmarkAnalyzePlain(b *testing.B) {
	text := benchProse(4 << 20)
	p := Plain()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := AnalyzeText(text, p)
		if r.Words == 0 {
			b.Fatal("no words")
		}
	}
}

func BenchmarkAnalyzeEasyRead(b *testing.B) {
	text := benchProse(4 << 20)
	p := EasyRead()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		AnalyzeText(text, p)
	}
}

func BenchmarkSentences(b *testing.B) {
	text := benchProse(4 << 20)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		splitSentences(text, func(Span) { n++ })
	}
}

func BenchmarkAnalyzeHTML(b *testing.B) {
	var h strings.Builder
	for _, para := range strings.Split(benchProse(4<<20), "\n\n") {
		h.WriteString("<p>" + strings.ReplaceAll(para, "\n", "<br>") + "</p>\n")
	}
	src := []byte(h.String())
	p := Plain()
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Analyze(src, FormatHTML, p); err != nil {
			b.Fatal(err)
		}
	}
}
