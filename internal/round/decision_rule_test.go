package round

import (
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
)

var t0 = time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)

// says builds responses: members m1, m2, … answering in order, a minute apart.
func says(answers ...Answer) []Response {
	out := make([]Response, len(answers))
	for i, a := range answers {
		out[i] = Response{MemberID: member(i), Answer: a, Reason: "x", RespondedAt: t0.Add(time.Duration(i) * time.Minute)}
	}
	return out
}

func member(i int) string { return "m" + string(rune('1'+i)) }

func group(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = member(i)
	}
	return out
}

const (
	Y = AnswerAgree
	U = AnswerNotSure
	N = AnswerDisagree
	B = AnswerBlock
)

func TestQuorumIsRoundedUpToWholeMembers(t *testing.T) {
	for _, c := range []struct {
		quorum, active, want int
	}{
		{50, 5, 3}, // 2.5 members is 3
		{50, 4, 2}, // exactly 2
		{50, 1, 1},
		{50, 0, 1}, // nobody in the group: one response still needed, so nothing passes
		{100, 5, 5},
		{100, 0, 1},
		{1, 8, 1},  // 0.08 of a member is 1
		{34, 3, 2}, // 1.02 is 2
		{33, 3, 1}, // 0.99 is 1
		{67, 3, 3}, // 2.01 is 3
		{66, 3, 2}, // 1.98 is 2
	} {
		if got := (DecisionRule{Kind: RuleMajority, Quorum: c.quorum}).QuorumOf(c.active); got != c.want {
			t.Errorf("%d%% of %d = %d, want %d", c.quorum, c.active, got, c.want)
		}
	}
}

func TestMajority(t *testing.T) {
	maj := DefaultRule()
	for _, c := range []struct {
		name    string
		active  int
		answers []Answer
		pass    bool
		explain string
	}{
		{"quorum exactly met (3 of 5)", 5, []Answer{Y, Y, N}, true, "Passed: more people agreed than disagreed. 3 of the 5 active members responded; 3 needed"},
		{"one short of quorum (2 of 5), all agree", 5, []Answer{Y, Y}, false, "Not passed: not enough people responded. 2 of the 5 active members responded; 3 needed"},
		{"tie", 4, []Answer{Y, N}, false, "Not passed: as many people disagreed as agreed."},
		{"tie with not sure", 5, []Answer{Y, N, U}, false, "as many people disagreed as agreed"},
		{"more disagree", 3, []Answer{Y, N, N}, false, "Not passed: more people disagreed than agreed."},
		{"not sure counts to the quorum only", 5, []Answer{Y, U, U}, true, "1 agreed and 0 disagreed"},
		{"only not sure", 2, []Answer{U, U}, false, "as many people disagreed as agreed"},
		{"a block counts as a disagree", 3, []Answer{Y, B}, false, "1 agreed and 1 disagreed (counting 1 block as disagreeing)"},
		{"a block is outvoted", 3, []Answer{Y, Y, B}, true, "2 agreed and 1 disagreed (counting 1 block as disagreeing)"},
		{"no members", 0, nil, false, "0 of the 0 active members responded; 1 needed"},
		{"one member agrees", 1, []Answer{Y}, true, "1 of the 1 active member responded; 1 needed"},
		{"one member disagrees", 1, []Answer{N}, false, "more people disagreed"},
	} {
		o := Tally(maj, group(c.active), says(c.answers...), nil)
		if o.Passed != c.pass || !strings.Contains(o.Explanation(), c.explain) {
			t.Errorf("%s: passed %v (%s), want %v and %q", c.name, o.Passed, o.Explanation(), c.pass, c.explain)
		}
	}
}

func TestMajorityAtFullQuorum(t *testing.T) {
	all := DecisionRule{Kind: RuleMajority, Quorum: 100}
	if o := Tally(all, group(5), says(Y, Y, Y, Y), nil); o.Passed || o.QuorumNeeded != 5 || o.QuorumMet() {
		t.Errorf("4 of 5 at 100%%: %+v", o)
	}
	if o := Tally(all, group(5), says(Y, Y, Y, N, U), nil); !o.Passed || o.QuorumNeeded != 5 {
		t.Errorf("5 of 5 at 100%%: %+v", o)
	}
}

func TestConsent(t *testing.T) {
	con := DecisionRule{Kind: RuleConsent, Quorum: 50}
	for _, c := range []struct {
		name     string
		active   int
		answers  []Answer
		resolved map[string]bool
		pass     bool
		explain  string
	}{
		{"quorum met, nobody blocks, even with disagreement", 5, []Answer{Y, N, N}, nil, true, "Passed: nobody blocked it."},
		{"one short of quorum", 5, []Answer{Y, Y}, nil, false, "not enough people responded"},
		{"an unresolved block", 5, []Answer{Y, Y, Y, Y, B}, nil, false, "Not passed: 1 block was not resolved."},
		{"a resolved block", 5, []Answer{Y, Y, Y, Y, B}, map[string]bool{"m5": true}, true, "Passed: every block was resolved."},
		{"one of two blocks resolved", 4, []Answer{B, B, Y}, map[string]bool{"m1": true}, false, "1 block was not resolved"},
		{"two blocks unresolved", 4, []Answer{B, B, Y}, nil, false, "2 blocks were not resolved"},
		{"a resolution for someone who did not block changes nothing", 3, []Answer{B, Y}, map[string]bool{"m2": true}, false, "1 block was not resolved"},
		{"no members", 0, nil, nil, false, "not enough people responded"},
		{"one member, not sure", 1, []Answer{U}, nil, true, "nobody blocked"},
	} {
		o := Tally(con, group(c.active), says(c.answers...), c.resolved)
		if o.Passed != c.pass || !strings.Contains(o.Explanation(), c.explain) {
			t.Errorf("%s: passed %v (%s), want %v and %q", c.name, o.Passed, o.Explanation(), c.pass, c.explain)
		}
	}
}

func TestChangedResponseCountsOnlyTheLatest(t *testing.T) {
	rs := says(Y, Y, B)
	// m3 changes the block to agree a minute later; the earlier answer is
	// listed after the newer one to show order in the list does not matter.
	rs = append([]Response{{MemberID: "m3", Answer: Y, RespondedAt: t0.Add(time.Hour)}}, rs...)
	o := Tally(DecisionRule{Kind: RuleConsent, Quorum: 50}, group(3), rs, nil)
	if !o.Passed || o.Block != 0 || o.Agree != 3 || o.Responded() != 3 {
		t.Fatalf("changed block to agree: %+v", o)
	}
	// And back again: the latest is a block.
	rs = append(rs, Response{MemberID: "m3", Answer: B, Reason: "x", RespondedAt: t0.Add(2 * time.Hour)})
	if o := Tally(DecisionRule{Kind: RuleConsent, Quorum: 50}, group(3), rs, nil); o.Passed || o.Block != 1 || o.Responded() != 3 {
		t.Fatalf("changed back to block: %+v", o)
	}
}

func TestMemberWhoLeftIsNotCounted(t *testing.T) {
	// Five responded; m4 and m5 then left the group, which now has 4
	// active members (m6 never answered), so 3 of 4 responded.
	rs := says(Y, Y, N, N, N)
	active := []string{"m1", "m2", "m3", "m6"}
	o := Tally(DefaultRule(), active, rs, nil)
	if !o.Passed || o.Active != 4 || o.Responded() != 3 || o.Agree != 2 || o.Disagree != 1 || o.QuorumNeeded != 2 {
		t.Fatalf("%+v", o)
	}
	// A block by a member who left does not stop a consent decision.
	o = Tally(DecisionRule{Kind: RuleConsent, Quorum: 50}, []string{"m1", "m2"}, says(Y, Y, B), nil)
	if !o.Passed || o.Block != 0 {
		t.Fatalf("block by a leaver: %+v", o)
	}
}

func TestResolvedBlocksBelongToTheBlockTheyResolved(t *testing.T) {
	block := Response{MemberID: "m1", Answer: B, Reason: "x", RespondedAt: t0}
	res := []BlockResolution{{MemberID: "m1", ResponseAt: t0, Resolution: "We changed the wording"}}
	if got := ResolvedBlocks([]Response{block}, res); !got["m1"] {
		t.Fatalf("resolution of the current block not seen: %v", got)
	}
	// m1 blocks again later, after the resolution: a new, unresolved block.
	again := block
	again.RespondedAt = t0.Add(time.Hour)
	if got := ResolvedBlocks([]Response{again}, res); got["m1"] {
		t.Fatalf("a new block was taken as resolved: %v", got)
	}
	// m1 changed to agree: nothing is a block any more.
	if got := ResolvedBlocks([]Response{{MemberID: "m1", Answer: Y, RespondedAt: t0}}, res); len(got) != 0 {
		t.Fatalf("agree taken as a resolved block: %v", got)
	}
}

func TestParseDecisionRule(t *testing.T) {
	for _, c := range []struct {
		kind, quorum string
		want         DecisionRule
		field        string
	}{
		{"majority", "", DecisionRule{RuleMajority, 50}, ""},
		{"consent", "75%", DecisionRule{RuleConsent, 75}, ""},
		{"consent", " 100 ", DecisionRule{RuleConsent, 100}, ""},
		{"consent", "1", DecisionRule{RuleConsent, 1}, ""},
		{"consent", "0", DecisionRule{}, "quorum"},
		{"consent", "101", DecisionRule{}, "quorum"},
		{"consent", "-5", DecisionRule{}, "quorum"},
		{"consent", "50.5", DecisionRule{}, "quorum"},
		{"unanimity", "50", DecisionRule{}, "rule_kind"},
		{"", "", DecisionRule{}, "rule_kind"},
	} {
		got, err := ParseDecisionRule(c.kind, c.quorum)
		fs := apperr.FieldsOf(err)
		switch {
		case c.field == "" && (err != nil || got != c.want):
			t.Errorf("%q %q = %+v, %v; want %+v", c.kind, c.quorum, got, err, c.want)
		case c.field != "" && (len(fs) != 1 || fs[0].Field != c.field):
			t.Errorf("%q %q: errors %+v, want one on %s", c.kind, c.quorum, fs, c.field)
		}
	}
}

func TestRuleChangesFreelyUntilPublication(t *testing.T) {
	rd := &Round{Rule: DefaultRule()}
	if err := CheckRuleChange(rd, DecisionRule{RuleConsent, 60}); err != nil {
		t.Fatalf("before publication: %v", err)
	}
	if err := CheckRuleChange(rd, DefaultRule()); apperr.Code(err) != apperr.Invalid {
		t.Fatalf("same rule: %v", err)
	}
	if err := CheckRuleChange(rd, DecisionRule{RuleConsent, 0}); apperr.Code(err) != apperr.Invalid {
		t.Fatalf("quorum 0: %v", err)
	}
	rd.PublishedAt = &t0
	err := CheckRuleChange(rd, DecisionRule{RuleConsent, 60})
	if apperr.Code(err) != apperr.Conflict || !strings.Contains(apperr.Message(err), "start a proposal to change the decision rule") {
		t.Fatalf("after publication: %v", err)
	}
}

func TestNewRoundDefaultsToMajorityHalf(t *testing.T) {
	n := NewRound{OrgID: "o", Title: "T", CareArea: "C", Purpose: PurposeMeasures, Stake: "20", StartsOn: "2027-01-01", EndsOn: "2027-12-31"}
	if err := n.Validate(); err != nil || n.Rule != (DecisionRule{RuleMajority, 50}) {
		t.Fatalf("default rule = %+v, %v", n.Rule, err)
	}
	n.Rule = DecisionRule{RuleConsent, 0}
	if fs := apperr.FieldsOf(n.Validate()); len(fs) != 1 || fs[0].Field != "quorum" {
		t.Fatalf("quorum 0 = %+v", fs)
	}
}
