package web

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/url"
	"sort"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/study"
	"github.com/coprod/coprod/transcript"
)

type uploadData struct{ Study *study.Study }

func (s *Server) transcriptUploadForm(w http.ResponseWriter, r *http.Request) {
	st, ok := s.loadStudy(w, r, auth.ActionManageStudy)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "study_upload", view{Title: "Upload a transcript", Form: url.Values{}, Data: uploadData{Study: st}})
}

// uploadFields is the order of the upload form's fields, which the error
// summary follows.
var uploadFields = []string{"title", "session_date", "file", "roles", "replace_names", "consent_note", "consent_confirmed"}

func (s *Server) transcriptUpload(w http.ResponseWriter, r *http.Request) {
	st, ok := s.loadStudy(w, r, auth.ActionManageStudy)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(maxUpload); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		s.render(w, r, http.StatusRequestEntityTooLarge, "study_upload", view{Title: "Upload a transcript", Form: url.Values{},
			Errors: []apperr.FieldError{{Field: "file", Message: "The file is too big: the limit is 10 MB"}}, Data: uploadData{Study: st}})
		return
	}
	n := study.NewTranscript{StudyID: st.ID, Title: r.FormValue("title"), SessionDate: r.FormValue("session_date"),
		ConsentNote: r.FormValue("consent_note"), ConsentConfirmed: r.FormValue("consent_confirmed") == "yes"}
	errs := readTranscriptUpload(r, &n)
	if err := n.Validate(); err != nil {
		errs = append(errs, apperr.FieldsOf(err)...)
	}
	var t *study.Transcript
	var err error
	if errs = uniqueFieldErrors(errs); len(errs) == 0 {
		if t, err = s.store.CreateTranscript(r.Context(), n); err != nil {
			errs = apperr.FieldsOf(err)
			if len(errs) == 0 {
				s.fail(w, r, err)
				return
			}
		}
	}
	if len(errs) > 0 {
		s.render(w, r, statusFor[apperr.Invalid], "study_upload", view{Title: "Upload a transcript", Errors: errs, Form: r.Form, Data: uploadData{Study: st}})
		return
	}
	http.Redirect(w, r, "/studies/"+st.ID+"/transcripts/"+t.ID+"?done=transcript-uploaded", http.StatusSeeOther)
}

// readTranscriptUpload reads the uploaded file in whatever format it is,
// applies the typed roles and, when asked, replaces names by roles; it
// fills in n's file, format, source, participants and roles.
func readTranscriptUpload(r *http.Request, n *study.NewTranscript) []apperr.FieldError {
	given, err := study.ParseRoles(r.FormValue("roles"))
	errs := apperr.FieldsOf(err)
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return append(errs, apperr.FieldError{Field: "file", Message: "Choose a transcript file to upload"})
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	switch {
	case err != nil:
		return append(errs, apperr.FieldError{Field: "file", Message: "The file could not be read. Try uploading it again."})
	case len(bytes.TrimSpace(b)) == 0:
		return append(errs, apperr.FieldError{Field: "file", Message: "The file is empty"})
	case !utf8.Valid(b):
		return append(errs, apperr.FieldError{Field: "file", Message: "The file must be saved as UTF-8 text"})
	}
	format, _ := transcript.Detect(hdr.Filename, b)
	tr, err := transcript.Read(format, hdr.Filename, bytes.NewReader(b))
	if err != nil {
		// The reader's own position (file:line:column) tells the researcher where to look.
		return append(errs, apperr.FieldError{Field: "file", Message: "The transcript could not be read: " + err.Error()})
	}
	n.FileName, n.Format, n.Source = hdr.Filename, format, string(b)
	ids, roles, err := study.PrepareRoles(tr, given)
	if err != nil {
		return append(errs, apperr.FieldsOf(err)...)
	}
	n.Participants, n.Roles = ids, roles
	if r.FormValue("replace_names") != "yes" || len(errs) > 0 {
		return errs
	}
	a, err := study.WithoutNames(tr, roles)
	if err != nil {
		return append(errs, apperr.FieldError{Field: "replace_names", Message: "The names could not be replaced in this transcript: " + err.Error()})
	}
	n.Source, n.Format, n.FileName, n.Participants, n.Roles = a.Source, transcript.FormatCHAT, a.FileName, a.Participants, a.Roles
	n.Title, n.ConsentNote, n.NamesReplaced = a.Text(n.Title), a.Text(n.ConsentNote), true
	return errs
}

// uniqueFieldErrors keeps the first problem of each field, in form order.
func uniqueFieldErrors(errs []apperr.FieldError) []apperr.FieldError {
	order := map[string]int{}
	for i, f := range uploadFields {
		order[f] = i + 1
	}
	seen := map[string]bool{}
	var out []apperr.FieldError
	for _, e := range errs {
		if !seen[e.Field] {
			seen[e.Field] = true
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return order[out[i].Field] < order[out[j].Field] })
	return out
}
