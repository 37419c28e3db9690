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

func (s *Server) transcriptUploadForm(w http.ResponseWriter, r *http.Request) error {
	st, err := s.studyFor(r, auth.ActionManageStudy)
	if err != nil {
		return err
	}
	return studyUploadPage.show(s, w, r, http.StatusOK, view{Title: "Upload a transcript", Form: url.Values{}}, uploadData{Study: st})
}

// transcriptUpload decodes the upload form; study.Upload.Prepare decides
// what is kept.
func (s *Server) transcriptUpload(w http.ResponseWriter, r *http.Request) error {
	st, err := s.studyFor(r, auth.ActionManageStudy)
	if err != nil {
		return err
	}
	again := func(status int, v view) error {
		v.Title = "Upload a transcript"
		return studyUploadPage.show(s, w, r, status, v, uploadData{Study: st})
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(maxUpload); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return again(http.StatusRequestEntityTooLarge, view{Form: url.Values{},
			Errors: []apperr.FieldError{{Field: "file", Message: "The file is too big: the limit is 10 MB"}}})
	}
	if err := cleanMultipart(r); err != nil {
		return err
	}
	u := newUploadForm(st.ID, r.Form)
	if f, hdr, err := r.FormFile("file"); err == nil {
		defer f.Close()
		u.File, u.FileName = f, hdr.Filename
	}
	n, err := u.Prepare()
	var t *study.Transcript
	if err == nil {
		t, err = s.store.CreateTranscript(r.Context(), *n)
	}
	if err != nil {
		// Every problem the store finds with the form is shown at 422, as Prepare's are.
		if errs := apperr.FieldsOf(err); len(errs) > 0 {
			return again(http.StatusUnprocessableEntity, view{Errors: errs, Form: r.Form})
		}
		return err
	}
	http.Redirect(w, r, "/studies/"+st.ID+"/transcripts/"+t.ID+"?done=transcript-uploaded", http.StatusSeeOther)
	return nil
}
