package transcript

import (
	"errors"
	"strings"
	"testing"
)

func readString(t *testing.T, f Format, s string) (*Transcript, error) {
	t.Helper()
	return Read(f, "x", strings.NewReader(s))
}

func mustRead(t *testing.T, f Format, s string) *Transcript {
	t.Helper()
	tr, err := readString(t, f, s)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestCHATTokens(t *testing.T) {
	tr := mustRead(t, FormatCHAT, "@Begin\n@Participants:\tA Ann Mother, B Target_Child\n"+
		"*A:\t+< well (0.5) I (1:02.5) want &-um &+sa sandwiches@c xxx &=laughs\n\tno:: (.) ⌈ mo:re ⌉ ? [+ q] \x15100_900\x15\n%com:\tpoints\n"+
		"*B:\t⌊ ok ⌋ .\n@End\n")
	u := tr.Utterances[0]
	if u.Line != 3 || !u.Timed || u.Start != 100 || u.End != 900 || u.Terminator != "?" {
		t.Errorf("line %d timed %v %d-%d terminator %q", u.Line, u.Timed, u.Start, u.End, u.Terminator)
	}
	var words []string
	kinds := map[TokenKind]int{}
	for _, k := range u.Tokens {
		kinds[k.Kind]++
		if k.Kind == TokWord {
			words = append(words, k.Clean)
		}
	}
	if got := strings.Join(words, " "); got != "well I want sandwiches no more" {
		t.Errorf("words %q", got)
	}
	if kinds[TokFiller] != 1 || kinds[TokFragment] != 1 || kinds[TokUnintelligible] != 1 || kinds[TokEvent] != 1 || kinds[TokPause] != 3 {
		t.Errorf("kinds %v", kinds)
	}
	if u.Pauses[0].Ms != 500 || u.Pauses[1].Ms != 62500 || u.Pauses[2].Dots != 1 || u.Pauses[1].Word != 2 {
		t.Errorf("pauses %+v", u.Pauses)
	}
	if len(u.Linkers) != 1 || len(u.Dependent) != 1 || u.Dependent[0].Tier != "com" {
		t.Errorf("linkers %v dependents %v", u.Linkers, u.Dependent)
	}
	if len(u.Overlaps) != 2 || u.Overlaps[0] != (Overlap{Side: OverlapTop, Begin: true, Word: 5}) || u.Overlaps[1].Word != 6 {
		t.Errorf("overlaps %+v", u.Overlaps)
	}
	if p, _ := tr.Header.Participant("A"); p.Name != "Ann" || p.Role != "Mother" {
		t.Errorf("participant %+v", p)
	}
}

func TestCHATErrors(t *testing.T) {
	head := "@Begin\n@Participants:\tA Adult\n"
	for _, c := range []struct{ in, want string }{
		{head + "*A:\thello\n@End\n", "x:3:10: utterance has no terminator"},
		{head + "*A:\thello . world\n@End\n", "x:3:13: nothing but postcodes"},
		{head + "*A:\thi . \x15100_\x15\n@End\n", "x:3:10: media bullet"},
		{head + "*A:\thi .\n", "x:4:1: missing @End"},
		{head + "%com:\tx\n", "x:3:1: dependent tier before"},
		{head + "*A:\t&}l=X hi .\n@End\n", "x:3:5: &}l=X ends a feature"},
		{head + "*A:\t+x hi .\n@End\n", "x:3:5: unknown + code"},
		{head + "*A:\t\xff .\n@End\n", "x:3:5: invalid UTF-8"},
		{"*A:\thi .\n", "x:1:1: main tier before @Begin"},
	} {
		_, err := readString(t, FormatCHAT, c.in)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %s", c.in, err, c.want)
		}
	}
}

func TestCaptionErrors(t *testing.T) {
	for _, c := range []struct {
		f        Format
		in, want string
	}{
		{FormatVTT, "WEBVTTX\n", "x:1:1: a WebVTT file starts with WEBVTT"},
		{FormatVTT, "WEBVTT\n\n00:01.000 --> 00:00.500\nhi\n", "x:3:15: cue ends before it starts"},
		{FormatVTT, "WEBVTT\n\nid\nhello\n", "x:4:1: expected a timing line"},
		{FormatVTT, "WEBVTT\n\n00:01.0x0 --> 00:02.000\nhi\n", "x:3:1: bad start time"},
		{FormatSRT, "1\n00:00:01,000 --> 00:00:02,000\nhi\n\nabc\n", "x:5:1: expected a cue number"},
		{FormatSRT, "1\n00:00:01,000 --> 00:00:02,00a\nhi\n", "x:2:18: bad end time"},
	} {
		_, err := readString(t, c.f, c.in)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %s", c.in, err, c.want)
		}
	}
}

func TestCaptionVoices(t *testing.T) {
	tr := mustRead(t, FormatVTT, "WEBVTT\n\nNOTE a note\n\n00:01.000 --> 00:02.000\n<v Sam>Tea?</v>\n<v Alex>Yes &amp; cake.\n\n"+
		"00:02.500 --> 00:03.000\nmore cake\n\n01:00:00.000 --> 01:00:01.000\nSupport worker: Ok.\n")
	got := []string{}
	for _, u := range tr.Utterances {
		got = append(got, u.Speaker+"|"+u.Text+"|"+u.Terminator)
	}
	want := "Sam|Tea?|? Alex|Yes & cake.|. Alex|more cake| Support worker|Ok.|."
	if strings.Join(got, " ") != want {
		t.Errorf("got %q\nwant %q", strings.Join(got, " "), want)
	}
	if tr.Utterances[3].Start != 3600000 {
		t.Errorf("hours: %d", tr.Utterances[3].Start)
	}
}

func TestJeffersonErrorsAndMarks(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"just a header\n", "x:2:1: no speaker lines"},
		{"A: hello ((laughs\n", "x:1:10: (( is not closed"},
		{"A: so (this\nB: yes\n", "x:1:7: ( is not closed"},
		{"A: so\n   and then (x\n", "x:2:13: ( is not closed"},
	} {
		_, err := readString(t, FormatJefferson, c.in)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %s", c.in, err, c.want)
		}
	}
	tr := mustRead(t, FormatJefferson, "A: °so::° >you went< ↑there? (0.4) wor- .hhh [yes]=\n")
	u := tr.Utterances[0]
	var words []string
	for _, k := range u.Tokens {
		if k.Kind == TokWord {
			words = append(words, k.Clean)
		}
	}
	if strings.Join(words, " ") != "so you went there yes" || !u.LatchedAfter || u.Terminator != "" {
		t.Errorf("words %q latched %v terminator %q", words, u.LatchedAfter, u.Terminator)
	}
	if len(u.Pauses) != 1 || u.Pauses[0].Ms != 400 || len(u.Overlaps) != 2 || u.Overlaps[0].Word != 4 {
		t.Errorf("pauses %+v overlaps %+v", u.Pauses, u.Overlaps)
	}
}

func TestEAFErrors(t *testing.T) {
	doc := func(body string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="t1" TIME_VALUE="0"/><TIME_SLOT TIME_SLOT_ID="t2" TIME_VALUE="10"/></TIME_ORDER>` + "\n" + body + "</ANNOTATION_DOCUMENT>"
	}
	for _, c := range []struct{ in, want string }{
		{doc(`<TIER TIER_ID="a"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="x" TIME_SLOT_REF1="t1" TIME_SLOT_REF2="t9"><ANNOTATION_VALUE>hi</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>`), "refers to a time slot"},
		{doc(`<TIER TIER_ID="a" PARENT_REF="zz"></TIER>`), "parent tier zz does not exist"},
		{doc(`<TIER TIER_ID="a"><ANNOTATION><REF_ANNOTATION ANNOTATION_ID="x" ANNOTATION_REF="y"/></ANNOTATION></TIER>`), "which does not exist"},
		{doc(`<TIER TIER_ID="a"><ANNOTATION>`), "bad XML"},
		{"hello", "not an ELAN document"},
	} {
		_, err := readString(t, FormatEAF, c.in)
		var pe *Error
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), c.want) || pe.Line < 1 {
			t.Errorf("%.60q: got %v, want %s", c.in, err, c.want)
		}
	}
}

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		name, head string
		want       Format
	}{
		{"a.txt", "WEBVTT\n\n", FormatVTT},
		{"a", "\xef\xbb\xbf@UTF8\n@Begin\n", FormatCHAT},
		{"a", "<?xml version='1.0'?>", FormatEAF},
		{"a.txt", "1\n00:00:01,000 --> 00:00:02,000\n", FormatSRT},
		{"a.cha", "", FormatCHAT},
		{"a.srt", "", FormatSRT},
		{"notes.txt", "SAM: hello", FormatJefferson},
	} {
		if got, _ := Detect(c.name, []byte(c.head)); got != c.want {
			t.Errorf("Detect(%q, %q) = %s, want %s", c.name, c.head, got, c.want)
		}
	}
	if _, known := Detect("a.doc", []byte("hello")); known {
		t.Error("unknown content and extension reported as known")
	}
}
