package web

import (
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/infocheck"
	"github.com/coprod/coprod/readability"
)

// The letter checker's forms, decoded into what the checker and the
// library take.

// letterForm takes the letter from the uploaded file if there is one,
// otherwise from the text box; the request's multipart form must be parsed.
func letterForm(r *http.Request) ([]byte, readability.Format, error) {
	problem := func(field, msg string) ([]byte, readability.Format, error) {
		return nil, "", apperr.Fields([]apperr.FieldError{{Field: field, Message: msg}})
	}
	if f, hdr, err := r.FormFile("file"); err == nil {
		defer f.Close()
		format, ok := readability.FormatFromName(hdr.Filename)
		if !ok {
			return problem("file", "The file must be a .txt, .md, .html, .docx or .odt file; "+filepath.Ext(hdr.Filename)+" files cannot be checked")
		}
		b, err := io.ReadAll(f)
		if err != nil {
			return problem("file", "The file could not be read. Try uploading it again.")
		}
		if len(b) == 0 {
			return problem("file", "The file is empty")
		}
		return b, format, nil
	}
	text := r.FormValue("text")
	if strings.TrimSpace(text) == "" {
		return problem("text", "Paste the text of your letter, or choose a file to upload")
	}
	return []byte(text), readability.SniffFormat([]byte(text)), nil
}

// newCheckForm reads the form that saves a checked letter to a library.
func newCheckForm(f url.Values) infocheck.NewCheck {
	return infocheck.NewCheck{OrgID: f.Get("org_id"), Title: f.Get("title"), Format: readability.Format(f.Get("format")),
		Profile: f.Get("profile"), Source: f.Get("text")}
}

// versionsForm reads the two pasted versions of a letter to compare.
func versionsForm(f url.Values) (before, after []byte, err error) {
	var errs []apperr.FieldError
	for _, v := range []struct{ field, what string }{{"before", "the first version"}, {"after", "the new version"}} {
		if f.Get(v.field) == "" {
			errs = append(errs, apperr.FieldError{Field: v.field, Message: "Paste " + v.what})
		}
	}
	return []byte(f.Get("before")), []byte(f.Get("after")), apperr.Fields(errs)
}
