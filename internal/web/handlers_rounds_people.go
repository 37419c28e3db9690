package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

// The pages of the people in a round: the group (invitations: handlers_join.go).
var (
	roundMembersPage   = page[roundPage[[]round.Member]]{"round_members"}
	roundMemberNewPage = page[roundPage[noData]]{"round_member_new"}
	roundMemberPage    = page[roundPage[memberData]]{"round_member"}
)

func (s *Server) memberList(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionViewGroupContent)
	if err != nil {
		return err
	}
	p, err := newRoundPage[[]round.Member](s, r, rd)
	if err != nil {
		return err
	}
	if p.Page, err = s.store.RoundMembers(r.Context(), rd.ID, p.Audience); err != nil {
		return err
	}
	return roundMembersPage.show(s, w, r, http.StatusOK, view{Title: "The group", Form: formValues(r)}, p)
}

func (s *Server) memberNewForm(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionRunGroup)
	if err != nil {
		return err
	}
	return showInRound(s, w, r, roundMemberNewPage, http.StatusOK, view{Title: "Add a member to the group"}, rd, noData{})
}

func (s *Server) memberCreate(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionRunGroup)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	n := newMemberForm(r.PostForm)
	err = n.Validate()
	var m *round.Member
	if err == nil {
		m, err = s.store.AddRoundMember(r.Context(), rd.ID, n)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return showInRound(s, w, r, roundMemberNewPage, status, view{Title: "Add a member to the group", Errors: errs}, rd, noData{})
		})
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/members/"+m.ID+"?done=member-joined", http.StatusSeeOther)
	return nil
}

type memberData struct {
	Member  *round.Member
	History []round.ConsentRecord
	Names   map[string]string // user id → name, for who recorded consent
}

// memberShow is the facilitator's record of one member: private details,
// access needs and the consent history with a form to record a change.
func (s *Server) memberShow(w http.ResponseWriter, r *http.Request) error {
	return s.memberPage(w, r, http.StatusOK, nil)
}

func (s *Server) memberPage(w http.ResponseWriter, r *http.Request, status int, errs []apperr.FieldError) error {
	rd, err := s.roundFor(r, auth.ActionRunGroup)
	if err != nil {
		return err
	}
	m, err := s.store.RoundMember(r.Context(), rd.ID, r.PathValue("mid"), round.Facilitators)
	if err != nil {
		return err
	}
	d := memberData{Member: m, Names: map[string]string{}}
	if d.History, err = s.store.ConsentHistory(r.Context(), m.ID); err != nil {
		return err
	}
	for _, h := range d.History {
		if _, seen := d.Names[h.RecordedBy]; !seen && h.RecordedBy != "" {
			d.Names[h.RecordedBy] = h.RecordedBy
			// The id stands in for the name when the account cannot be read.
			if u, err := s.store.UserByID(r.Context(), h.RecordedBy); err == nil {
				d.Names[h.RecordedBy] = u.DisplayName
			}
		}
	}
	return showInRound(s, w, r, roundMemberPage, status, view{Title: m.Pseudonym, Errors: errs}, rd, d)
}

func (s *Server) memberConsent(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionRunGroup)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	purpose, given, err := consentForm(r.PostForm)
	if err == nil {
		err = s.store.RecordConsent(r.Context(), rd.ID, r.PathValue("mid"), purpose, given)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.memberPage(w, r, status, errs) })
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/members/"+r.PathValue("mid")+"?done=consent-saved", http.StatusSeeOther)
	return nil
}
