package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/study"
)

type uploadData struct{ Study *study.Study }

func (s *Server) transcriptUploadForm(w http.ResponseWriter, r *http.Request) {
	st, ok := s.loadStudy(w, r, auth.ActionManageStudy)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "study_upload", view{Title: "Upload a transcript", Form: url.Values{}, Data: uploadData{Study: st}})
}

// transcriptUpload decodes the upload form; study.Upload.Prepare decides
// what is kept.
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
	u := study.Upload{StudyID: st.ID, Title: r.FormValue("title"), SessionDate: r.FormValue("session_date"),
		Roles: r.FormValue("roles"), ReplaceNames: r.FormValue("replace_names") == "yes",
		ConsentNote: r.FormValue("consent_note"), ConsentConfirmed: r.FormValue("consent_confirmed") == "yes"}
	if f, hdr, err := r.FormFile("file"); err == nil {
		defer f.Close()
		u.File, u.FileName = f, hdr.Filename
	}
	n, err := u.Prepare()
	var t *study.Transcript
	if err == nil {
		t, err = s.store.CreateTranscript(r.Context(), *n)
	}
	if fs := apperr.FieldsOf(err); len(fs) > 0 {
		s.render(w, r, statusFor[apperr.Invalid], "study_upload", view{Title: "Upload a transcript", Errors: fs, Form: r.Form, Data: uploadData{Study: st}})
		return
	} else if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/studies/"+st.ID+"/transcripts/"+t.ID+"?done=transcript-uploaded", http.StatusSeeOther)
}
