package ledger

import "regexp"

// emailPattern finds anything shaped like an email address.
var emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)

// Redact removes email addresses from free text before it is published:
// staff write actions and evidence, and a pasted signature must not put
// someone's address on the public board.
func Redact(s string) string {
	return emailPattern.ReplaceAllString(s, "[email address removed]")
}

// PublicCopy returns the item as the public may see it: free text
// redacted, the commitment's owner named only by organisation, and no
// user or member ids.
func PublicCopy(it Item) Item {
	it.Said, it.EasyRead, it.NotDoingReason = Redact(it.Said), Redact(it.EasyRead), Redact(it.NotDoingReason)
	it.MemberID = ""
	if it.Commitment != nil {
		c := *it.Commitment
		c.OwnerUserID, c.OwnerName, c.What = "", "", Redact(c.What)
		// The public sees the indicator's name only, nothing of the contract.
		c.IndicatorID, c.ContractID, c.ContractTitle, c.ContractRoundID, c.ContractProviderOrgID = "", "", "", "", ""
		it.Commitment = &c
	}
	acts := make([]Action, len(it.Actions))
	for i, a := range it.Actions {
		a.What = Redact(a.What)
		acts[i] = a
	}
	it.Actions = acts
	evs := make([]Evidence, len(it.Evidence))
	for i, e := range it.Evidence {
		e.Text, e.URL = Redact(e.Text), Redact(e.URL)
		e.ContractID, e.IndicatorID = "", ""
		evs[i] = e
	}
	it.Evidence = evs
	vs := make([]VerdictRecord, len(it.Verdicts))
	for i, v := range it.Verdicts {
		v.Comment, v.UserID = Redact(v.Comment), ""
		vs[i] = v
	}
	it.Verdicts = vs
	return it
}
