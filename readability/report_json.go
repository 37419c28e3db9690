package readability

import "encoding/json"

// UnmarshalJSON reads a report in either of its JSON shapes: the current
// one, where each rule's explanation is given once in "rules", and the
// earlier one, where every issue carried its own "explanation". Either
// way each Issue comes back with its Explanation, and Rules lists the
// rules found.
func (r *Report) UnmarshalJSON(b []byte) error {
	type report Report // the same fields, without this method
	var wire struct {
		report
		Issues []struct {
			Issue
			Explanation string `json:"explanation"`
		} `json:"issues"`
	}
	if err := json.Unmarshal(b, &wire); err != nil {
		return err
	}
	*r = Report(wire.report)
	if r.Rules == nil {
		r.Rules = map[string]RuleInfo{}
	}
	if wire.Issues == nil {
		r.Issues = nil
		return nil
	}
	r.Issues = make([]Issue, len(wire.Issues))
	for k, w := range wire.Issues {
		is := w.Issue
		if w.Explanation != "" { // the earlier shape
			is.Explanation = w.Explanation
			if _, ok := r.Rules[is.Rule]; !ok {
				r.Rules[is.Rule] = RuleInfo{Explanation: w.Explanation}
			}
		} else {
			is.Explanation = r.Rules[is.Rule].Explanation
		}
		r.Issues[k] = is
	}
	return nil
}
