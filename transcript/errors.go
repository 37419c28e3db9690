package transcript

import "fmt"

// Error is bad input at a position. Line and Column are 1-based; Column
// counts bytes, as Go's own tools do.
type Error struct {
	File    string
	Line    int
	Column  int
	Message string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Message)
}

func errAt(file string, line, col int, format string, args ...any) *Error {
	if line < 1 {
		line = 1
	}
	if col < 1 {
		col = 1
	}
	return &Error{File: file, Line: line, Column: col, Message: fmt.Sprintf(format, args...)}
}
