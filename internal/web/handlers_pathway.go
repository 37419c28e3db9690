package web

import (
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/pathway"
	"github.com/coprod/coprod/internal/round"
)

var (
	pathwayEditPage   = page[roundPage[pathwayEditData]]{"pathway_edit"}
	pathwayPublicPage = page[pathwayPublicData]{"pathway_public"}
)

// pathwayEditData is the group's page with the vision it is written from.
type pathwayEditData struct {
	Pathway *pathway.Pathway // nil before it is written
	Vision  []evidence.Statement
	Edit    bool // members and facilitators write it
	Publish bool // facilitators publish it
	Address string
}

func (s *Server) pathwayEditData(r *http.Request, rd *round.Round) (pathwayEditData, error) {
	d := pathwayEditData{Edit: can(r, auth.ActionContribute, rd.ID), Publish: can(r, auth.ActionRunGroup, rd.ID)}
	p, err := s.store.Pathway(r.Context(), rd.ID)
	switch {
	case err == nil:
		d.Pathway, d.Address = p, s.baseURL(r)+"/p/"+p.Slug
	case apperr.Code(err) != apperr.NotFound:
		return d, err
	}
	d.Vision, err = s.store.Statements(r.Context(), rd.ID, round.Group, "")
	return d, err
}

func (s *Server) showPathwayEdit(w http.ResponseWriter, r *http.Request, rd *round.Round, status int, errs []apperr.FieldError) error {
	d, err := s.pathwayEditData(r, rd)
	if err != nil {
		return err
	}
	pg, err := newRoundPage[pathwayEditData](s, r, rd)
	if err != nil {
		return err
	}
	pg.Page = d
	v := view{Title: "How to get support: the group's page", Errors: errs, Form: r.PostForm}
	if r.Method == http.MethodGet && d.Pathway != nil {
		// The form starts from what is saved.
		v.Form = url.Values{"title": {d.Pathway.Title}, "plain": {d.Pathway.Plain}, "easy_read": {d.Pathway.EasyRead}, "contact": {d.Pathway.Contact}}
	}
	return pathwayEditPage.show(s, w, r, status, v, pg)
}

func (s *Server) pathwayForm(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionViewGroupContent)
	if err != nil {
		return err
	}
	return s.showPathwayEdit(w, r, rd, http.StatusOK, nil)
}

func (s *Server) pathwaySave(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionContribute)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	in := pathway.Input{Title: r.PostForm.Get("title"), Plain: r.PostForm.Get("plain"), EasyRead: r.PostForm.Get("easy_read"),
		Contact: r.PostForm.Get("contact")}
	if _, err := s.store.SavePathway(r.Context(), rd.ID, in); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showPathwayEdit(w, r, rd, status, errs)
		})
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/pathway?done=pathway-saved", http.StatusSeeOther)
	return nil
}

func (s *Server) pathwayPublish(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionRunGroup)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	publish := r.PostForm.Get("publish") == "yes"
	if err := s.store.PublishPathway(r.Context(), rd.ID, publish); err != nil {
		return err
	}
	done := "pathway-unpublished"
	if publish {
		done = "pathway-published"
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/pathway?done="+done, http.StatusSeeOther)
	return nil
}

// pathwayPublicData is the public page or its poster.
type pathwayPublicData struct {
	Pathway  *pathway.Pathway
	Plain    []string // paragraphs
	EasyRead []string
	Address  string
	Poster   bool
}

func (s *Server) pathwayPublicData(r *http.Request) (pathwayPublicData, error) {
	slug := r.PathValue("slug")
	if !pathway.ValidSlug(slug) {
		return pathwayPublicData{}, errNotFound
	}
	p, err := s.store.PathwayBySlug(r.Context(), slug)
	if apperr.Code(err) == apperr.NotFound {
		return pathwayPublicData{}, errNotFound
	} else if err != nil {
		return pathwayPublicData{}, err
	}
	return pathwayPublicData{Pathway: p, Plain: pathway.Paragraphs(p.Plain), EasyRead: pathway.Paragraphs(p.EasyRead),
		Address: s.baseURL(r) + "/p/" + p.Slug}, nil
}

func (s *Server) pathwayPublic(w http.ResponseWriter, r *http.Request) error {
	d, err := s.pathwayPublicData(r)
	if err != nil {
		return err
	}
	return pathwayPublicPage.show(s, w, r, http.StatusOK, view{Title: d.Pathway.Title}, d)
}

func (s *Server) pathwayPoster(w http.ResponseWriter, r *http.Request) error {
	d, err := s.pathwayPublicData(r)
	if err != nil {
		return err
	}
	d.Poster = true
	return pathwayPublicPage.show(s, w, r, http.StatusOK, view{Title: d.Pathway.Title + " (poster)"}, d)
}
