package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

// The pages of rounds themselves.
var (
	roundListPage     = page[roundListData]{"round_list"}
	roundNewPage      = page[[]auth.Organisation]{"round_new"} // the organisations the reader may open a round for
	roundOverviewPage = page[roundPage[overview]]{"round_page"}
	roundStakePage    = page[roundPage[stakeData]]{"round_stake"}
	roundStagePage    = page[roundPage[noData]]{"round_stage"}
	roundClosePage    = page[roundPage[closeData]]{"round_close"}
)

// roundList shows the rounds the reader holds a role in (all, for an admin).
func (s *Server) roundList(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionListRounds, auth.Object{}); err != nil {
		return err
	}
	p, q := principal(r), r.URL.Query()
	rounds, next, err := s.store.ListRounds(r.Context(), round.Query{UserID: p.User.ID, All: p.IsAdmin(), After: q.Get("after"), Limit: 25})
	if err != nil {
		return err
	}
	return roundListPage.show(s, w, r, http.StatusOK, view{Title: "Commissioning rounds"},
		roundListData{listData: listData[round.Round]{Items: rounds, Next: nextPage(r, next), First: q.Get("after") == ""},
			CanCreate: auth.Can(p, auth.ActionCreateRound, auth.Object{})})
}

type roundListData struct {
	listData[round.Round]
	CanCreate bool
}

// commissionerOrgs are the commissioning organisations the reader may open
// a round for: those they are a commissioner in, or all for an admin.
func (s *Server) commissionerOrgs(r *http.Request) ([]auth.Organisation, error) {
	p := principal(r)
	all, err := s.allOrgs(r)
	if err != nil {
		return nil, err
	}
	var out []auth.Organisation
	for _, o := range all {
		if o.Kind == auth.KindCommissioner && (p.IsAdmin() || p.Has(auth.RoleCommissioner, auth.ScopeOrganisation, o.ID)) {
			out = append(out, o)
		}
	}
	return out, nil
}

func (s *Server) roundNewForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionCreateRound, auth.Object{}); err != nil {
		return err
	}
	orgs, err := s.commissionerOrgs(r)
	if err != nil {
		return err
	}
	// The group's rule starts at the default, which the form shows chosen.
	form := url.Values{"rule_kind": {string(round.RuleMajority)}, "quorum": {strconv.Itoa(round.DefaultQuorum)}}
	return roundNewPage.show(s, w, r, http.StatusOK, view{Title: "Open a commissioning round", Form: form}, orgs)
}

func (s *Server) roundCreate(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionCreateRound, auth.Object{}); err != nil {
		return err
	}
	_ = r.ParseForm()
	orgs, err := s.commissionerOrgs(r)
	if err != nil {
		return err
	}
	n := newRoundForm(r.PostForm, orgs)
	err = n.Validate()
	var rd *round.Round
	if err == nil {
		rd, err = s.store.CreateRound(r.Context(), n, principal(r).User.ID)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return roundNewPage.show(s, w, r, status, view{Title: "Open a commissioning round", Errors: errs, Form: r.PostForm}, orgs)
		})
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"?done=round-created", http.StatusSeeOther)
	return nil
}

// overview is the round page's own data.
type overview struct {
	Stakes       []round.StakeRecord
	Stages       []round.StageRecord
	Participants []round.Participant
	GroupSize    int
	Todo         []todo
	Cards        []memberCard // a member's "What you can do now" (handlers_rounds_member.go)
}

// todo is one next thing for the reader to do, with where to do it.
type todo struct{ Text, Href string }

func (s *Server) roundShow(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionViewRound)
	if err != nil {
		return err
	}
	ctx := r.Context()
	p, err := newRoundPage[overview](s, r, rd)
	if err != nil {
		return err
	}
	o := &p.Page
	if o.Stakes, err = s.store.StakeHistory(ctx, rd.ID); err != nil {
		return err
	}
	if o.Stages, err = s.store.StageHistory(ctx, rd.ID); err != nil {
		return err
	}
	if o.Participants, err = s.store.Participants(ctx, rd.ID); err != nil {
		return err
	}
	members, err := s.store.RoundMembers(ctx, rd.ID, p.Audience)
	if err != nil {
		return err
	}
	o.GroupSize = len(members)
	if o.Todo, err = s.waitingDecisions(r, rd, p.Audience); err != nil {
		return err
	}
	o.Todo = append(o.Todo, nextSteps(rd, stepsCan(r, rd, p.Can))...)
	if o.Cards, err = s.memberCards(r, rd, p.Audience, p.Can); err != nil {
		return err
	}
	return roundOverviewPage.show(s, w, r, http.StatusOK, view{Title: rd.Title}, p)
}

func (s *Server) roundPublish(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if err := allow(r, auth.ActionManageRound, roundObject(id)); err != nil {
		return err
	}
	if err := s.store.PublishRound(r.Context(), id); err != nil {
		return err
	}
	http.Redirect(w, r, "/rounds/"+id+"?done=round-published", http.StatusSeeOther)
	return nil
}

// stakeData is the stake page's own data.
type stakeData struct {
	// Refusal is the rule's own explanation of why the form was refused,
	// if it was (see refusal); Lowering says it was a lowering, so the page
	// links to proposing it to the group.
	Refusal  string
	Lowering bool
}

// decisionRuleOptions are the rules a group may decide by, for forms.
func decisionRuleOptions() []round.Option {
	var out []round.Option
	for _, k := range round.RuleKinds {
		out = append(out, round.Option{Key: string(k), Label: k.Label()})
	}
	return out
}

// showStake draws the stake page; on first view the rule form shows the
// round's rule.
func (s *Server) showStake(w http.ResponseWriter, r *http.Request, rd *round.Round, status int, errs []apperr.FieldError, d stakeData) error {
	p, err := newRoundPage[stakeData](s, r, rd)
	if err != nil {
		return err
	}
	p.Page = d
	form := formValues(r)
	if r.Method != http.MethodPost {
		form = url.Values{"rule_kind": {string(rd.Rule.Kind)}, "quorum": {strconv.Itoa(rd.Rule.Quorum)}}
	}
	return roundStakePage.show(s, w, r, status, view{Title: "Change the stake", Errors: errs, Form: form}, p)
}

func (s *Server) roundStakeForm(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageRound)
	if err != nil {
		return err
	}
	return s.showStake(w, r, rd, http.StatusOK, nil, stakeData{})
}

// roundStakeChange sets the stake directly: freely before publication,
// afterwards only up. A lowering of a published stake is refused with a
// link to proposing it to the group.
func (s *Server) roundStakeChange(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageRound)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if err := s.store.ChangeStake(r.Context(), rd.ID, stakeChangeForm(r.PostForm)); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showStake(w, r, rd, status, errs, stakeData{Refusal: refusal(err), Lowering: apperr.Message(err) == round.ErrGroupLowersStake})
		})
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"?done=stake-changed", http.StatusSeeOther)
	return nil
}

// roundRuleChange sets how the group decides, before publication only;
// afterwards the store refuses it and the page links to proposing it.
func (s *Server) roundRuleChange(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageRound)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	rule, err := round.ParseDecisionRule(r.PostForm.Get("rule_kind"), r.PostForm.Get("quorum"))
	if err == nil {
		err = s.store.SetDecisionRule(r.Context(), rd.ID, rule)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showStake(w, r, rd, status, errs, stakeData{Refusal: refusal(err)})
		})
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/stake?done=rule-changed", http.StatusSeeOther)
	return nil
}

// refusal is a rule's own explanation of why a form was refused (like the
// locked stake's), or "" when the error is only the usual field problems.
func refusal(err error) string {
	if m := apperr.Message(err); !strings.HasPrefix(m, "Check the form: ") {
		return m
	}
	return ""
}

func (s *Server) roundStageForm(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionMoveStage)
	if err != nil {
		return err
	}
	return showInRound(s, w, r, roundStagePage, http.StatusOK, view{Title: "Move the round to another stage"}, rd, noData{})
}

func (s *Server) roundStageMove(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionMoveStage)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if err := s.store.MoveStage(r.Context(), rd.ID, round.Stage(r.PostForm.Get("stage")), r.PostForm.Get("reason")); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return showInRound(s, w, r, roundStagePage, status, view{Title: "Move the round to another stage", Errors: errs}, rd, noData{})
		})
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"?done=stage-moved", http.StatusSeeOther)
	return nil
}

// closeData is the close page's own data: the proposals to agree the
// round's impact, as only carrying one out closes the round.
type closeData struct {
	Proposals  []round.Proposal
	CanPropose bool
	// Refused says someone tried to close the round directly.
	Refused bool
}

// roundClose explains that the group closes the round by agreeing its
// impact. A post (the old form's) is refused with the same explanation,
// and nothing changes.
func (s *Server) roundClose(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageRound)
	if err != nil {
		return err
	}
	all, err := s.store.Proposals(r.Context(), rd.ID)
	if err != nil {
		return err
	}
	d := closeData{CanPropose: can(r, auth.ActionPropose, rd.ID) && rd.Published() && !rd.Closed(), Refused: r.Method == http.MethodPost}
	for _, p := range all {
		if p.Kind == round.KindAgreeImpact {
			d.Proposals = append(d.Proposals, p)
		}
	}
	status := http.StatusOK
	if d.Refused {
		status = http.StatusConflict
	}
	return showInRound(s, w, r, roundClosePage, status, view{Title: "Closing the round"}, rd, d)
}
