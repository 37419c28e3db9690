// Package csvcell writes CSV that is safe to open in a spreadsheet. A cell
// starting with = + - @ or a tab or carriage return would be run as a
// formula (CSV injection), so it gets a leading apostrophe, which
// spreadsheets read as "this is text". Writer applies that to every cell of
// every row, so an export cannot forget a column: it is the one way the
// product writes CSV.
package csvcell

import (
	"encoding/csv"
	"io"
	"regexp"
	"strings"
)

// number is a plain decimal number: a spreadsheet reads it as a value,
// never a formula, so a negative amount stays a number.
var number = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// Safe returns s, prefixed with an apostrophe when a spreadsheet would
// read it as a formula.
func Safe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) && !number.MatchString(s) {
		return "'" + s
	}
	return s
}

// Writer is an encoding/csv writer whose every cell goes through Safe.
type Writer struct {
	w   *csv.Writer
	row []string
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: csv.NewWriter(w)} }

// Write writes one row, each cell made safe; the caller's slice is not changed.
func (w *Writer) Write(record []string) error {
	w.row = w.row[:0]
	for _, c := range record {
		w.row = append(w.row, Safe(c))
	}
	return w.w.Write(w.row)
}

// Flush writes any buffered rows and returns the first error met, if any.
func (w *Writer) Flush() error {
	w.w.Flush()
	return w.w.Error()
}
