package qda

import (
	"slices"
	"time"

	"github.com/coprod/coprod/internal/agreement"
)

// Segment is a span of a source that one coder coded: characters Start up
// to, not including, End. Coding by checkbox makes segments that are
// whole units; selecting text makes any span.
type Segment struct {
	ID        string
	SourceID  string
	CoderID   string
	Start     int
	End       int
	CodeIDs   []string
	Memo      string
	CreatedAt time.Time
}

// CanSee is the blind rule: may viewer see coder's segments? Always their
// own; anyone's when the project is not blind; otherwise only once both
// have submitted their coding (a viewer who does not code, such as the
// researcher leading the project, counts as submitted, and sees only
// submitted coding).
func CanSee(blind bool, viewer, coder string, viewerSubmitted, coderSubmitted bool) bool {
	switch {
	case viewer == coder:
		return true
	case !blind:
		return true
	}
	return viewerSubmitted && coderSubmitted
}

// UnitCodes is what each coder applied to one unit of a source.
type UnitCodes struct {
	SourceID string
	Unit     Unit
	// ByCoder holds, for each coder who has coded the source, the codes
	// they applied to the unit (sorted; empty when none). A coder who has
	// not coded the source is absent: their value is missing.
	ByCoder map[string][]string
}

// SourceUnits is a source's units, for comparing coding unit by unit.
type SourceUnits struct {
	SourceID string
	Units    []Unit
}

// ByUnit reads segments unit by unit: a coder applied a code to a unit
// when one of their segments with that code overlaps it. coded[coder]
// lists the sources each coder has coded (so a unit with no code from them
// is "none" rather than missing).
func ByUnit(sources []SourceUnits, segments []Segment, coded map[string]map[string]bool) []UnitCodes {
	bySource := map[string][]Segment{}
	for _, s := range segments {
		bySource[s.SourceID] = append(bySource[s.SourceID], s)
	}
	var out []UnitCodes
	for _, src := range sources {
		for _, u := range src.Units {
			uc := UnitCodes{SourceID: src.SourceID, Unit: u, ByCoder: map[string][]string{}}
			for coder, sources := range coded {
				if sources[src.SourceID] {
					uc.ByCoder[coder] = []string{}
				}
			}
			for _, s := range bySource[src.SourceID] {
				codes, ok := uc.ByCoder[s.CoderID]
				if !ok || s.End <= u.Start || s.Start >= u.End {
					continue
				}
				for _, c := range s.CodeIDs {
					if !slices.Contains(codes, c) {
						codes = append(codes, c)
					}
				}
				uc.ByCoder[s.CoderID] = codes
			}
			for _, codes := range uc.ByCoder {
				slices.Sort(codes)
			}
			out = append(out, uc)
		}
	}
	return out
}

// AgreementSets turns units into internal/agreement's per-code data, with
// the coders and codes in the order given.
func AgreementSets(units []UnitCodes, coders []string, codes []Code) agreement.Sets {
	s := agreement.Sets{Coders: len(coders)}
	index := map[string]int32{}
	for i, c := range codes {
		index[c.ID] = int32(i)
		s.Codes = append(s.Codes, c.Name)
	}
	for _, u := range units {
		for _, coder := range coders {
			applied, ok := u.ByCoder[coder]
			if !ok {
				s.Cells = append(s.Cells, nil)
				continue
			}
			cell := []int32{}
			for _, id := range applied {
				if i, ok := index[id]; ok {
					cell = append(cell, i)
				}
			}
			s.Cells = append(s.Cells, cell)
		}
	}
	return s
}

// Differences are the units where the coders who coded them did not all
// apply the same codes: what reconciliation goes through.
func Differences(units []UnitCodes) []UnitCodes {
	var out []UnitCodes
	for _, u := range units {
		var first []string
		seen, differ := false, false
		for _, codes := range u.ByCoder {
			if !seen {
				first, seen = codes, true
				continue
			}
			if !slices.Equal(first, codes) {
				differ = true
				break
			}
		}
		if differ {
			out = append(out, u)
		}
	}
	return out
}

// Decision is the reconciled, master coding of one unit and who decided.
type Decision struct {
	SourceID      string
	Unit          int
	CodeIDs       []string
	DecidedBy     string
	DecidedByName string
	DecidedAt     time.Time
}
