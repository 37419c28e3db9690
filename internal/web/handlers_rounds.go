package web

import (
	"net/http"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

// roundList shows the rounds the reader holds a role in (all, for an admin).
func (s *Server) roundList(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionListRounds, auth.Object{}) {
		return
	}
	p, q := principal(r), r.URL.Query()
	rounds, next, err := s.store.ListRounds(r.Context(), round.Query{UserID: p.User.ID, All: p.IsAdmin(), After: q.Get("after"), Limit: 25})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "round_list", view{Title: "Commissioning rounds",
		Data: roundListData{listData: listData[round.Round]{Items: rounds, Next: nextPage(r, next), First: q.Get("after") == ""},
			CanCreate: auth.Can(p, auth.ActionCreateRound, auth.Object{})}})
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

func (s *Server) roundNewForm(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionCreateRound, auth.Object{}) {
		return
	}
	orgs, err := s.commissionerOrgs(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "round_new", view{Title: "Open a commissioning round", Data: orgs})
}

func (s *Server) roundCreate(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionCreateRound, auth.Object{}) {
		return
	}
	_ = r.ParseForm()
	f := r.PostForm
	orgs, err := s.commissionerOrgs(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	n := round.NewRound{Title: f.Get("title"), CareArea: f.Get("care_area"), Purpose: round.Purpose(f.Get("purpose")),
		Stake: f.Get("stake"), StartsOn: f.Get("starts_on"), EndsOn: f.Get("ends_on")}
	for _, o := range orgs {
		if o.ID == f.Get("org_id") {
			n.OrgID = o.ID
		}
	}
	err = n.Validate()
	var rd *round.Round
	if err == nil {
		rd, err = s.store.CreateRound(r.Context(), n, principal(r).User.ID)
	}
	if err != nil {
		s.formError(w, r, err, "round_new", "Open a commissioning round", func() any { return orgs })
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"?done=round-created", http.StatusSeeOther)
}

// overview is the round page's own data.
type overview struct {
	Stakes       []round.StakeRecord
	Stages       []round.StageRecord
	Participants []round.Participant
	GroupSize    int
	Todo         []todo
}

// todo is one next thing for the reader to do, with where to do it.
type todo struct{ Text, Href string }

func (s *Server) roundShow(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionViewRound)
	if !ok {
		return
	}
	ctx := r.Context()
	var o overview
	var members []round.Member
	p, err := s.newRoundPage(r, rd, nil)
	if err == nil {
		if o.Stakes, err = s.store.StakeHistory(ctx, rd.ID); err == nil {
			if o.Stages, err = s.store.StageHistory(ctx, rd.ID); err == nil {
				if o.Participants, err = s.store.Participants(ctx, rd.ID); err == nil {
					members, err = s.store.RoundMembers(ctx, rd.ID, p.Audience)
				}
			}
		}
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	o.GroupSize = len(members)
	o.Todo = nextThings(rd, p)
	p.Page = o
	s.render(w, r, http.StatusOK, "round_page", view{Title: rd.Title, Data: p})
}

// nextThings lists what the reader can usefully do next, given the round's
// state and what the policy lets them do.
func nextThings(rd *round.Round, p roundPage) []todo {
	base := "/rounds/" + rd.ID
	if rd.Closed() {
		return nil
	}
	var out []todo
	add := func(ok bool, text, href string) {
		if ok {
			out = append(out, todo{text, base + href})
		}
	}
	add(p.Can["manage"] && !rd.Published(), "Check the stake of "+rd.Stake.String()+", then publish the round to lock it", "#publish")
	add(p.Can["invite"], "Invite people to the round", "/invitations/new")
	add(p.Can["group"], "Add a member to the group", "/members/new")
	add(p.Can["group"], "Plan or record a session", "/sessions/new")
	switch rd.Stage {
	case round.StageStories:
		add(p.Can["contribute"], "Share a story and map the pathway", "/stories/new")
	case round.StageFactors:
		add(p.Can["contribute"], "Add something that helps or harms", "/factors/new")
	case round.StageServices:
		add(p.Can["services"], "Add a service", "/services/new")
		add(p.Can["contribute"], "Give feedback on a service", "/services")
	case round.StageVision:
		add(p.Can["contribute"], "Add an “I statement” to the vision", "/vision/new")
		add(p.Can["contribute"] && rd.Voting == round.VotingOpen, "Place your dots on the vision", "/vision#vote")
		add(p.Can["group"] && rd.Voting != round.VotingClosed, "Open or close the dot vote", "/vision#voting")
	case round.StageImpact:
		add(p.Can["manage"], "Record the impact and close the round", "/close")
	}
	add(p.Can["stage"], "Move the round to another stage", "/stage")
	return out
}

func (s *Server) roundPublish(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionManageRound, roundObject(r.PathValue("id"))) {
		return
	}
	if err := s.store.PublishRound(r.Context(), r.PathValue("id")); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/rounds/"+r.PathValue("id")+"?done=round-published", http.StatusSeeOther)
}

func (s *Server) roundStakeForm(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionManageRound)
	if !ok {
		return
	}
	s.showRound(w, r, http.StatusOK, "round_stake", "Change the stake", rd, nil, nil)
}

func (s *Server) roundStakeChange(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionManageRound)
	if !ok {
		return
	}
	_ = r.ParseForm()
	f := r.PostForm
	c := round.StakeChange{Stake: f.Get("stake"), AgreedBy: f.Get("agreed_by"), AgreedOn: f.Get("agreed_on"), Minutes: f.Get("minutes")}
	if err := s.store.ChangeStake(r.Context(), rd.ID, c); err != nil {
		s.roundFormError(w, r, err, "round_stake", "Change the stake", rd, refusal(err))
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"?done=stake-changed", http.StatusSeeOther)
}

// refusal is a rule's own explanation of why a form was refused (like the
// locked stake's), or "" when the error is only the usual field problems.
func refusal(err error) string {
	if m := apperr.Message(err); !strings.HasPrefix(m, "Check the form: ") {
		return m
	}
	return ""
}

func (s *Server) roundStageForm(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionMoveStage)
	if !ok {
		return
	}
	s.showRound(w, r, http.StatusOK, "round_stage", "Move the round to another stage", rd, nil, nil)
}

func (s *Server) roundStageMove(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionMoveStage)
	if !ok {
		return
	}
	_ = r.ParseForm()
	if err := s.store.MoveStage(r.Context(), rd.ID, round.Stage(r.PostForm.Get("stage")), r.PostForm.Get("reason")); err != nil {
		s.roundFormError(w, r, err, "round_stage", "Move the round to another stage", rd, nil)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"?done=stage-moved", http.StatusSeeOther)
}

func (s *Server) roundCloseForm(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionManageRound)
	if !ok {
		return
	}
	s.showRound(w, r, http.StatusOK, "round_close", "Close the round", rd, nil, nil)
}

func (s *Server) roundClose(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionManageRound)
	if !ok {
		return
	}
	_ = r.ParseForm()
	if err := s.store.CloseRound(r.Context(), rd.ID, round.Impact{What: r.PostForm.Get("what"), Evidence: r.PostForm.Get("evidence")}); err != nil {
		s.roundFormError(w, r, err, "round_close", "Close the round", rd, nil)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"?done=round-closed", http.StatusSeeOther)
}
