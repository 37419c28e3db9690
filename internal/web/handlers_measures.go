package web

import (
	"math/big"
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/pictures"
	"github.com/coprod/coprod/internal/round"
)

// measureFuncs are the template functions of the measures area, added to
// every page's function map by parsePages.
var measureFuncs = map[string]any{
	"dec":   func(r *big.Rat) string { return measure.Dec(r) },
	"money": measure.FormatPence,
	"measureKinds": func() []round.Option {
		return []round.Option{{Key: string(measure.Experience), Label: measure.Experience.Label()},
			{Key: string(measure.Outcome), Label: measure.Outcome.Label()}, {Key: string(measure.Process), Label: measure.Process.Label()}}
	},
	"frequencies": func() []round.Option {
		return []round.Option{{Key: string(measure.Monthly), Label: "Every month"}, {Key: string(measure.Quarterly), Label: "Every quarter"},
			{Key: string(measure.SixMonthly), Label: "Every six months"}, {Key: string(measure.Annually), Label: "Every year"}}
	},
	"directions": func() []round.Option {
		return []round.Option{{Key: string(measure.Higher), Label: measure.Higher.Label()}, {Key: string(measure.Lower), Label: measure.Lower.Label()}}
	},
	"sections": func() []measure.SectionKey { return measure.SectionOrder },
	"curveTypes": func() []round.Option {
		return []round.Option{{Key: string(measure.Threshold), Label: "Threshold"}, {Key: string(measure.Linear), Label: "Linear"},
			{Key: string(measure.Banded), Label: "Bands"}}
	},
	"evidenceHref": evidenceHref,
	"usesFor":      func(roundID string, u chainUse) usesArgs { return usesArgs{roundID, u} },
	"frequencyLabel": func(f measure.Frequency) string {
		return map[measure.Frequency]string{measure.Monthly: "Every month", measure.Quarterly: "Every quarter",
			measure.SixMonthly: "Every six months", measure.Annually: "Every year"}[f]
	},
}

// usesArgs is what the "measureUses" template needs.
type usesArgs struct {
	RoundID string
	U       chainUse
}

// canManageMeasures: commissioners of the round, or of the round's
// commissioning organisation.
func canManageMeasures(r *http.Request, rd *round.Round) bool {
	p := principal(r)
	return auth.Can(p, auth.ActionManageMeasures, roundObject(rd.ID)) ||
		auth.Can(p, auth.ActionManageMeasures, auth.Object{Type: auth.ScopeOrganisation, ID: rd.OrgID})
}

// measureRoundFor loads the round in the path for readers of its
// measures; with manage set, only for those who manage them.
func (s *Server) measureRoundFor(r *http.Request, manage bool) (*round.Round, error) {
	if !manage {
		return s.roundFor(r, auth.ActionViewMeasures)
	}
	id := r.PathValue("id")
	rd, err := s.store.RoundByID(r.Context(), id)
	if err == nil && canManageMeasures(r, rd) {
		return rd, nil
	}
	// The organisation's commissioners were not enough: the round's own
	// rule refuses (sign in, or forbidden), or it allows and so only the
	// loading failed.
	if refused := allow(r, auth.ActionManageMeasures, roundObject(id)); refused != nil {
		return nil, refused
	}
	return nil, err
}

// measuresData is what the area's pages inside a round get: the round, for
// its navigation, what the reader may do here, and the page's own data.
type measuresData[T any] struct {
	Round  *round.Round
	Manage bool // write measures, specifications and contracts
	// Propose: put a proposal to the group, such as signing off a measure
	// or a version; only the group's decision signs anything off.
	Propose bool
	Page    T
}

func inRound[T any](r *http.Request, rd *round.Round, data T) measuresData[T] {
	return measuresData[T]{Round: rd, Manage: canManageMeasures(r, rd), Propose: can(r, auth.ActionPropose, rd.ID), Page: data}
}

// The pages of a round's measures.
var (
	measureListPage  = page[measuresData[listData[measure.Measure]]]{"measure_list"}
	measureNewPage   = page[measuresData[[]linkChoice]]{"measure_new"}
	measureShowPage  = page[measuresData[measureShowData]]{"measure_show"}
	measureChainPage = page[measuresData[chain]]{"measure_chain"}
)

func (s *Server) measureList(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.measureRoundFor(r, false)
	if err != nil {
		return err
	}
	after := r.URL.Query().Get("after")
	ms, next, err := s.store.Measures(r.Context(), rd.ID, after, 25)
	if err != nil {
		return err
	}
	return measureListPage.show(s, w, r, http.StatusOK, view{Title: "Measures", Form: formValues(r)},
		inRound(r, rd, listData[measure.Measure]{Items: ms, Next: nextPage(r, next), First: after == ""}))
}

// linkChoice is evidence a measure may be linked to, as "kind:id".
type linkChoice struct{ Value, Label string }

func (s *Server) linkChoices(r *http.Request, roundID string) ([]linkChoice, error) {
	var out []linkChoice
	st, err := s.store.Statements(r.Context(), roundID, round.Group, "")
	if err != nil {
		return nil, err
	}
	for _, x := range st {
		out = append(out, linkChoice{"vision:" + x.ID, "Vision: " + x.Body})
	}
	stories, err := s.visibleStories(r, roundID, round.Group)
	if err != nil {
		return nil, err
	}
	for _, x := range stories {
		out = append(out, linkChoice{"story:" + x.ID, "Story: " + x.Title})
	}
	fs, err := s.store.Factors(r.Context(), roundID, round.Group, "")
	if err != nil {
		return nil, err
	}
	for _, x := range fs {
		out = append(out, linkChoice{"factor:" + x.ID, "Factor: " + x.Description})
	}
	return out, nil
}

func (s *Server) measureNewForm(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.measureRoundFor(r, true)
	if err != nil {
		return err
	}
	return s.showMeasureNew(w, r, rd, http.StatusOK, nil)
}

func (s *Server) showMeasureNew(w http.ResponseWriter, r *http.Request, rd *round.Round, status int, errs []apperr.FieldError) error {
	links, err := s.linkChoices(r, rd.ID)
	if err != nil {
		return err
	}
	return measureNewPage.show(s, w, r, status, view{Title: "Write a measure", Errors: errs, Form: formValues(r)}, inRound(r, rd, links))
}

func (s *Server) measureCreate(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.measureRoundFor(r, true)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	m, fs := measureForm(r.PostForm, rd.ID)
	if fs = append(fs, apperr.FieldsOf(m.Validate())...); len(fs) > 0 {
		err = apperr.Fields(fs)
	} else {
		err = s.store.CreateMeasure(r.Context(), m)
	}
	if err != nil {
		return formProblem(formFields(err), func(status int, errs []apperr.FieldError) error {
			return s.showMeasureNew(w, r, rd, status, errs)
		})
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/measures/"+m.ID+"?done=measure-added", http.StatusSeeOther)
	return nil
}

// measureShowData is one measure: both wordings, its definition, what
// motivated it, whether it is ready for sign-off, and where it went.
type measureShowData struct {
	M       *measure.Measure
	Missing []apperr.FieldError // what stops sign-off
	Chain   chainUse
	Picture string // the picture chosen for it in Easy Read, if any
}

func (s *Server) measureShow(w http.ResponseWriter, r *http.Request) error {
	return s.showMeasure(w, r, http.StatusOK, nil)
}

func (s *Server) showMeasure(w http.ResponseWriter, r *http.Request, status int, errs []apperr.FieldError) error {
	rd, err := s.measureRoundFor(r, false)
	if err != nil {
		return err
	}
	m, err := s.store.MeasureByID(r.Context(), rd.ID, r.PathValue("mid"))
	if err != nil {
		return err
	}
	d := measureShowData{M: m}
	if m.SignOff == nil {
		d.Missing = apperr.FieldsOf(m.ReadyForSignOff())
	}
	ch, err := s.buildChain(r, rd.ID)
	if err != nil {
		return err
	}
	d.Chain = ch.uses[m.ID]
	d.Picture = s.chosenPictures(r, pictures.KindMeasure, []string{m.ID})[m.ID]
	return measureShowPage.show(s, w, r, status, view{Title: m.Title, Errors: errs, Form: formValues(r)}, inRound(r, rd, d))
}

// evidenceHref is where a piece of evidence linked to a measure is shown.
func evidenceHref(roundID string, l measure.EvidenceLink) string {
	switch evidence.Kind(l.Kind) {
	case evidence.KindStory:
		return "/rounds/" + roundID + "/stories/" + l.ID
	case evidence.KindFactor:
		return "/rounds/" + roundID + "/factors"
	}
	return "/rounds/" + roundID + "/chain#vision-" + l.ID
}

// measureFlash are this area's confirmations, shown after post/redirect/get.
var measureFlash = map[string]string{
	"measure-added":  "Measure saved. Link it to the group's evidence so the group can sign it off.",
	"spec-added":     "Specification started. Write its first version.",
	"version-added":  "New version saved.",
	"contract-added": "Contract saved. Set its payment profile next.",
	"profile-saved":  "Payment profile saved.",
	"reported":       "Values reported. Thank you.",
}
