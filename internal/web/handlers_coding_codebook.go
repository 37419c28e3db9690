package web

import (
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/refiqda"
)

// Codebook editing (issue 18): the codebook with its guidance, a code added
// or changed (name, place, definition, when to use and not, example,
// colour), moved among its siblings, the life-domains preset added, and
// the codebook downloaded as REFI-QDA (.qdc); importing one is the
// project's import page.
var (
	codingCodebookPage = page[codingCodebookData]{"coding_codebook"}
	codingCodePage     = page[codingCodeData]{"coding_code"}
)

// codingCodebookData is the codebook, with which codes are first or last
// among their siblings (they cannot move further).
type codingCodebookData struct {
	codingProjectData
	First, Last map[string]bool
}

func (s *Server) codingCodebook(w http.ResponseWriter, r *http.Request) error {
	d, err := s.codingProject(r, auth.ActionViewStudy)
	if err != nil {
		return err
	}
	c := codingCodebookData{codingProjectData: d, First: map[string]bool{}, Last: map[string]bool{}}
	seen := map[string]bool{} // parents whose first child has been met
	last := map[string]string{}
	for _, n := range d.Codes {
		if !seen[n.ParentID] {
			seen[n.ParentID], c.First[n.ID] = true, true
		}
		last[n.ParentID] = n.ID
	}
	for _, id := range last {
		c.Last[id] = true
	}
	return codingCodebookPage.show(s, w, r, http.StatusOK, view{Title: "Codebook of " + d.Project.Title}, c)
}

// codingCodebookQDC downloads the codebook as a REFI-QDA .qdc file.
func (s *Server) codingCodebookQDC(w http.ResponseWriter, r *http.Request) error {
	p, err := s.projectFor(r, auth.ActionViewStudy)
	if err != nil {
		return err
	}
	codes, err := s.store.Codes(r.Context(), p.ID)
	if err != nil {
		return err
	}
	if len(codes) == 0 {
		return apperr.Errorf(apperr.NotFound, "The codebook has no codes to download yet")
	}
	cb, err := qda.CodebookREFI(codes)
	if err != nil {
		return err
	}
	download(w, "application/xml", "coprod-codebook-"+p.ID+".qdc")
	if err := refiqda.WriteQDC(w, cb); err != nil {
		s.log.Error("codebook export stopped", "project", p.ID, "err", err)
	}
	return nil
}

// codingPresetAdd adds the life domains and risk and protective factors
// of the rounds to the codebook, in one go.
func (s *Server) codingPresetAdd(w http.ResponseWriter, r *http.Request) error {
	p, err := s.projectFor(r, auth.ActionManageStudy)
	if err != nil {
		return err
	}
	if err := s.store.AddPreset(r.Context(), p.ID, qda.LifeDomains()); err != nil {
		if apperr.Code(err) == apperr.Conflict {
			return apperr.Errorf(apperr.Conflict, "The codebook already has codes of that name: the life domains are there already, or rename the codes in the way first")
		}
		return err
	}
	http.Redirect(w, r, "/coding/"+p.ID+"/codebook?done=preset-added", http.StatusSeeOther)
	return nil
}

// codingCodeData is the form for a new code (Code nil) or a code's changes.
type codingCodeData struct {
	codingProjectData
	Code *qda.Node
	// Parents are the codes it may go under: all but itself and the codes
	// below it, each named with the codes above it.
	Parents []codeChoice
}

// codeChoice is a code as a choice of place: "Materials › Equipment".
type codeChoice struct{ ID, Label string }

// codingCodeFor reads the project and the code named in the path ("" for
// a new code), for those who may manage the project.
func (s *Server) codingCodeFor(r *http.Request) (codingCodeData, error) {
	d, err := s.codingProject(r, auth.ActionManageStudy)
	if err != nil {
		return codingCodeData{}, err
	}
	c := codingCodeData{codingProjectData: d}
	id := r.PathValue("code")
	below := map[string]bool{}
	for _, n := range d.Codes {
		if n.ID == id {
			c.Code = n
			for _, d := range qda.Flatten([]*qda.Node{n}) {
				below[d.ID] = true
			}
		}
	}
	if id != "" && c.Code == nil {
		return c, apperr.Errorf(apperr.NotFound, "This codebook has no such code")
	}
	label := map[string]string{}
	for _, n := range d.Codes { // in reading order: a parent before its codes
		label[n.ID] = n.Name
		if n.ParentID != "" {
			label[n.ID] = label[n.ParentID] + " › " + n.Name
		}
		if !below[n.ID] {
			c.Parents = append(c.Parents, codeChoice{n.ID, label[n.ID]})
		}
	}
	return c, nil
}

// codeForm reads the code form.
func codeForm(projectID string, f url.Values) qda.NewCode {
	return qda.NewCode{ProjectID: projectID, ParentID: f.Get("parent_id"), Name: f.Get("name"), Definition: f.Get("definition"),
		WhenToUse: f.Get("when_to_use"), WhenNotToUse: f.Get("when_not_to_use"), Example: f.Get("example"), Color: f.Get("color")}
}

func (s *Server) showCodingCode(w http.ResponseWriter, r *http.Request, status int, v view, c codingCodeData) error {
	v.Title = "Add a code"
	if c.Code != nil {
		v.Title = "Change the code " + c.Code.Name
	}
	return codingCodePage.show(s, w, r, status, v, c)
}

func (s *Server) codingCodeForm(w http.ResponseWriter, r *http.Request) error {
	c, err := s.codingCodeFor(r)
	if err != nil {
		return err
	}
	f := url.Values{"color": {"#767676"}, "parent_id": {r.URL.Query().Get("parent")}}
	if n := c.Code; n != nil {
		f = url.Values{"name": {n.Name}, "parent_id": {n.ParentID}, "definition": {n.Definition}, "when_to_use": {n.WhenToUse},
			"when_not_to_use": {n.WhenNotToUse}, "example": {n.Example}, "color": {n.Color}}
	}
	return s.showCodingCode(w, r, http.StatusOK, view{Form: f}, c)
}

// codingCodeSave adds the code, or saves the changes to it.
func (s *Server) codingCodeSave(w http.ResponseWriter, r *http.Request) error {
	c, err := s.codingCodeFor(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	n := codeForm(c.Project.ID, r.PostForm)
	err = n.Validate()
	done := "code-added"
	if err == nil && c.Code == nil {
		_, err = s.store.AddCode(r.Context(), n)
		if apperr.Code(err) == apperr.Conflict && len(apperr.FieldsOf(err)) == 0 {
			err = apperr.Fields([]apperr.FieldError{{Field: "name", Message: "There is already a code called " + n.Name + " there"}})
		}
	} else if err == nil {
		err, done = s.store.EditCode(r.Context(), c.Project.ID, c.Code.ID, n), "code-changed"
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showCodingCode(w, r, status, view{Errors: errs, Form: r.PostForm}, c)
		})
	}
	http.Redirect(w, r, "/coding/"+c.Project.ID+"/codebook?done="+done, http.StatusSeeOther)
	return nil
}

// codingCodeMove moves a code up or down among its siblings.
func (s *Server) codingCodeMove(w http.ResponseWriter, r *http.Request) error {
	p, err := s.projectFor(r, auth.ActionManageStudy)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if err := s.store.MoveCode(r.Context(), p.ID, r.PathValue("code"), r.PostForm.Get("direction") == "up"); err != nil {
		return err
	}
	http.Redirect(w, r, "/coding/"+p.ID+"/codebook?done=code-moved#code-"+r.PathValue("code"), http.StatusSeeOther)
	return nil
}
