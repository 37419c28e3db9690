package web

import (
	"net/url"
	"slices"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/study"
)

// The research study forms, decoded into the values the domain checks.

func newStudyForm(f url.Values) study.NewStudy {
	return study.NewStudy{OrgID: f.Get("org_id"), Title: f.Get("title"), Description: f.Get("description"),
		InterventionDate: f.Get("intervention_date")}
}

// newUploadForm reads the upload form's fields; the handler attaches the
// file, which it must close.
func newUploadForm(studyID string, f url.Values) study.Upload {
	return study.Upload{StudyID: studyID, Title: f.Get("title"), SessionDate: f.Get("session_date"), Roles: f.Get("roles"),
		ReplaceNames: f.Get("replace_names") == "yes", ConsentNote: f.Get("consent_note"), ConsentConfirmed: f.Get("consent_confirmed") == "yes"}
}

// rolesField is the name of the roles page's select for the i-th participant.
func rolesField(i int) string { return "role-" + strconv.Itoa(i) }

// rolesForm reads the roles page: one select per participant, in the
// transcript's order, left empty for no role yet.
func rolesForm(participants []string, f url.Values) (map[string]string, error) {
	roles := map[string]string{}
	var errs []apperr.FieldError
	for i, id := range participants {
		switch v := f.Get(rolesField(i)); {
		case v == "":
		case slices.Contains(study.RoleChoices, v):
			roles[id] = v
		default:
			errs = append(errs, apperr.FieldError{Field: rolesField(i), Message: "Choose supporter, supported person or other for " + id})
		}
	}
	return roles, apperr.Fields(errs)
}
