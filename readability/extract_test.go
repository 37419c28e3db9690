package readability

import (
	"reflect"
	"strings"
	"testing"
)

func sentencesOf(r *Report) []string {
	var out []string
	for _, s := range r.SentenceSpans {
		out = append(out, r.Text[s.Start:s.End])
	}
	return out
}

func TestMarkdownPositionsPointIntoSource(t *testing.T) {
	src := "# Your **next** visit\n\nPlease come *in order to* see [Dr Khan](https://example.org/dr-khan).\n\n- Bring your letter\n- Don't be late\n\n```\nin order to\n```\n"
	r, err := Analyze([]byte(src), FormatMarkdown, Plain())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Your next visit", "Please come in order to see Dr Khan.", "Bring your letter", "Don't be late"}
	if got := sentencesOf(r); !reflect.DeepEqual(got, want) {
		t.Errorf("sentences\n got %q\nwant %q", got, want)
	}
	checkReport(t, r, src)
	var wordy, contraction *Issue
	for i := range r.Issues {
		switch r.Issues[i].Rule {
		case RuleWordyPhrase:
			if wordy != nil {
				t.Error("the phrase inside the code fence must not be checked")
			}
			wordy = &r.Issues[i]
		case RuleNegativeContraction:
			contraction = &r.Issues[i]
		}
	}
	if wordy == nil || contraction == nil {
		t.Fatalf("missing issues: %+v", r.Issues)
	}
	// line 3, "Please come *" is 13 characters, so "in" is at column 14
	if wordy.Line != 3 || wordy.Column != 14 || wordy.Text != "in order to" {
		t.Errorf("wordy at %d:%d %q, want 3:14 \"in order to\"", wordy.Line, wordy.Column, wordy.Text)
	}
	if contraction.Line != 6 || contraction.Column != 3 {
		t.Errorf("contraction at %d:%d, want 6:3", contraction.Line, contraction.Column)
	}
}

func TestHTMLPositionsPointIntoSource(t *testing.T) {
	src := "<!DOCTYPE html>\n<html><head><title>Ignore me in order to</title><style>p { color: red }</style></head>\n<body><h1>Your visit</h1><p>Please come&nbsp;<b>in order to</b> see us &amp; talk.\nWe can&#8217;t wait.</p>\n<script>var s = \"in order to\";</script><ul><li>Bring your letter</li><li>Arrive early</li></ul></body></html>"
	r, err := Analyze([]byte(src), FormatHTML, Plain())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Your visit", "Please come in order to see us & talk.", "We can’t wait.", "Bring your letter", "Arrive early"}
	if got := sentencesOf(r); !reflect.DeepEqual(got, want) {
		t.Errorf("sentences\n got %q\nwant %q", got, want)
	}
	checkReport(t, r, src)
	found := map[string]Issue{}
	for _, is := range r.Issues {
		if _, dup := found[is.Rule]; dup && is.Rule == RuleWordyPhrase {
			t.Errorf("title or script text was checked: %+v", is)
		}
		found[is.Rule] = is
	}
	w := found[RuleWordyPhrase]
	line3 := "<body><h1>Your visit</h1><p>Please come&nbsp;<b>"
	if w.Line != 3 || w.Column != len(line3)+1 || w.Text != "in order to" {
		t.Errorf("wordy at %d:%d %q, want 3:%d", w.Line, w.Column, w.Text, len(line3)+1)
	}
	c := found[RuleNegativeContraction]
	// the span of "can’t" in the source includes the character reference
	if c.Text != "can&#8217;t" || c.Line != 4 || c.Column != 4 {
		t.Errorf("contraction %q at %d:%d, want \"can&#8217;t\" at 4:4", c.Text, c.Line, c.Column)
	}
}

func TestDOCXParagraphPositions(t *testing.T) {
	paras := []string{"Dear Ms Patel,", "Your visit is at 14:30 on Monday. Please don’t be late.", "Yours sincerely,", "Zoë"}
	r, err := Analyze(makeDOCX(paras), FormatDOCX, Plain())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Dear Ms Patel,", "Your visit is at 14:30 on Monday.", "Please don’t be late.", "Yours sincerely,", "Zoë"}
	if got := sentencesOf(r); !reflect.DeepEqual(got, want) {
		t.Errorf("sentences\n got %q\nwant %q", got, want)
	}
	checkReport(t, r, r.Text)
	var time, neg Issue
	for _, is := range r.Issues {
		switch is.Rule {
		case RuleTimeFormat:
			time = is
		case RuleNegativeContraction:
			neg = is
		}
	}
	// paragraph 2, "Your visit is at " is 17 characters
	if time.Line != 2 || time.Column != 18 || time.Text != "14:30" {
		t.Errorf("time issue at %d:%d %q, want 2:18 \"14:30\"", time.Line, time.Column, time.Text)
	}
	if neg.Line != 2 || neg.Column != 42 || neg.Text != "don’t" {
		t.Errorf("contraction at %d:%d %q, want 2:42", neg.Line, neg.Column, neg.Text)
	}
}

func TestODTParagraphPositions(t *testing.T) {
	paras := []string{"Your visit", "Please  come at 14:30. We can't wait.", "Thank you"}
	r, err := Analyze(makeODT(paras), FormatODT, Plain())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Your visit", "Please  come at 14:30.", "We can't wait.", "Thank you"}
	if got := sentencesOf(r); !reflect.DeepEqual(got, want) {
		t.Errorf("sentences\n got %q\nwant %q", got, want)
	}
	checkReport(t, r, r.Text)
	for _, is := range r.Issues {
		if is.Rule == RuleTimeFormat && (is.Line != 2 || is.Column != 17) {
			t.Errorf("time issue at %d:%d, want 2:17", is.Line, is.Column)
		}
		if is.Rule == RuleNegativeContraction && (is.Line != 2 || is.Column != 27) {
			t.Errorf("contraction at %d:%d, want 2:27", is.Line, is.Column)
		}
	}
}

func TestZipErrors(t *testing.T) {
	if _, err := Analyze([]byte("not a zip"), FormatDOCX, Plain()); err == nil || !strings.Contains(err.Error(), "DOCX") {
		t.Errorf("want a DOCX error, got %v", err)
	}
	if _, err := Analyze(makeDOCX([]string{"x"}), FormatODT, Plain()); err == nil || !strings.Contains(err.Error(), "content.xml") {
		t.Errorf("want a missing content.xml error, got %v", err)
	}
	if _, err := Analyze([]byte("x"), Format("pdf"), Plain()); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestFormatDetection(t *testing.T) {
	names := map[string]Format{"a.txt": FormatText, "b.MD": FormatMarkdown, "c.html": FormatHTML, "d.docx": FormatDOCX, "e.odt": FormatODT}
	for n, want := range names {
		if got, ok := FormatFromName(n); !ok || got != want {
			t.Errorf("FormatFromName(%q) = %q", n, got)
		}
	}
	if _, ok := FormatFromName("f.pdf"); ok {
		t.Error("pdf accepted")
	}
	sniff := map[Format][]byte{
		FormatDOCX:     makeDOCX([]string{"x"}),
		FormatODT:      makeODT([]string{"x"}),
		FormatHTML:     []byte("<!doctype html><p>Hi</p>"),
		FormatMarkdown: []byte("# Title\n\nText."),
		FormatText:     []byte("Dear Sir,\nHello."),
	}
	for want, src := range sniff {
		if got := SniffFormat(src); got != want {
			t.Errorf("SniffFormat(%s) = %s", want, got)
		}
	}
}
