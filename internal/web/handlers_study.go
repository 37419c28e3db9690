package web

import (
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/study"
)

// The research study pages (the reports and the comparison are beside
// their handlers).
var (
	studyListPage   = page[studyListData]{"study_list"}
	studyNewPage    = page[studyNewData]{"study_new"}
	studyShowPage   = page[studyShowData]{"study_show"}
	studyUploadPage = page[uploadData]{"study_upload"}
)

type studyListData struct {
	Items  []study.Study
	Next   url.Values
	First  bool
	Search string // the pager template's; studies have no search
}

func (s *Server) studyList(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionListStudies, auth.Object{}); err != nil {
		return err
	}
	p := principal(r)
	after := r.URL.Query().Get("after")
	page, err := s.store.ListStudies(r.Context(), study.StudyQuery{All: p.IsAdmin(), OrgIDs: p.ResearchOrgIDs(), After: after, Limit: 25})
	if err != nil {
		return err
	}
	return studyListPage.show(s, w, r, http.StatusOK, view{Title: "Research studies"},
		studyListData{Items: page.Items, Next: nextPage(r, page.Next), First: after == ""})
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

// showStudyNew draws the new study form, with the problems of a sent one.
func (s *Server) showStudyNew(w http.ResponseWriter, r *http.Request, status int, v view) error {
	orgs, err := s.studyOrgs(r)
	if err != nil {
		return err
	}
	v.Title = "Start a study"
	return studyNewPage.show(s, w, r, status, v, studyNewData{Orgs: orgs})
}

func (s *Server) studyNewForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionListStudies, auth.Object{}); err != nil {
		return err
	}
	return s.showStudyNew(w, r, http.StatusOK, view{Form: url.Values{}})
}

func (s *Server) studyCreate(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionListStudies, auth.Object{}); err != nil {
		return err
	}
	_ = r.ParseForm()
	n := newStudyForm(r.PostForm)
	err := n.Validate()
	if err == nil && !auth.Can(principal(r), auth.ActionCreateStudy, auth.Object{Type: auth.ScopeOrganisation, ID: n.OrgID}) {
		err = apperr.Fields([]apperr.FieldError{{Field: "org_id", Message: "You can only start a study for a research organisation you are a researcher of"}})
	}
	var st *study.Study
	if err == nil {
		st, err = s.store.CreateStudy(r.Context(), n)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showStudyNew(w, r, status, view{Errors: errs, Form: r.PostForm})
		})
	}
	http.Redirect(w, r, "/studies/"+st.ID+"?done=study-created", http.StatusSeeOther)
	return nil
}

// studyFor returns the study named in the path if the person may do
// action on it.
func (s *Server) studyFor(r *http.Request, action auth.Action) (*study.Study, error) {
	if !principal(r).SignedIn() {
		// Sign in first, so a visitor learns nothing about which studies exist.
		return nil, errSignIn
	}
	st, err := s.store.StudyByID(r.Context(), r.PathValue("study"))
	if err != nil {
		return nil, err
	}
	if err := allow(r, action, auth.Object{Type: auth.ScopeOrganisation, ID: st.OrgID}); err != nil {
		return nil, err
	}
	return st, nil
}

// transcriptFor returns the study and the transcript named in the path,
// checking the transcript belongs to the study.
func (s *Server) transcriptFor(r *http.Request, action auth.Action) (*study.Study, *study.Transcript, error) {
	st, err := s.studyFor(r, action)
	if err != nil {
		return nil, nil, err
	}
	t, err := s.store.TranscriptByID(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, nil, err
	}
	if t.StudyID != st.ID {
		return nil, nil, apperr.Errorf(apperr.NotFound, "No such transcript in this study")
	}
	return st, t, nil
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

func (s *Server) studyShow(w http.ResponseWriter, r *http.Request) error {
	st, err := s.studyFor(r, auth.ActionViewStudy)
	if err != nil {
		return err
	}
	after := r.URL.Query().Get("after")
	page, err := s.store.ListTranscripts(r.Context(), study.TranscriptQuery{StudyID: st.ID, After: after, Limit: 25})
	if err != nil {
		return err
	}
	d := studyShowData{Study: st, InterventionDate: study.FormatDate(st.InterventionDate), Next: nextPage(r, page.Next), First: after == "",
		CanManage: auth.Can(principal(r), auth.ActionManageStudy, auth.Object{Type: auth.ScopeOrganisation, ID: st.OrgID})}
	for _, t := range page.Items {
		d.Items = append(d.Items, transcriptRow{Transcript: t, Date: study.FormatDate(t.SessionDate), Phase: study.PhaseOf(t.SessionDate, st.InterventionDate).Label()})
	}
	return studyShowPage.show(s, w, r, http.StatusOK, view{Title: st.Title}, d)
}
