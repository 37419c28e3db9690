package readability

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzLetters = []string{
	"Dear Ms Patel,\n\nThank you for your letter dated 03/04/2026. Your appointment with Dr Smith is at 14:30 on Monday.\n\nYours sincerely,\nJ. Smith",
	"Your next visit\n- Bring this letter\n- Arrive 10 minutes early\n1. Go to reception.\n2. Wait.",
	"Take 2.5 ml at 10.30am, e.g. with food... Really?! \"Yes.\" (See p. 4.)",
	"PLEASE DON'T eat for 2 hrs. The GP will be informed. In order to help, contact the CQC.",
	"…\n\n\n.\n-\n1.\n a)  \u2019 \u00e9",
}

// FuzzSentences checks that the splitter never panics and that its spans
// are in order, inside the text, trimmed and non-empty.
func FuzzSentences(f *testing.F) {
	for _, s := range fuzzLetters {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range Sentences(text) {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad span %v (prev end %d, len %d)", s, prev, len(text))
			}
			u := text[s.Start:s.End]
			if strings.TrimSpace(u) != u && utf8.ValidString(u) {
				t.Fatalf("span %q is not trimmed", u)
			}
			prev = s.End
		}
	})
}

// checkReport checks the invariants every report must keep.
func checkReport(t *testing.T, r *Report, source string) {
	t.Helper()
	for _, is := range r.Issues {
		if is.Start < 0 || is.End < is.Start || is.End > len(source) {
			t.Fatalf("issue %+v out of range (len %d)", is, len(source))
		}
		if source[is.Start:is.End] != is.Text {
			t.Fatalf("issue text %q is not the span %q", is.Text, source[is.Start:is.End])
		}
		if is.Line < 1 || is.Column < 1 {
			t.Fatalf("bad position %d:%d", is.Line, is.Column)
		}
	}
}

func FuzzAnalyzeText(f *testing.F) {
	for _, s := range fuzzLetters {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r := AnalyzeText(text, EasyRead())
		checkReport(t, r, text)
	})
}

func FuzzExtractMarkdown(f *testing.F) {
	f.Add("# Your visit\n\n**Please** bring [your letter](https://example.org).\n\n- one\n* two\n\n```\ncode\n```\n| a | b |\n|---|---|\n")
	for _, s := range fuzzLetters {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		r, err := Analyze([]byte(src), FormatMarkdown, Plain())
		if err != nil {
			t.Fatal(err)
		}
		checkReport(t, r, validUTF8([]byte(src)))
	})
}

func FuzzExtractHTML(f *testing.F) {
	f.Add("<html><head><title>x</title><style>p{}</style></head><body><h1>Your visit</h1><p>Please bring&nbsp;your <b>letter</b> &amp; tablets.<br>Thanks &#8217; &#x41;</p><!-- note --><script>var a=1<2;</script></body></html>")
	for _, s := range fuzzLetters {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		r, err := Analyze([]byte(src), FormatHTML, Plain())
		if err != nil {
			t.Fatal(err)
		}
		checkReport(t, r, validUTF8([]byte(src)))
	})
}

func FuzzExtractDOCX(f *testing.F) {
	f.Add(makeDOCX([]string{"Dear Ms Patel,", "Your appointment is at 14:30."}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, src []byte) {
		r, err := Analyze(src, FormatDOCX, Plain())
		if err != nil {
			return // not a DOCX: an error, never a panic
		}
		checkReport(t, r, r.Text)
	})
}
