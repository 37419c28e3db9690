package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/qda"
)

var (
	codingListPage      = page[codingListData]{"coding_list"}
	codingNewPage       = page[studyNewData]{"coding_new"}
	codingShowPage      = page[codingShowData]{"coding_show"}
	codingSourceNewPage = page[codingProjectData]{"coding_source_new"}
)

type codingListData struct{ Items []qda.Project }

func (s *Server) codingList(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionListStudies, auth.Object{}); err != nil {
		return err
	}
	// The research organisations the reader works for; an administrator,
	// who may open every project as every study, sees them all.
	orgs, err := s.studyOrgs(r)
	if err != nil {
		return err
	}
	ids := make([]string, len(orgs))
	for i, o := range orgs {
		ids[i] = o.ID
	}
	items, err := s.store.ListProjects(r.Context(), ids)
	if err != nil {
		return err
	}
	return codingListPage.show(s, w, r, http.StatusOK, view{Title: "Coding projects"}, codingListData{Items: items})
}

func (s *Server) showCodingNew(w http.ResponseWriter, r *http.Request, status int, v view) error {
	orgs, err := s.studyOrgs(r)
	if err != nil {
		return err
	}
	v.Title = "Start a coding project"
	return codingNewPage.show(s, w, r, status, v, studyNewData{Orgs: orgs})
}

func (s *Server) codingNewForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionListStudies, auth.Object{}); err != nil {
		return err
	}
	return s.showCodingNew(w, r, http.StatusOK, view{Form: url.Values{"blind": {"yes"}}})
}

// codingCreate starts a project with the Social Practice Theory codebook.
func (s *Server) codingCreate(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionListStudies, auth.Object{}); err != nil {
		return err
	}
	_ = r.ParseForm()
	n := qda.NewProject{OrgID: r.PostForm.Get("org_id"), Title: r.PostForm.Get("title"), Description: r.PostForm.Get("description"),
		Blind: r.PostForm.Get("blind") == "yes"}
	err := n.Validate()
	if err == nil && !auth.Can(principal(r), auth.ActionCreateStudy, auth.Object{Type: auth.ScopeOrganisation, ID: n.OrgID}) {
		err = apperr.Fields([]apperr.FieldError{{Field: "org_id", Message: "You can only start a project for a research organisation you are a researcher of"}})
	}
	var p *qda.Project
	if err == nil {
		p, err = s.store.CreateProject(r.Context(), n)
	}
	if err == nil {
		err = s.store.AddPreset(r.Context(), p.ID, qda.SocialPracticeTheory())
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showCodingNew(w, r, status, view{Errors: errs, Form: r.PostForm})
		})
	}
	http.Redirect(w, r, "/coding/"+p.ID+"?done=coding-created", http.StatusSeeOther)
	return nil
}

// projectFor returns the project named in the path if the person may do
// action on it (a study action: see routes_coding.go).
func (s *Server) projectFor(r *http.Request, action auth.Action) (*qda.Project, error) {
	if !principal(r).SignedIn() {
		return nil, errSignIn
	}
	p, err := s.store.ProjectByID(r.Context(), r.PathValue("project"))
	if err != nil {
		return nil, err
	}
	if err := allow(r, action, auth.Object{Type: auth.ScopeOrganisation, ID: p.OrgID}); err != nil {
		return nil, err
	}
	return p, nil
}

// codingProjectData is a project with what every project page shows.
type codingProjectData struct {
	Project   *qda.Project
	Sources   []qda.Source
	Coders    []qda.Coder
	Codes     []*qda.Node
	Me        *qda.Coder // nil when the viewer does not code this project
	CanManage bool
}

func (s *Server) codingProject(r *http.Request, action auth.Action) (codingProjectData, error) {
	var d codingProjectData
	p, err := s.projectFor(r, action)
	if err != nil {
		return d, err
	}
	d.Project = p
	ctx := r.Context()
	if d.Sources, err = s.store.Sources(ctx, p.ID); err != nil {
		return d, err
	}
	if d.Coders, err = s.store.Coders(ctx, p.ID); err != nil {
		return d, err
	}
	codes, err := s.store.Codes(ctx, p.ID)
	if err != nil {
		return d, err
	}
	roots, err := qda.Tree(codes)
	if err != nil {
		return d, err
	}
	d.Codes = qda.Flatten(roots)
	me := principal(r).User.ID
	for i := range d.Coders {
		if d.Coders[i].UserID == me {
			d.Me = &d.Coders[i]
		}
	}
	d.CanManage = auth.Can(principal(r), auth.ActionManageStudy, auth.Object{Type: auth.ScopeOrganisation, ID: p.OrgID})
	return d, nil
}

type codingShowData struct {
	codingProjectData
	Submitted int // coders who have submitted
	// Candidates are the organisation's members who do not code the
	// project yet, for those who may manage it to add (the coder form).
	Candidates []auth.Membership
}

func (s *Server) codingShow(w http.ResponseWriter, r *http.Request) error {
	d, err := s.codingProject(r, auth.ActionViewStudy)
	if err != nil {
		return err
	}
	return s.showCodingProject(w, r, http.StatusOK, view{}, d)
}

// showCodingProject shows the project page, with the coder form's errors
// when v has them.
func (s *Server) showCodingProject(w http.ResponseWriter, r *http.Request, status int, v view, d codingProjectData) error {
	sd := codingShowData{codingProjectData: d}
	coding := map[string]bool{}
	for _, c := range d.Coders {
		coding[c.UserID] = true
		if c.SubmittedAt != nil {
			sd.Submitted++
		}
	}
	if d.CanManage {
		members, err := s.store.Members(r.Context(), d.Project.OrgID)
		if err != nil {
			return err
		}
		for _, m := range members {
			if !coding[m.UserID] {
				sd.Candidates = append(sd.Candidates, m)
			}
		}
	}
	v.Title = d.Project.Title
	return codingShowPage.show(s, w, r, status, v, sd)
}

func (s *Server) codingSourceForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.codingProject(r, auth.ActionManageStudy)
	if err != nil {
		return err
	}
	return codingSourceNewPage.show(s, w, r, http.StatusOK, view{Title: "Add a source", Form: url.Values{"units": {"sentences"}}}, d)
}

// codingSourceAdd adds a pasted text, or an uploaded file's text
// (uploadedText), with the names listed replaced by roles before it is
// stored.
func (s *Server) codingSourceAdd(w http.ResponseWriter, r *http.Request) error {
	d, err := s.codingProject(r, auth.ActionManageStudy)
	if err != nil {
		return err
	}
	again := func(status int, errs []apperr.FieldError) error {
		return codingSourceNewPage.show(s, w, r, status, view{Title: "Add a source", Errors: errs, Form: r.Form}, d)
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(maxUpload); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return again(http.StatusRequestEntityTooLarge, []apperr.FieldError{{Field: "file", Message: "The file is too big: the limit is 10 MB"}})
	}
	if err := cleanMultipart(r); err != nil {
		return err
	}
	text := r.Form.Get("text")
	var pages []int
	if f, hdr, err := r.FormFile("file"); err == nil {
		defer f.Close()
		extracted, starts, msg := uploadedText(f, hdr.Filename)
		if msg != "" {
			return again(http.StatusUnprocessableEntity, []apperr.FieldError{{Field: "file", Message: msg}})
		}
		if strings.TrimSpace(text) == "" {
			text, pages = extracted, starts
		}
	}
	names, namesErr := qda.ParseReplacements(r.Form.Get("names"))
	n := qda.NewSource{ProjectID: d.Project.ID, Title: r.Form.Get("title"), Text: text, PageStarts: pages, Replacements: names,
		Units: qda.UnitKind(r.Form.Get("units")), Attribute: r.Form.Get("attribute"), ConsentNote: r.Form.Get("consent_note")}
	err = n.Validate()
	if namesErr != nil {
		err = apperr.Fields(append(apperr.FieldsOf(namesErr), apperr.FieldsOf(err)...))
	}
	if err == nil && r.Form.Get("consent_confirmed") != "yes" {
		err = apperr.Fields([]apperr.FieldError{{Field: "consent_confirmed", Message: "Confirm that consent for research use was given"}})
	}
	if err == nil {
		_, err = s.store.AddSource(r.Context(), n)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return again(status, errs)
		})
	}
	http.Redirect(w, r, "/coding/"+d.Project.ID+"?done=source-added", http.StatusSeeOther)
	return nil
}

func (s *Server) codingSubmit(w http.ResponseWriter, r *http.Request) error {
	p, err := s.projectFor(r, auth.ActionViewStudy)
	if err != nil {
		return err
	}
	if err := s.store.Submit(r.Context(), p.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/coding/"+p.ID+"?done=coding-submitted", http.StatusSeeOther)
	return nil
}
