package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/filetype"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/training"
)

// A course's materials, in plain English and Easy Read, as files: the
// ULO's coordinators upload them on the course page (multipart, so it
// works without JavaScript); anyone who can see the course downloads them.

// materialVersions are the choices of the upload form.
var materialVersions = []round.Option{{Key: string(training.PlainEnglish), Label: "Plain English"}, {Key: string(training.EasyRead), Label: "Easy Read"}}

// maxMaterialForm bounds one upload: the largest file and room for the rest.
const maxMaterialForm = training.MaxMaterialSize + 1<<20

func (s *Server) trainingAddMaterial(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewTraining, auth.Object{}); err != nil {
		return err
	}
	d, err := s.trainingCourseData(r)
	if err != nil {
		return err
	}
	if !d.Run {
		return errForbidden
	}
	again := func(status int, errs []apperr.FieldError) error {
		return trainingCoursePage.show(s, w, r, status, view{Title: d.Course.Title, Errors: errs, Form: r.PostForm}, d)
	}
	problem := func(msg string) error {
		return again(http.StatusUnprocessableEntity, []apperr.FieldError{{Field: "file", Message: msg}})
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxMaterialForm)
	if err := r.ParseMultipartForm(1 << 20); err != nil { // larger files wait on disk
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return problem("The file must be " + filetype.FormatSize(training.MaxMaterialSize) + " or smaller, so nothing was saved")
		}
		return problem("We could not read what you sent, so nothing was saved. Please choose the file again")
	}
	defer r.MultipartForm.RemoveAll()
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return problem("Choose the file to upload")
	}
	data, err := io.ReadAll(f) // bounded by maxMaterialForm
	f.Close()
	if err != nil {
		return err
	}
	if _, err := s.store.AddMaterial(r.Context(), d.Course.ID, training.Version(r.PostForm.Get("version")), hdr.Filename, data); err != nil {
		return formProblem(err, again)
	}
	http.Redirect(w, r, "/training/courses/"+d.Course.ID+"?done=training-material-added", http.StatusSeeOther)
	return nil
}

// trainingMaterial downloads one file of a course's materials.
func (s *Server) trainingMaterial(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewTraining, auth.Object{}); err != nil {
		return err
	}
	m, data, err := s.store.MaterialData(r.Context(), r.PathValue("id"), r.PathValue("mid"))
	if apperr.Code(err) == apperr.NotFound {
		return errNotFound
	} else if err != nil {
		return err
	}
	download(w, m.ContentType, safeFileName(m.FileName))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
	return nil
}
