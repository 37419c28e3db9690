package adjustaudit

import (
	"math"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

// The issue names eight templates; each has criteria with unique keys, each
// a question.
func TestTemplates(t *testing.T) {
	for _, k := range []string{"accessible_letters", "longer_appointments", "flag_acted_on", "communication_support",
		"support_person", "environment", "preferred_format", "annual_health_check"} {
		tp, ok := TemplateByKey(k)
		if !ok || len(tp.Criteria) < 2 {
			t.Errorf("template %s: %v %+v", k, ok, tp)
		}
		seen := map[string]bool{}
		for _, c := range tp.Criteria {
			if seen[c.Key] || !strings.HasSuffix(c.Question, "?") || c.Evidence == "" {
				t.Errorf("%s: criterion %+v", k, c)
			}
			seen[c.Key] = true
		}
	}
	if _, ok := TemplateByKey("nope"); ok {
		t.Error("unknown template found")
	}
}

// Twelve cases of "Longer appointments", answers (need recorded, longer
// booked), counted by hand:
//
//	cases 1–6  met, met             → overall met
//	case 7     met, not met         → overall not met
//	case 8     met, not known       → overall not known
//	case 9     not met, not met     → overall not met
//	case 10    not met, n/a         → overall not met
//	case 11    n/a, n/a             → overall not applicable
//	case 12    not known, met       → overall not known
//
// Need recorded: met 1–8 (8), not met 9–10 (2), n/a 1, not known 1: 8 of
// 10, whose Wilson interval is 0.4902 to 0.9433 (proportion's hand-worked
// 8/10). Longer booked: met 1–6 and 12 (7), not met 7 and 9 (2), n/a 10–11
// (2), not known 8: 7 of 9. Overall: 6 met of 9, 2 not known, 1 n/a.
func TestResultsByHand(t *testing.T) {
	tp, _ := TemplateByKey("longer_appointments")
	pair := func(a, b Answer) Case {
		return Case{Answers: map[string]Answer{"need_recorded": a, "longer_booked": b}}
	}
	var cases []Case
	for range 6 {
		cases = append(cases, pair(Met, Met))
	}
	cases = append(cases, pair(Met, NotMet), pair(Met, NotKnown), pair(NotMet, NotMet), pair(NotMet, NotApplicable),
		pair(NotApplicable, NotApplicable), pair(NotKnown, Met))
	res := Results(tp, cases)
	need, booked := res.Criteria[0].Count, res.Criteria[1].Count
	if need.Met != 8 || need.Applicable != 10 || need.NotApplicable != 1 || need.NotKnown != 1 {
		t.Errorf("need recorded %+v", need)
	}
	if math.Abs(need.Interval.Lower-0.49016) > 0.00001 || math.Abs(need.Interval.Upper-0.94332) > 0.00001 {
		t.Errorf("need recorded interval %+v", need.Interval)
	}
	if got := need.Words(); got != "8 of 10 cases (80%, 95% interval 49% to 94%); 1 not applicable, 1 not known" {
		t.Errorf("words %q", got)
	}
	if booked.Met != 7 || booked.Applicable != 9 || booked.NotApplicable != 2 || booked.NotKnown != 1 {
		t.Errorf("longer booked %+v", booked)
	}
	o := res.Overall
	if o.Met != 6 || o.Applicable != 9 || o.NotKnown != 2 || o.NotApplicable != 1 {
		t.Errorf("overall %+v", o)
	}
	// A case with no answers yet is not known on every criterion.
	res = Results(tp, []Case{{Label: "Case 1"}})
	if res.Criteria[0].NotKnown != 1 || res.Overall.NotKnown != 1 || res.Overall.Applicable != 0 {
		t.Errorf("unanswered %+v", res)
	}
	if got := res.Overall.Words(); got != "No cases to count yet; 0 not applicable, 1 not known" {
		t.Errorf("words %q", got)
	}
}

// Public figures rest on 5 cases or more.
func TestSuppression(t *testing.T) {
	if !(Count{Met: 4, Applicable: 4}).Suppressed() || (Count{Met: 0, Applicable: 5}).Suppressed() {
		t.Error("suppression is not at 5 cases")
	}
}

// A re-audit against its audit, worded from the interval: Newcombe's
// example (a), 56/70 against 48/80, is better (interval 0.0524 to 0.3339);
// example (d), 5/56 against 0/29, cannot tell (−0.0381 to 0.1926); a
// criterion the earlier audit has no cases for cannot be compared.
func TestCompare(t *testing.T) {
	tp, _ := TemplateByKey("longer_appointments")
	mk := func(overall, need, booked Count) Result {
		r := Result{Overall: overall, Criteria: []CriterionResult{{tp.Criteria[0], need}, {tp.Criteria[1], booked}}}
		return r
	}
	earlier := mk(Count{Met: 48, Applicable: 80}, Count{Met: 0, Applicable: 29}, Count{})
	later := mk(Count{Met: 56, Applicable: 70}, Count{Met: 5, Applicable: 56}, Count{Met: 3, Applicable: 4})
	c := Compare(later, earlier)
	if got := c.Overall.Words(); got != "Better: 80% now against 60% before, a rise of 20 percentage points (95% interval 5 to 33)." {
		t.Errorf("overall %q", got)
	}
	if len(c.Criteria) != 2 || !strings.HasPrefix(c.Criteria[0].Words(), "We cannot tell yet: 9% now against 0% before") {
		t.Errorf("need recorded %q", c.Criteria[0].Words())
	}
	if got := c.Criteria[1].Words(); got != "We cannot tell yet: one of the audits has no cases to count." {
		t.Errorf("longer booked %q", got)
	}
}

func TestNewAuditAndCaseValidate(t *testing.T) {
	n := NewAudit{Template: "nope", Service: " ", Period: ""}
	fields := map[string]bool{}
	for _, f := range apperr.FieldsOf(n.Validate()) {
		fields[f.Field] = true
	}
	if !fields["template"] || !fields["service"] || !fields["period"] {
		t.Errorf("problems %v", fields)
	}
	ok := NewAudit{Template: "environment", Service: " Riverside GP practice ", Period: "2026"}
	if err := ok.Validate(); err != nil || ok.Service != "Riverside GP practice" {
		t.Errorf("%v %+v", err, ok)
	}
	tp, _ := TemplateByKey("environment")
	c := NewCase{Label: "C1", Answers: map[string]Answer{"environment_recorded": Met}, Evidence: map[string]string{"environment_met": strings.Repeat("x", 1001)}}
	var got []string
	for _, f := range apperr.FieldsOf(c.Validate(tp)) {
		got = append(got, f.Field)
	}
	if strings.Join(got, ",") != "answer_environment_met,evidence_environment_met" {
		t.Errorf("case problems %v", got)
	}
}
