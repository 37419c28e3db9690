package web

import (
	"math/big"
	"net/http"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/measure"
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

// loadMeasureRound loads the round in the path for readers of its
// measures; with manage set, only for those who manage them.
func (s *Server) loadMeasureRound(w http.ResponseWriter, r *http.Request, manage bool) (*round.Round, bool) {
	id := r.PathValue("id")
	if manage {
		rd, err := s.store.RoundByID(r.Context(), id)
		if err == nil && canManageMeasures(r, rd) {
			return rd, true
		}
		// Not allowed (authorize writes sign-in or forbidden), or allowed
		// on a round that did not load.
		if s.authorize(w, r, auth.ActionManageMeasures, roundObject(id)) {
			s.fail(w, r, err)
		}
		return nil, false
	}
	return s.loadRound(w, r, auth.ActionViewMeasures)
}

// signerName is who a sign-off is recorded as: the member's pseudonym.
func (s *Server) signerName(r *http.Request, roundID string) (string, error) {
	p := principal(r)
	m, err := s.store.MemberForUser(r.Context(), roundID, p.User.ID)
	switch {
	case err == nil:
		return m.Pseudonym, nil
	case apperr.Code(err) == apperr.NotFound:
		return p.User.DisplayName, nil
	}
	return "", err
}

// measurePage is what the pages of the area get in roundPage.Page.
type measurePage struct {
	Manage  bool
	SignOff bool
	Data    any
}

func (s *Server) showMeasures(w http.ResponseWriter, r *http.Request, status int, page, title string, rd *round.Round, data any, errs []apperr.FieldError) {
	s.showRound(w, r, status, page, title, rd, measurePage{Manage: canManageMeasures(r, rd),
		SignOff: can(r, auth.ActionSignOff, rd.ID), Data: data}, errs)
}

func (s *Server) measureFormError(w http.ResponseWriter, r *http.Request, err error, page, title string, rd *round.Round, data any) {
	fs := apperr.FieldsOf(err)
	if len(fs) == 0 {
		s.fail(w, r, err)
		return
	}
	s.showMeasures(w, r, statusFor[apperr.Code(err)], page, title, rd, data, fs)
}

type measureListData struct {
	listData[measure.Measure]
}

func (s *Server) measureList(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadMeasureRound(w, r, false)
	if !ok {
		return
	}
	after := r.URL.Query().Get("after")
	ms, next, err := s.store.Measures(r.Context(), rd.ID, after, 25)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.showMeasures(w, r, http.StatusOK, "measure_list", "Measures", rd,
		listData[measure.Measure]{Items: ms, Next: nextPage(r, next), First: after == ""}, nil)
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

func (s *Server) measureNewForm(w http.ResponseWriter, r *http.Request) {
	s.measureNewPage(w, r, nil)
}

func (s *Server) measureNewPage(w http.ResponseWriter, r *http.Request, err error) {
	rd, ok := s.loadMeasureRound(w, r, true)
	if !ok {
		return
	}
	links, e := s.linkChoices(r, rd.ID)
	if e != nil {
		s.serverError(w, r, e)
		return
	}
	if err != nil {
		s.measureFormError(w, r, err, "measure_new", "Write a measure", rd, links)
		return
	}
	s.showMeasures(w, r, http.StatusOK, "measure_new", "Write a measure", rd, links, nil)
}

// lines splits a text area into its non-empty lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// measureFromForm reads the measure form; problems reading numbers come
// back as field errors.
func measureFromForm(r *http.Request, roundID string) (*measure.Measure, []apperr.FieldError) {
	f := r.PostForm
	m := &measure.Measure{RoundID: roundID, Kind: measure.Kind(f.Get("kind")), Title: f.Get("title"),
		PlainEnglish: strings.TrimSpace(f.Get("plain_english")), EasyRead: strings.TrimSpace(f.Get("easy_read")),
		Question: strings.TrimSpace(f.Get("question")), Numerator: strings.TrimSpace(f.Get("numerator")),
		Denominator: strings.TrimSpace(f.Get("denominator")), DataSource: strings.TrimSpace(f.Get("data_source")),
		Frequency: measure.Frequency(f.Get("frequency")), Direction: measure.Direction(f.Get("direction"))}
	var fs []apperr.FieldError
	positive := map[string]bool{}
	for _, l := range lines(f.Get("positive")) {
		positive[strings.ToLower(l)] = true
	}
	for _, l := range lines(f.Get("options")) {
		m.Options = append(m.Options, measure.ResponseOption{Label: l, Positive: positive[strings.ToLower(l)]})
		delete(positive, strings.ToLower(l))
	}
	if len(positive) > 0 {
		fs = append(fs, apperr.FieldError{Field: "positive", Message: "Copy the positive answers exactly from the list of answers"})
	}
	if m.Kind == measure.Experience {
		m.Direction = measure.Higher
	}
	for _, n := range []struct {
		name, label string
		to          **big.Rat
	}{{"baseline", "The baseline", &m.Baseline}, {"target", "The target", &m.Target}} {
		v := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f.Get(n.name)), "%"))
		if v == "" {
			continue
		}
		x, err := measure.ParseDecimal(v)
		if err != nil {
			fs = append(fs, apperr.FieldError{Field: n.name, Message: n.label + " must be a number, like 75 or 12.5"})
			continue
		}
		*n.to = x
	}
	seen := map[string]bool{}
	for _, l := range f["links"] {
		kind, id, _ := strings.Cut(l, ":")
		if !seen[l] {
			seen[l] = true
			m.Links = append(m.Links, measure.EvidenceLink{Kind: measure.EvidenceKind(kind), ID: id})
		}
	}
	return m, fs
}

// formFields folds indexed fields ("options[2]", "links[0]") into the
// form field they come from, so the error summary links to it.
func formFields(err error) error {
	fs := apperr.FieldsOf(err)
	if len(fs) == 0 {
		return err
	}
	for i := range fs {
		if k, _, ok := strings.Cut(fs[i].Field, "["); ok {
			fs[i].Field = k
		}
	}
	return &apperr.Error{Code: apperr.Code(err), Fields: fs, Message: apperr.Message(err)}
}

func (s *Server) measureCreate(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadMeasureRound(w, r, true)
	if !ok {
		return
	}
	_ = r.ParseForm()
	m, fs := measureFromForm(r, rd.ID)
	err := m.Validate()
	if fs = append(fs, apperr.FieldsOf(err)...); len(fs) > 0 {
		err = apperr.Fields(fs)
	} else {
		err = s.store.CreateMeasure(r.Context(), m)
	}
	if err != nil {
		s.measureNewPage(w, r, formFields(err))
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/measures/"+m.ID+"?done=measure-added", http.StatusSeeOther)
}

// measureShow is one measure: both wordings, its definition, what
// motivated it, whether it is ready for sign-off, and where it went.
type measureShowData struct {
	M       *measure.Measure
	Missing []apperr.FieldError // what stops sign-off
	Chain   chainUse
}

func (s *Server) measureShow(w http.ResponseWriter, r *http.Request) {
	s.measureShowPage(w, r, nil)
}

func (s *Server) measureShowPage(w http.ResponseWriter, r *http.Request, err error) {
	rd, ok := s.loadMeasureRound(w, r, false)
	if !ok {
		return
	}
	m, e := s.store.MeasureByID(r.Context(), rd.ID, r.PathValue("mid"))
	if e != nil {
		s.fail(w, r, e)
		return
	}
	d := measureShowData{M: m}
	if m.SignOff == nil {
		d.Missing = apperr.FieldsOf(m.ReadyForSignOff())
	}
	ch, e := s.buildChain(r, rd.ID)
	if e != nil {
		s.serverError(w, r, e)
		return
	}
	d.Chain = ch.uses[m.ID]
	if err != nil {
		s.measureFormError(w, r, err, "measure_show", m.Title, rd, d)
		return
	}
	s.showMeasures(w, r, http.StatusOK, "measure_show", m.Title, rd, d, nil)
}

func (s *Server) measureSignOff(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionSignOff)
	if !ok {
		return
	}
	by, err := s.signerName(r, rd.ID)
	if err == nil {
		err = s.store.SignOffMeasure(r.Context(), rd.ID, r.PathValue("mid"), by)
	}
	if err != nil {
		if len(apperr.FieldsOf(err)) > 0 {
			s.measureShowPage(w, r, err)
			return
		}
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/measures/"+r.PathValue("mid")+"?done=measure-signed", http.StatusSeeOther)
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
	"measure-signed": "Measure signed off for the group.",
	"spec-added":     "Specification started. Write its first version.",
	"version-added":  "New version saved.",
	"version-signed": "Version signed off for the group.",
	"contract-added": "Contract saved. Set its payment profile next.",
	"profile-saved":  "Payment profile saved.",
	"reported":       "Values reported. Thank you.",
}
