package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/refiqda"
)

var (
	codingImportPage   = page[codingProjectData]{"coding_import"}
	codingImportedPage = page[codingImportedData]{"coding_imported"}
)

func (s *Server) codingImportForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.codingProject(r, auth.ActionManageStudy)
	if err != nil {
		return err
	}
	return codingImportPage.show(s, w, r, http.StatusOK, view{Title: "Import from other QDA software", Form: url.Values{}}, d)
}

type codingImportedData struct {
	codingProjectData
	Codes, Sources int
	NotImported    []string
}

// codingImport adds a REFI-QDA codebook (.qdc) or project's (.qdpx) codes
// and text sources to the project. Coding from other software is not
// imported: in Coprod each coder codes here, blind; the page lists it with
// everything else left behind, as the standard asks.
func (s *Server) codingImport(w http.ResponseWriter, r *http.Request) error {
	d, err := s.codingProject(r, auth.ActionManageStudy)
	if err != nil {
		return err
	}
	problem := func(status int, field, msg string) error {
		return codingImportPage.show(s, w, r, status, view{Title: "Import from other QDA software", Form: r.Form,
			Errors: []apperr.FieldError{{Field: field, Message: msg}}}, d)
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(maxUpload); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return problem(http.StatusRequestEntityTooLarge, "file", "The file is too big: the limit is 10 MB")
	}
	if err := cleanMultipart(r); err != nil {
		return err
	}
	f, _, err := r.FormFile("file")
	if err != nil {
		return problem(http.StatusUnprocessableEntity, "file", "Choose a .qdpx project or a .qdc codebook to import")
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	var p refiqda.Project
	if refiqda.IsZip(data) {
		p, err = refiqda.ReadQDPX(bytes.NewReader(data), int64(len(data)))
	} else {
		var cb refiqda.CodeBook
		cb, err = refiqda.ReadQDC(data)
		p.Codes = cb.Codes
	}
	if err != nil {
		return problem(http.StatusUnprocessableEntity, "file", "The file cannot be read: "+err.Error())
	}
	var sources []qda.NewSource
	if len(p.Sources) > 0 {
		note := strings.TrimSpace(r.Form.Get("consent_note"))
		if note == "" || r.Form.Get("consent_confirmed") != "yes" {
			return problem(http.StatusUnprocessableEntity, "consent_note",
				fmt.Sprintf("The file has %d sources: say how consent for research use was given, and confirm it", len(p.Sources)))
		}
		for _, src := range p.Sources {
			n := qda.NewSource{ProjectID: d.Project.ID, Title: src.Name, Text: src.Text, Units: qda.Sentences, ConsentNote: note}
			if err := n.Validate(); err != nil {
				return problem(http.StatusUnprocessableEntity, "file", fmt.Sprintf("The source %q cannot be imported: %s", src.Name, firstMessage(err)))
			}
			sources = append(sources, n)
		}
	}
	out := codingImportedData{codingProjectData: d, Codes: len(qda.FromREFI(p.Codes)), Sources: len(sources), NotImported: p.Skipped}
	if len(p.Codes) > 0 {
		if err := s.store.AddPreset(r.Context(), d.Project.ID, qda.FromREFI(p.Codes)); err != nil {
			if fs := apperr.FieldsOf(err); len(fs) > 0 {
				return problem(http.StatusUnprocessableEntity, "file", "A code cannot be imported: "+fs[0].Message)
			}
			if apperr.Code(err) == apperr.Conflict {
				return problem(http.StatusConflict, "file", "The project already has a code of the same name in the same place, so nothing was imported")
			}
			return err
		}
	}
	for _, n := range sources {
		if _, err := s.store.AddSource(r.Context(), n); err != nil {
			return err
		}
	}
	selections, users := 0, map[string]bool{}
	for _, src := range p.Sources {
		selections += len(src.Selections)
		for _, sel := range src.Selections {
			for _, c := range sel.Codings {
				users[c.User] = true
			}
		}
	}
	if selections > 0 {
		out.NotImported = append([]string{fmt.Sprintf("%d coded selections by %d coders: in Coprod each coder codes the sources here, blind", selections, len(users))}, out.NotImported...)
	}
	if len(p.Notes) > 0 {
		out.NotImported = append(out.NotImported, fmt.Sprintf("%d notes (memos)", len(p.Notes)))
	}
	return codingImportedPage.show(s, w, r, http.StatusOK, view{Title: "Imported"}, out)
}

// firstMessage is the first field error's message, or the error's.
func firstMessage(err error) string {
	if fs := apperr.FieldsOf(err); len(fs) > 0 {
		return fs[0].Message
	}
	return err.Error()
}
