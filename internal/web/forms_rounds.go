package web

import (
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

// The rounds area's forms, read into the domain's input values. Checking
// them is the domain's (Validate) or the store's; these only read.

// newRoundForm reads the form that opens a round. The organisation is kept
// only when it is one the reader may open a round for, so a forged id reads
// as no choice at all.
func newRoundForm(f url.Values, orgs []auth.Organisation) round.NewRound {
	n := round.NewRound{Title: f.Get("title"), CareArea: f.Get("care_area"), Purpose: round.Purpose(f.Get("purpose")),
		Stake: f.Get("stake"), StartsOn: f.Get("starts_on"), EndsOn: f.Get("ends_on"), Rule: decisionRuleForm(f)}
	for _, o := range orgs {
		if o.ID == f.Get("org_id") {
			n.OrgID = o.ID
		}
	}
	return n
}

// decisionRuleForm reads how the group will decide. Neither field given
// is the zero rule, which NewRound takes as the default; a quorum that is
// not a whole number reads as 0, which the rule refuses with its range.
func decisionRuleForm(f url.Values) round.DecisionRule {
	kind, quorum := f.Get("rule_kind"), strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f.Get("quorum")), "%"))
	if kind == "" && quorum == "" {
		return round.DecisionRule{}
	}
	q, _ := strconv.Atoi(quorum)
	return round.DecisionRule{Kind: round.RuleKind(kind), Quorum: q}
}

func roundEditForm(f url.Values) round.RoundEdit {
	return round.RoundEdit{Title: f.Get("title"), StartsOn: f.Get("starts_on"), EndsOn: f.Get("ends_on")}
}

func stakeChangeForm(f url.Values) round.StakeChange {
	return round.StakeChange{Stake: f.Get("stake")}
}

func newMemberForm(f url.Values) round.NewMember {
	n := round.NewMember{Pseudonym: f.Get("pseudonym"), RealName: f.Get("real_name"), ContactEmail: f.Get("contact_email"),
		ContactPhone: f.Get("contact_phone"), Adjustments: f["adjustments"], AdjustmentNotes: f.Get("adjustment_notes"), Formats: f["formats"]}
	for _, c := range f["consent"] {
		n.Consents = append(n.Consents, round.ConsentPurpose(c))
	}
	return n
}

// consentForm reads a change of a member's consent: the purpose, and
// whether it is given (true) or withdrawn.
func consentForm(f url.Values) (round.ConsentPurpose, bool, error) {
	decision := f.Get("decision")
	if decision != "given" && decision != "withdrawn" {
		return "", false, apperr.Fields([]apperr.FieldError{{Field: "decision", Message: "Select whether consent is given or withdrawn"}})
	}
	return round.ConsentPurpose(f.Get("purpose")), decision == "given", nil
}

func newSessionForm(f url.Values) round.NewSession {
	return round.NewSession{Date: f.Get("date"), Time: f.Get("time"), Place: f.Get("place"), OnlineLink: f.Get("online_link"),
		Activities: f["activities"], AccessArrangements: f.Get("access_arrangements"), Notes: f.Get("notes")}
}

func newPaymentForm(f url.Values) round.NewPayment {
	return round.NewPayment{MemberID: f.Get("member_id"), Amount: f.Get("amount"), Method: f.Get("method"), PaidOn: f.Get("paid_on")}
}

func newServiceForm(f url.Values) evidence.NewService {
	return evidence.NewService{Name: f.Get("name"), Provider: f.Get("provider"), Type: f.Get("type")}
}

// The question flows' answers, made as member (see roundPage.actingMember).

func newStoryForm(a url.Values, member string) evidence.NewStory {
	return evidence.NewStory{MemberID: member, Title: a.Get("title"), Body: a.Get("body"), EasyRead: a.Get("easy_read")}
}

// stepForm reads a pathway step; a feeling that is not a number reads as
// none, which Validate refuses.
func stepForm(a url.Values) evidence.Step {
	feeling, _ := strconv.Atoi(a.Get("feeling"))
	return evidence.Step{Touchpoint: a.Get("touchpoint"), WhatHappened: a.Get("what_happened"), Feeling: evidence.Feeling(feeling),
		Helped: a.Get("helped"), Hurt: a.Get("hurt")}
}

func newFactorForm(a url.Values, member string) evidence.NewFactor {
	return evidence.NewFactor{MemberID: member, Kind: a.Get("kind"), Domain: a.Get("domain"), Description: a.Get("description"), StoryID: a.Get("story_id")}
}

// newStatementForm reads an "I statement" and what is behind it, each link
// posted as "kind:id".
func newStatementForm(a url.Values, member string) evidence.NewStatement {
	n := evidence.NewStatement{MemberID: member, Body: a.Get("body")}
	for _, l := range a["links"] {
		kind, id, _ := strings.Cut(l, ":")
		n.Links = append(n.Links, evidence.Link{Kind: evidence.Kind(kind), ID: id})
	}
	return n
}

// notRated is the answer for a dimension the person chose not to rate.
const notRated = "none"

// feedbackForm reads feedback on a service with the problems only the form
// knows of: a dimension left unanswered (rather than marked not rated), and
// a facilitator not saying whose it is. Validate checks the rest.
func feedbackForm(a url.Values, member string) (evidence.NewFeedback, []apperr.FieldError) {
	n := evidence.NewFeedback{MemberID: member, Comment: a.Get("comment"), Ratings: map[string]int{}}
	var fs []apperr.FieldError
	for _, d := range evidence.Dimensions {
		switch v := a.Get("rating_" + d.Key); v {
		case notRated:
		case "":
			fs = append(fs, apperr.FieldError{Field: "rating_" + d.Key, Message: d.Label + ": choose a score, or that you would rather not rate it"})
		default:
			n.Ratings[d.Key], _ = strconv.Atoi(v)
		}
	}
	if n.MemberID == "" {
		fs = append(fs, apperr.FieldError{Field: "member_id", Message: "Select whose feedback this is"})
	}
	return n, fs
}

// dotsForm reads a member's dots: one whole number per statement, in
// fields named "dots_<statement id>"; an empty field places none.
func dotsForm(f url.Values) (map[string]int, error) {
	alloc := map[string]int{}
	var fs []apperr.FieldError
	for k, v := range f {
		id, ok := strings.CutPrefix(k, "dots_")
		if !ok || strings.TrimSpace(v[0]) == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(v[0]))
		if err != nil {
			fs = append(fs, apperr.FieldError{Field: k, Message: "Enter the number of dots as a whole number, like 2"})
			continue
		}
		alloc[id] = n
	}
	return alloc, apperr.Fields(fs)
}

// votingForm reads the dot vote's state and the dots each member has.
func votingForm(f url.Values) (round.Voting, int, error) {
	dots, err := strconv.Atoi(strings.TrimSpace(f.Get("dots")))
	if err != nil {
		return "", 0, apperr.Fields([]apperr.FieldError{{Field: "dots", Message: "Enter the number of dots each member has, like 5"}})
	}
	return round.Voting(f.Get("voting")), dots, nil
}

// tagForm reads which item a theme goes on, posted as "kind:id".
func tagForm(f url.Values) (evidence.Kind, string, error) {
	kind, id, _ := strings.Cut(f.Get("item"), ":")
	if !evidence.TaggableKind(evidence.Kind(kind)) || id == "" {
		return "", "", apperr.Fields([]apperr.FieldError{{Field: "item", Message: "Select what to put the theme on"}})
	}
	return evidence.Kind(kind), id, nil
}

// maxImportBytes bounds an uploaded feedback file.
const maxImportBytes = 1 << 20

// importFileForm reads the uploaded feedback file's text; the request body
// must already be bounded (http.MaxBytesReader).
func importFileForm(r *http.Request) (string, error) {
	if err := r.ParseMultipartForm(maxImportBytes); err != nil {
		return "", apperr.Fields([]apperr.FieldError{{Field: "file", Message: "The file must be a CSV file smaller than 1 MB"}})
	}
	f, _, err := r.FormFile("file")
	if err != nil {
		return "", apperr.Fields([]apperr.FieldError{{Field: "file", Message: "Choose a CSV file to upload"}})
	}
	defer f.Close()
	body, err := io.ReadAll(io.LimitReader(f, maxImportBytes))
	return string(body), err
}
