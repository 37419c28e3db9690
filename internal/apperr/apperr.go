// Package apperr is the one error type of Coprod: a code that decides how a
// face reacts (HTTP status, exit code) and a message that is safe to show.
// Anything that is not an *Error is internal: logged, never shown.
package apperr

import (
	"errors"
	"fmt"
)

// Codes. Faces map each to one HTTP status in one table.
const (
	Invalid      = "invalid"      // the input is wrong; Message and Fields say how
	NotFound     = "not_found"    // no such object, or the caller may not know it exists
	Conflict     = "conflict"     // the change collides with existing state
	Unauthorized = "unauthorized" // the caller is not signed in
	Forbidden    = "forbidden"    // signed in, but the policy says no
	RateLimited  = "rate_limited" // too many attempts; Message says when to retry
	Unavailable  = "unavailable"  // busy for now; Message says when to try again
	Internal     = "internal"     // anything else; never shown
)

// FieldError names one form field and what is wrong with it, so pages can
// link an error summary to the field.
type FieldError struct {
	Field   string
	Message string
}

// Error is an application error with a code and a message safe to show.
type Error struct {
	Code    string
	Message string
	Fields  []FieldError
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Fields returns an Invalid error listing every field problem; nil when there is none.
func Fields(fields []FieldError) error {
	if len(fields) == 0 {
		return nil
	}
	return &Error{Code: Invalid, Message: "Check the form: " + fields[0].Message, Fields: fields}
}

// Code returns the code of err, Internal for errors that are not *Error, "" for nil.
func Code(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// Message returns the message safe to show for err.
func Message(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Code != Internal {
		return e.Message
	}
	return "Something went wrong on our side. Please try again; if it keeps happening, tell the people who run this service."
}

// FieldsOf returns the field errors carried by err, if any.
func FieldsOf(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}
