package web

import (
	"net/http"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/peer"
	"github.com/coprod/coprod/internal/round"
)

// One referral, seen by the person, their peer supporter and the ULO's
// coordinators only; anyone else is told there is no such page.
var (
	peerReferralPage = page[peerReferralData]{"peer_referral"}
	peerConcernPage  = page[peerReferralData]{"peer_concern"}
	peerConcernsPage = page[peerConcernsData]{"peer_concerns"}
)

// relation is how the reader stands to a referral.
type relation struct {
	Coordinator, Supporter, Person bool
}

func orgObject(id string) auth.Object { return auth.Object{Type: auth.ScopeOrganisation, ID: id} }

// referralFor loads the referral in the path and the reader's relation to
// it; a reader with none gets "not found", so nobody learns it exists.
func (s *Server) referralFor(r *http.Request) (*peer.Referral, relation, error) {
	p := principal(r)
	if !p.SignedIn() {
		return nil, relation{}, errSignIn
	}
	x, err := s.store.Referral(r.Context(), r.PathValue("id"))
	if apperr.Code(err) == apperr.NotFound {
		return nil, relation{}, errNotFound
	} else if err != nil {
		return nil, relation{}, err
	}
	rel := relation{
		Coordinator: auth.Can(p, auth.ActionCoordinatePeer, orgObject(x.OrgID)),
		Supporter:   x.SupporterUserID == p.User.ID && auth.Can(p, auth.ActionSupportPeer, orgObject(x.OrgID)),
		Person:      x.PersonUserID == p.User.ID,
	}
	if !rel.Coordinator && !rel.Supporter && !rel.Person {
		return nil, relation{}, errNotFound
	}
	return x, rel, nil
}

// peerReferralData is a referral's page.
type peerReferralData struct {
	Referral    referralRow
	Rel         relation
	Suggestions []peer.Suggestion
	Contacts    []peer.Contact
	Goals       []peer.Goal
	Hows        []round.Option
	EndReasons  []round.Option
	GoalAnswers []round.Option
	Agreed      []round.Option
	CanRaise    bool
}

var agreedNotes = []round.Option{{Key: "yes", Label: "The person agreed to these notes"}}

var goalAnswers = []round.Option{{Key: "", Label: peer.GoalOpen.Label()}, {Key: string(peer.GoalMetYes), Label: peer.GoalMetYes.Label()},
	{Key: string(peer.GoalPartly), Label: peer.GoalPartly.Label()}, {Key: string(peer.GoalNotMet), Label: peer.GoalNotMet.Label()}}

func (s *Server) peerReferralData(r *http.Request, x *peer.Referral, rel relation) (peerReferralData, error) {
	d := peerReferralData{Referral: rowOf(*x, s.cfg.Now()), Rel: rel, Hows: optionsOf(peer.Hows), EndReasons: optionsOf(peer.EndReasons),
		GoalAnswers: goalAnswers, Agreed: agreedNotes, CanRaise: auth.Can(principal(r), auth.ActionRaiseConcern, orgObject(x.OrgID)) && (rel.Coordinator || rel.Supporter)}
	if x.State == peer.StateOffered && (rel.Coordinator || rel.Person) {
		sups, err := s.store.Supporters(r.Context(), x.OrgID)
		if err != nil {
			return d, err
		}
		matching := make([]peer.Supporter, len(sups))
		for i, sp := range sups {
			matching[i] = sp.Supporter
		}
		d.Suggestions = peer.Suggest(x.Need, matching)
	}
	var err error
	if d.Contacts, err = s.store.Contacts(r.Context(), x.ID); err != nil {
		return d, err
	}
	d.Goals, err = s.store.Goals(r.Context(), x.ID)
	return d, err
}

func (s *Server) showReferral(w http.ResponseWriter, r *http.Request, x *peer.Referral, rel relation, status int, errs []apperr.FieldError) error {
	d, err := s.peerReferralData(r, x, rel)
	if err != nil {
		return err
	}
	v := view{Title: "Peer support for " + x.Name, Errors: errs, Form: r.PostForm}
	if rel.Person && !rel.Coordinator {
		v.Title = "Your peer support"
	}
	return peerReferralPage.show(s, w, r, status, v, d)
}

func (s *Server) peerReferral(w http.ResponseWriter, r *http.Request) error {
	x, rel, err := s.referralFor(r)
	if err != nil {
		return err
	}
	return s.showReferral(w, r, x, rel, http.StatusOK, nil)
}

// referralAction authorises a change for readers whose relation allows it,
// runs it, and redirects back with the confirmation, or shows the page
// again with the problem.
func (s *Server) referralAction(w http.ResponseWriter, r *http.Request, allowed func(relation) bool, done string,
	act func(x *peer.Referral, rel relation) error) error {
	x, rel, err := s.referralFor(r)
	if err != nil {
		return err
	}
	if !allowed(rel) {
		return errForbidden
	}
	_ = r.ParseForm()
	if err := act(x, rel); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showReferral(w, r, x, rel, status, errs)
		})
	}
	http.Redirect(w, r, "/peer/referrals/"+x.ID+"?done="+done, http.StatusSeeOther)
	return nil
}

func coordinator(rel relation) bool          { return rel.Coordinator }
func coordinatorOrPerson(rel relation) bool  { return rel.Coordinator || rel.Person }
func coordinatorOrSupport(rel relation) bool { return rel.Coordinator || rel.Supporter }
func anyRelation(relation) bool              { return true }

func (s *Server) peerContacted(w http.ResponseWriter, r *http.Request) error {
	return s.referralAction(w, r, coordinator, "peer-contacted", func(x *peer.Referral, _ relation) error {
		var at time.Time
		if v := r.PostForm.Get("at"); v != "" {
			var m string
			if at, m = parseDeadline(v); m != "" {
				return apperr.Fields([]apperr.FieldError{{Field: "at", Message: m}})
			}
		}
		return s.store.FirstContact(r.Context(), x.ID, at)
	})
}

func (s *Server) peerChoose(w http.ResponseWriter, r *http.Request) error {
	return s.referralAction(w, r, coordinatorOrPerson, "peer-chosen", func(x *peer.Referral, rel relation) error {
		c := peer.Choice{SupporterID: r.PostForm.Get("supporter"), PersonChose: true}
		if rel.Coordinator && !rel.Person {
			c.WithCoordinator, c.PersonChose = true, r.PostForm.Get("person_chose") == "yes"
		}
		return s.store.Choose(r.Context(), x.ID, c)
	})
}

func (s *Server) peerSomeoneElse(w http.ResponseWriter, r *http.Request) error {
	return s.referralAction(w, r, coordinatorOrPerson, "peer-someone-else", func(x *peer.Referral, _ relation) error {
		return s.store.SomeoneElse(r.Context(), x.ID, r.PostForm.Get("supporter"))
	})
}

func (s *Server) peerDecline(w http.ResponseWriter, r *http.Request) error {
	return s.referralAction(w, r, coordinatorOrPerson, "peer-declined", func(x *peer.Referral, _ relation) error {
		return s.store.Decline(r.Context(), x.ID)
	})
}

func (s *Server) peerOfferAgain(w http.ResponseWriter, r *http.Request) error {
	return s.referralAction(w, r, coordinator, "peer-offered-again", func(x *peer.Referral, _ relation) error {
		return s.store.OfferAgain(r.Context(), x.ID)
	})
}

func (s *Server) peerEnd(w http.ResponseWriter, r *http.Request) error {
	return s.referralAction(w, r, coordinatorOrPerson, "peer-ended", func(x *peer.Referral, rel relation) error {
		reason := peer.EndReason(r.PostForm.Get("reason"))
		if !rel.Coordinator {
			reason = peer.EndPersonChose // the person ends it only by choosing to
		}
		return s.store.End(r.Context(), x.ID, reason)
	})
}

func (s *Server) peerAddContact(w http.ResponseWriter, r *http.Request) error {
	return s.referralAction(w, r, coordinatorOrSupport, "peer-contact-added", func(x *peer.Referral, _ relation) error {
		now := s.cfg.Now().In(round.London)
		c, err := contactForm(r.PostForm).Validate(time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC))
		if err != nil {
			return err
		}
		return s.store.AddContact(r.Context(), x.ID, c)
	})
}

func (s *Server) peerAddGoal(w http.ResponseWriter, r *http.Request) error {
	return s.referralAction(w, r, anyRelation, "peer-goal-saved", func(x *peer.Referral, _ relation) error {
		return s.store.AddGoal(r.Context(), x.ID, r.PostForm.Get("words"))
	})
}

func (s *Server) peerSetGoal(w http.ResponseWriter, r *http.Request) error {
	return s.referralAction(w, r, anyRelation, "peer-goal-saved", func(x *peer.Referral, _ relation) error {
		return s.store.SetGoal(r.Context(), x.ID, r.PathValue("goal"), peer.GoalMet(r.PostForm.Get("met")))
	})
}

// The safeguarding route: a concern goes to the ULO's safeguarding lead,
// and only the lead and the coordinators read it.
// concernFor loads the referral for a reader who may raise a concern about it.
func (s *Server) concernFor(r *http.Request) (*peer.Referral, peerReferralData, error) {
	x, rel, err := s.referralFor(r)
	if err != nil {
		return nil, peerReferralData{}, err
	}
	d, err := s.peerReferralData(r, x, rel)
	if err == nil && !d.CanRaise {
		err = errForbidden
	}
	return x, d, err
}

func (s *Server) peerConcernForm(w http.ResponseWriter, r *http.Request) error {
	_, d, err := s.concernFor(r)
	if err != nil {
		return err
	}
	return peerConcernPage.show(s, w, r, http.StatusOK, view{Title: "Raise a safeguarding concern"}, d)
}

func (s *Server) peerRaiseConcern(w http.ResponseWriter, r *http.Request) error {
	x, d, err := s.concernFor(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if err := s.store.RaiseConcern(r.Context(), x.ID, r.PostForm.Get("concern")); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return peerConcernPage.show(s, w, r, status, view{Title: "Raise a safeguarding concern", Errors: errs, Form: r.PostForm}, d)
		})
	}
	http.Redirect(w, r, "/peer/referrals/"+x.ID+"?done=peer-concern-raised", http.StatusSeeOther)
	return nil
}

// peerConcernsData is the ULO's safeguarding concerns.
type peerConcernsData struct {
	Org      *auth.Organisation
	Concerns []peer.Concern
}

func (s *Server) peerConcerns(w http.ResponseWriter, r *http.Request) error {
	org, err := s.peerOrgFor(r, auth.ActionViewConcerns)
	if err != nil {
		return err
	}
	cs, err := s.store.Concerns(r.Context(), org.ID)
	if err != nil {
		return err
	}
	return peerConcernsPage.show(s, w, r, http.StatusOK, view{Title: "Safeguarding concerns at " + org.Name}, peerConcernsData{Org: org, Concerns: cs})
}
