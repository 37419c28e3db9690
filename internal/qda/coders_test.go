package qda

import (
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

// TestCheckNewCoder: a member who does not code yet may be added; a
// coder twice is a conflict and an outsider is invalid, each naming the
// person on the form's field.
func TestCheckNewCoder(t *testing.T) {
	if err := CheckNewCoder("Ann", "Lab", true, false); err != nil {
		t.Fatalf("a member: %v", err)
	}
	for _, c := range []struct {
		member, coder bool
		code, msg     string
	}{
		{true, true, apperr.Conflict, "Ann is already a coder of this project"},
		{false, true, apperr.Conflict, "Ann is already a coder of this project"},
		{false, false, apperr.Invalid, "Ann is not a member of Lab: choose a person from the organisation"},
	} {
		err := CheckNewCoder("Ann", "Lab", c.member, c.coder)
		fs := apperr.FieldsOf(err)
		if apperr.Code(err) != c.code || len(fs) != 1 || fs[0].Field != CoderField || fs[0].Message != c.msg {
			t.Errorf("member %v coder %v: %v %v", c.member, c.coder, apperr.Code(err), fs)
		}
	}
}
