// Package words holds small helpers for writing lists the way people read
// them. It imports only the standard library, so any package may use it.
package words

import "strings"

// And lists items as people write them: "A", "A and B", "A, B and C".
func And(items []string) string { return List(items, "and") }

// Or lists alternatives: "A", "A or B", "A, B or C".
func Or(items []string) string { return List(items, "or") }

// List joins items with commas and conj before the last, without the
// serial comma (the house style of UK public bodies' plain English).
func List(items []string, conj string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}
