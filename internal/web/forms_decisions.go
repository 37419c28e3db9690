package web

import (
	"net/url"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/round"
)

// The group decisions' forms, read into the domain's input values; the
// domain (round.NewProposal, round.NewResponse) and the store check them.

// newProposalForm reads the form that starts a proposal. The proposer is
// the reader, from the session, never a form field. Outcomes come as
// "kind:id" values of the checkboxes the form offers.
func newProposalForm(f url.Values, userID string) round.NewProposal {
	n := round.NewProposal{Kind: round.ProposalKind(f.Get("kind")), Title: f.Get("title"), PlainEnglish: f.Get("plain_english"),
		EasyRead: f.Get("easy_read"), ProposedBy: userID, OpensDate: f.Get("opens_date"), OpensTime: f.Get("opens_time"),
		ClosesDate: f.Get("closes_date"), ClosesTime: f.Get("closes_time"), Stake: f.Get("stake"), MeasureID: f.Get("measure_id"),
		TenderID: f.Get("tender_id"), Impact: f.Get("impact"), RuleKind: f.Get("rule_kind"), Quorum: f.Get("quorum")}
	// A specification version is chosen as one value, "spec:number".
	if spec, number, ok := strings.Cut(f.Get("spec_version"), ":"); ok {
		n.SpecID, n.SpecVersion = spec, number
	}
	for _, o := range f["outcomes"] {
		kind, id, _ := strings.Cut(o, ":")
		n.Outcomes = append(n.Outcomes, round.OutcomeRef{Kind: round.OutcomeKind(kind), ID: id})
	}
	return n
}

// proposalSubjectField is the form field that names a kind's subject, so
// a link from elsewhere (?kind=sign_off_measure&subject=ID) fills it in.
var proposalSubjectField = map[round.ProposalKind]string{
	round.KindLowerStake:     "stake",
	round.KindSignOffMeasure: "measure_id",
	round.KindSignOffSpec:    "spec_version",
	round.KindAgreeTender:    "tender_id",
	round.KindChangeRule:     "rule_kind",
}

// proposalStartForm is what the new proposal form starts with: opening
// now and closing a week later at 6pm, UK time, and the kind and subject
// from the link that led there.
func proposalStartForm(q url.Values, now time.Time) url.Values {
	uk := now.In(round.London)
	out := url.Values{"opens_date": {uk.Format("2 January 2006")}, "opens_time": {uk.Format("15:04")},
		"closes_date": {uk.AddDate(0, 0, 7).Format("2 January 2006")}, "closes_time": {"18:00"}}
	kind := round.ProposalKind(q.Get("kind"))
	if kind.Label() == "" {
		return out
	}
	out.Set("kind", string(kind))
	if field, ok := proposalSubjectField[kind]; ok && q.Get("subject") != "" {
		out.Set(field, q.Get("subject"))
	}
	return out
}

// responseForm reads a response: the member's own, or one a facilitator
// records as given in person (then with the date it was given).
func responseForm(f url.Values) round.NewResponse {
	return round.NewResponse{Answer: round.Answer(f.Get("answer")), Reason: f.Get("reason"), GivenOn: f.Get("given_on")}
}
