package ledger

import (
	"slices"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t.Add(15 * time.Hour) // any time of day gives the same flags
}

func TestFlagBoundaries(t *testing.T) {
	specific := "Every referral is answered within 10 working days"
	cases := []struct {
		name  string
		f     Facts
		today string
		want  []Flag
	}{
		// overdue: due 1 March; the due day itself is not late, the next day is.
		{"due today", Facts{Status: StatusCommitted, DueOn: "2027-03-01", Commitment: specific}, "2027-03-01", nil},
		{"a day late", Facts{Status: StatusCommitted, DueOn: "2027-03-01", Commitment: specific}, "2027-03-02", []Flag{FlagOverdue}},
		{"late, in progress", Facts{Status: StatusInProgress, DueOn: "2027-03-01", Commitment: specific}, "2027-06-30", []Flag{FlagOverdue}},
		{"late but done", Facts{Status: StatusDone, DueOn: "2027-03-01", DoneOn: "2027-03-05", Commitment: specific, EvidenceCount: 1, VerdictCount: 1}, "2027-03-10", nil},
		{"late but declined", Facts{Status: StatusNotDoing, DueOn: "2027-03-01", Commitment: specific}, "2027-03-10", nil},
		// no-evidence: done with none; one piece is enough.
		{"done, no evidence", Facts{Status: StatusDone, DueOn: "2027-03-01", DoneOn: "2027-02-01", Commitment: specific, VerdictCount: 1}, "2027-02-01", []Flag{FlagNoEvidence}},
		{"done, one piece of evidence", Facts{Status: StatusDone, DoneOn: "2027-02-01", Commitment: specific, EvidenceCount: 1, VerdictCount: 1}, "2027-02-01", nil},
		{"in progress, no evidence yet", Facts{Status: StatusInProgress, DueOn: "2027-09-01", Commitment: specific}, "2027-02-01", nil},
		// vague: wording only; declined items are not flagged for wording.
		{"vague commitment", Facts{Status: StatusCommitted, DueOn: "2027-09-01", Commitment: "We will review the service"}, "2027-02-01", []Flag{FlagVague}},
		{"vague but declined", Facts{Status: StatusNotDoing, Commitment: "We will review the service"}, "2027-02-01", nil},
		{"open, nothing committed", Facts{Status: StatusOpen}, "2027-02-01", nil},
		// no-verdict: done 1 January 2027 with no verdict; day 89 (31 March) is
		// not flagged, day 90 (1 April) is.
		{"day 89 without verdict", Facts{Status: StatusDone, DoneOn: "2027-01-01", Commitment: specific, EvidenceCount: 1}, "2027-03-31", nil},
		{"day 90 without verdict", Facts{Status: StatusDone, DoneOn: "2027-01-01", Commitment: specific, EvidenceCount: 1}, "2027-04-01", []Flag{FlagNoVerdict}},
		{"day 90 with a verdict", Facts{Status: StatusDone, DoneOn: "2027-01-01", Commitment: specific, EvidenceCount: 1, VerdictCount: 1}, "2027-04-01", nil},
		// everything at once
		{"all four", Facts{Status: StatusDone, DoneOn: "2026-01-01", Commitment: "Explore options"}, "2026-12-01", []Flag{FlagNoEvidence, FlagVague, FlagNoVerdict}},
	}
	for _, c := range cases {
		if got := FlagsOn(c.f, day(c.today)); !slices.Equal(got, c.want) {
			t.Errorf("%s: flags = %v, want %v", c.name, got, c.want)
		}
	}
	if got := NoVerdictCutoff(day("2027-04-01")); got != "2027-01-01" {
		t.Errorf("cutoff = %s, want 2027-01-01", got)
	}
	for _, f := range AllFlags {
		if f.Label() == "" || f.Explanation() == "" || !ValidFlag(f) {
			t.Errorf("flag %s has no label or explanation", f)
		}
	}
	if ValidFlag("late") {
		t.Error("an unknown flag is valid")
	}
}

func TestVagueWording(t *testing.T) {
	// Each listed word fires on its own; a number, an amount or a month
	// makes the same sentence measurable.
	for _, vw := range VagueWords {
		if vw.Reason == "" {
			t.Errorf("%q has no reason", vw.Word)
		}
		for _, form := range vw.Forms {
			text := "The team will " + form + " the waiting list for young people"
			r := CheckWording(text)
			if !r.Vague || !slices.ContainsFunc(r.Found, func(f VagueWord) bool { return f.Word == vw.Word }) {
				t.Errorf("%q: %+v, want vague because of %q", text, r, vw.Word)
			}
			if r := CheckWording(text + " by 31 March 2027"); r.Vague || !r.Measurable {
				t.Errorf("%q with a date: still vague", text)
			}
		}
	}
	for text, want := range map[string]bool{
		"We will consider extending opening hours":                       true,
		"We will consider extending opening hours to 10pm":               false,
		"Explore options for evening support within two months":          false,
		"We will raise awareness of the crisis line":                     true,
		"Halve the wait to 18 weeks":                                     false,
		"Open the crisis café on Friday and Saturday nights":             false, // specific, no listed word
		"Reviewers from the group will visit every clinic":               false, // "reviewers" is not "review"
		"We may look into it":                                            true,  // "may" is not a month
		"Spend £40,000 more on the youth worker service, where possible": false,
		"Increase same-day crisis responses to 90% of calls":             false,
		"Continue to monitor the situation and engage with stakeholders": true,
	} {
		if got := CheckWording(text).Vague; got != want {
			t.Errorf("%q: vague = %v, want %v", text, got, want)
		}
	}
	r := CheckWording("We will review and explore, going forward")
	var words []string
	for _, f := range r.Found {
		words = append(words, f.Word)
	}
	if !slices.Equal(words, []string{"explore", "review", "going forward"}) {
		t.Errorf("found = %v, want list order explore, review, going forward", words)
	}
}

func TestSummariseNeverAverages(t *testing.T) {
	for _, c := range []struct {
		in   []Verdict
		want Verdict
	}{
		{nil, ""},
		{[]Verdict{VerdictChanged}, VerdictChanged},
		{[]Verdict{VerdictPartly, VerdictPartly}, VerdictPartly},
		// changed + not changed is not "partly": the disagreement is shown.
		{[]Verdict{VerdictChanged, VerdictNotChanged}, VerdictMixed},
	} {
		if got := Summarise(c.in); got != c.want {
			t.Errorf("Summarise(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRedact(t *testing.T) {
	got := Redact("Ask jo.bloggs+camhs@nhs.example.uk or the team.")
	if got != "Ask [email address removed] or the team." {
		t.Fatalf("Redact = %q", got)
	}
}
