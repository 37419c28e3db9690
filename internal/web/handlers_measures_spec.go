package web

import (
	"net/http"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/round"
)

// The pages of a round's service specifications.
var (
	specListPage       = page[measuresData[[]measure.Specification]]{"spec_list"}
	specShowPage       = page[measuresData[*measure.Specification]]{"spec_show"}
	specVersionNewPage = page[measuresData[versionFormData]]{"spec_version_new"}
	specVersionPage    = page[measuresData[specVersionData]]{"spec_version"}
	specComparePage    = page[measuresData[specCompareData]]{"spec_compare"}
)

func (s *Server) specList(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.measureRoundFor(r, false)
	if err != nil {
		return err
	}
	return s.showSpecList(w, r, rd, http.StatusOK, nil)
}

func (s *Server) showSpecList(w http.ResponseWriter, r *http.Request, rd *round.Round, status int, errs []apperr.FieldError) error {
	specs, err := s.store.Specifications(r.Context(), rd.ID)
	if err != nil {
		return err
	}
	return specListPage.show(s, w, r, status, view{Title: "Service specifications", Errors: errs, Form: formValues(r)}, inRound(r, rd, specs))
}

func (s *Server) specCreate(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.measureRoundFor(r, true)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	sp, err := s.store.CreateSpecification(r.Context(), rd.ID, r.PostForm.Get("title"))
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showSpecList(w, r, rd, status, errs)
		})
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/specs/"+sp.ID+"/versions/new?done=spec-added", http.StatusSeeOther)
	return nil
}

// specFor loads the specification in the path for readers of the round;
// with manage set, only for those who manage its measures.
func (s *Server) specFor(r *http.Request, manage bool) (*round.Round, *measure.Specification, error) {
	rd, err := s.measureRoundFor(r, manage)
	if err != nil {
		return nil, nil, err
	}
	sp, err := s.store.SpecificationByID(r.Context(), rd.ID, r.PathValue("sid"))
	return rd, sp, err
}

func (s *Server) specShow(w http.ResponseWriter, r *http.Request) error {
	rd, sp, err := s.specFor(r, false)
	if err != nil {
		return err
	}
	return specShowPage.show(s, w, r, http.StatusOK, view{Title: sp.Title, Form: formValues(r)}, inRound(r, rd, sp))
}

// versionFormData offers the sections, filled from the latest version, and
// the signed-off measures for the indicators table.
type versionFormData struct {
	Spec     *measure.Specification
	Measures []measure.Measure
}

func (s *Server) specVersionForm(w http.ResponseWriter, r *http.Request) error {
	rd, sp, err := s.specFor(r, true)
	if err != nil {
		return err
	}
	form := r.URL.Query()
	if v := sp.Latest(); v != nil {
		form = versionValues(form, v) // start from the latest version's text and measures
	}
	return s.showVersionForm(w, r, rd, sp, http.StatusOK, view{Form: form})
}

func (s *Server) showVersionForm(w http.ResponseWriter, r *http.Request, rd *round.Round, sp *measure.Specification, status int, v view) error {
	ms, err := s.allMeasures(r.Context(), rd.ID)
	if err != nil {
		return err
	}
	d := versionFormData{Spec: sp}
	for _, m := range ms {
		if m.Status() == measure.SignedOff {
			d.Measures = append(d.Measures, m)
		}
	}
	v.Title = "Write version " + strconv.Itoa(len(sp.Versions)+1)
	return specVersionNewPage.show(s, w, r, status, v, inRound(r, rd, d))
}

func (s *Server) specVersionCreate(w http.ResponseWriter, r *http.Request) error {
	rd, sp, err := s.specFor(r, true)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	v, err := s.store.AddSpecVersion(r.Context(), rd.ID, sp.ID, versionSections(r.PostForm), r.PostForm["measures"])
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showVersionForm(w, r, rd, sp, status, view{Errors: errs, Form: r.PostForm})
		})
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/specs/"+sp.ID+"/versions/"+strconv.Itoa(v.Number)+"?done=version-added", http.StatusSeeOther)
	return nil
}

// specVersionData is one version, printable, with each indicator's chain.
type specVersionData struct {
	Spec    *measure.Specification
	V       *measure.Version
	Chain   chain
	Compare int // the previous version's number, 0 when none
}

// versionFor loads the version in the path for readers of the round.
func (s *Server) versionFor(r *http.Request) (*round.Round, *measure.Specification, *measure.Version, error) {
	rd, sp, err := s.specFor(r, false)
	if err != nil {
		return nil, nil, nil, err
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 1 || n > len(sp.Versions) {
		return nil, nil, nil, errNotFound
	}
	return rd, sp, &sp.Versions[n-1], nil
}

func (s *Server) specVersionShow(w http.ResponseWriter, r *http.Request) error {
	rd, sp, v, err := s.versionFor(r)
	if err != nil {
		return err
	}
	ch, err := s.buildChain(r, rd.ID)
	if err != nil {
		return err
	}
	return specVersionPage.show(s, w, r, http.StatusOK, view{Title: sp.Title + ", version " + strconv.Itoa(v.Number), Form: formValues(r)},
		inRound(r, rd, specVersionData{Spec: sp, V: v, Chain: ch, Compare: v.Number - 1}))
}

func (s *Server) specVersionMarkdown(w http.ResponseWriter, r *http.Request) error {
	_, sp, v, err := s.versionFor(r)
	if err != nil {
		return err
	}
	download(w, "text/markdown; charset=utf-8", "specification-v"+strconv.Itoa(v.Number)+".md")
	w.Write([]byte(v.Markdown(sp.Title)))
	return nil
}

// specCompareData is the word-level comparison of two versions.
type specCompareData struct {
	Spec  *measure.Specification
	A, B  *measure.Version
	Diffs []measure.SectionDiff
}

func (s *Server) specCompare(w http.ResponseWriter, r *http.Request) error {
	rd, sp, err := s.specFor(r, false)
	if err != nil {
		return err
	}
	a, b, fs := compareForm(r.URL.Query(), len(sp.Versions))
	d := specCompareData{Spec: sp}
	if len(fs) > 0 {
		return specComparePage.show(s, w, r, http.StatusUnprocessableEntity, view{Title: "Compare versions", Errors: fs, Form: formValues(r)},
			inRound(r, rd, d))
	}
	d.A, d.B = &sp.Versions[a-1], &sp.Versions[b-1]
	d.Diffs = measure.CompareVersions(d.A, d.B)
	return specComparePage.show(s, w, r, http.StatusOK, view{Title: "Compare version " + strconv.Itoa(a) + " with version " + strconv.Itoa(b),
		Form: formValues(r)}, inRound(r, rd, d))
}
