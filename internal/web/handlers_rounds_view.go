package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

// roundFuncs are the template functions of the rounds area, added to every
// page's function map by parsePages.
var roundFuncs = map[string]any{
	"choices": choicesFor,
	"optionLabel": func(opts []round.Option, key string) string {
		return strings.Join(round.Labels(opts, []string{key}), "")
	},
	"optionLabels":   func(opts []round.Option, keys []string) string { return strings.Join(round.Labels(opts, keys), ", ") },
	"roundOptions":   func(name string) []round.Option { return roundOptionLists[name] },
	"pence":          round.FormatPence,
	"ukDate":         round.FormatDate,
	"roundRoleLabel": round.RoleLabel,
	"seesDecisions":  seesDecisions,
	"groupContent":   seesGroupContent,
	"ownInformation": seesOwnInformation,
	"stages":         func() []round.Stage { return round.Stages },
	"feelings":       func() []evidence.Feeling { return evidence.Feelings },
	"evidenceKinds":  func() []evidence.Kind { return evidence.Kinds },
	"consentPurposes": func() []round.ConsentPurpose {
		return round.ConsentPurposes
	},
}

// roundOptionLists are the fixed lists forms offer, by name.
var roundOptionLists = map[string][]round.Option{
	"adjustments":   round.Adjustments,
	"formats":       round.Formats,
	"activities":    round.Activities,
	"methods":       round.PaymentMethods,
	"factorKinds":   evidence.FactorKinds,
	"domains":       evidence.Domains,
	"serviceTypes":  evidence.ServiceTypes,
	"dimensions":    evidence.Dimensions,
	"purposes":      purposeOptions(),
	"roundRoles":    roundRoleOptions(),
	"consents":      consentOptions(),
	"decisionRules": decisionRuleOptions(),
	"answers":       answerOptions(),
}

func purposeOptions() []round.Option {
	var out []round.Option
	for _, p := range round.Purposes {
		out = append(out, round.Option{Key: string(p), Label: p.Label()})
	}
	return out
}

func roundRoleOptions() []round.Option {
	var out []round.Option
	for _, r := range round.RoundRoles {
		out = append(out, round.Option{Key: string(r), Label: round.RoleLabel(r)})
	}
	return out
}

func consentOptions() []round.Option {
	var out []round.Option
	for _, p := range round.ConsentPurposes {
		out = append(out, round.Option{Key: string(p), Label: p.Label()})
	}
	return out
}

// choiceArgs is what the "choices" template needs to draw a group of radios
// or checkboxes in a fieldset, with its legend, hint and error.
type choiceArgs struct {
	Name, Legend, Type, Hint, Error string
	Items                           []choiceItem
}

type choiceItem struct {
	ID, Value, Label string
	Checked          bool
}

// choicesFor builds a radio or checkbox group for a page's form.
func choicesFor(v view, name, legend, typ, hint string, opts []round.Option) choiceArgs {
	return choiceList(v.Form, v.Errors, name, legend, typ, hint, opts)
}

// choiceList builds a radio or checkbox group; the first input takes the
// field's name as its id so the error summary's link lands on it.
func choiceList(form url.Values, errs []apperr.FieldError, name, legend, typ, hint string, opts []round.Option) choiceArgs {
	picked := map[string]bool{}
	for _, x := range form[name] {
		picked[x] = true
	}
	a := choiceArgs{Name: name, Legend: legend, Type: typ, Hint: hint, Error: fieldError(errs, name)}
	for i, o := range opts {
		id := name + "-" + o.Key
		if i == 0 {
			id = name
		}
		a.Items = append(a.Items, choiceItem{ID: id, Value: o.Key, Label: o.Label, Checked: picked[o.Key]})
	}
	return a
}

// roundObject is the policy object for a round.
func roundObject(id string) auth.Object { return auth.Object{Type: auth.ScopeRound, ID: id} }

// roundFor authorises action on the round named in the path and loads it.
func (s *Server) roundFor(r *http.Request, action auth.Action) (*round.Round, error) {
	id := r.PathValue("id")
	if err := allow(r, action, roundObject(id)); err != nil {
		return nil, err
	}
	return s.store.RoundByID(r.Context(), id)
}

// audience is who the reader is for consent: the round's facilitators see
// everything (withdrawn content marked); everyone else gets the Group view,
// with their own contributions if they are in the group.
func (s *Server) audience(r *http.Request, roundID string) (round.Audience, error) {
	if auth.Can(principal(r), auth.ActionViewPrivate, roundObject(roundID)) {
		return round.Facilitators, nil
	}
	p := principal(r)
	if !p.SignedIn() {
		return round.Group, nil
	}
	m, err := s.store.MemberForUser(r.Context(), roundID, p.User.ID)
	switch {
	case err == nil:
		return round.Group.As(m.ID), nil
	case apperr.Code(err) == apperr.NotFound:
		return round.Group, nil
	}
	return round.Group, err
}

// can reports whether the reader may do action in the round, for links.
func can(r *http.Request, action auth.Action, roundID string) bool {
	return auth.Can(principal(r), action, roundObject(roundID))
}

// roundCan is what the reader may do in a round, for the links and forms
// every round page offers.
// roundCan says what the reader may do in the round, for links and buttons.
// GroupContent is opening the group's own spaces (members, sessions,
// stories, feedback, vision, exports), which observers may not.
type roundCan struct{ Manage, Stage, Invite, Group, Contribute, Services, GroupContent bool }

func canInRound(r *http.Request, roundID string) roundCan {
	return roundCan{
		Manage:       can(r, auth.ActionManageRound, roundID),
		Stage:        can(r, auth.ActionMoveStage, roundID),
		Invite:       can(r, auth.ActionInviteToRound, roundID),
		Group:        can(r, auth.ActionRunGroup, roundID),
		Contribute:   can(r, auth.ActionContribute, roundID),
		Services:     can(r, auth.ActionManageServices, roundID),
		GroupContent: can(r, auth.ActionViewGroupContent, roundID),
	}
}

// roundPage is what every page inside a round gets as Data, with the
// page's own data in Page.
type roundPage[T any] struct {
	Round    *round.Round
	Audience round.Audience
	// Acting is the reader's own member record ("" when they are not a
	// member); Members is who a facilitator may act for.
	Acting  string
	Members []round.Member
	Can     roundCan
	Page    T
}

// Facilitator reports whether the reader sees the facilitators' view.
func (p roundPage[T]) Facilitator() bool { return p.Audience.Facilitator }

// newRoundPage gathers what every round page shows about the reader; the
// handler fills in Page.
func newRoundPage[T any](s *Server, r *http.Request, rd *round.Round) (roundPage[T], error) {
	a, err := s.audience(r, rd.ID)
	if err != nil {
		return roundPage[T]{}, err
	}
	p := roundPage[T]{Round: rd, Audience: a, Acting: a.Self, Can: canInRound(r, rd.ID)}
	if p.Facilitator() {
		if p.Members, err = s.store.RoundMembers(r.Context(), rd.ID, round.Facilitators); err != nil {
			return p, err
		}
	}
	return p, nil
}

// actingMember is the member a contribution is made as: a member's own
// record, or the member a facilitator chose in the form.
func (p roundPage[T]) actingMember(answers url.Values) string {
	if p.Facilitator() {
		return answers.Get("member_id")
	}
	return p.Acting
}

// showInRound draws a round page whose data needs nothing of the reader's
// standing, with the form as posted (or the query).
func showInRound[T any](s *Server, w http.ResponseWriter, r *http.Request, pg page[roundPage[T]], status int, v view, rd *round.Round, data T) error {
	p, err := newRoundPage[T](s, r, rd)
	if err != nil {
		return err
	}
	p.Page = data
	v.Form = formValues(r)
	return pg.show(s, w, r, status, v, p)
}

// formValues are the values a page's form shows: what was posted, or the query.
func formValues(r *http.Request) map[string][]string {
	if r.Method == http.MethodPost {
		return r.PostForm
	}
	return r.URL.Query()
}

// roundFlash are this area's confirmations, shown after post/redirect/get.
var roundFlash = map[string]string{
	"round-created":   "Round opened. The stake is committed; publish the round to lock it.",
	"round-published": "Round published. The stake is now locked.",
	"round-edited":    "The round's title and dates have been changed.",
	"round-deleted":   "The draft round has been deleted.",
	"stake-changed":   "Stake changed.",
	"stage-moved":     "Stage changed.",
	"joined":          "You have joined the round.",
	flashJoinedNew:    "Your account is ready and you have joined the round. Welcome.",
	flashWithdrawn:    "Invitation withdrawn. Its link and code no longer work.",
	"member-joined":   "Member added to the group.",
	"consent-saved":   "Consent recorded.",
	"session-added":   "Session added.",
	"attendance":      "Attendance saved.",
	"payment-added":   "Payment recorded.",
	"story-added":     "Story saved. You can now map the pathway, one step at a time.",
	"step-added":      "Step added to the pathway.",
	"factor-added":    "Factor added.",
	"me-too":          "Your “me too” has been counted.",
	"service-added":   "Service added.",
	"feedback-added":  "Feedback saved.",
	"imported":        "Feedback imported.",
	"statement-added": "Statement added.",
	"votes-saved":     "Your dots have been placed.",
	"voting-changed":  "Voting updated.",
	"theme-added":     "Theme added.",
	"tagged":          "Theme added to the item.",

	"rule-changed":       "How the group decides has been changed.",
	"proposal-started":   "Proposal put to the group.",
	"response-saved":     "Your response has been saved. You can change it until the proposal closes.",
	"response-recorded":  "Response recorded as given in person.",
	"block-resolved":     "The block is recorded as resolved.",
	"proposal-withdrawn": "Proposal withdrawn.",
	"carried-out":        "The group's decision has been carried out.",
}
