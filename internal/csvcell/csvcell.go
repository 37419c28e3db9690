// Package csvcell makes text safe to put in a CSV cell that people open in
// a spreadsheet: a cell starting with = + - @ or a tab or carriage return
// would be run as a formula, so it gets a leading apostrophe.
package csvcell

import "strings"

// Safe returns s, prefixed with an apostrophe when a spreadsheet would
// read it as a formula.
func Safe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
