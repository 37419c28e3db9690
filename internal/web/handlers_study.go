package web

import (
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/study"
)

type studyListData struct {
	Items  []study.Study
	Next   url.Values
	First  bool
	Search string // the pager template's; studies have no search
}

func (s *Server) studyList(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionListStudies, auth.Object{}) {
		return
	}
	p := principal(r)
	after := r.URL.Query().Get("after")
	page, err := s.store.ListStudies(r.Context(), study.StudyQuery{All: p.IsAdmin(), OrgIDs: p.ResearchOrgIDs(), After: after, Limit: 25})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "study_list", view{Title: "Research studies",
		Data: studyListData{Items: page.Items, Next: nextPage(r, page.Next), First: after == ""}})
}

// studyOrgs returns the research organisations the person may create a
// study in: every one for an admin, those they are a researcher of otherwise.
func (s *Server) studyOrgs(r *http.Request) ([]auth.Organisation, error) {
	p := principal(r)
	var orgs []auth.Organisation
	if p.IsAdmin() {
		all, err := s.allOrgs(r)
		if err != nil {
			return nil, err
		}
		orgs = all
	} else {
		for _, id := range p.ResearchOrgIDs() {
			o, err := s.store.OrganisationByID(r.Context(), id)
			if err != nil {
				return nil, err
			}
			orgs = append(orgs, *o)
		}
	}
	var out []auth.Organisation
	for _, o := range orgs {
		if o.Kind == auth.KindResearch {
			out = append(out, o)
		}
	}
	return out, nil
}

type studyNewData struct{ Orgs []auth.Organisation }

func (s *Server) studyNewForm(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionListStudies, auth.Object{}) {
		return
	}
	orgs, err := s.studyOrgs(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "study_new", view{Title: "Start a study", Form: url.Values{}, Data: studyNewData{Orgs: orgs}})
}

func (s *Server) studyCreate(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionListStudies, auth.Object{}) {
		return
	}
	_ = r.ParseForm()
	n := study.NewStudy{OrgID: r.PostForm.Get("org_id"), Title: r.PostForm.Get("title"),
		Description: r.PostForm.Get("description"), InterventionDate: r.PostForm.Get("intervention_date")}
	err := n.Validate()
	if err == nil && !auth.Can(principal(r), auth.ActionCreateStudy, auth.Object{Type: auth.ScopeOrganisation, ID: n.OrgID}) {
		err = apperr.Fields([]apperr.FieldError{{Field: "org_id", Message: "You can only start a study for a research organisation you are a researcher of"}})
	}
	var st *study.Study
	if err == nil {
		st, err = s.store.CreateStudy(r.Context(), n)
	}
	if err != nil {
		s.formError(w, r, err, "study_new", "Start a study", func() any {
			orgs, _ := s.studyOrgs(r)
			return studyNewData{Orgs: orgs}
		})
		return
	}
	http.Redirect(w, r, "/studies/"+st.ID+"?done=study-created", http.StatusSeeOther)
}

// loadStudy returns the study named in the path if the person may do
// action on it, or writes the error page.
func (s *Server) loadStudy(w http.ResponseWriter, r *http.Request, action auth.Action) (*study.Study, bool) {
	if !principal(r).SignedIn() {
		// Sign in first, so a visitor learns nothing about which studies exist.
		s.authorize(w, r, action, auth.Object{})
		return nil, false
	}
	st, err := s.store.StudyByID(r.Context(), r.PathValue("study"))
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	if !s.authorize(w, r, action, auth.Object{Type: auth.ScopeOrganisation, ID: st.OrgID}) {
		return nil, false
	}
	return st, true
}

// loadTranscript returns the study and the transcript named in the path,
// checking the transcript belongs to the study.
func (s *Server) loadTranscript(w http.ResponseWriter, r *http.Request, action auth.Action) (*study.Study, *study.Transcript, bool) {
	st, ok := s.loadStudy(w, r, action)
	if !ok {
		return nil, nil, false
	}
	t, err := s.store.TranscriptByID(r.Context(), r.PathValue("id"))
	if err == nil && t.StudyID != st.ID {
		err = apperr.Errorf(apperr.NotFound, "No such transcript in this study")
	}
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return st, t, true
}

// transcriptRow is one session in the study's list.
type transcriptRow struct {
	study.Transcript
	Date  string
	Phase string
}

type studyShowData struct {
	Study            *study.Study
	InterventionDate string
	Items            []transcriptRow
	Next             url.Values
	First            bool
	Search           string
	CanManage        bool
}

func (s *Server) studyShow(w http.ResponseWriter, r *http.Request) {
	st, ok := s.loadStudy(w, r, auth.ActionViewStudy)
	if !ok {
		return
	}
	after := r.URL.Query().Get("after")
	page, err := s.store.ListTranscripts(r.Context(), study.TranscriptQuery{StudyID: st.ID, After: after, Limit: 25})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := studyShowData{Study: st, InterventionDate: study.FormatDate(st.InterventionDate), Next: nextPage(r, page.Next), First: after == "",
		CanManage: auth.Can(principal(r), auth.ActionManageStudy, auth.Object{Type: auth.ScopeOrganisation, ID: st.OrgID})}
	for _, t := range page.Items {
		d.Items = append(d.Items, transcriptRow{Transcript: t, Date: study.FormatDate(t.SessionDate), Phase: study.PhaseOf(t.SessionDate, st.InterventionDate).Label()})
	}
	s.render(w, r, http.StatusOK, "study_show", view{Title: st.Title, Data: d})
}
