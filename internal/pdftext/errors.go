package pdftext

import "errors"

// The reasons a PDF cannot be read. Every error Read returns wraps one of
// them, so a caller can say what to do about it.
var (
	// ErrEncrypted: the file is protected by a password or encryption.
	ErrEncrypted = errors.New("the PDF is encrypted or password-protected")
	// ErrNoText: the pages have no text to read, as when a document was
	// scanned into pictures.
	ErrNoText = errors.New("the PDF has no text to read: its pages may be scanned pictures")
	// ErrDamaged: the file is not a PDF, or its structure is broken.
	ErrDamaged = errors.New("the PDF is damaged or is not a PDF")
)

// damagedError says what is broken, and is an ErrDamaged.
type damagedError struct{ what string }

func (e *damagedError) Error() string { return ErrDamaged.Error() + ": " + e.what }
func (e *damagedError) Unwrap() error { return ErrDamaged }

func damaged(what string) error { return &damagedError{what} }
