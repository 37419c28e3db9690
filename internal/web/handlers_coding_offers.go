package web

import (
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/qda"
)

// Research that feeds commissioning, on the project's side: a researcher
// offers a coded segment to a round, sees where the project's research
// went, and records that consent for a source was withdrawn.
var (
	codingOffersPage  = page[codingOffersData]{"coding_offers"}
	codingOfferPage   = page[codingOfferData]{"coding_offer"}
	codingConsentPage = page[codingConsentData]{"coding_consent"}
)

type codingOffersData struct {
	codingProjectData
	Offers    []qda.Offer
	Withdrawn map[string]bool // sources whose consent was withdrawn
}

// codingOffers lists what the project offered to rounds, and the consent
// of each source.
func (s *Server) codingOffers(w http.ResponseWriter, r *http.Request) error {
	d, err := s.codingProject(r, auth.ActionViewStudy)
	if err != nil {
		return err
	}
	o := codingOffersData{codingProjectData: d}
	if o.Offers, err = s.store.ProjectOffers(r.Context(), d.Project.ID); err != nil {
		return err
	}
	if o.Withdrawn, err = s.store.WithdrawnSources(r.Context(), d.Project.ID); err != nil {
		return err
	}
	return codingOffersPage.show(s, w, r, http.StatusOK, view{Title: "Research offered to commissioning"}, o)
}

type codingOfferData struct {
	codingProjectData
	Segment retrievedSegment
	Rounds  []qda.RoundChoice
}

// codingOfferFor finds the segment named in the path among those the
// viewer may see (the store's blind rule), with its words.
func (s *Server) codingOfferFor(r *http.Request) (codingOfferData, error) {
	d, err := s.codingSegmentsFor(r)
	if err != nil {
		return codingOfferData{}, err
	}
	if !d.CanManage {
		return codingOfferData{}, apperr.Errorf(apperr.Forbidden, "Only the researchers of %s offer its research", d.Project.OrgName)
	}
	o := codingOfferData{codingProjectData: d.codingProjectData}
	for _, it := range d.Items {
		if it.ID == r.PathValue("segment") {
			o.Segment = it
		}
	}
	if o.Segment.ID == "" {
		return o, apperr.Errorf(apperr.NotFound, "No such coded segment, or it is not yours to see yet")
	}
	o.Rounds, err = s.store.OfferRounds(r.Context())
	return o, err
}

func (s *Server) codingOfferForm(w http.ResponseWriter, r *http.Request) error {
	o, err := s.codingOfferFor(r)
	if err != nil {
		return err
	}
	return codingOfferPage.show(s, w, r, http.StatusOK, view{Title: "Offer a segment to a round", Form: url.Values{}}, o)
}

func (s *Server) codingOfferSave(w http.ResponseWriter, r *http.Request) error {
	o, err := s.codingOfferFor(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	n := qda.NewOffer{SegmentID: o.Segment.ID, RoundID: r.PostForm.Get("round_id"), Theme: r.PostForm.Get("theme"), Note: r.PostForm.Get("note")}
	err = n.Validate()
	if err == nil {
		_, err = s.store.OfferSegment(r.Context(), n)
	}
	if apperr.Code(err) == apperr.Conflict && len(apperr.FieldsOf(err)) == 0 {
		err = apperr.Fields([]apperr.FieldError{{Field: "round_id", Message: apperr.Message(err)}})
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return codingOfferPage.show(s, w, r, status, view{Title: "Offer a segment to a round", Errors: errs, Form: r.PostForm}, o)
		})
	}
	http.Redirect(w, r, "/coding/"+o.Project.ID+"/offers?done=segment-offered", http.StatusSeeOther)
	return nil
}

type codingConsentData struct {
	codingProjectData
	Source qda.Source
	Offers []qda.Offer // the source's offers, which withdrawal hides
}

// codingConsentFor reads the source named in the path and its offers, for
// those who may manage the project.
func (s *Server) codingConsentFor(r *http.Request) (codingConsentData, error) {
	d, err := s.codingProject(r, auth.ActionManageStudy)
	if err != nil {
		return codingConsentData{}, err
	}
	c := codingConsentData{codingProjectData: d}
	for _, src := range d.Sources {
		if src.ID == r.PathValue("source") {
			c.Source = src
		}
	}
	if c.Source.ID == "" {
		return c, apperr.Errorf(apperr.NotFound, "This project has no such source")
	}
	offers, err := s.store.ProjectOffers(r.Context(), d.Project.ID)
	for _, o := range offers {
		if o.SourceID == c.Source.ID {
			c.Offers = append(c.Offers, o)
		}
	}
	return c, err
}

func (s *Server) codingConsentForm(w http.ResponseWriter, r *http.Request) error {
	c, err := s.codingConsentFor(r)
	if err != nil {
		return err
	}
	return codingConsentPage.show(s, w, r, http.StatusOK, view{Title: "Consent withdrawn for " + c.Source.Title}, c)
}

// codingConsentWithdraw records the withdrawal once the researcher has
// confirmed it: it cannot be undone.
func (s *Server) codingConsentWithdraw(w http.ResponseWriter, r *http.Request) error {
	c, err := s.codingConsentFor(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if r.PostForm.Get("confirm") != "yes" {
		err = apperr.Fields([]apperr.FieldError{{Field: "confirm", Message: "Confirm that consent for research use of " + c.Source.Title + " was withdrawn"}})
	} else {
		err = s.store.WithdrawConsent(r.Context(), c.Project.ID, c.Source.ID)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return codingConsentPage.show(s, w, r, status, view{Title: "Consent withdrawn for " + c.Source.Title, Errors: errs, Form: r.PostForm}, c)
		})
	}
	http.Redirect(w, r, "/coding/"+c.Project.ID+"/offers?done=consent-withdrawn", http.StatusSeeOther)
	return nil
}
