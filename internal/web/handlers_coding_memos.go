package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/qda"
)

// Memos on a project's sources and codes (issue 18): each researcher's
// own, beside the others' they may see under the blind rule. Memos on a
// coder's coding of one unit are on the coding page (handlers_coding_memo.go).
var codingMemosPage = page[codingMemosData]{"coding_memos"}

type codingMemosData struct {
	codingProjectData
	Target            qda.MemoTarget
	TargetID, Name    string // the source's title or the code's name
	About             string // the code's definition, or the source's consent
	Mine              string // the viewer's memo
	Others            []qda.Memo
	Action, BackLink  string
	BackText, Heading string
}

// codingMemosFor reads the source or code named in the path and the
// memos on it the viewer may see.
func (s *Server) codingMemosFor(r *http.Request, target qda.MemoTarget) (codingMemosData, error) {
	d, err := s.codingProject(r, auth.ActionViewStudy)
	if err != nil {
		return codingMemosData{}, err
	}
	m := codingMemosData{codingProjectData: d, Target: target}
	base := "/coding/" + d.Project.ID
	switch target {
	case qda.MemoOnSource:
		for _, src := range d.Sources {
			if src.ID == r.PathValue("source") {
				m.TargetID, m.Name, m.About = src.ID, src.Title, "Consent for research use: "+src.ConsentNote
				m.Action, m.BackLink, m.BackText = base+"/sources/"+src.ID+"/memos", base+"/sources/"+src.ID, "Back to "+src.Title
				m.Heading = "Memos on the source " + src.Title
			}
		}
	case qda.MemoOnCode:
		for _, c := range d.Codes {
			if c.ID == r.PathValue("code") {
				m.TargetID, m.Name, m.About = c.ID, c.Name, c.Definition
				m.Action, m.BackLink, m.BackText = base+"/codes/"+c.ID+"/memos", base+"/codebook#code-"+c.ID, "Back to the codebook"
				m.Heading = "Memos on the code " + c.Name
			}
		}
	}
	if m.TargetID == "" {
		return m, apperr.Errorf(apperr.NotFound, "This project has no such %s", string(target))
	}
	memos, err := s.store.Memos(r.Context(), d.Project.ID, target, m.TargetID)
	for _, memo := range memos {
		if memo.AuthorID == principal(r).User.ID {
			m.Mine = memo.Body
		} else {
			m.Others = append(m.Others, memo)
		}
	}
	return m, err
}

func (s *Server) codingMemos(target qda.MemoTarget) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		m, err := s.codingMemosFor(r, target)
		if err != nil {
			return err
		}
		return codingMemosPage.show(s, w, r, http.StatusOK, view{Title: m.Heading}, m)
	}
}

func (s *Server) codingMemosSave(target qda.MemoTarget) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		m, err := s.codingMemosFor(r, target)
		if err != nil {
			return err
		}
		_ = r.ParseForm()
		body, err := qda.CleanMemo(r.PostForm.Get("memo"))
		if err == nil {
			err = s.store.SetMemo(r.Context(), m.Project.ID, target, m.TargetID, body)
		}
		if err != nil {
			return formProblem(err, func(status int, errs []apperr.FieldError) error {
				return codingMemosPage.show(s, w, r, status, view{Title: m.Heading, Errors: errs, Form: r.PostForm}, m)
			})
		}
		http.Redirect(w, r, m.Action+"?done=memo-kept", http.StatusSeeOther)
		return nil
	}
}
