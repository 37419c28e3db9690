package round

import (
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
)

func TestParseStakeIsExact(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Stake
		text string
	}{
		{"20", 2000, "20%"},
		{"20%", 2000, "20%"},
		{" 12.5 ", 1250, "12.5%"},
		{"33.33", 3333, "33.33%"},
		{"0.01", 1, "0.01%"},
		{"100", 10000, "100%"},
		{"7.05", 705, "7.05%"},
	} {
		got, msg := ParseStake(c.in)
		if msg != "" || got != c.want || got.String() != c.text {
			t.Errorf("ParseStake(%q) = %d %q (%s), want %d (%s)", c.in, got, msg, got, c.want, c.text)
		}
	}
	for _, bad := range []string{"", "abc", "12.345", "0", "0.00", "100.01", "-5", "1e2", "12.", ".5", "1000"} {
		if _, msg := ParseStake(bad); msg == "" {
			t.Errorf("ParseStake(%q) accepted", bad)
		}
	}
}

func TestStageMoves(t *testing.T) {
	next := Move{From: StageVision, To: StageFocus}
	if err := next.Validate(); err != nil {
		t.Errorf("moving to the next stage: %v", err)
	}
	skip := Move{From: StageGroup, To: StageFactors}
	err := skip.Validate()
	if fs := apperr.FieldsOf(err); len(fs) != 1 || fs[0].Field != "reason" || fs[0].Message != "Say why the round is skipping Stories" {
		t.Errorf("skipping without a reason: %v", fs)
	}
	skip.Reason = "  Stories were gathered last year  "
	if err := skip.Validate(); err != nil || skip.Reason != "Stories were gathered last year" {
		t.Errorf("skipping with a reason: %v %q", err, skip.Reason)
	}
	if got := (Move{From: StageCommitment, To: StageVision}).Skipped(); len(got) != 4 || got[0] != StageGroup || got[3] != StageServices {
		t.Errorf("skipped = %v", got)
	}
	back := Move{From: StageVision, To: StageStories}
	if err := back.Validate(); err != nil || back.Skipped() != nil {
		t.Errorf("going back: %v %v", err, back.Skipped())
	}
	for _, m := range []Move{{From: StageVision, To: StageVision}, {From: StageVision, To: "closing"}} {
		if fs := apperr.FieldsOf(m.Validate()); len(fs) != 1 || fs[0].Field != "stage" {
			t.Errorf("%v: %v", m, fs)
		}
	}
}

func TestStakeLockedOncePublished(t *testing.T) {
	r := &Round{Stake: 2000}
	c := StakeChange{Stake: "15"}
	if err := c.Validate(r); err != nil || c.ParsedStake() != 1500 {
		t.Fatalf("before publishing, lowering is free: %v", err)
	}
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	r.PublishedAt = &now
	c = StakeChange{Stake: "25"}
	if err := c.Validate(r); err != nil {
		t.Fatalf("raising a published stake is the commissioner's to do: %v", err)
	}
	// The attempt from issue 13: a published stake lowered from 25% to 5%
	// alone. There is no way to say who agreed; the group decides.
	r.Stake = 2500
	c = StakeChange{Stake: "5"}
	err := c.Validate(r)
	if apperr.Code(err) != apperr.Conflict || apperr.Message(err) != "The group decides this: start a proposal to lower the stake." {
		t.Fatalf("lowering a published stake: %v", err)
	}
	if fs := apperr.FieldsOf(err); len(fs) != 1 || fs[0].Field != "stake" ||
		fs[0].Message != "The stake was locked at 25% when the round was published. Only the group can lower it, by a decision." {
		t.Fatalf("fields = %v", fs)
	}
	r.Stake = 2000
	same := StakeChange{Stake: "20.00"}
	if fs := apperr.FieldsOf(same.Validate(r)); len(fs) != 1 || fs[0].Message != "The stake is already 20%" {
		t.Fatalf("same stake: %v", fs)
	}
}

func TestNewRoundValidation(t *testing.T) {
	n := NewRound{OrgID: "o", Title: " Children's mental health ", CareArea: "CYP mental health", Purpose: PurposeBoth,
		Stake: "20", StartsOn: "1 April 2027", EndsOn: "2028-03-31"}
	if err := n.Validate(); err != nil || n.ParsedStake() != 2000 || n.StartsOn != "2027-04-01" || n.Title != "Children's mental health" {
		t.Fatalf("valid round: %v %+v", err, n)
	}
	bad := NewRound{Purpose: "x", Stake: "120", StartsOn: "2027-04-01", EndsOn: "2027-03-01"}
	fs := apperr.FieldsOf(bad.Validate())
	var fields []string
	for _, f := range fs {
		fields = append(fields, f.Field)
	}
	want := []string{"org_id", "title", "care_area", "purpose", "stake", "ends_on"}
	if len(fields) != len(want) {
		t.Fatalf("fields = %v, want %v", fields, want)
	}
	for i := range want {
		if fields[i] != want[i] {
			t.Fatalf("fields = %v, want %v", fields, want)
		}
	}
}

func TestCloseNeedsImpactStageAndEvidence(t *testing.T) {
	r := &Round{Stage: StageFocus}
	i := Impact{What: "New crisis line", Evidence: "Contract CYP-22 clause 4"}
	if apperr.Code(i.Validate(r)) != apperr.Conflict {
		t.Fatal("closed before the Impact stage")
	}
	r.Stage = StageImpact
	if err := i.Validate(r); err != nil {
		t.Fatal(err)
	}
	empty := Impact{What: " "}
	if fs := apperr.FieldsOf(empty.Validate(r)); len(fs) != 2 {
		t.Fatalf("empty impact: %v", fs)
	}
}

func TestConsentVisibility(t *testing.T) {
	t0 := time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)
	rec := func(p ConsentPurpose, given bool, h int) ConsentRecord {
		return ConsentRecord{Purpose: p, Given: given, RecordedAt: t0.Add(time.Duration(h) * time.Hour)}
	}
	// Records out of order: the latest per purpose wins.
	c := Current([]ConsentRecord{
		rec(ConsentSharePseudonym, false, 5),
		rec(ConsentTakePart, true, 0),
		rec(ConsentSharePseudonym, true, 1),
	})
	if !c.TakesPart() || c.SharesStory() || c.Named() || !c.AnyWithdrawn() || !c.Withdrawn[ConsentSharePseudonym] || !c.StoryWithdrawn() || c.PartWithdrawn() {
		t.Fatalf("withdrawn sharing: %+v", c)
	}
	anon := Current([]ConsentRecord{rec(ConsentTakePart, true, 0), rec(ConsentShareAnonymous, true, 0)})
	if !anon.SharesStory() || anon.Named() || anon.AnyWithdrawn() || anon.StoryWithdrawn() {
		t.Fatalf("anonymous sharing: %+v", anon)
	}
	if Attribution("m1", "Kai", anon.Named(), Group) != Anonymous || Attribution("m1", "Kai", anon.Named(), Facilitators) != "Kai" ||
		Attribution("m1", "Kai", anon.Named(), Group.As("m1")) != "Kai" ||
		!Group.As("m1").Sees("m1") || Group.As("m2").Sees("m1") || Group.Sees("") || !Facilitators.Sees("m1") {
		t.Fatal("attribution of an anonymous story")
	}
	left := Current([]ConsentRecord{rec(ConsentTakePart, true, 0), rec(ConsentSharePseudonym, true, 0), rec(ConsentTakePart, false, 2)})
	if left.TakesPart() || left.SharesStory() || !left.PartWithdrawn() || !left.StoryWithdrawn() {
		t.Fatalf("no longer taking part still shares: %+v", left)
	}
	if none := Current(nil); none.TakesPart() || none.SharesStory() || none.AnyWithdrawn() || none.StoryWithdrawn() {
		t.Fatal("no records must mean no consent")
	}
}

func TestMoneyAndSessions(t *testing.T) {
	for in, want := range map[string]int64{"25": 2500, "£25.50": 2550, "1,250.05": 125005, "0.01": 1} {
		if got, msg := ParsePounds(in); got != want || msg != "" {
			t.Errorf("ParsePounds(%q) = %d %q, want %d", in, got, msg, want)
		}
	}
	for _, bad := range []string{"", "25.5", "0", "abc", "-3", "25.505"} {
		if _, msg := ParsePounds(bad); msg == "" {
			t.Errorf("ParsePounds(%q) accepted", bad)
		}
	}
	if FormatPence(2505) != "£25.05" || FormatPence(125000) != "£1,250.00" || FormatPence(118000000) != "£1,180,000.00" {
		t.Error("FormatPence")
	}
	n := NewSession{Date: "2027-01-14", Time: "18:30", OnlineLink: "https://meet.example.org/abc", Activities: []string{"vision"}}
	if err := n.Validate(); err != nil || !n.StartsAt().Equal(time.Date(2027, 1, 14, 18, 30, 0, 0, time.UTC)) {
		t.Fatalf("session: %v %v", err, n.StartsAt())
	}
	// Sessions are entered in UK time and kept in UTC: 18:30 in June is
	// 17:30 UTC (BST), in December it is 18:30 UTC (GMT).
	for _, c := range []struct{ date, clock, want string }{
		{"10 June 2027", "18:30", "2027-06-10T17:30:00Z"},
		{"9 December 2027", "18:30", "2027-12-09T18:30:00Z"},
		{"28 March 2027", "02:30", "2027-03-28T01:30:00Z"},   // the clocks went forward at 01:00 GMT
		{"31 October 2027", "01:30", "2027-10-31T00:30:00Z"}, // 01:30 happens twice: the first, in BST
	} {
		n := NewSession{Date: c.date, Time: c.clock, Place: "Trinity Centre", Activities: []string{"vision"}}
		if err := n.Validate(); err != nil || n.StartsAt().Format(time.RFC3339) != c.want {
			t.Errorf("session %s %s: %v %v, want %s", c.date, c.clock, err, n.StartsAt(), c.want)
		}
	}
	gap := NewSession{Date: "28 March 2027", Time: "01:30", Place: "Trinity Centre", Activities: []string{"vision"}}
	if fs := apperr.FieldsOf(gap.Validate()); len(fs) != 1 || fs[0].Field != "time" || !strings.Contains(fs[0].Message, "does not exist") {
		t.Errorf("01:30 on the day the clocks go forward: %v", fs)
	}
	bad := NewSession{Date: "31 Feb 2027", Time: "6pm", OnlineLink: "javascript:alert(1)", Activities: []string{"party"}}
	if fs := apperr.FieldsOf(bad.Validate()); len(fs) != 4 {
		t.Fatalf("bad session: %v", fs)
	}
}

func TestNewMemberValidation(t *testing.T) {
	n := NewMember{Pseudonym: " Kai ", ContactEmail: "Kai@Example.NET", Adjustments: []string{"bespoke"}, Formats: []string{"easy_read"},
		Consents: []ConsentPurpose{ConsentTakePart}}
	if err := n.Validate(); err != nil || n.Pseudonym != "Kai" || n.ContactEmail != "kai@example.net" {
		t.Fatalf("%v %+v", err, n)
	}
	bad := NewMember{ContactEmail: "not an email", Adjustments: []string{"x"}, Formats: []string{"y"}, Consents: []ConsentPurpose{"z"}}
	if fs := apperr.FieldsOf(bad.Validate()); len(fs) != 5 {
		t.Fatalf("bad member: %v", fs)
	}
}

func TestStageNext(t *testing.T) {
	if StageVision.Next() != StageFocus || StageImpact.Next() != StageImpact || StageCommitment.Next() != StageGroup {
		t.Fatal("Next")
	}
}
