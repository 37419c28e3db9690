package web

import (
	"net/http"
	"slices"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/peer"
	"github.com/coprod/coprod/internal/round"
)

// Peer support's pages for the ULO: its offers and time standards, its
// peer supporters, its referrals with what is overdue, and its own figures.
var (
	peerHomePage      = page[peerHomeData]{"peer_home"}
	peerOrgPage       = page[peerOrgData]{"peer_org"}
	peerSupporterPage = page[peerSupporterData]{"peer_supporter_new"}
)

// peerHomeData is what peer support holds for the reader: their own
// referrals, the people they support, the ULOs they coordinate or lead
// safeguarding for.
type peerHomeData struct {
	Mine, Supporting []peer.Referral
	Coordinates      []round.Option // organisation id and name
	Leads            []round.Option
	CanRefer         bool
}

func (s *Server) peerHome(w http.ResponseWriter, r *http.Request) error {
	p := principal(r)
	d := peerHomeData{CanRefer: auth.Can(p, auth.ActionReferPeer, auth.Object{})}
	if p.SignedIn() {
		var err error
		if d.Mine, err = s.store.ReferralsOf(r.Context(), p.User.ID); err != nil {
			return err
		}
		if d.Supporting, err = s.store.ReferralsSupportedBy(r.Context(), p.User.ID); err != nil {
			return err
		}
		if d.Coordinates, err = s.orgOptions(r, p.PeerOrgIDs(auth.RoleCoordinator)); err != nil {
			return err
		}
		if d.Leads, err = s.orgOptions(r, p.PeerOrgIDs(auth.RoleSafeguardingLead)); err != nil {
			return err
		}
	}
	return peerHomePage.show(s, w, r, http.StatusOK, view{Title: "Peer support"}, d)
}

func (s *Server) orgOptions(r *http.Request, ids []string) ([]round.Option, error) {
	var out []round.Option
	for _, id := range ids {
		o, err := s.store.OrganisationByID(r.Context(), id)
		if err != nil {
			return nil, err
		}
		out = append(out, round.Option{Key: o.ID, Label: o.Name})
	}
	return out, nil
}

// peerOrgFor authorises action on the ULO in the path and loads it.
func (s *Server) peerOrgFor(r *http.Request, action auth.Action) (*auth.Organisation, error) {
	id := r.PathValue("org")
	if err := allow(r, action, auth.Object{Type: auth.ScopeOrganisation, ID: id}); err != nil {
		return nil, err
	}
	return s.store.OrganisationByID(r.Context(), id)
}

// peerOrgData is the coordinator's page of one ULO.
type peerOrgData struct {
	Org        *auth.Organisation
	Offers     []peer.Offer
	Supporters []peer.SupporterRecord
	Referrals  []referralRow
	Measures   []peer.Measures
	Triggers   []round.Option
	Units      []round.Option
	Divisions  []round.Option
}

// referralRow is a referral with when first contact is due and whether it
// is overdue now.
type referralRow struct {
	peer.Referral
	DueBy   time.Time
	ByEndOf bool // the standard is in working days: due by the end of DueBy's day
	Overdue bool
}

func rowOf(x peer.Referral, now time.Time) referralRow {
	row := referralRow{Referral: x, ByEndOf: x.Standard.Unit == peer.WorkingDays}
	row.DueBy, _ = x.Standard.DueBy(x.Referred)
	if x.State == peer.StateWaiting {
		within, err := x.Standard.Within(x.Referred, now)
		row.Overdue = err == nil && !within
	}
	return row
}

func (s *Server) peerOrgData(r *http.Request, org *auth.Organisation) (peerOrgData, error) {
	d := peerOrgData{Org: org, Triggers: optionsOf(peer.Triggers), Units: unitOptions, Divisions: divisionOptions()}
	var err error
	if d.Offers, err = s.store.Offers(r.Context(), org.ID); err != nil {
		return d, err
	}
	if d.Supporters, err = s.store.Supporters(r.Context(), org.ID); err != nil {
		return d, err
	}
	refs, err := s.store.Referrals(r.Context(), org.ID)
	if err != nil {
		return d, err
	}
	now := s.cfg.Now()
	facts := make([]peer.Facts, len(refs))
	for i, x := range refs {
		d.Referrals = append(d.Referrals, rowOf(x, now))
		facts[i] = x.Facts()
	}
	// Waiting first, the longest overdue at the top; the rest newest first.
	slices.SortStableFunc(d.Referrals, func(a, b referralRow) int {
		aw, bw := a.State == peer.StateWaiting, b.State == peer.StateWaiting
		switch {
		case aw && !bw:
			return -1
		case bw && !aw:
			return 1
		case aw && bw:
			return a.DueBy.Compare(b.DueBy)
		}
		return 0
	})
	d.Measures, err = peer.Compute(facts, now)
	return d, err
}

func (s *Server) peerOrg(w http.ResponseWriter, r *http.Request) error {
	org, err := s.peerOrgFor(r, auth.ActionCoordinatePeer)
	if err != nil {
		return err
	}
	d, err := s.peerOrgData(r, org)
	if err != nil {
		return err
	}
	return peerOrgPage.show(s, w, r, http.StatusOK, view{Title: "Peer support at " + org.Name}, d)
}

func (s *Server) peerSetOffer(w http.ResponseWriter, r *http.Request) error {
	org, err := s.peerOrgFor(r, auth.ActionCoordinatePeer)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if err := s.store.SetOffer(r.Context(), offerForm(org.ID, r.PostForm)); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			d, err := s.peerOrgData(r, org)
			if err != nil {
				return err
			}
			return peerOrgPage.show(s, w, r, status, view{Title: "Peer support at " + org.Name, Errors: errs, Form: r.PostForm}, d)
		})
	}
	http.Redirect(w, r, "/peer/orgs/"+org.ID+"?done=peer-offer-saved", http.StatusSeeOther)
	return nil
}

// peerSupporterData is the form for a new peer supporter.
type peerSupporterData struct {
	Org *auth.Organisation
	Yes []round.Option
}

func (s *Server) peerSupporterForm(w http.ResponseWriter, r *http.Request) error {
	org, err := s.peerOrgFor(r, auth.ActionCoordinatePeer)
	if err != nil {
		return err
	}
	return peerSupporterPage.show(s, w, r, http.StatusOK, view{Title: "Add a peer supporter"}, peerSupporterData{Org: org, Yes: yesOption})
}

func (s *Server) peerAddSupporter(w http.ResponseWriter, r *http.Request) error {
	org, err := s.peerOrgFor(r, auth.ActionCoordinatePeer)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	again := func(status int, errs []apperr.FieldError) error {
		return peerSupporterPage.show(s, w, r, status, view{Title: "Add a peer supporter", Errors: errs, Form: r.PostForm}, peerSupporterData{Org: org, Yes: yesOption})
	}
	rec, err := supporterForm(r.PostForm).Validate(org.ID)
	if err != nil {
		return formProblem(err, again)
	}
	// Their account, if they have one, lets them see the people who chose them.
	if email := auth.NormaliseEmail(r.PostForm.Get("email")); email != "" {
		u, err := s.store.UserByEmail(r.Context(), email)
		if apperr.Code(err) == apperr.NotFound {
			return again(http.StatusUnprocessableEntity, []apperr.FieldError{{Field: "email",
				Message: "No account has this email address. Leave it empty, or invite them to make an account first"}})
		} else if err != nil {
			return err
		}
		rec.UserID = u.ID
	}
	if _, err := s.store.AddSupporter(r.Context(), rec); err != nil {
		return formProblem(err, again)
	}
	http.Redirect(w, r, "/peer/orgs/"+org.ID+"?done=peer-supporter-added", http.StatusSeeOther)
	return nil
}
