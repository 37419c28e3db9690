package ledger

import (
	"strings"
	"testing"
)

// A verdict needs no typing: the reason is optional, typed or chosen from
// the pictured reasons, or both (issue 15).
func TestVerdictReasonIsOptional(t *testing.T) {
	for _, c := range []struct {
		name        string
		in          NewVerdict
		wantFields  string
		wantComment string
	}{
		{"no reason at all", NewVerdict{Verdict: VerdictChanged}, "", ""},
		{"typed only", NewVerdict{Verdict: VerdictPartly, Comment: "  Evenings yes, weekends no "}, "", "Evenings yes, weekends no"},
		{"chosen only", NewVerdict{Verdict: VerdictNotChanged, Reason: "still-waiting"}, "", "I still wait too long"},
		{"chosen and typed", NewVerdict{Verdict: VerdictChanged, Reason: "easier-to-read", Comment: "The new letter has pictures"}, "",
			"Letters are clear to read now. The new letter has pictures"},
		{"unknown reason", NewVerdict{Verdict: VerdictChanged, Reason: "because"}, "reason", ""},
		{"no verdict", NewVerdict{Reason: "too-soon"}, "verdict", "It is too soon to tell"},
		{"too long", NewVerdict{Verdict: VerdictTooEarly, Comment: strings.Repeat("a", MaxText+1)}, "comment", ""},
	} {
		v := c.in
		got := fieldNames(v.Validate())
		if got != c.wantFields {
			t.Errorf("%s: fields %q, want %q", c.name, got, c.wantFields)
		}
		if c.wantFields == "" && v.Comment != c.wantComment {
			t.Errorf("%s: comment %q, want %q", c.name, v.Comment, c.wantComment)
		}
	}
}

// Each reason is short Easy Read words, with a unique key and a picture key.
func TestVerdictReasonsAreShortAndUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range VerdictReasons {
		if r.Key == "" || seen[r.Key] || r.Picture == "" {
			t.Errorf("reason %+v: empty or repeated key, or no picture", r)
		}
		seen[r.Key] = true
		if n := len(strings.Fields(r.Words)); n == 0 || n > 8 || strings.HasSuffix(r.Words, ".") {
			t.Errorf("reason %q: %d words; keep to 8, no full stop", r.Words, n)
		}
	}
}
