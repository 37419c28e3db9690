package ledger

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

func fieldNames(err error) string {
	var out []string
	for _, f := range apperr.FieldsOf(err) {
		out = append(out, f.Field)
	}
	return strings.Join(out, ",")
}

func TestNotDoingNeedsAReason(t *testing.T) {
	c := StatusChange{Status: StatusNotDoing, Today: "2027-01-10"}
	if got := fieldNames(c.Validate()); got != "reason" {
		t.Fatalf("not doing without a reason: fields %q", got)
	}
	c = StatusChange{Status: StatusNotDoing, Reason: "  The service was decommissioned in 2026 ", Today: "2027-01-10"}
	if err := c.Validate(); err != nil || c.Reason != "The service was decommissioned in 2026" || c.On != "2027-01-10" {
		t.Fatalf("with a reason: %v %+v", err, c)
	}
	// Any other status drops a reason rather than storing one.
	c = StatusChange{Status: StatusDone, Reason: "x", Today: "2027-01-10", On: "2027-01-11"}
	if got := fieldNames(c.Validate()); got != "on" || c.Reason != "" {
		t.Fatalf("done in the future: %q %+v", got, c)
	}
	if got := fieldNames((&StatusChange{Status: StatusOpen, Today: "2027-01-10"}).Validate()); got != "status" {
		t.Fatalf("back to open: %q", got)
	}
	it := &Item{Status: StatusOpen}
	if err := (&StatusChange{Status: StatusDone}).Check(it); apperr.Code(err) != apperr.Invalid {
		t.Fatalf("done without a commitment: %v", err)
	}
	if err := (&StatusChange{Status: StatusNotDoing}).Check(it); err != nil {
		t.Fatalf("declining an open item: %v", err)
	}
	it = &Item{Status: StatusCommitted, Commitment: &Commitment{What: "x"}}
	if err := (&StatusChange{Status: StatusCommitted}).Check(it); apperr.Code(err) != apperr.Invalid {
		t.Fatalf("same status twice: %v", err)
	}
}

func TestNewItemAndVerdictValidation(t *testing.T) {
	n := NewItem{Said: " ", Source: "gossip", SaidOn: "2027-02-30", MemberID: "m1", Themes: []string{strings.Repeat("x", 61)}, Today: "2027-03-01"}
	if got := fieldNames(n.Validate()); got != "said,source,said_on,member_id,org_ids,themes" {
		t.Fatalf("fields = %q", got)
	}
	n = NewItem{Said: "The wait was too long", Source: SourceSession, SaidOn: "2 March 2027", OrgIDs: []string{"a", "a", " b"},
		Themes: []string{"Waiting", " waiting ", "Crisis  care"}, Today: "2027-03-01"}
	if got := fieldNames(n.Validate()); got != "said_on" {
		t.Fatalf("said tomorrow: %q", got)
	}
	n.SaidOn = "1/3/2027"
	if err := n.Validate(); err != nil || n.SaidOn != "2027-03-01" || strings.Join(n.OrgIDs, ",") != "a,b" || strings.Join(n.Themes, "|") != "Waiting|Crisis care" {
		t.Fatalf("normalised: %v %+v", err, n)
	}
	v := NewVerdict{Verdict: "average"}
	if got := fieldNames(v.Validate()); got != "verdict" { // a reason is optional (verdict_reasons_test.go)
		t.Fatalf("verdict fields = %q", got)
	}
	v = NewVerdict{Verdict: VerdictPartly, Comment: "Evenings yes, weekends no"}
	if err := v.Validate(); err != nil {
		t.Fatal(err)
	}
	e := NewEvidence{Kind: EvidenceLink, URL: "javascript:alert(1)"}
	if got := fieldNames(e.Validate()); got != "url" {
		t.Fatalf("link evidence: %q", got)
	}
	e = NewEvidence{Kind: EvidenceIndicator, ContractID: "c1"}
	if got := fieldNames(e.Validate()); got != "indicator" {
		t.Fatalf("indicator evidence without an indicator: %q", got)
	}
	e = NewEvidence{Kind: EvidenceIndicator, ContractID: " c1 ", IndicatorID: "I1"}
	if err := e.Validate(); err != nil || e.ContractID != "c1" {
		t.Fatalf("indicator evidence: %v %+v", err, e)
	}
	c := NewCommitment{OwnerOrgID: "o", OwnerUserID: "u", What: "Call back within 1 hour", DueOn: "2027-03-31", IndicatorID: "I1", Today: "2027-01-01"}
	if got := fieldNames(c.Validate()); got != "indicator" {
		t.Fatalf("indicator without its contract: %q", got)
	}
}
