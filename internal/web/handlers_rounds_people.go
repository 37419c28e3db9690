package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

func (s *Server) roundInviteForm(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionInviteToRound)
	if !ok {
		return
	}
	s.showRound(w, r, http.StatusOK, "round_invite", "Invite someone to the round", rd, nil, nil)
}

type inviteLink struct {
	Invitation *round.Invitation
	Link       string
}

func (s *Server) roundInviteCreate(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionInviteToRound)
	if !ok {
		return
	}
	_ = r.ParseForm()
	inv, token, err := s.store.CreateRoundInvitation(r.Context(), rd.ID, auth.Role(r.PostForm.Get("role")), s.cfg.InvitationTTL)
	if err != nil {
		s.roundFormError(w, r, err, "round_invite", "Invite someone to the round", rd, nil)
		return
	}
	// Shown once, here: the database keeps only a hash of the token.
	s.showRound(w, r, http.StatusCreated, "round_invite_link", "Invitation link", rd, inviteLink{Invitation: inv, Link: s.baseURL(r) + "/invite/round/" + token}, nil)
}

type joinData struct {
	Invitation *round.Invitation
	Round      *round.Round
}

// roundJoinForm shows a round invitation to a signed-in person; anyone else
// signs in first and comes back.
func (s *Server) roundJoinForm(w http.ResponseWriter, r *http.Request) {
	s.joinPage(w, r, http.StatusOK, nil)
}

func (s *Server) joinPage(w http.ResponseWriter, r *http.Request, status int, errs []apperr.FieldError) {
	if !s.authorize(w, r, auth.ActionListRounds, auth.Object{}) {
		return
	}
	inv, err := s.store.RoundInvitationByToken(r.Context(), r.PathValue("token"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rd, err := s.store.RoundByID(r.Context(), inv.RoundID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, "round_join", view{Title: "Join " + rd.Title, Errors: errs, Form: formValues(r), Data: joinData{Invitation: inv, Round: rd}})
}

func (s *Server) roundJoin(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionListRounds, auth.Object{}) {
		return
	}
	_ = r.ParseForm()
	inv, err := s.store.RoundInvitationByToken(r.Context(), r.PathValue("token"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if inv.Role == round.RoleMember && r.PostForm.Get("take_part") != "yes" {
		s.joinPage(w, r, http.StatusUnprocessableEntity, []apperr.FieldError{{Field: "take_part", Message: "Tick the box to agree to take part, or close this page if you do not want to join"}})
		return
	}
	if _, err := s.store.AcceptRoundInvitation(r.Context(), r.PathValue("token"), principal(r).User.ID, r.PostForm.Get("pseudonym")); err != nil {
		if fs := apperr.FieldsOf(err); len(fs) > 0 {
			s.joinPage(w, r, http.StatusUnprocessableEntity, fs)
			return
		}
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/rounds/"+inv.RoundID+"?done=joined", http.StatusSeeOther)
}

func (s *Server) memberList(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionViewRound)
	if !ok {
		return
	}
	a, err := s.audience(r, rd.ID)
	var ms []round.Member
	if err == nil {
		ms, err = s.store.RoundMembers(r.Context(), rd.ID, a)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.showRound(w, r, http.StatusOK, "round_members", "The group", rd, ms, nil)
}

func (s *Server) memberNewForm(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionRunGroup)
	if !ok {
		return
	}
	s.showRound(w, r, http.StatusOK, "round_member_new", "Add a member to the group", rd, nil, nil)
}

func (s *Server) memberCreate(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionRunGroup)
	if !ok {
		return
	}
	_ = r.ParseForm()
	f := r.PostForm
	n := round.NewMember{Pseudonym: f.Get("pseudonym"), RealName: f.Get("real_name"), ContactEmail: f.Get("contact_email"),
		ContactPhone: f.Get("contact_phone"), Adjustments: f["adjustments"], AdjustmentNotes: f.Get("adjustment_notes"), Formats: f["formats"]}
	for _, c := range f["consent"] {
		n.Consents = append(n.Consents, round.ConsentPurpose(c))
	}
	err := n.Validate()
	var m *round.Member
	if err == nil {
		m, err = s.store.AddRoundMember(r.Context(), rd.ID, n)
	}
	if err != nil {
		s.roundFormError(w, r, err, "round_member_new", "Add a member to the group", rd, nil)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/members/"+m.ID+"?done=member-joined", http.StatusSeeOther)
}

type memberData struct {
	Member  *round.Member
	History []round.ConsentRecord
	Names   map[string]string // user id → name, for who recorded consent
}

// memberShow is the facilitator's record of one member: private details,
// access needs and the consent history with a form to record a change.
func (s *Server) memberShow(w http.ResponseWriter, r *http.Request) {
	s.memberPage(w, r, http.StatusOK, nil)
}

func (s *Server) memberPage(w http.ResponseWriter, r *http.Request, status int, errs []apperr.FieldError) {
	rd, ok := s.loadRound(w, r, auth.ActionRunGroup)
	if !ok {
		return
	}
	m, err := s.store.RoundMember(r.Context(), rd.ID, r.PathValue("mid"), round.Facilitators)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := memberData{Member: m, Names: map[string]string{}}
	if d.History, err = s.store.ConsentHistory(r.Context(), m.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, h := range d.History {
		if _, seen := d.Names[h.RecordedBy]; !seen && h.RecordedBy != "" {
			d.Names[h.RecordedBy] = h.RecordedBy
			if u, err := s.store.UserByID(r.Context(), h.RecordedBy); err == nil {
				d.Names[h.RecordedBy] = u.DisplayName
			}
		}
	}
	s.showRound(w, r, status, "round_member", m.Pseudonym, rd, d, errs)
}

func (s *Server) memberConsent(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionRunGroup)
	if !ok {
		return
	}
	_ = r.ParseForm()
	decision := r.PostForm.Get("decision")
	if decision != "given" && decision != "withdrawn" {
		s.memberPage(w, r, http.StatusUnprocessableEntity, []apperr.FieldError{{Field: "decision", Message: "Select whether consent is given or withdrawn"}})
		return
	}
	err := s.store.RecordConsent(r.Context(), rd.ID, r.PathValue("mid"), round.ConsentPurpose(r.PostForm.Get("purpose")), decision == "given")
	if fs := apperr.FieldsOf(err); len(fs) > 0 {
		s.memberPage(w, r, http.StatusUnprocessableEntity, fs)
		return
	} else if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/members/"+r.PathValue("mid")+"?done=consent-saved", http.StatusSeeOther)
}
