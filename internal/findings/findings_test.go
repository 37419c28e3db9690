package findings

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/pictures"
	"github.com/coprod/coprod/readability"
)

// sample is a small round written out by hand; the expectations below are
// counted from it by hand.
func sample() Source {
	return Source{
		RoundTitle: "Young people's mental health",
		Themes:     []Theme{{ID: "t1", Name: "Waiting", Items: 3}, {ID: "t2", Name: "Being listened to", Items: 5}, {ID: "t3", Name: "Nights", Items: 1}},
		Factors: []Factor{
			{ID: "f1", Helps: true, Domain: "relationships", Text: "A youth worker who listened", MeToo: 2},
			{ID: "f2", Helps: false, Domain: "health", Text: "Waiting with no contact. Nobody checked on me."},
			{ID: "f3", Helps: true, Domain: "unknown", Text: "Peer groups", MeToo: 4},
		},
		Vision: []Statement{
			{ID: "v1", Text: "I see the same person each time", Dots: 3},
			{ID: "v2", Text: "I get help the same day", Dots: 7, Picture: "phone"},
			{ID: "v3", Text: "I choose where I get support", Dots: 1},
		},
		VotesCounted: true,
		Measures: []Measure{
			{ID: "m1", Title: "Same-day crisis response", EasyRead: "We ask young people in crisis:\nDid you get help the same day?", SignedOff: true},
			{ID: "m2", Title: "Evening sessions", SignedOff: false},
		},
		Indicators: []Indicator{{Key: "c1:I1", Provider: "Riverside Community Support", Name: "Same-day response", MeasureID: "m1"}},
		Tenders: []Tender{
			{ID: "x1", Title: "Crisis service", Published: true, Awarded: true, Winner: "Riverside Community Support", Stake: "20%", Tested: true, GroupChangedWho: true},
			{ID: "x2", Title: "Draft", Published: false},
			{ID: "x3", Title: "Evening service", Published: true, Stake: "25%"},
		},
		Voice: []Voice{
			{ID: "l1", Said: "I waited nine months", EasyRead: "I waited a long time.", Verdict: "partly"},
			{ID: "l2", Said: "My plan was not in Easy Read", Verdict: "changed"},
			{ID: "l3", Said: "Nobody called back", Verdict: ""},
			{ID: "l4", Said: "Weekends are slow", Verdict: ""},
		},
	}
}

func keys(s Section) []string {
	var out []string
	for _, p := range s.Points {
		out = append(out, p.Key)
	}
	return out
}

func TestToldUs(t *testing.T) {
	d := Generate(sample(), KindToldUs)
	if d.Title != "What you told us" || len(d.Sections) != 4 {
		t.Fatalf("got %q with %d sections", d.Title, len(d.Sections))
	}
	want := [][]string{
		{"theme:t2", "theme:t1", "theme:t3"}, // most items first
		{"factor:f3", "factor:f1"},           // most "me too" first
		{"factor:f2"},
		{"vision:order", "vision:v2", "vision:v1", "vision:v3"}, // vote order
	}
	for i, w := range want {
		if got := strings.Join(keys(d.Sections[i]), " "); got != strings.Join(w, " ") {
			t.Errorf("section %d (%s): %s, want %s", i, d.Sections[i].Heading, got, strings.Join(w, " "))
		}
	}
	if got := d.Sections[0].Points[2].Text; got != "You talked about: Nights.\nIt came up 1 time." {
		t.Errorf("theme point: %q", got)
	}
	if got := d.Sections[2].Points[0].Sentences(); len(got) != 2 || got[1] != "Nobody checked on me." {
		t.Errorf("a factor's sentences go one a line: %q", got)
	}
	if p := d.Sections[2].Points[0].Picture; p != "doctor" {
		t.Errorf("health factor picture %q", p)
	}
	if p := d.Sections[1].Points[0].Picture; p != PicHelp {
		t.Errorf("unknown domain picture %q", p)
	}
	v := d.Sections[3].Points[1]
	if v.Picture != "phone" || v.Text != "I get help the same day.\nIt got 7 dots." {
		t.Errorf("vision point %+v", v)
	}
	src := sample()
	src.VotesCounted = false
	d = Generate(src, KindToldUs)
	if got := strings.Join(keys(d.Sections[3]), " "); got != "vision:order vision:v1 vision:v2 vision:v3" {
		t.Errorf("before the vote closes the statements keep their order: %s", got)
	}
	if strings.Contains(d.Sections[3].Points[1].Text, "dots") {
		t.Errorf("dots shown before counting: %q", d.Sections[3].Points[1].Text)
	}
}

func TestWillChange(t *testing.T) {
	d := Generate(sample(), KindWillChange)
	if len(d.Sections) != 3 {
		t.Fatalf("%d sections", len(d.Sections))
	}
	m := d.Sections[0].Points
	if m[0].Text != "We ask young people in crisis:\nDid you get help the same day?\nThe group said yes to this." {
		t.Errorf("measure with Easy Read: %q", m[0].Text)
	}
	if m[1].Text != "Evening sessions.\nThe group has not said yes to this yet." {
		t.Errorf("measure without Easy Read falls back to its title: %q", m[1].Text)
	}
	in := d.Sections[1].Points[0]
	if in.Text != "This is in the contract with Riverside Community Support.\nWe ask young people in crisis:\nDid you get help the same day?\nSome of their money depends on it." {
		t.Errorf("indicator: %q", in.Text)
	}
	tp := d.Sections[2].Points
	if len(tp) != 2 {
		t.Fatalf("only published tenders: %d", len(tp))
	}
	if tp[0].Text != "The winner is Riverside Community Support.\nThey will run the service.\nYour group's scores changed who won." {
		t.Errorf("awarded tender: %q", tp[0].Text)
	}
	if tp[1].Text != "We have not chosen who will run the service yet.\nYour group's scores count for 25% of the marks." {
		t.Errorf("open tender: %q", tp[1].Text)
	}
	for _, c := range []struct {
		t    Tender
		want string
	}{
		{Tender{Awarded: true, Winner: "A", Tested: true}, "Your group's scores did not change who won."},
		{Tender{Awarded: true, Winner: "A", Stake: "0%"}, "Your group's scores counted for 0% of the marks."},
	} {
		if got := tenderLines(c.t); len(got) != 3 || got[2] != c.want {
			t.Errorf("%+v: %q", c.t, got)
		}
	}
}

func TestDidChange(t *testing.T) {
	d := Generate(sample(), KindDidChange)
	var heads []string
	for _, s := range d.Sections {
		heads = append(heads, s.Heading)
	}
	if got := strings.Join(heads, "|"); got != "It changed|It partly changed|Still to say" {
		t.Fatalf("sections %s", got)
	}
	if got := d.Sections[1].Points[0].Text; got != "You told us:\nI waited a long time.\nYou said it changed a bit." {
		t.Errorf("Easy Read words are used: %q", got)
	}
	if got := d.Sections[2].Points[0].Text; got != "2 things are waiting for you to say.\nYou can say if it changed." {
		t.Errorf("waiting: %q", got)
	}
	if d := Generate(Source{}, KindDidChange); len(d.Sections) != 1 || d.Sections[0].Points[0].Text != "No one has said if things changed yet." {
		t.Errorf("empty round: %+v", d)
	}
}

// The generator's own words meet the Easy Read profile: with the group's
// words taken out (they are the group's, checked by the facilitator), no
// sentence is too long, and there is no jargon and no number as a word.
func TestGeneratedWordsAreEasyRead(t *testing.T) {
	src := Source{
		Themes:  []Theme{{ID: "t", Name: "Waiting", Items: 2}},
		Factors: []Factor{{ID: "a", Helps: true, Text: "Friends", MeToo: 3}, {ID: "b", Text: "Noise", MeToo: 1}},
		Vision:  []Statement{{ID: "v", Text: "I choose", Dots: 2}}, VotesCounted: true,
		Measures:   []Measure{{ID: "m", EasyRead: "We ask you.", SignedOff: true}, {ID: "n", EasyRead: "We count.", SignedOff: false}},
		Indicators: []Indicator{{Key: "k", Provider: "Ash", MeasureID: "m"}},
		Tenders: []Tender{{ID: "1", Published: true, Awarded: true, Winner: "Ash", Tested: true, GroupChangedWho: true},
			{ID: "2", Published: true, Awarded: true, Winner: "Ash", Tested: true}, {ID: "3", Published: true, Stake: "20%"},
			{ID: "4", Published: true, Awarded: true, Winner: "Ash", Stake: "20%"}},
	}
	for _, v := range verdictSections {
		src.Voice = append(src.Voice, Voice{ID: v.verdict, Said: "Help.", Verdict: v.verdict})
	}
	src.Voice = append(src.Voice, Voice{ID: "w", Said: "Help."})
	docs := []Document{}
	for _, k := range Kinds {
		docs = append(docs, Generate(src, k), Generate(Source{}, k))
	}
	src.VotesCounted = false
	docs = append(docs, Generate(src, KindToldUs))
	for _, d := range docs {
		var b strings.Builder
		b.WriteString(d.Title + "\n")
		for _, s := range d.Sections {
			b.WriteString(s.Heading + ".\n")
			for _, p := range s.Points {
				b.WriteString(p.Text + "\n")
			}
		}
		rep := readability.AnalyzeText(b.String(), readability.EasyRead())
		for _, is := range rep.Issues {
			switch is.Rule {
			case readability.RuleSentenceTooLong, readability.RuleJargon, readability.RuleNumberAsWord, readability.RuleAllCaps,
				readability.RuleWordyPhrase, readability.RuleLongWords:
				t.Errorf("%s: %s %q: %s", d.Title, is.Rule, is.Text, is.Message)
			}
		}
	}
}

func TestMergeKeepsEdits(t *testing.T) {
	old := Generate(sample(), KindToldUs)
	old.Sections[0].Points[0].Text = "You talked a lot about being listened to."
	old.Sections[0].Points[1].Include = false
	old.Sections[1].Points[0].Picture = "friend"
	src := sample()
	src.Themes = append(src.Themes[1:], Theme{ID: "t4", Name: "School", Items: 9}) // t1 gone, t4 new
	got := Merge(Generate(src, KindToldUs), old)
	th := got.Sections[0].Points
	if strings.Join(keys(got.Sections[0]), " ") != "theme:t4 theme:t2 theme:t3" {
		t.Fatalf("keys %v", keys(got.Sections[0]))
	}
	if th[0].Text != "You talked about: School.\nIt came up 9 times." || !th[0].Include {
		t.Errorf("new point comes in as generated: %+v", th[0])
	}
	if th[1].Text != "You talked a lot about being listened to." {
		t.Errorf("edited words kept: %q", th[1].Text)
	}
	if got.Sections[1].Points[0].Picture != "friend" {
		t.Errorf("chosen picture kept")
	}
	inc := Generate(src, KindToldUs)
	inc.Sections[0].Points[1].Include = false
	if got := Merge(Generate(src, KindToldUs), inc); got.Sections[0].Points[1].Include {
		t.Errorf("left-out point stays out")
	}
}

func TestIncluded(t *testing.T) {
	d := Generate(sample(), KindDidChange)
	d.Sections[0].Points[0].Include = false // the only "changed" point
	got := d.Included()
	if len(got.Sections) != 2 || got.Sections[0].Heading != "It partly changed" {
		t.Errorf("a section with every point left out is gone: %+v", got.Sections)
	}
}

func edits(d Document) []PointEdit {
	var out []PointEdit
	for _, s := range d.Sections {
		for _, p := range s.Points {
			out = append(out, PointEdit{Key: p.Key, Text: p.Text, Picture: p.Picture, Include: p.Include})
		}
	}
	return out
}

func TestEditApply(t *testing.T) {
	d := Generate(sample(), KindDidChange)
	known := func(k string) bool { return k != "nope" }
	pe := edits(d)
	pe[0].Text = "  It changed for me.  \r\n\r\n  My plan came in Easy Read. "
	pe[1].Include = false
	pe[1].Text = ""
	got, err := Edit{Points: pe, KnownPicture: known}.Apply(d)
	if err != nil {
		t.Fatal(err)
	}
	if p := got.Sections[0].Points[0]; p.Text != "It changed for me.\nMy plan came in Easy Read." {
		t.Errorf("lines tidied: %q", p.Text)
	}
	if got.Sections[1].Points[0].Include {
		t.Errorf("left out")
	}

	pe = edits(d)
	pe[0].Text = " "
	pe[1].Picture = "nope"
	pe[2].Text = strings.Repeat("a", MaxPointText+1)
	_, err = Edit{Points: pe, KnownPicture: known}.Apply(d)
	var e *apperr.Error
	if !asErr(err, &e) || e.Code != apperr.Invalid || len(e.Fields) != 3 {
		t.Fatalf("want 3 field errors, got %v", err)
	}
	for i, f := range []string{"text_0", "picture_1", "text_2"} {
		if e.Fields[i].Field != f {
			t.Errorf("field %d: %s, want %s", i, e.Fields[i].Field, f)
		}
	}
	if e.Fields[0].Message != "Write the words for point 1, or leave it out" {
		t.Errorf("message %q", e.Fields[0].Message)
	}

	if _, err := (Edit{Points: edits(d)[1:], KnownPicture: known}).Apply(d); apperr.Code(err) != apperr.Conflict {
		t.Errorf("a point missing is a conflict: %v", err)
	}
	pe = edits(d)
	pe[0].Key = "voice:other"
	if _, err := (Edit{Points: pe, KnownPicture: known}).Apply(d); apperr.Code(err) != apperr.Conflict {
		t.Errorf("another point is a conflict: %v", err)
	}
}

func asErr(err error, e **apperr.Error) bool {
	x, ok := err.(*apperr.Error)
	*e = x
	return ok
}

func TestQuotes(t *testing.T) {
	for key, want := range map[string]bool{"factor:a": true, "vision:v": true, "voice:l": true, "vision:order": false,
		"theme:t": false, "measure:m": false, "indicator:c:I1": false, "tender:x": false, "waiting": false} {
		if got := (Point{Key: key}).Quotes(); got != want {
			t.Errorf("%s: %v", key, got)
		}
	}
}

func TestParseKind(t *testing.T) {
	for _, k := range Kinds {
		if got, ok := ParseKind(string(k)); !ok || got != k || k.Title() == "" || k.Picture() == "" {
			t.Errorf("%s", k)
		}
	}
	if _, ok := ParseKind("other"); ok {
		t.Error("unknown kind accepted")
	}
}

func TestPicturesExist(t *testing.T) {
	for _, k := range UsedPictures() {
		if !pictures.Valid(k) {
			t.Errorf("picture %q is not in the picture set", k)
		}
	}
	for _, k := range Kinds {
		if !pictures.Valid(k.Picture()) {
			t.Errorf("%s: picture %q", k, k.Picture())
		}
	}
}
