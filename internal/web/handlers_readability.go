package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/infocheck"
	"github.com/coprod/coprod/readability"
)

// The letter checker's pages (the comparison's are beside its handlers).
var (
	readabilityPage          = page[noData]{"readability"}
	readabilityReportPage    = page[*reportView]{"readability_report"}
	readabilitySavedPage     = page[*reportView]{"readability_saved"}
	readabilityLibrariesPage = page[librariesData]{"readability_libraries"}
	readabilityLibraryPage   = page[libraryData]{"readability_library"}
)

// maxUpload bounds an uploaded letter; DOCX files with pictures run to a few MB.
const maxUpload = 10 << 20

// reportView is a checked letter ready for the page: the report, the text
// cut into marked segments, and what the save form needs to save it again.
type reportView struct {
	Report   *readability.Report
	Issues   []readability.Issue // the issues listed: the first maxShownIssues
	TextCut  bool                // the marked text stops after the last issue listed
	Savable  bool                // the text is within what a library keeps
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
	v.Issues, v.Savable = r.Issues, len(v.Source) <= infocheck.MaxSourceBytes
	text := v.Source
	if len(v.Issues) > maxShownIssues {
		// A page listing every issue of a long document would run to
		// hundreds of megabytes: list the first ones and the text up to
		// the end of the line holding the last of them.
		v.Issues, v.TextCut = v.Issues[:maxShownIssues], true
		end := 0
		for _, is := range v.Issues {
			end = max(end, is.End)
		}
		end = min(end, len(text))
		if nl := strings.IndexByte(text[end:], '\n'); nl >= 0 {
			end += nl
		} else {
			end = len(text)
		}
		text = text[:end]
	}
	v.Segments = markText(text, v.Issues)
	return v, nil
}

// maxShownIssues bounds the issues a report page lists, and so its size:
// more than this is a document to split or rewrite, not to read through.
const maxShownIssues = 300

// reanalyse checks a saved letter again: one that no longer reads is the
// service's fault, not the reader's, so its error is an internal one.
func reanalyse(c *infocheck.Check, profileName string) (*reportView, error) {
	v, err := analyse([]byte(c.Source), c.Format, profileName)
	if err != nil {
		return nil, fmt.Errorf("saved check %s no longer reads: %s", c.ID, err)
	}
	return v, nil
}

func (s *Server) readabilityForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionCheckReadability, auth.Object{}); err != nil {
		return err
	}
	return readabilityPage.show(s, w, r, http.StatusOK, view{Title: "Check a letter or leaflet", Form: map[string][]string{"profile": {"plain"}}}, noData{})
}

func (s *Server) readabilityCheck(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionCheckReadability, auth.Object{}); err != nil {
		return err
	}
	again := func(status int, v view) error {
		v.Title = "Check a letter or leaflet"
		return readabilityPage.show(s, w, r, status, v, noData{})
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(maxUpload); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return again(http.StatusRequestEntityTooLarge, view{Errors: []apperr.FieldError{{Field: "file", Message: "The file is too big: the limit is 10 MB"}}})
	}
	if err := cleanMultipart(r); err != nil {
		return err
	}
	src, format, err := letterForm(r)
	var v *reportView
	if err == nil {
		v, err = analyse(src, format, r.FormValue("profile"))
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return again(status, view{Errors: errs, Form: r.Form})
		})
	}
	return s.showReport(w, r, http.StatusOK, v, nil)
}

// showReport renders a fresh check with the form to save it.
func (s *Server) showReport(w http.ResponseWriter, r *http.Request, status int, v *reportView, errs []apperr.FieldError) error {
	orgs, err := s.libraryOrgs(r)
	if err != nil {
		return err
	}
	v.Orgs = orgs
	return readabilityReportPage.show(s, w, r, status, view{Title: "Your letter checked", Errors: errs, Form: r.PostForm}, v)
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

func (s *Server) readabilitySave(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionCheckReadability, auth.Object{}); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	_ = r.ParseForm()
	n := newCheckForm(r.PostForm)
	err := n.Validate()
	if err == nil && !auth.Can(principal(r), auth.ActionSaveCheck, auth.Object{Type: auth.ScopeOrganisation, ID: n.OrgID}) {
		err = apperr.Fields([]apperr.FieldError{{Field: "org_id", Message: "You can only save to the library of an organisation you belong to"}})
	}
	var c *infocheck.Check
	if err == nil {
		c, err = s.store.CreateCheck(r.Context(), n)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			// The report is drawn again from the text sent; text that does
			// not read shows the save's own error instead.
			v, aerr := analyse([]byte(n.Source), n.Format, n.Profile)
			if aerr != nil {
				return err
			}
			return s.showReport(w, r, status, v, errs)
		})
	}
	http.Redirect(w, r, "/readability/checks/"+c.ID+"?done=check-saved", http.StatusSeeOther)
	return nil
}

// checkFor returns the saved check with id if the person may read it.
func (s *Server) checkFor(r *http.Request, id string) (*infocheck.Check, error) {
	c, err := s.store.CheckByID(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if err := allow(r, auth.ActionViewChecks, auth.Object{Type: auth.ScopeOrganisation, ID: c.OrgID}); err != nil {
		return nil, err
	}
	return c, nil
}

func (s *Server) readabilitySaved(w http.ResponseWriter, r *http.Request) error {
	c, err := s.checkFor(r, r.PathValue("id"))
	if err != nil {
		return err
	}
	v, err := reanalyse(c, c.Profile)
	if err != nil {
		return err
	}
	v.Check = c
	page, err := s.store.ListChecks(r.Context(), c.OrgID, "", 50)
	if err != nil {
		return err
	}
	for _, o := range page.Checks {
		if o.ID != c.ID {
			v.Others = append(v.Others, o)
		}
	}
	return readabilitySavedPage.show(s, w, r, http.StatusOK, view{Title: c.Title}, v)
}

type librariesData struct {
	Orgs []auth.Organisation
}

func (s *Server) readabilityLibraries(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionCheckReadability, auth.Object{}); err != nil {
		return err
	}
	orgs, err := s.libraryOrgs(r)
	if err != nil {
		return err
	}
	return readabilityLibrariesPage.show(s, w, r, http.StatusOK, view{Title: "Saved checks"}, librariesData{Orgs: orgs})
}

type libraryData struct {
	Org    *auth.Organisation
	Checks []infocheck.Check
	Next   string
	First  bool
}

func (s *Server) readabilityLibrary(w http.ResponseWriter, r *http.Request) error {
	orgID := r.PathValue("org")
	if err := allow(r, auth.ActionViewChecks, auth.Object{Type: auth.ScopeOrganisation, ID: orgID}); err != nil {
		return err
	}
	o, err := s.store.OrganisationByID(r.Context(), orgID)
	if err != nil {
		return err
	}
	after := r.URL.Query().Get("after")
	page, err := s.store.ListChecks(r.Context(), orgID, after, 25)
	if err != nil {
		return err
	}
	return readabilityLibraryPage.show(s, w, r, http.StatusOK, view{Title: "Saved checks: " + o.Name},
		libraryData{Org: o, Checks: page.Checks, Next: page.Next, First: after == ""})
}
