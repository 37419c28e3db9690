package fhirtest

import (
	"strings"
	"testing"
)

// The validator itself refuses what R4 refuses, so a pass means something.
func TestValidatorRefusesBrokenFlags(t *testing.T) {
	good := func() map[string]any {
		return map[string]any{"resourceType": "Flag", "status": "active", "code": map[string]any{"text": "x"},
			"subject": map[string]any{"display": "Robin"}}
	}
	if probs := Resource("Flag", "Flag", good()); len(probs) > 0 {
		t.Fatalf("minimal flag refused: %q", probs)
	}
	cases := map[string]func(map[string]any){
		"status is required":            func(f map[string]any) { delete(f, "status") },
		"not in the required value set": func(f map[string]any) { f["status"] = "withdrawn" },
		"subject is required":           func(f map[string]any) { delete(f, "subject") },
		"code is required":              func(f map[string]any) { delete(f, "code") },
		"note is not an element":        func(f map[string]any) { f["note"] = "x" },
		"may appear once":               func(f map[string]any) { f["author"] = []any{map[string]any{"display": "a"}} },
		"must be a list":                func(f map[string]any) { f["category"] = map[string]any{"text": "x"} },
		"start is after end":            func(f map[string]any) { f["period"] = map[string]any{"start": "2027-01-02", "end": "2027-01-01"} },
		"not a valid dateTime":          func(f map[string]any) { f["period"] = map[string]any{"start": "2 January 2027"} },
		"with content (ele-1)":          func(f map[string]any) { f["code"] = map[string]any{} },
	}
	for want, breakIt := range cases {
		f := good()
		breakIt(f)
		probs := Resource("Flag", "Flag", f)
		if !strings.Contains(strings.Join(probs, "\n"), want) {
			t.Errorf("%s: got %q", want, probs)
		}
	}
}
