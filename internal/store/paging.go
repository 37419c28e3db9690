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

// likeEscape is the escape clause every LIKE in the store carries, so that
// "%" and "_" typed into a search are matched as themselves. SQLite has no
// default escape character; PostgreSQL's is the same backslash.
const likeEscape = ` ESCAPE '\'`

// likeLiteral escapes LIKE's wildcards (and the escape character) in s.
var likeLiteral = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)

// likePattern makes a case-insensitive substring pattern for LIKE … ESCAPE.
func likePattern(s string) string {
	return "%" + likeLiteral.Replace(strings.ToLower(strings.TrimSpace(s))) + "%"
}

// prefixPattern makes a LIKE … ESCAPE pattern matching values that start with s.
func prefixPattern(s string) string {
	return likeLiteral.Replace(strings.TrimSpace(s)) + "%"
}
