package web

import (
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/coprod/coprod/internal/apperr"
)

// cleanInput is the one boundary where text enters the service. A value
// that is not text — bytes that are not UTF-8, or a NUL character — is
// refused with a 422 naming the field: SQLite would store the bytes and
// show U+FFFD later, PostgreSQL would refuse them with an error. Everything
// else is put in Unicode Normalization Form C, once, so "é" typed as one
// character or as "e" and an accent is stored, compared and searched as
// the same text on both engines. It covers the query string of every
// request and the body of URL-encoded forms; handlers that read a
// multipart form call cleanMultipart after parsing it.
func (s *Server) cleanInput(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := cleanQuery(r.URL); err != nil {
			s.fail(w, r, err)
			return
		}
		if r.Method == http.MethodPost && mediaType(r) == "application/x-www-form-urlencoded" {
			if err := r.ParseForm(); err != nil {
				s.fail(w, r, apperr.Errorf(apperr.Invalid, "The form could not be read. Go back, reload the page and send it again."))
				return
			}
			if err := cleanValues(r.PostForm, r.Form); err != nil {
				s.fail(w, r, err)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// cleanMultipart checks and normalises the text fields of a parsed
// multipart form, as cleanInput does for other forms.
func cleanMultipart(r *http.Request) error {
	if r.MultipartForm == nil {
		return nil
	}
	return cleanValues(r.MultipartForm.Value, r.PostForm, r.Form)
}

func cleanQuery(u *url.URL) error {
	if u.RawQuery == "" {
		return nil
	}
	q := u.Query()
	before := q.Encode()
	if err := cleanValues(q); err != nil {
		return err
	}
	if after := q.Encode(); after != before {
		u.RawQuery = after
	}
	return nil
}

// cleanValues refuses values that are not text and normalises the rest to
// NFC in place, in each of the sets (the same values may sit in several of
// a request's maps).
func cleanValues(sets ...url.Values) error {
	var bad []string
	for _, vs := range sets {
		for k, list := range vs {
			for i, v := range list {
				if !isText(k) || !isText(v) {
					if !slices.Contains(bad, k) {
						bad = append(bad, k)
					}
					continue
				}
				if !norm.NFC.IsNormalString(v) {
					list[i] = norm.NFC.String(v)
				}
			}
		}
	}
	if len(bad) == 0 {
		return nil
	}
	slices.Sort(bad)
	fs := make([]apperr.FieldError, len(bad))
	names := make([]string, len(bad))
	for i, k := range bad {
		names[i] = "“" + fieldName(k) + "”"
		fs[i] = apperr.FieldError{Field: k, Message: "Remove the characters that are not text from " + names[i]}
	}
	err := apperr.Fields(fs).(*apperr.Error)
	err.Message = "Nothing was saved. " + strings.Join(names, ", ") + " held characters that are not text (a NUL character, or bytes that are not UTF-8), which can come from pasting from some programs. Go back, type the words again and send the form."
	return err
}

func isText(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }

// fieldName turns a form field's key into words a person can match to the
// form: "easy_read" → "easy read".
func fieldName(k string) string {
	if !utf8.ValidString(k) {
		return "a box on the form"
	}
	return strings.ReplaceAll(strings.ReplaceAll(k, "_", " "), "\x00", "")
}

func mediaType(r *http.Request) string {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mt
}
