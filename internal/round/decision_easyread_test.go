package round

import (
	"testing"

	"github.com/coprod/coprod/readability"
)

// The Easy Read count says what Explanation says, in the words of the
// answers members chose, one short sentence each; the sentences are
// written out here by hand from the counts.
func TestOutcomeInEasyRead(t *testing.T) {
	maj, con := DefaultRule(), DecisionRule{Kind: RuleConsent, Quorum: 50}
	for _, c := range []struct {
		name     string
		rule     DecisionRule
		active   int
		answers  []Answer
		resolved map[string]bool
		want     string
	}{
		{"majority passed (3 of 5)", maj, 5, []Answer{Y, Y, N}, nil,
			"It passed. 3 of the 5 people in the group answered. 2 said agree. 1 did not agree. More people agreed than did not."},
		{"too few answered", maj, 5, []Answer{Y, Y}, nil,
			"It did not pass. Not enough people answered. 2 of the 5 people in the group answered. 3 people needed to answer."},
		{"a tie, a block counted against", maj, 4, []Answer{Y, B}, nil,
			"It did not pass. 2 of the 4 people in the group answered. 1 said agree. 1 did not agree. It needed more people to agree."},
		{"more disagree", maj, 3, []Answer{Y, N, N}, nil,
			"It did not pass. 3 of the 3 people in the group answered. 1 said agree. 2 did not agree. More people did not agree."},
		{"not sure counts for neither side", maj, 5, []Answer{Y, U, U}, nil,
			"It passed. 3 of the 5 people in the group answered. 1 said agree. 0 did not agree. 2 were not sure. More people agreed than did not."},
		{"one needed", maj, 1, nil, nil,
			"It did not pass. Not enough people answered. 0 of the 1 people in the group answered. 1 person needed to answer."},
		{"consent, nobody blocks", con, 5, []Answer{Y, N, N}, nil,
			"It passed. 3 of the 5 people in the group answered. No one blocked it."},
		{"consent, a block resolved", con, 5, []Answer{Y, Y, Y, Y, B}, map[string]bool{"m5": true},
			"It passed. 5 of the 5 people in the group answered. All the blocks were sorted out."},
		{"consent, two blocks", con, 4, []Answer{B, B, Y}, nil,
			"It did not pass. 3 of the 4 people in the group answered. 2 blocks were not sorted out."},
	} {
		o := Tally(c.rule, group(c.active), says(c.answers...), c.resolved)
		got := o.EasyRead()
		if got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
		r, err := readability.Analyze([]byte(got), readability.FormatText, readability.EasyRead())
		if err != nil {
			t.Fatal(err)
		}
		for _, is := range r.Issues {
			if is.Rule == readability.RuleSentenceTooLong || is.Rule == readability.RuleJargon || is.Rule == readability.RuleLongWords {
				t.Errorf("%s: %s: %q", c.name, is.Rule, is.Text)
			}
		}
	}
}
