package web

import (
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

// Joining a round. Those who run it invite people (a link and a short code
// for print and phone), see the invitations still waiting, and withdraw or
// re-issue them. Someone invited joins with the link or the code: signed in,
// or making their account in the same step, which lands them in the round
// signed in.
var (
	roundInvitePage      = page[roundPage[roundInviteData]]{"round_invite"}
	roundInviteLinkPage  = page[roundPage[issuedData]]{"round_invite_link"}
	roundInvitationsPage = page[roundPage[invitationsData]]{"round_invitations"}
	roundJoinPage        = page[joinData]{"round_join"}
	joinCodePage         = page[noData]{"join_code"}
)

// joinFlash are this area's confirmations; roundFlash lists them.
const (
	flashJoinedNew = "joined-new"
	flashWithdrawn = "invitation-withdrawn"
)

// roundInviteData is the roles this person may invite people to.
type roundInviteData struct {
	Roles []round.Option
}

// invitableRoles are the roles the reader may invite people to the round
// as: a commissioner lead only by a commissioner lead.
func invitableRoles(r *http.Request, roundID string) []round.Option {
	var out []round.Option
	for _, o := range roundRoleOptions() {
		if auth.Role(o.Key) != round.RoleLead || auth.Can(principal(r), auth.ActionInviteLead, roundObject(roundID)) {
			out = append(out, o)
		}
	}
	return out
}

func (s *Server) roundInviteForm(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionInviteToRound)
	if err != nil {
		return err
	}
	return showInRound(s, w, r, roundInvitePage, http.StatusOK, view{Title: "Invite someone to the round"}, rd,
		roundInviteData{Roles: invitableRoles(r, rd.ID)})
}

// issuedData is an invitation as it is handed out: the only time its link
// and code exist in the clear.
type issuedData struct {
	Invitation *round.Invitation
	Link       string
	Code       string // printed in two groups of four
	JoinPage   string // where the code is typed
	Reissued   bool
}

func (s *Server) issued(r *http.Request, iss *round.Issued, again bool) issuedData {
	base := s.baseURL(r)
	return issuedData{Invitation: iss.Invitation, Link: base + "/invite/round/" + iss.Token, Code: auth.FormatInviteCode(iss.Code),
		JoinPage: base + "/join", Reissued: again}
}

func (s *Server) roundInviteCreate(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionInviteToRound)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	n := roundInvitationForm(r.PostForm)
	if n.Role == round.RoleLead {
		if err := allow(r, auth.ActionInviteLead, roundObject(rd.ID)); err != nil {
			return err
		}
	}
	iss, err := s.store.IssueRoundInvitation(r.Context(), rd.ID, n, s.cfg.InvitationTTL)
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return showInRound(s, w, r, roundInvitePage, status, view{Title: "Invite someone to the round", Errors: errs}, rd,
				roundInviteData{Roles: invitableRoles(r, rd.ID)})
		})
	}
	return showInRound(s, w, r, roundInviteLinkPage, http.StatusCreated, view{Title: "Invitation link and code"}, rd, s.issued(r, iss, false))
}

// invitationsData is the round's invitations still waiting to be used.
type invitationsData struct {
	Invitations []invitationRow
	CanInvite   bool
}

type invitationRow struct {
	round.Invitation
	Expired bool
}

func (s *Server) invitationList(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageInvitations)
	if err != nil {
		return err
	}
	invs, err := s.store.PendingRoundInvitations(r.Context(), rd.ID)
	if err != nil {
		return err
	}
	d := invitationsData{CanInvite: auth.Can(principal(r), auth.ActionInviteToRound, roundObject(rd.ID))}
	now := s.cfg.Now()
	for _, inv := range invs {
		d.Invitations = append(d.Invitations, invitationRow{Invitation: inv, Expired: inv.Expired(now)})
	}
	return showInRound(s, w, r, roundInvitationsPage, http.StatusOK, view{Title: "Invitations waiting to be used"}, rd, d)
}

func (s *Server) invitationRevoke(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageInvitations)
	if err != nil {
		return err
	}
	if _, err := s.store.RevokeRoundInvitation(r.Context(), rd.ID, r.PathValue("inv")); err != nil {
		return err
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/invitations?done="+flashWithdrawn, http.StatusSeeOther)
	return nil
}

func (s *Server) invitationReissue(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageInvitations)
	if err != nil {
		return err
	}
	iss, err := s.store.ReissueRoundInvitation(r.Context(), rd.ID, r.PathValue("inv"), s.cfg.InvitationTTL)
	if err != nil {
		return err
	}
	return showInRound(s, w, r, roundInviteLinkPage, http.StatusCreated, view{Title: "New invitation link and code"}, rd, s.issued(r, iss, true))
}

// joinData is an invitation shown to the person holding it, with the form
// to take it up.
type joinData struct {
	Invitation *round.Invitation
	Round      *round.Round
	Action     string // where the form is sent
	Code       string // when joining by code: carried in the form
	SignIn     string // sign in and come back here
}

// showJoin draws the invitation and the form to take it up.
func (s *Server) showJoin(w http.ResponseWriter, r *http.Request, status int, key round.Key, inv *round.Invitation, errs []apperr.FieldError) error {
	rd, err := s.store.RoundByID(r.Context(), inv.RoundID)
	if err != nil {
		return err
	}
	d := joinData{Invitation: inv, Round: rd, Action: "/invite/round/" + key.Token, SignIn: "/login?next=" + url.QueryEscape("/invite/round/"+key.Token)}
	if key.Token == "" {
		d.Action, d.Code = "/join/accept", auth.FormatInviteCode(key.Code)
		d.SignIn = "/login?next=" + url.QueryEscape("/join?code="+key.Code)
	}
	v := view{Title: "Join " + rd.Title, Errors: errs, Form: withoutPasswords(formValues(r))}
	if _, typed := v.Form["email"]; !typed && inv.Email != "" {
		v.Form.Set("email", inv.Email) // the address it was sent to, to start from
	}
	return roundJoinPage.show(s, w, r, status, v, d)
}

// roundJoinForm shows a round invitation opened by its link.
func (s *Server) roundJoinForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionJoinByInvitation, auth.Object{}); err != nil {
		return err
	}
	key := round.Key{Token: r.PathValue("token")}
	inv, err := s.store.RoundInvitation(r.Context(), key)
	if err != nil {
		return err
	}
	return s.showJoin(w, r, http.StatusOK, key, inv, nil)
}

// roundJoin takes up an invitation by its link.
func (s *Server) roundJoin(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionJoinByInvitation, auth.Object{}); err != nil {
		return err
	}
	_ = r.ParseForm()
	key := round.Key{Token: r.PathValue("token")}
	inv, err := s.store.RoundInvitation(r.Context(), key)
	if err != nil {
		return err
	}
	return s.join(w, r, key, inv)
}

// join checks the form, makes the account of someone new, takes the
// invitation up, and lands the person in the round, signed in.
func (s *Server) join(w http.ResponseWriter, r *http.Request, key round.Key, inv *round.Invitation) error {
	j := joinForm(r.PostForm, principal(r))
	again := func(status int, errs []apperr.FieldError) error { return s.showJoin(w, r, status, key, inv, errs) }
	if errs := j.Check(inv.Role, r.PostForm.Get("password_confirm")); len(errs) > 0 {
		return again(http.StatusUnprocessableEntity, errs)
	}
	if j.Account != nil {
		hash, err := auth.HashPassword(j.Account.Password)
		if err != nil {
			return err
		}
		j.PasswordHash, j.Account.Password = hash, ""
	}
	joined, err := s.store.JoinRound(r.Context(), key, j)
	if err != nil {
		return formProblem(err, again)
	}
	done := "joined"
	if joined.NewAccount {
		if err := s.startSession(w, r, joined.UserID); err != nil {
			return err
		}
		done = flashJoinedNew
	}
	http.Redirect(w, r, "/rounds/"+inv.RoundID+"?done="+done, http.StatusSeeOther)
	return nil
}

// joinCodeForm asks for an invitation code (?code= fills it in, for
// someone who signed in on the way).
func (s *Server) joinCodeForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionJoinByInvitation, auth.Object{}); err != nil {
		return err
	}
	return joinCodePage.show(s, w, r, http.StatusOK, view{Title: "Join with a code", Form: r.URL.Query()}, noData{})
}

// joinCode opens the invitation a code names and shows it with the form
// to take it up.
func (s *Server) joinCode(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionJoinByInvitation, auth.Object{}); err != nil {
		return err
	}
	_ = r.ParseForm()
	key, inv, err := s.invitationByCode(w, r)
	if err != nil || inv == nil {
		return err
	}
	return s.showJoin(w, r, http.StatusOK, key, inv, nil)
}

// joinByCode takes up the invitation a code names. The code is checked
// and throttled here again: this form must not be a way round the wait.
func (s *Server) joinByCode(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionJoinByInvitation, auth.Object{}); err != nil {
		return err
	}
	_ = r.ParseForm()
	key, inv, err := s.invitationByCode(w, r)
	if err != nil || inv == nil {
		return err
	}
	return s.join(w, r, key, inv)
}

// invitationByCode reads the posted code and finds its invitation. When it
// cannot (the address must wait, the code is mistyped or opens nothing) it
// draws the code form again saying why, and returns no invitation. Every
// code that opens nothing counts against the address (auth.CodeWait); a
// code that works does not clear the count, so one real code cannot buy
// more guesses.
func (s *Server) invitationByCode(w http.ResponseWriter, r *http.Request) (round.Key, *round.Invitation, error) {
	again := func(status int, msg string) error {
		form := url.Values{"code": {r.PostForm.Get("code")}}
		return joinCodePage.show(s, w, r, status, view{Title: "Join with a code", Form: form,
			Errors: []apperr.FieldError{{Field: "code", Message: msg}}}, noData{})
	}
	addr, now := s.clientAddress(r), s.cfg.Now()
	wrong, latest, err := s.store.WrongCodes(r.Context(), addr, now.Add(-auth.CodeWindow))
	if err != nil {
		return round.Key{}, nil, err
	}
	if wait := auth.CodeWait(wrong, latest, now); wait > 0 {
		return round.Key{}, nil, again(http.StatusTooManyRequests, fmt.Sprintf("There have been too many wrong codes from here. Wait %s, then try again. "+
			"If you are sure of your code, ask the person who gave it to you for the invitation link instead.", minutesText(wait)))
	}
	code, problem := auth.ParseInviteCode(r.PostForm.Get("code"))
	if problem != "" {
		return round.Key{}, nil, again(http.StatusUnprocessableEntity, problem)
	}
	key := round.Key{Code: code}
	inv, err := s.store.RoundInvitation(r.Context(), key)
	if apperr.Code(err) == apperr.NotFound {
		if err := s.store.RecordWrongCode(r.Context(), addr); err != nil {
			return round.Key{}, nil, err
		}
		return round.Key{}, nil, again(http.StatusUnprocessableEntity, apperr.Message(err))
	} else if err != nil {
		return round.Key{}, nil, err
	}
	return key, inv, nil
}

// minutesText says a wait in whole minutes, rounded up: "1 minute", "32 minutes".
func minutesText(d time.Duration) string {
	m := int(d.Minutes())
	if float64(m) < d.Minutes() {
		m++
	}
	if m <= 1 {
		return "1 minute"
	}
	return fmt.Sprintf("%d minutes", m)
}
