package qualitycheck

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/pictures"
)

// The checklist is Easy Read: every question has a picture from the set,
// a question of 15 words or fewer, and a plain English standard; keys are
// unique (they are stored).
func TestChecklistIsEasyRead(t *testing.T) {
	seen := map[string]bool{}
	for _, q := range Checklist {
		if seen[q.Key] || q.Key == "" {
			t.Errorf("%q: empty or repeated key", q.Key)
		}
		seen[q.Key] = true
		if !pictures.Valid(q.Picture) {
			t.Errorf("%s: picture %q is not in the set", q.Key, q.Picture)
		}
		if n := len(strings.Fields(q.EasyRead)); n > 15 || !strings.HasSuffix(q.EasyRead, "?") {
			t.Errorf("%s: Easy Read question of %d words, or not a question: %q", q.Key, n, q.EasyRead)
		}
		if !strings.HasSuffix(q.Plain, ".") {
			t.Errorf("%s: plain English standard is not a sentence: %q", q.Key, q.Plain)
		}
	}
	if _, i, ok := QuestionAt("information"); !ok || i != 3 {
		t.Errorf("QuestionAt(information) = %d, %v", i, ok)
	}
	if _, _, ok := QuestionAt("nope"); ok {
		t.Error("an unknown question was found")
	}
}

func fields(err error) map[string]string {
	out := map[string]string{}
	for _, f := range apperr.FieldsOf(err) {
		out[f.Field] = f.Message
	}
	return out
}

func TestNewCheckValidate(t *testing.T) {
	n := NewCheck{Service: "  ", VisitOn: "31 February 2027"}
	got := fields(n.Validate())
	for _, f := range []string{"ulo", "provider", "service", "visit_on", "checkers"} {
		if got[f] == "" {
			t.Errorf("no problem named for %s: %v", f, got)
		}
	}
	n = NewCheck{ULOID: "u", ProviderID: "p", Service: " Riverside   House ", VisitOn: "2/12/2026", CheckerIDs: []string{"c"}}
	if err := n.Validate(); err != nil || n.Service != "Riverside House" || n.VisitOn != "2026-12-02" {
		t.Errorf("valid check: %v %+v", err, n)
	}
	n.Service = strings.Repeat("a", 201)
	if got := fields(n.Validate()); got["service"] != "The service you will visit must be 200 characters or fewer" {
		t.Errorf("long service: %v", got)
	}
}

func TestNewAnswerValidate(t *testing.T) {
	a := NewAnswer{Question: "safe", Answer: "great", Saw: strings.Repeat("é", MaxSaw+1)}
	got := fields(a.Validate())
	if got["answer"] != "Choose good, OK or needs to change" || got["saw"] == "" {
		t.Errorf("problems: %v", got)
	}
	a = NewAnswer{Question: "safe", Answer: NeedsChange, Saw: " " + strings.Repeat("é", MaxSaw) + " "}
	if err := a.Validate(); err != nil || utf8.RuneCountInString(a.Saw) != MaxSaw {
		t.Errorf("1,000 characters are allowed: %v", err)
	}
	if err := (&NewAnswer{Question: "nope", Answer: Good}).Validate(); apperr.Code(err) != apperr.NotFound {
		t.Errorf("unknown question: %v", err)
	}
	if err := (&NewReply{Question: "safe", Reply: "  "}).Validate(); fields(err)["reply"] != "Enter your answer to this point" {
		t.Errorf("empty reply: %v", err)
	}
}

// A report lists every question in checklist order whatever order the
// answers came in, says which are missing, and counts each answer.
func TestReportLinesAndCounts(t *testing.T) {
	r := Report{Points: []Point{{Question: "complain", Answer: NeedsChange}, {Question: "welcome", Answer: Good},
		{Question: "safe", Answer: OK, Reply: "Thank you"}, {Question: "information", Answer: NeedsChange}}}
	lines := r.Lines()
	if len(lines) != len(Checklist) || lines[0].Key != "welcome" || lines[0].Point.Answer != Good || lines[1].Point != nil {
		t.Fatalf("lines: %+v", lines[:2])
	}
	var missing []string
	for _, q := range r.Missing() {
		missing = append(missing, q.Key)
	}
	if strings.Join(missing, " ") != "way_in talk_to choice quiet" {
		t.Errorf("missing: %v", missing)
	}
	if r.Count(Good) != 1 || r.Count(OK) != 1 || r.Count(NeedsChange) != 2 || r.Unanswered() != 3 {
		t.Errorf("counts: %d %d %d, unanswered %d", r.Count(Good), r.Count(OK), r.Count(NeedsChange), r.Unanswered())
	}
}

// The voice item says who checked what and when, the standard not met and
// what was seen; the Easy Read version is short sentences.
func TestVoiceItemWording(t *testing.T) {
	c := Check{ULOName: "Voices Together", Service: "Riverside House", VisitOn: "2026-11-18"}
	q, _, _ := QuestionAt("information")
	said, easy := VoiceItem(c, q, Point{Saw: "The menu was in small print only."})
	if said != "Quality checkers from Voices Together visited Riverside House on 18 November 2026. This needs to change: "+
		"Information should be in Easy Read or another format people can use. What we saw: The menu was in small print only." {
		t.Errorf("said: %q", said)
	}
	if easy != "We checked Riverside House. We asked: Is information easy to read, with pictures? We think it needs to change." {
		t.Errorf("Easy Read: %q", easy)
	}
	if said, _ := VoiceItem(c, q, Point{}); strings.Contains(said, "What we saw") {
		t.Errorf("nothing seen, nothing said: %q", said)
	}
	for _, a := range Answers {
		if !a.Valid() || a.Label() == "" || a.EasyRead() == "" {
			t.Errorf("%s: no words", a)
		}
	}
}

func TestThingsInEasyRead(t *testing.T) {
	r := Report{Points: []Point{{Answer: NeedsChange}, {Answer: Good}, {Answer: Good}}}
	for a, want := range map[Answer]string{Good: "2 things are good.", OK: "0 things are OK.", NeedsChange: "1 thing needs to change."} {
		if got := r.Things(a); got != want {
			t.Errorf("%s: %q, want %q", a, got, want)
		}
	}
}
