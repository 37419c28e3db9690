package web

import (
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/measure"
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
	// Drafted: the form holds a draft from the vision and the signed-off
	// specifications, not yet saved.
	Drafted bool
	// Decisions are the questions the group passed, one of which the
	// facilitator cites to make the page public.
	Decisions []round.Option
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
	if d.Publish {
		ps, err := s.store.Proposals(r.Context(), rd.ID, round.StatePassed)
		if err != nil {
			return d, err
		}
		for _, p := range ps {
			if p.Kind == round.KindQuestion {
				d.Decisions = append(d.Decisions, round.Option{Key: p.ID, Label: p.Title})
			}
		}
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
	if r.Method == http.MethodGet {
		// The form starts from what is saved, or else from a draft.
		in := pathway.Input{}
		if d.Pathway != nil {
			in = pathway.Input{Title: d.Pathway.Title, Plain: d.Pathway.Plain, EasyRead: d.Pathway.EasyRead, Contact: d.Pathway.Contact}
		} else if d.Edit {
			if in, err = s.pathwayDraft(r, rd, d.Vision); err != nil {
				return err
			}
			pg.Page.Drafted = true
		}
		v.Form = url.Values{"title": {in.Title}, "plain": {in.Plain}, "easy_read": {in.EasyRead}, "contact": {in.Contact}}
	}
	return pathwayEditPage.show(s, w, r, status, v, pg)
}

// pathwayDraft drafts the page from the group's vision and the newest
// version of each specification the group signed off.
func (s *Server) pathwayDraft(r *http.Request, rd *round.Round, vision []evidence.Statement) (pathway.Input, error) {
	specs, err := s.store.Specifications(r.Context(), rd.ID)
	if err != nil {
		return pathway.Input{}, err
	}
	var texts []pathway.SpecText
	for _, sp := range specs {
		for i := len(sp.Versions) - 1; i >= 0; i-- {
			if v := sp.Versions[i]; v.SignOff != nil {
				texts = append(texts, pathway.SpecText{Aims: v.Sections[measure.SectionAims], Service: v.Sections[measure.SectionServiceDescription],
					Access: v.Sections[measure.SectionAccess]})
				break
			}
		}
	}
	bodies := make([]string, len(vision))
	for i, st := range vision {
		bodies[i] = st.Body
	}
	return pathway.Draft(rd.Title, bodies, texts), nil
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
	if err := s.store.PublishPathway(r.Context(), rd.ID, publish, r.PostForm.Get("decision")); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showPathwayEdit(w, r, rd, status, errs)
		})
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
