package evidence

import (
	"strings"

	"github.com/coprod/coprod/internal/apperr"
)

// Theme is a tag that runs across the round's evidence.
type Theme struct {
	ID      string
	RoundID string
	Name    string
}

// CheckThemeName returns the normalised name or a field error.
func CheckThemeName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if m := required("a name for the theme", name, 80); m != "" {
		return "", apperr.Fields([]apperr.FieldError{{Field: "name", Message: m}})
	}
	return name, nil
}

// MapRow is one theme's line of the evidence map: how many items of each
// kind carry it, counting only what the reader may see.
type MapRow struct {
	Theme  Theme
	Counts map[Kind]int
}

// CountList returns the counts in Kinds order, for display.
func (r MapRow) CountList() []int {
	out := make([]int, len(Kinds))
	for i, k := range Kinds {
		out[i] = r.Counts[k]
	}
	return out
}

// TaggableKind reports whether a theme may be put on items of kind k:
// research arrives under the theme the researcher offered it to.
func TaggableKind(k Kind) bool {
	for _, v := range Kinds {
		if v == k {
			return k != KindResearch
		}
	}
	return false
}
