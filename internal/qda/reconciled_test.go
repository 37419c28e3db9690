package qda

import (
	"slices"
	"testing"
)

// TestReconciled: of five units, the first two agreed by both coders (one
// with a code, one with none), the third decided after a difference, the
// fourth still in dispute and the fifth coded by one coder only: the
// reconciled coding has the first and third, the decided codes sorted.
func TestReconciled(t *testing.T) {
	unit := func(i int, by map[string][]string) UnitCodes {
		return UnitCodes{SourceID: "s", Unit: Unit{Index: i, Start: i * 10, End: i*10 + 9}, ByCoder: by}
	}
	units := []UnitCodes{
		unit(0, map[string][]string{"ann": {"a", "b"}, "ben": {"a", "b"}}),
		unit(1, map[string][]string{"ann": {}, "ben": {}}),
		unit(2, map[string][]string{"ann": {"a"}, "ben": {"b"}}),
		unit(3, map[string][]string{"ann": {"a"}, "ben": {}}),
		unit(4, map[string][]string{"ann": {"c"}}),
	}
	got := Reconciled(units, []Decision{{SourceID: "s", Unit: 2, CodeIDs: []string{"c", "a"}}})
	if len(got) != 2 || got[0].Start != 0 || got[0].End != 9 || !slices.Equal(got[0].CodeIDs, []string{"a", "b"}) ||
		got[1].Start != 20 || !slices.Equal(got[1].CodeIDs, []string{"a", "c"}) || got[1].CoderID != ReconciledCoder || got[0].ID == got[1].ID {
		t.Fatalf("reconciled = %+v", got)
	}
}
