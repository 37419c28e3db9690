package tender

import (
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
)

func fieldsOf(err error) map[string]string {
	out := map[string]string{}
	for _, f := range apperr.FieldsOf(err) {
		if _, ok := out[f.Field]; !ok {
			out[f.Field] = f.Message
		}
	}
	return out
}

func TestValidateListsEveryProblem(t *testing.T) {
	bad, nine := -1, 9
	itt := ITT{
		Stake:       Int(101),
		PriceWeight: Int(-1),
		Lots:        []Lot{{ID: "1", Title: "a"}, {ID: "1"}},
		Criteria: []Criterion{
			{ID: "", Question: "", Weight: Int(0), Panel: "public"},
			{ID: "Q 2", Question: "x", Weight: Int(10), Panel: Joint, LEPShare: Int(1)},
			{ID: "Q3", Question: "x", Weight: Int(10), Panel: Commissioner, LEPShare: Frac(1, 2), MinScore: &bad},
			{ID: "Q3", Question: "x", Weight: Int(10), Panel: LivedExperience, MinScore: &nine},
		},
		TieBreak: TieBreak{"coin_toss", LowestPrice, LowestPrice},
	}
	err := itt.Validate()
	if apperr.Code(err) != apperr.Invalid {
		t.Fatalf("got %v", err)
	}
	got := fieldsOf(err)
	for _, f := range []string{"title", "stake_percent", "price_weight_percent", "lots[1].id", "lots[1].title",
		"criteria[0].id", "criteria[0].question", "criteria[0].weight_percent", "criteria[0].panel",
		"criteria[1].id", "criteria[1].lep_share", "criteria[2].lep_share", "criteria[2].min_score",
		"criteria[3].id", "criteria[3].min_score", "tie_break[0]", "tie_break[2]"} {
		if got[f] == "" {
			t.Errorf("no error for %s", f)
		}
	}
	if !strings.Contains(got["criteria[3].id"], "used twice") {
		t.Errorf("duplicate id message %q", got["criteria[3].id"])
	}
}

// TestValidateCriterionIDNotAFormula refuses references a spreadsheet would
// run as a formula when it opens scores.csv.
func TestValidateCriterionIDNotAFormula(t *testing.T) {
	for _, id := range []string{"=SUM(A1)", "+Q1", "-Q1", "@Q1"} {
		itt := ITT{Title: "t", Stake: Int(20), PriceWeight: Int(30), Criteria: []Criterion{
			{ID: id, Question: "x", Weight: Int(50), Panel: Commissioner},
			{ID: "Q2", Question: "x", Weight: Int(20), Panel: LivedExperience},
		}}
		want := `Criterion reference "` + id + `" must start with a letter or a digit, like Q1`
		if got := fieldsOf(itt.Validate())["criteria[0].id"]; got != want {
			t.Errorf("%s: %q", id, got)
		}
	}
}

func TestValidateDraftAllowsUnbalancedWeights(t *testing.T) {
	itt := stakeITT("10", "10", "10")
	if err := itt.Validate(); err != nil {
		t.Fatalf("a draft with weights short of 100 was refused: %v", err)
	}
	if err := itt.ValidateForPublish(); err == nil {
		t.Fatal("published with weights short of 100")
	}
}

func TestValidateForPublishDeadlines(t *testing.T) {
	itt := stakeITT("30", "20", "20")
	got := fieldsOf(itt.ValidateForPublish())
	if got["deadlines.clarification"] == "" || got["deadlines.submission"] == "" {
		t.Errorf("missing deadlines not reported: %v", got)
	}
	day := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	itt.Deadlines = Deadlines{Clarification: day, Submission: day}
	if !strings.Contains(fieldsOf(itt.ValidateForPublish())["deadlines.clarification"], "before the submission deadline") {
		t.Error("clarification deadline at submission accepted")
	}
	itt.Deadlines.Submission = day.AddDate(0, 0, 14)
	if err := itt.ValidateForPublish(); err != nil {
		t.Errorf("good ITT refused: %v", err)
	}
}

func TestValidateScale(t *testing.T) {
	itt := stakeITT("30", "20", "20")
	itt.Scale = Scale{Max: 3, Descriptors: []string{"none", "some", "most"}}
	if got := fieldsOf(itt.Validate()); !strings.Contains(got["scale.descriptors"], "4 descriptors; there are 3") {
		t.Errorf("got %v", got)
	}
	itt.Scale = Scale{Max: 11}
	if fieldsOf(itt.Validate())["scale.max"] == "" {
		t.Error("0–11 scale accepted")
	}
	itt.Scale = Scale{Max: 1, Descriptors: []string{"Fail", "Pass"}}
	if err := itt.Validate(); err != nil {
		t.Errorf("pass/fail scale refused: %v", err)
	}
	if DefaultScale().Descriptor(3) == "" || (Scale{}).Descriptor(5) == "" || (Scale{}).Descriptor(6) != "" {
		t.Error("default descriptors")
	}
}

func TestEvaluateRefusesBadScores(t *testing.T) {
	scores := workedScores([5]int{4, 3, 3, 4, 3}, [5]int{3, 4, 4, 5, 4}, [5]int{5, 5, 2, 3, 6})
	scores = append(scores,
		Consensus{Bid: "Z", Criterion: "Q1", Score: 1},
		Consensus{Bid: "A", Criterion: "Q9", Score: 1},
		Consensus{Bid: "A", Criterion: "Q4", Score: 1},                         // joint without a panel
		Consensus{Bid: "A", Criterion: "Q1", Panel: LivedExperience, Score: 1}, // wrong panel
		Consensus{Bid: "A", Criterion: "Q2", Score: 3},                         // duplicate
	)
	// Remove B's Q2 so one is missing.
	for i, s := range scores {
		if s.Bid == "B" && s.Criterion == "Q2" {
			scores = append(scores[:i], scores[i+1:]...)
			break
		}
	}
	_, err := Evaluate(workedITT(), workedBids(), scores)
	msgs := ""
	for _, f := range apperr.FieldsOf(err) {
		msgs += f.Message + "\n"
	}
	for _, want := range []string{`bid "Z"`, `criterion "Q9"`, "say which panel", "not scored by the Lived experience panel",
		"two scores", `Bid "B" has no score from the Commissioner panel on Q2`, "between 0 and 5"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("no problem mentioning %q in:\n%s", want, msgs)
		}
	}
	bids := workedBids()
	bids[0].PricePence = 0
	if _, err := Evaluate(workedITT(), bids, workedScores([5]int{4, 3, 3, 4, 3}, [5]int{3, 4, 4, 5, 4}, [5]int{5, 5, 2, 3, 4})); err == nil {
		t.Error("a zero price was accepted with a price weight")
	}
}
