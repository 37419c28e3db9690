package apperr

import (
	"errors"
	"fmt"
	"testing"
)

func TestCodeAndMessage(t *testing.T) {
	e := Errorf(Conflict, "email %q is taken", "a@b.test")
	wrapped := fmt.Errorf("creating user: %w", e)
	if got := Code(wrapped); got != Conflict {
		t.Errorf("Code = %q, want %q", got, Conflict)
	}
	if got := Message(wrapped); got != `email "a@b.test" is taken` {
		t.Errorf("Message = %q", got)
	}
	plain := errors.New("pq: connection refused at 10.0.0.1")
	if Code(plain) != Internal {
		t.Errorf("plain error code = %q, want internal", Code(plain))
	}
	if m := Message(plain); m == plain.Error() {
		t.Errorf("internal error text leaked to Message: %q", m)
	}
	if Code(nil) != "" {
		t.Errorf("Code(nil) = %q", Code(nil))
	}
}

func TestFields(t *testing.T) {
	if Fields(nil) != nil {
		t.Fatal("Fields(nil) should be nil")
	}
	err := Fields([]FieldError{{"email", "Enter an email address"}, {"name", "Enter a name"}})
	if Code(err) != Invalid {
		t.Fatalf("code %q", Code(err))
	}
	if fs := FieldsOf(err); len(fs) != 2 || fs[1].Field != "name" {
		t.Fatalf("FieldsOf = %+v", fs)
	}
}
