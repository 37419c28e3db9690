package web

import (
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/infocheck"
	"github.com/coprod/coprod/readability"
)

// maxUpload bounds an uploaded letter; DOCX files with pictures run to a few MB.
const maxUpload = 10 << 20

// reportView is a checked letter ready for the page: the report, the text
// cut into marked segments, and what the save form needs to save it again.
type reportView struct {
	Report   *readability.Report
	Segments []markSegment
	Source   string             // the text to save: the source, or the extracted text of a document
	Format   readability.Format // the format of Source
	Profile  string
	Orgs     []auth.Organisation // libraries the person may save to
	Check    *infocheck.Check    // set when showing a saved check
	Others   []infocheck.Check   // other checks in the same library, to compare with
}

// analyse runs the checker and prepares the view. Documents (DOCX, ODT)
// are kept as their extracted text, where the issue offsets point.
func analyse(src []byte, format readability.Format, profileName string) (*reportView, error) {
	p, ok := readability.ProfileByName(profileName)
	if !ok {
		return nil, &apperr.Error{Code: apperr.Invalid, Message: "Select plain English or Easy Read",
			Fields: []apperr.FieldError{{Field: "profile", Message: "Select plain English or Easy Read"}}}
	}
	r, err := readability.Analyze(src, format, p)
	if err != nil {
		msg := "The file could not be read: " + err.Error()
		return nil, &apperr.Error{Code: apperr.Invalid, Message: msg, Fields: []apperr.FieldError{{Field: "file", Message: msg}}}
	}
	v := &reportView{Report: r, Source: string(src), Format: format, Profile: profileName}
	if format == readability.FormatDOCX || format == readability.FormatODT {
		v.Source, v.Format = r.Text, readability.FormatText
	}
	v.Segments = markText(v.Source, r.Issues)
	return v, nil
}

func (s *Server) readabilityForm(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionCheckReadability, auth.Object{}) {
		return
	}
	s.render(w, r, http.StatusOK, "readability", view{Title: "Check a letter or leaflet", Form: map[string][]string{"profile": {"plain"}}})
}

// readInput takes the letter from the uploaded file if there is one,
// otherwise from the text box.
func readInput(r *http.Request) ([]byte, readability.Format, []apperr.FieldError) {
	if f, hdr, err := r.FormFile("file"); err == nil {
		defer f.Close()
		format, ok := readability.FormatFromName(hdr.Filename)
		if !ok {
			return nil, "", []apperr.FieldError{{Field: "file", Message: "The file must be a .txt, .md, .html, .docx or .odt file; " +
				filepath.Ext(hdr.Filename) + " files cannot be checked"}}
		}
		b, err := io.ReadAll(f)
		if err != nil {
			return nil, "", []apperr.FieldError{{Field: "file", Message: "The file could not be read. Try uploading it again."}}
		}
		if len(b) == 0 {
			return nil, "", []apperr.FieldError{{Field: "file", Message: "The file is empty"}}
		}
		return b, format, nil
	}
	text := r.FormValue("text")
	if strings.TrimSpace(text) == "" {
		return nil, "", []apperr.FieldError{{Field: "text", Message: "Paste the text of your letter, or choose a file to upload"}}
	}
	return []byte(text), readability.SniffFormat([]byte(text)), nil
}

func (s *Server) readabilityCheck(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionCheckReadability, auth.Object{}) {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(maxUpload); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		s.render(w, r, http.StatusRequestEntityTooLarge, "readability", view{Title: "Check a letter or leaflet",
			Errors: []apperr.FieldError{{Field: "file", Message: "The file is too big: the limit is 10 MB"}}})
		return
	}
	src, format, errs := readInput(r)
	var v *reportView
	if len(errs) == 0 {
		var err error
		if v, err = analyse(src, format, r.FormValue("profile")); err != nil {
			errs = apperr.FieldsOf(err)
		}
	}
	if len(errs) > 0 {
		form := r.Form
		s.render(w, r, http.StatusUnprocessableEntity, "readability", view{Title: "Check a letter or leaflet", Errors: errs, Form: form})
		return
	}
	s.showReport(w, r, http.StatusOK, v, nil)
}

// showReport renders a fresh check with the form to save it.
func (s *Server) showReport(w http.ResponseWriter, r *http.Request, status int, v *reportView, errs []apperr.FieldError) {
	orgs, err := s.libraryOrgs(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v.Orgs = orgs
	s.render(w, r, status, "readability_report", view{Title: "Your letter checked", Errors: errs, Form: r.PostForm, Data: v})
}

// libraryOrgs returns the organisations whose libraries the person may use:
// every organisation for an admin, their own otherwise.
func (s *Server) libraryOrgs(r *http.Request) ([]auth.Organisation, error) {
	p := principal(r)
	if p.IsAdmin() {
		return s.allOrgs(r)
	}
	var out []auth.Organisation
	for _, id := range p.OrgIDs() {
		o, err := s.store.OrganisationByID(r.Context(), id)
		if err != nil {
			return nil, err
		}
		out = append(out, *o)
	}
	return out, nil
}

func (s *Server) readabilitySave(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionCheckReadability, auth.Object{}) {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	_ = r.ParseForm()
	n := infocheck.NewCheck{OrgID: r.PostForm.Get("org_id"), Title: r.PostForm.Get("title"),
		Format: readability.Format(r.PostForm.Get("format")), Profile: r.PostForm.Get("profile"), Source: r.PostForm.Get("text")}
	err := n.Validate()
	if err == nil && !auth.Can(principal(r), auth.ActionSaveCheck, auth.Object{Type: auth.ScopeOrganisation, ID: n.OrgID}) {
		err = apperr.Fields([]apperr.FieldError{{Field: "org_id", Message: "You can only save to the library of an organisation you belong to"}})
	}
	var c *infocheck.Check
	if err == nil {
		c, err = s.store.CreateCheck(r.Context(), n)
	}
	if err != nil {
		v, aerr := analyse([]byte(n.Source), n.Format, n.Profile)
		if aerr != nil || len(apperr.FieldsOf(err)) == 0 {
			s.fail(w, r, err)
			return
		}
		s.showReport(w, r, statusFor[apperr.Code(err)], v, apperr.FieldsOf(err))
		return
	}
	http.Redirect(w, r, "/readability/checks/"+c.ID+"?done=check-saved", http.StatusSeeOther)
}

// savedCheck loads a check the person may read, or writes the error page.
func (s *Server) savedCheck(w http.ResponseWriter, r *http.Request, id string) (*infocheck.Check, bool) {
	c, err := s.store.CheckByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	if !s.authorize(w, r, auth.ActionViewChecks, auth.Object{Type: auth.ScopeOrganisation, ID: c.OrgID}) {
		return nil, false
	}
	return c, true
}

func (s *Server) readabilitySaved(w http.ResponseWriter, r *http.Request) {
	c, ok := s.savedCheck(w, r, r.PathValue("id"))
	if !ok {
		return
	}
	v, err := analyse([]byte(c.Source), c.Format, c.Profile)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v.Check = c
	page, err := s.store.ListChecks(r.Context(), c.OrgID, "", 50)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, o := range page.Checks {
		if o.ID != c.ID {
			v.Others = append(v.Others, o)
		}
	}
	s.render(w, r, http.StatusOK, "readability_saved", view{Title: c.Title, Data: v})
}

type librariesData struct {
	Orgs []auth.Organisation
}

func (s *Server) readabilityLibraries(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionCheckReadability, auth.Object{}) {
		return
	}
	orgs, err := s.libraryOrgs(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "readability_libraries", view{Title: "Saved checks", Data: librariesData{Orgs: orgs}})
}

type libraryData struct {
	Org    *auth.Organisation
	Checks []infocheck.Check
	Next   string
	First  bool
}

func (s *Server) readabilityLibrary(w http.ResponseWriter, r *http.Request) {
	orgID := r.PathValue("org")
	if !s.authorize(w, r, auth.ActionViewChecks, auth.Object{Type: auth.ScopeOrganisation, ID: orgID}) {
		return
	}
	o, err := s.store.OrganisationByID(r.Context(), orgID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	after := r.URL.Query().Get("after")
	page, err := s.store.ListChecks(r.Context(), orgID, after, 25)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "readability_library", view{Title: "Saved checks: " + o.Name,
		Data: libraryData{Org: o, Checks: page.Checks, Next: page.Next, First: after == ""}})
}
