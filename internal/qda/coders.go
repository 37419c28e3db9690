package qda

import "github.com/coprod/coprod/internal/apperr"

// CoderField is the form field that names the person to add as a coder.
const CoderField = "user_id"

// CheckNewCoder says whether the person called name may become a coder of
// a project owned by the research organisation org. Only the
// organisation's members code its projects, as only they may see its
// research data, and a person codes a project once: a second place would
// count their judgement twice in the agreement.
func CheckNewCoder(name, org string, member, coder bool) error {
	switch {
	case coder:
		msg := name + " is already a coder of this project"
		return &apperr.Error{Code: apperr.Conflict, Message: msg, Fields: []apperr.FieldError{{Field: CoderField, Message: msg}}}
	case !member:
		return apperr.Fields([]apperr.FieldError{{Field: CoderField,
			Message: name + " is not a member of " + org + ": choose a person from the organisation"}})
	}
	return nil
}
