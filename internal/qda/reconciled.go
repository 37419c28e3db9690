package qda

import (
	"slices"
	"strconv"
)

// ReconciledCoder is the coder id, and ReconciledName the user name, that
// a project's reconciled coding is exported as in REFI-QDA. REFI-QDA has no
// master coding of a document, only codings each made by a user; a user of
// its own keeps every coder's own coding beside the agreed one (agreement
// can be worked out again from the file) and shows the agreed coding in
// any tool as one more coder to filter by.
const (
	ReconciledCoder = "reconciled"
	ReconciledName  = "Reconciled (agreed codes)"
)

// Reconciled is the project's agreed coding, unit by unit: the decided
// codes where the coders differed and someone decided, and the codes every
// coder applied where at least two coded the unit and all applied the
// same. A unit still in dispute, coded by one coder only, or agreed to
// have no code, has no segment.
func Reconciled(units []UnitCodes, decisions []Decision) []Segment {
	decided := map[string][]string{}
	for _, d := range decisions {
		decided[d.SourceID+"/"+strconv.Itoa(d.Unit)] = d.CodeIDs
	}
	var out []Segment
	for _, u := range units {
		key := u.SourceID + "/" + strconv.Itoa(u.Unit.Index)
		codes, ok := decided[key]
		if !ok {
			if len(u.ByCoder) < 2 || len(Differences([]UnitCodes{u})) > 0 {
				continue
			}
			for _, c := range u.ByCoder {
				codes = c
				break
			}
		}
		if len(codes) == 0 {
			continue
		}
		codes = slices.Sorted(slices.Values(codes))
		out = append(out, Segment{ID: ReconciledCoder + "/" + key, SourceID: u.SourceID, CoderID: ReconciledCoder,
			Start: u.Unit.Start, End: u.Unit.End, CodeIDs: codes})
	}
	return out
}
