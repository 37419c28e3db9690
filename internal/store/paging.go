package store

import "strings"

// pageLimit clamps a requested page size to 1–200, 50 by default.
func pageLimit(n int) int {
	switch {
	case n <= 0:
		return 50
	case n > 200:
		return 200
	}
	return n
}

// likePattern makes a case-insensitive substring pattern, with LIKE's own
// wildcards in the search text taken literally by dropping them.
func likePattern(s string) string {
	s = strings.NewReplacer("%", "", "_", "").Replace(strings.ToLower(strings.TrimSpace(s)))
	return "%" + s + "%"
}

// prefixPattern makes a LIKE pattern matching values that start with s.
func prefixPattern(s string) string {
	return strings.NewReplacer("%", "", "_", "").Replace(strings.TrimSpace(s)) + "%"
}
