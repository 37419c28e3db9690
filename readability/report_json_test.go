package readability

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// A report's JSON gives each rule's explanation once, however many issues
// the rule found, and reads back to the same issues and rules.
func TestReportJSONExplainsEachRuleOnce(t *testing.T) {
	text := "You can't park here. We don't know why. They won't say. Come at 14:30 or 1630hrs."
	r := AnalyzeText(text, Plain())
	count := map[string]int{}
	for _, is := range r.Issues {
		count[is.Rule]++
	}
	// hand count: can't, don't, won't; 14:30, 1630hrs
	if count[RuleNegativeContraction] != 3 || count[RuleTimeFormat] != 2 {
		t.Fatalf("issues per rule %v, want 3 negative contractions and 2 times", count)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	js := string(b)
	for rule := range count {
		ex := r.Rules[rule].Explanation
		if ex == "" {
			t.Errorf("Rules lacks %s", rule)
			continue
		}
		quoted, _ := json.Marshal(ex)
		if n := strings.Count(js, string(quoted)); n != 1 {
			t.Errorf("%s's explanation appears %d times in the JSON, want once", rule, n)
		}
	}
	var wire struct {
		Rules  map[string]map[string]string `json:"rules"`
		Issues []map[string]any             `json:"issues"`
	}
	if err := json.Unmarshal(b, &wire); err != nil {
		t.Fatal(err)
	}
	if len(wire.Rules) != len(count) {
		t.Errorf("rules %v, want one entry for each of %v", wire.Rules, count)
	}
	for _, is := range wire.Issues {
		if _, ok := is["explanation"]; ok {
			t.Errorf("issue carries its own explanation: %v", is)
		}
	}

	var back Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Issues, r.Issues) || !reflect.DeepEqual(back.Rules, r.Rules) {
		t.Errorf("round trip changed the issues or rules:\n got %+v\n%+v\nwant %+v\n%+v", back.Issues, back.Rules, r.Issues, r.Rules)
	}
}

// A report saved in the earlier shape, each issue with its explanation,
// still reads: the issues keep their explanations and Rules is filled.
func TestReportJSONReadsEarlierShape(t *testing.T) {
	old := `{"format":"text","words":5,"issues":[
		{"rule":"negative-contraction","line":1,"column":5,"start":4,"end":9,"text":"can't","message":"m1","suggestion":"Write \"cannot\".","explanation":"Why A."},
		{"rule":"negative-contraction","line":1,"column":20,"start":19,"end":24,"text":"don't","message":"m2","suggestion":"Write \"do not\".","explanation":"Why A."},
		{"rule":"time-format","line":2,"column":1,"start":30,"end":35,"text":"14:30","message":"m3","suggestion":"Write 2:30pm.","explanation":"Why B."}]}`
	var r Report
	if err := json.Unmarshal([]byte(old), &r); err != nil {
		t.Fatal(err)
	}
	if r.Words != 5 || len(r.Issues) != 3 {
		t.Fatalf("words %d, issues %d; want 5 and 3", r.Words, len(r.Issues))
	}
	want := Issue{Rule: "time-format", Line: 2, Column: 1, Start: 30, End: 35, Text: "14:30", Message: "m3",
		Suggestion: "Write 2:30pm.", Explanation: "Why B."}
	if r.Issues[2] != want || r.Issues[0].Explanation != "Why A." || r.Issues[1].Explanation != "Why A." {
		t.Errorf("issues %+v", r.Issues)
	}
	wantRules := map[string]RuleInfo{"negative-contraction": {"Why A."}, "time-format": {"Why B."}}
	if !reflect.DeepEqual(r.Rules, wantRules) {
		t.Errorf("rules %+v, want %+v", r.Rules, wantRules)
	}
}
