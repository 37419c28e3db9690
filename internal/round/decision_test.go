package round

import (
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
)

func TestParseLondon(t *testing.T) {
	for _, c := range []struct {
		date, clock string
		want        string // RFC 3339 in UTC, or "" when refused
	}{
		{"2027-01-15", "14:30", "2027-01-15T14:30:00Z"}, // winter: GMT is UTC
		{"2027-07-15", "14:30", "2027-07-15T13:30:00Z"}, // summer: BST is UTC+1
		{"15 July 2027", "9:05", "2027-07-15T08:05:00Z"},
		{"2027-03-28", "00:59", "2027-03-28T00:59:00Z"}, // clocks go forward at 01:00 GMT on 28 March 2027
		{"2027-03-28", "01:30", ""},                     // that hour does not exist
		{"2027-03-28", "02:00", "2027-03-28T01:00:00Z"},
		{"2026-10-25", "01:30", "2026-10-25T00:30:00Z"}, // clocks go back at 02:00 BST on 25 October 2026: the first 01:30
		{"2026-10-25", "02:30", "2026-10-25T02:30:00Z"},
		{"2027-01-15", "24:00", ""},
		{"2027-01-15", "2pm", ""},
		{"2027-02-30", "10:00", ""},
		{"", "10:00", ""},
	} {
		got, m := ParseLondon(c.date, c.clock)
		switch {
		case c.want == "" && m == "":
			t.Errorf("%s %s = %v, want refused", c.date, c.clock, got)
		case c.want != "" && (m != "" || got.Format(time.RFC3339) != c.want || got.Location() != time.UTC):
			t.Errorf("%s %s = %v (%q), want %s", c.date, c.clock, got, m, c.want)
		}
	}
	if d := LondonDate(time.Date(2027, 7, 15, 23, 30, 0, 0, time.UTC)); d != "2027-07-16" {
		t.Errorf("23:30 UTC in July is %s in London, want the next day", d)
	}
}

var published = time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)

func testRound() *Round {
	return &Round{ID: "r1", Stake: 2000, Rule: DefaultRule(), PublishedAt: &published}
}

func validProposal(kind ProposalKind) NewProposal {
	return NewProposal{Kind: kind, Title: "Lower the stake to 15%", PlainEnglish: "We give 5% of the marks to the commissioners.",
		EasyRead: "We give some marks away.", ProposedBy: "u1", OpensDate: "2027-03-01", OpensTime: "09:00",
		ClosesDate: "2027-03-08", ClosesTime: "17:00"}
}

func fields(err error) []string {
	var out []string
	for _, f := range apperr.FieldsOf(err) {
		out = append(out, f.Field)
	}
	sort.Strings(out)
	return out
}

// A proposal needs its plain English; its Easy Read is optional, because
// only the facilitator or commissioner writes it (issue 15), and a member
// proposing is not asked for it.
func TestNewProposalNeedsPlainEnglishAndSaneTimes(t *testing.T) {
	now := time.Date(2027, 2, 20, 12, 0, 0, 0, time.UTC)
	n := NewProposal{Kind: KindQuestion, Title: "  ", OpensDate: "2027-03-08", OpensTime: "10:00", ClosesDate: "2027-03-08", ClosesTime: "09:00"}
	err := n.Validate(testRound(), now)
	if got := strings.Join(fields(err), " "); got != "closes plain_english proposed_by title" {
		t.Fatalf("fields = %q (%v)", got, err)
	}
	n = validProposal(KindQuestion)
	n.EasyRead = "   "
	if err := n.Validate(testRound(), now); err != nil || n.Parsed().EasyRead != "" {
		t.Fatalf("a proposal without Easy Read: %v, %q", err, n.Parsed().EasyRead)
	}
	n.EasyRead = strings.Repeat("a", 10001)
	if got := fields(n.Validate(testRound(), now)); len(got) != 1 || got[0] != "easy_read" {
		t.Fatalf("Easy Read of 10,001 characters: %v", got)
	}
	n = validProposal(KindQuestion)
	n.ClosesDate = "2027-02-19"
	if got := fields(n.Validate(testRound(), now)); len(got) != 1 || got[0] != "closes" {
		t.Fatalf("closing in the past: %v", got)
	}
	n = validProposal(KindQuestion)
	if err := n.Validate(testRound(), now); err != nil {
		t.Fatal(err)
	}
	p := n.Parsed()
	if p.OpensAt != time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC) || p.ClosesAt != time.Date(2027, 3, 8, 17, 0, 0, 0, time.UTC) ||
		p.Rule != DefaultRule() || p.Status != StatusOpen || p.RoundID != "r1" || p.ProposedBy != "u1" {
		t.Fatalf("parsed = %+v", p)
	}
	// Opening in the past opens now.
	n.OpensDate = "2027-01-01"
	if err := n.Validate(testRound(), now); err != nil || !n.Parsed().OpensAt.Equal(now) {
		t.Fatalf("opens %v, %v", n.Parsed().OpensAt, err)
	}
}

func TestNewProposalSubjects(t *testing.T) {
	now := time.Date(2027, 2, 20, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name  string
		set   func(*NewProposal)
		field string // "" when accepted
	}{
		{"lower stake", func(n *NewProposal) { n.Kind, n.Stake = KindLowerStake, "15" }, ""},
		{"stake not lower", func(n *NewProposal) { n.Kind, n.Stake = KindLowerStake, "20" }, "stake"},
		{"stake higher", func(n *NewProposal) { n.Kind, n.Stake = KindLowerStake, "25" }, "stake"},
		{"stake zero", func(n *NewProposal) { n.Kind, n.Stake = KindLowerStake, "0" }, "stake"},
		{"stake missing", func(n *NewProposal) { n.Kind = KindLowerStake }, "stake"},
		{"measure", func(n *NewProposal) { n.Kind, n.MeasureID = KindSignOffMeasure, "m1" }, ""},
		{"measure missing", func(n *NewProposal) { n.Kind = KindSignOffMeasure }, "measure_id"},
		{"spec", func(n *NewProposal) { n.Kind, n.SpecID, n.SpecVersion = KindSignOffSpec, "s1", "2" }, ""},
		{"spec version 0", func(n *NewProposal) { n.Kind, n.SpecID, n.SpecVersion = KindSignOffSpec, "s1", "0" }, "spec_version"},
		{"tender", func(n *NewProposal) { n.Kind, n.TenderID = KindAgreeTender, "t1" }, ""},
		{"tender missing", func(n *NewProposal) { n.Kind = KindAgreeTender }, "tender_id"},
		{"impact", func(n *NewProposal) {
			n.Kind, n.Impact, n.Outcomes = KindAgreeImpact, "A crisis line", []OutcomeRef{{OutcomeAward, "t1"}}
		}, ""},
		{"impact without outcomes", func(n *NewProposal) { n.Kind, n.Impact = KindAgreeImpact, "A crisis line" }, "outcomes"},
		{"impact with an unknown outcome kind", func(n *NewProposal) {
			n.Kind, n.Impact, n.Outcomes = KindAgreeImpact, "A crisis line", []OutcomeRef{{"rumour", "x"}}
		}, "outcomes"},
		{"impact without a statement", func(n *NewProposal) { n.Kind, n.Outcomes = KindAgreeImpact, []OutcomeRef{{OutcomeAward, "t1"}} }, "impact"},
		{"rule", func(n *NewProposal) { n.Kind, n.RuleKind, n.Quorum = KindChangeRule, "consent", "60" }, ""},
		{"rule unchanged", func(n *NewProposal) { n.Kind, n.RuleKind, n.Quorum = KindChangeRule, "majority", "50" }, "rule_kind"},
		{"rule quorum 0", func(n *NewProposal) { n.Kind, n.RuleKind, n.Quorum = KindChangeRule, "consent", "0" }, "quorum"},
		{"unknown kind", func(n *NewProposal) { n.Kind = "vote_of_no_confidence" }, "kind"},
	} {
		n := validProposal(KindQuestion)
		c.set(&n)
		got := fields(n.Validate(testRound(), now))
		if (c.field == "" && len(got) != 0) || (c.field != "" && (len(got) != 1 || got[0] != c.field)) {
			t.Errorf("%s: fields %v, want %q", c.name, got, c.field)
		}
	}
	n := validProposal(KindLowerStake)
	n.Stake = "12.5"
	if err := n.Validate(testRound(), now); err != nil || n.Parsed().Subject.Stake != 1250 {
		t.Fatalf("stake subject = %+v, %v", n.Parsed().Subject, err)
	}
	n = validProposal(KindChangeRule)
	n.RuleKind, n.Quorum = "consent", "60"
	if err := n.Validate(testRound(), now); err != nil || n.Parsed().Subject.Rule != (DecisionRule{RuleConsent, 60}) {
		t.Fatalf("rule subject = %+v, %v", n.Parsed().Subject, err)
	}
}

func TestResponseValidation(t *testing.T) {
	now := time.Date(2027, 3, 3, 10, 0, 0, 0, time.UTC)
	p := &Proposal{OpensAt: time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)}
	for _, c := range []struct {
		name     string
		n        NewResponse
		inPerson bool
		field    string
	}{
		{"agree without a reason", NewResponse{Answer: AnswerAgree}, false, ""},
		{"disagree without a reason", NewResponse{Answer: AnswerDisagree}, false, ""},
		{"block without a reason", NewResponse{Answer: AnswerBlock, Reason: "   "}, false, "reason"},
		{"block with a reason", NewResponse{Answer: AnswerBlock, Reason: "It cuts our say in half"}, false, ""},
		{"no answer", NewResponse{}, false, "answer"},
		{"unknown answer", NewResponse{Answer: "abstain"}, false, "answer"},
		{"in person without a date", NewResponse{Answer: AnswerAgree}, true, "given_on"},
		{"in person on the day it opened", NewResponse{Answer: AnswerAgree, GivenOn: "1 March 2027"}, true, ""},
		{"in person today", NewResponse{Answer: AnswerAgree, GivenOn: "2027-03-03"}, true, ""},
		{"in person tomorrow", NewResponse{Answer: AnswerAgree, GivenOn: "2027-03-04"}, true, "given_on"},
		{"in person before it opened", NewResponse{Answer: AnswerAgree, GivenOn: "2027-02-28"}, true, "given_on"},
	} {
		got := fields(c.n.Validate(p, c.inPerson, now))
		if (c.field == "" && len(got) != 0) || (c.field != "" && (len(got) != 1 || got[0] != c.field)) {
			t.Errorf("%s: fields %v, want %q", c.name, got, c.field)
		}
	}
	n := NewResponse{Answer: AnswerAgree, GivenOn: "2027-03-02"}
	if err := n.Validate(p, false, now); err != nil || n.GivenOn != "" {
		t.Fatalf("a member's own response carried a date given: %+v %v", n, err)
	}
	n = NewResponse{Answer: AnswerAgree, GivenOn: "2/3/2027"}
	if err := n.Validate(p, true, now); err != nil || n.GivenOn != "2027-03-02" {
		t.Fatalf("date given normalised to %q, %v", n.GivenOn, err)
	}
}

func TestProvenanceOfAnInPersonResponse(t *testing.T) {
	r := Response{Answer: AnswerAgree, GivenOn: "2027-03-02", RecordedByName: "Priya Shah"}
	if got := r.Provenance(); got != "given in person on 2 March 2027, recorded by Priya Shah" {
		t.Fatalf("provenance = %q", got)
	}
	if got := (Response{Answer: AnswerAgree}).Provenance(); got != "" {
		t.Fatalf("own response provenance = %q", got)
	}
}

func TestProposalState(t *testing.T) {
	p := &Proposal{OpensAt: t0, ClosesAt: t0.Add(48 * time.Hour), Status: StatusOpen}
	for _, c := range []struct {
		at   time.Time
		want ProposalState
	}{
		{t0.Add(-time.Second), StateUpcoming},
		{t0, StateOpen},
		{t0.Add(48*time.Hour - time.Second), StateOpen},
		{t0.Add(48 * time.Hour), StateToCount},
	} {
		if got := p.State(c.at); got != c.want {
			t.Errorf("at %v: %s, want %s", c.at, got, c.want)
		}
	}
	for st, want := range map[ProposalStatus]ProposalState{StatusPassed: StatePassed, StatusNotPassed: StateNotPassed, StatusWithdrawn: StateWithdrawn} {
		p.Status = st
		if got := p.State(t0); got != want {
			t.Errorf("%s: %s", st, got)
		}
	}
}

func TestTenderAgreementDetectsAnyChange(t *testing.T) {
	a := TenderAgreement{Stake: "20", Questions: []GroupQuestion{
		{Ref: "Q1", Question: "How will young people shape the service?", Panel: "lived_experience", Weight: "15"},
		{Ref: "Q2", Question: "How will you keep the same worker?", Panel: "joint", Weight: "10", LEPShare: "1/2"},
	}}
	base := a.Canonical()
	if a.Hash() != HashAgreement(base) || len(a.Hash()) != 64 {
		t.Fatalf("hash %q", a.Hash())
	}
	want := `{"stake_percent":"20","questions":[{"ref":"Q1","question":"How will young people shape the service?","panel":"lived_experience","weight_percent":"15"},` +
		`{"ref":"Q2","question":"How will you keep the same worker?","panel":"joint","weight_percent":"10","lep_share":"1/2"}]}`
	if base != want {
		t.Fatalf("canonical = %s", base)
	}
	for name, change := range map[string]func(*TenderAgreement){
		"stake":    func(a *TenderAgreement) { a.Stake = "15" },
		"question": func(a *TenderAgreement) { a.Questions[0].Question += "?" },
		"weight":   func(a *TenderAgreement) { a.Questions[1].Weight = "11" },
		"share":    func(a *TenderAgreement) { a.Questions[1].LEPShare = "3/5" },
		"panel":    func(a *TenderAgreement) { a.Questions[1].Panel = "lived_experience" },
		"ref":      func(a *TenderAgreement) { a.Questions[0].Ref = "Q9" },
		"dropped":  func(a *TenderAgreement) { a.Questions = a.Questions[:1] },
	} {
		b := TenderAgreement{Stake: a.Stake, Questions: append([]GroupQuestion(nil), a.Questions...)}
		change(&b)
		if b.Canonical() == base || b.Hash() == a.Hash() {
			t.Errorf("changing the %s is not detected", name)
		}
	}
}
