package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/findings"
	"github.com/coprod/coprod/internal/pictures"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/readability"
)

// Findings back to the group: each round's three documents as pages, print
// pages, large print and Word documents. Facilitators edit and release;
// members read released versions only.
var (
	findingsListPage = page[roundPage[findingsListData]]{"findings_list"}
	findingsDocPage  = page[roundPage[findingsDocData]]{"findings_doc"}
	findingsEditPage = page[roundPage[findingsEditData]]{"findings_edit"}
)

var findingsFlash = map[string]string{
	"findings-saved":     "Your changes are saved. The group sees them only when you give the document to them.",
	"findings-refreshed": "The document has been made again from the round's data. Your changes to points are kept.",
	"findings-released":  "The group can now read this document.",
}

type findingsListData struct {
	Docs []findingsRow
	Edit bool
}

type findingsRow struct {
	Kind   findings.Kind
	Stored *findings.Stored
}

type findingsDocData struct {
	Doc    findings.Document
	Stored *findings.Stored
	// Draft is true when the page shows the facilitator's draft.
	Draft, Edit, Print, Large bool
}

type findingsEditData struct {
	Stored *findings.Stored
	Points []findingsEditPoint
}

// findingsEditPoint is one point on the edit form with what the Easy Read
// checker says of its words.
type findingsEditPoint struct {
	N       int
	Section string
	findings.Point
	Issues []string
}

// findingsFor authorises action on the round in the path and reads the
// document named by {kind}.
func (s *Server) findingsFor(r *http.Request, action auth.Action) (*round.Round, findings.Kind, *findings.Stored, error) {
	rd, err := s.roundFor(r, action)
	if err != nil {
		return nil, "", nil, err
	}
	k, ok := findings.ParseKind(r.PathValue("kind"))
	if !ok {
		return nil, "", nil, errNotFound
	}
	st, err := s.store.FindingsDocument(r.Context(), rd.ID, k)
	return rd, k, st, err
}

func (s *Server) findingsList(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionViewFindings)
	if err != nil {
		return err
	}
	d := findingsListData{Edit: can(r, auth.ActionEditFindings, rd.ID)}
	for _, k := range findings.Kinds {
		st, err := s.store.FindingsDocument(r.Context(), rd.ID, k)
		if err != nil {
			return err
		}
		if d.Edit || st.Released != nil {
			d.Docs = append(d.Docs, findingsRow{Kind: k, Stored: st})
		}
	}
	p, err := newRoundPage[findingsListData](s, r, rd)
	if err != nil {
		return err
	}
	p.Page = d
	return findingsListPage.show(s, w, r, http.StatusOK, view{Title: "What we found out", Flash: findingsFlash[r.URL.Query().Get("done")]}, p)
}

// findingsVersion is the version the reader gets: a facilitator the draft
// (or the released one when asking for it), everyone else the released one,
// and nothing (not found) before it is released.
func findingsVersion(r *http.Request, rd *round.Round, st *findings.Stored) (findings.Document, bool, error) {
	if can(r, auth.ActionEditFindings, rd.ID) && (r.URL.Query().Get("version") != "released" || st.Released == nil) {
		return st.Draft.Included(), true, nil
	}
	if st.Released == nil {
		return findings.Document{}, false, errNotFound
	}
	return st.Released.Included(), false, nil
}

func (s *Server) findingsShow(w http.ResponseWriter, r *http.Request) error {
	return s.findingsDocument(w, r, false)
}

func (s *Server) findingsPrint(w http.ResponseWriter, r *http.Request) error {
	return s.findingsDocument(w, r, true)
}

func (s *Server) findingsDocument(w http.ResponseWriter, r *http.Request, print bool) error {
	rd, _, st, err := s.findingsFor(r, auth.ActionViewFindings)
	if err != nil {
		return err
	}
	doc, draft, err := findingsVersion(r, rd, st)
	if err != nil {
		return err
	}
	p, err := newRoundPage[findingsDocData](s, r, rd)
	if err != nil {
		return err
	}
	p.Page = findingsDocData{Doc: doc, Stored: st, Draft: draft, Edit: can(r, auth.ActionEditFindings, rd.ID),
		Print: print, Large: r.URL.Query().Get("size") == "large"}
	title := doc.Title
	if print {
		title += " (to print)"
	}
	return findingsDocPage.show(s, w, r, http.StatusOK, view{Title: title, Flash: findingsFlash[r.URL.Query().Get("done")]}, p)
}

func (s *Server) findingsWord(w http.ResponseWriter, r *http.Request) error {
	rd, _, st, err := s.findingsFor(r, auth.ActionViewFindings)
	if err != nil {
		return err
	}
	doc, _, err := findingsVersion(r, rd, st)
	if err != nil {
		return err
	}
	large := r.URL.Query().Get("size") == "large"
	b, err := findingsDocx(doc, large)
	if err != nil {
		return err
	}
	name := doc.Title
	if large {
		name += " (large print)"
	}
	download(w, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", safeFileName(rd.Title+" - "+name)+".docx")
	_, err = w.Write(b)
	return err
}

func (s *Server) findingsEditForm(w http.ResponseWriter, r *http.Request) error {
	rd, _, st, err := s.findingsFor(r, auth.ActionEditFindings)
	if err != nil {
		return err
	}
	return s.showFindingsEdit(w, r, rd, st, st.Draft, http.StatusOK, nil)
}

func (s *Server) showFindingsEdit(w http.ResponseWriter, r *http.Request, rd *round.Round, st *findings.Stored, d findings.Document, status int, errs []apperr.FieldError) error {
	p, err := newRoundPage[findingsEditData](s, r, rd)
	if err != nil {
		return err
	}
	p.Page = findingsEditData{Stored: st}
	n := 0
	for _, sec := range d.Sections {
		for _, pt := range sec.Points {
			p.Page.Points = append(p.Page.Points, findingsEditPoint{N: n, Section: sec.Heading, Point: pt, Issues: easyReadIssues(pt.Text)})
			n++
		}
	}
	return findingsEditPage.show(s, w, r, status, view{Title: "Change: " + d.Title, Errors: errs}, p)
}

// easyReadIssues is what the product's Easy Read checker says about a
// point's words, one line an issue.
func easyReadIssues(text string) []string {
	var out []string
	rep := readability.AnalyzeText(text, readability.EasyRead())
	for _, is := range rep.Issues {
		m := "“" + is.Text + "”: " + is.Message
		if is.Suggestion != "" {
			m += " " + is.Suggestion
		}
		out = append(out, m)
	}
	return out
}

func (s *Server) findingsEdit(w http.ResponseWriter, r *http.Request) error {
	rd, k, st, err := s.findingsFor(r, auth.ActionEditFindings)
	if err != nil {
		return err
	}
	e := findingsEditForm(r)
	e.KnownPicture = pictures.Valid
	if err := s.store.EditFindings(r.Context(), rd.ID, k, e); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showFindingsEdit(w, r, rd, st, submittedDocument(st.Draft, e), status, errs)
		})
	}
	http.Redirect(w, r, findingsPath(rd.ID, k)+"?done=findings-saved", http.StatusSeeOther)
	return nil
}

func (s *Server) findingsRefresh(w http.ResponseWriter, r *http.Request) error {
	rd, k, _, err := s.findingsFor(r, auth.ActionEditFindings)
	if err != nil {
		return err
	}
	if err := s.store.RefreshFindings(r.Context(), rd.ID, k); err != nil {
		return err
	}
	http.Redirect(w, r, findingsPath(rd.ID, k)+"?done=findings-refreshed", http.StatusSeeOther)
	return nil
}

func (s *Server) findingsRelease(w http.ResponseWriter, r *http.Request) error {
	rd, k, _, err := s.findingsFor(r, auth.ActionEditFindings)
	if err != nil {
		return err
	}
	if err := s.store.ReleaseFindings(r.Context(), rd.ID, k); err != nil {
		return err
	}
	http.Redirect(w, r, findingsPath(rd.ID, k)+"?done=findings-released", http.StatusSeeOther)
	return nil
}

func findingsPath(roundID string, k findings.Kind) string {
	return "/rounds/" + roundID + "/findings/" + string(k)
}

// submittedDocument is the draft with the facilitator's submitted words,
// to draw the form again with their errors.
func submittedDocument(d findings.Document, e findings.Edit) findings.Document {
	out := findings.Document{Kind: d.Kind, Title: d.Title}
	i := 0
	for _, s := range d.Sections {
		ns := findings.Section{Key: s.Key, Heading: s.Heading}
		for _, p := range s.Points {
			if i < len(e.Points) && e.Points[i].Key == p.Key {
				pe := e.Points[i]
				p = findings.Point{Key: p.Key, Text: pe.Text, Picture: pe.Picture, Include: pe.Include}
			}
			ns.Points = append(ns.Points, p)
			i++
		}
		out.Sections = append(out.Sections, ns)
	}
	return out
}
