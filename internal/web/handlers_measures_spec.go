package web

import (
	"net/http"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/round"
)

func (s *Server) specList(w http.ResponseWriter, r *http.Request) {
	s.specListPage(w, r, nil)
}

func (s *Server) specListPage(w http.ResponseWriter, r *http.Request, err error) {
	rd, ok := s.loadMeasureRound(w, r, false)
	if !ok {
		return
	}
	specs, e := s.store.Specifications(r.Context(), rd.ID)
	if e != nil {
		s.serverError(w, r, e)
		return
	}
	if err != nil {
		s.measureFormError(w, r, err, "spec_list", "Service specifications", rd, specs)
		return
	}
	s.showMeasures(w, r, http.StatusOK, "spec_list", "Service specifications", rd, specs, nil)
}

func (s *Server) specCreate(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadMeasureRound(w, r, true)
	if !ok {
		return
	}
	_ = r.ParseForm()
	sp, err := s.store.CreateSpecification(r.Context(), rd.ID, r.PostForm.Get("title"))
	if err != nil {
		s.specListPage(w, r, err)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/specs/"+sp.ID+"/versions/new?done=spec-added", http.StatusSeeOther)
}

// loadSpec loads the specification in the path for readers of the round.
func (s *Server) loadSpec(w http.ResponseWriter, r *http.Request, manage bool) (*round.Round, *measure.Specification, bool) {
	rd, ok := s.loadMeasureRound(w, r, manage)
	if !ok {
		return nil, nil, false
	}
	sp, err := s.store.SpecificationByID(r.Context(), rd.ID, r.PathValue("sid"))
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return rd, sp, true
}

func (s *Server) specShow(w http.ResponseWriter, r *http.Request) {
	rd, sp, ok := s.loadSpec(w, r, false)
	if !ok {
		return
	}
	s.showMeasures(w, r, http.StatusOK, "spec_show", sp.Title, rd, sp, nil)
}

// versionForm offers the sections, filled from the latest version, and the
// signed-off measures for the indicators table.
type versionForm struct {
	Spec     *measure.Specification
	Measures []measure.Measure
}

func (s *Server) specVersionForm(w http.ResponseWriter, r *http.Request) {
	s.specVersionPage(w, r, nil)
}

func (s *Server) specVersionPage(w http.ResponseWriter, r *http.Request, err error) {
	rd, sp, ok := s.loadSpec(w, r, true)
	if !ok {
		return
	}
	ms, e := s.allMeasures(r.Context(), rd.ID)
	if e != nil {
		s.serverError(w, r, e)
		return
	}
	d := versionForm{Spec: sp}
	for _, m := range ms {
		if m.Status() == measure.SignedOff {
			d.Measures = append(d.Measures, m)
		}
	}
	title := "Write version " + strconv.Itoa(len(sp.Versions)+1)
	if err != nil {
		s.measureFormError(w, r, err, "spec_version_new", title, rd, d)
		return
	}
	if v := sp.Latest(); v != nil && r.Method == http.MethodGet {
		// Start from the latest version's text and measures.
		q := r.URL.Query()
		for k, body := range v.Sections {
			q.Set(string(k), body)
		}
		for _, row := range v.Indicators {
			q.Add("measures", row.MeasureID)
		}
		r.URL.RawQuery = q.Encode()
	}
	s.showMeasures(w, r, http.StatusOK, "spec_version_new", title, rd, d, nil)
}

func (s *Server) specVersionCreate(w http.ResponseWriter, r *http.Request) {
	rd, sp, ok := s.loadSpec(w, r, true)
	if !ok {
		return
	}
	_ = r.ParseForm()
	sections := map[measure.SectionKey]string{}
	for _, k := range measure.SectionOrder {
		if k != measure.SectionIndicators {
			sections[k] = r.PostForm.Get(string(k))
		}
	}
	v, err := s.store.AddSpecVersion(r.Context(), rd.ID, sp.ID, sections, r.PostForm["measures"])
	if err != nil {
		s.specVersionPage(w, r, err)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/specs/"+sp.ID+"/versions/"+strconv.Itoa(v.Number)+"?done=version-added", http.StatusSeeOther)
}

// specVersionData is one version, printable, with each indicator's chain.
type specVersionData struct {
	Spec    *measure.Specification
	V       *measure.Version
	Chain   chain
	Compare int // the previous version's number, 0 when none
}

func (s *Server) loadVersion(w http.ResponseWriter, r *http.Request) (*round.Round, *measure.Specification, *measure.Version, bool) {
	rd, sp, ok := s.loadSpec(w, r, false)
	if !ok {
		return nil, nil, nil, false
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 1 || n > len(sp.Versions) {
		s.notFound(w, r)
		return nil, nil, nil, false
	}
	return rd, sp, &sp.Versions[n-1], true
}

func (s *Server) specVersionShow(w http.ResponseWriter, r *http.Request) {
	rd, sp, v, ok := s.loadVersion(w, r)
	if !ok {
		return
	}
	ch, err := s.buildChain(r, rd.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.showMeasures(w, r, http.StatusOK, "spec_version", sp.Title+", version "+strconv.Itoa(v.Number), rd,
		specVersionData{Spec: sp, V: v, Chain: ch, Compare: v.Number - 1}, nil)
}

func (s *Server) specVersionMarkdown(w http.ResponseWriter, r *http.Request) {
	_, sp, v, ok := s.loadVersion(w, r)
	if !ok {
		return
	}
	download(w, "text/markdown; charset=utf-8", "specification-v"+strconv.Itoa(v.Number)+".md")
	w.Write([]byte(v.Markdown(sp.Title)))
}

func (s *Server) specVersionSignOff(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionSignOff)
	if !ok {
		return
	}
	n, _ := strconv.Atoi(r.PathValue("n"))
	by, err := s.signerName(r, rd.ID)
	if err == nil {
		err = s.store.SignOffSpecVersion(r.Context(), rd.ID, r.PathValue("sid"), n, by)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/specs/"+r.PathValue("sid")+"/versions/"+strconv.Itoa(n)+"?done=version-signed", http.StatusSeeOther)
}

// specCompareData is the word-level comparison of two versions.
type specCompareData struct {
	Spec  *measure.Specification
	A, B  *measure.Version
	Diffs []measure.SectionDiff
}

func (s *Server) specCompare(w http.ResponseWriter, r *http.Request) {
	rd, sp, ok := s.loadSpec(w, r, false)
	if !ok {
		return
	}
	q := r.URL.Query()
	a, errA := strconv.Atoi(q.Get("a"))
	b, errB := strconv.Atoi(q.Get("b"))
	var fs []apperr.FieldError
	if errA != nil || a < 1 || a > len(sp.Versions) {
		fs = append(fs, apperr.FieldError{Field: "a", Message: "Select the older version to compare"})
	}
	if errB != nil || b < 1 || b > len(sp.Versions) {
		fs = append(fs, apperr.FieldError{Field: "b", Message: "Select the newer version to compare"})
	}
	d := specCompareData{Spec: sp}
	if len(fs) > 0 {
		s.showMeasures(w, r, http.StatusUnprocessableEntity, "spec_compare", "Compare versions", rd, d, fs)
		return
	}
	d.A, d.B = &sp.Versions[a-1], &sp.Versions[b-1]
	d.Diffs = measure.CompareVersions(d.A, d.B)
	s.showMeasures(w, r, http.StatusOK, "spec_compare", "Compare version "+strconv.Itoa(a)+" with version "+strconv.Itoa(b), rd, d, nil)
}
