package study

import (
	"bytes"
	"io"
	"slices"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/transcript"
)

// Upload is a transcript as a researcher sends it: the file in whatever
// format it is, the roles as typed ("ID=role, …"), and whether to replace
// the participants' names by their roles before anything is kept.
type Upload struct {
	StudyID          string
	Title            string
	SessionDate      string // as typed
	FileName         string
	File             io.Reader // nil when no file was chosen
	Roles            string    // as typed
	ReplaceNames     bool
	ConsentNote      string
	ConsentConfirmed bool
}

// uploadFields is the order of the upload form's fields, which the
// problems Prepare returns follow.
var uploadFields = []string{"title", "session_date", "file", "roles", "replace_names", "consent_note", "consent_confirmed"}

// Prepare turns an upload into the transcript to keep: it reads the file,
// detects its format and parses it, gives the participants their roles,
// replaces names when asked, and checks the result with
// NewTranscript.Validate. It returns the first problem of each field, in
// form order, all at once.
func (u Upload) Prepare() (*NewTranscript, error) {
	n := &NewTranscript{StudyID: u.StudyID, Title: u.Title, SessionDate: u.SessionDate,
		ConsentNote: u.ConsentNote, ConsentConfirmed: u.ConsentConfirmed}
	errs := u.read(n)
	if err := n.Validate(); err != nil {
		errs = append(errs, apperr.FieldsOf(err)...)
	}
	if err := apperr.Fields(firstPerField(errs)); err != nil {
		return nil, err
	}
	return n, nil
}

// read fills in n's file, format, source, participants and roles from the
// upload, replacing names when asked and nothing else is wrong.
func (u Upload) read(n *NewTranscript) []apperr.FieldError {
	given, err := ParseRoles(u.Roles)
	errs := apperr.FieldsOf(err)
	fileErr := func(msg string) []apperr.FieldError {
		return append(errs, apperr.FieldError{Field: "file", Message: msg})
	}
	if u.File == nil {
		return fileErr("Choose a transcript file to upload")
	}
	b, err := io.ReadAll(u.File)
	switch {
	case err != nil:
		return fileErr("The file could not be read. Try uploading it again.")
	case len(bytes.TrimSpace(b)) == 0:
		return fileErr("The file is empty")
	case !utf8.Valid(b):
		return fileErr("The file must be saved as UTF-8 text")
	}
	format, _ := transcript.Detect(u.FileName, b)
	tr, err := transcript.Read(format, u.FileName, bytes.NewReader(b))
	if err != nil {
		// The reader's own position (file:line:column) tells the researcher where to look.
		return fileErr("The transcript could not be read: " + err.Error())
	}
	n.FileName, n.Format, n.Source = u.FileName, format, string(b)
	ids, roles, err := PrepareRoles(tr, given)
	if err != nil {
		return append(errs, apperr.FieldsOf(err)...)
	}
	n.Participants, n.Roles = ids, roles
	if !u.ReplaceNames || len(errs) > 0 {
		return errs
	}
	a, err := WithoutNames(tr, roles)
	if err != nil {
		return append(errs, apperr.FieldError{Field: "replace_names", Message: "The names could not be replaced in this transcript: " + err.Error()})
	}
	n.Source, n.Format, n.FileName, n.Participants, n.Roles = a.Source, transcript.FormatCHAT, a.FileName, a.Participants, a.Roles
	n.Title, n.ConsentNote, n.NamesReplaced = a.Text(n.Title), a.Text(n.ConsentNote), true
	return errs
}

// firstPerField keeps the first problem of each field, in form order, so
// the error summary says one thing about each field.
func firstPerField(errs []apperr.FieldError) []apperr.FieldError {
	seen := map[string]bool{}
	var out []apperr.FieldError
	for _, e := range errs {
		if !seen[e.Field] {
			seen[e.Field] = true
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b apperr.FieldError) int {
		return slices.Index(uploadFields, a.Field) - slices.Index(uploadFields, b.Field)
	})
	return out
}
