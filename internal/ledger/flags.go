package ledger

import (
	"strings"
	"time"

	"github.com/coprod/coprod/internal/round"
)

// Flag marks a way inaction can be masked.
type Flag string

const (
	FlagOverdue    Flag = "overdue"
	FlagNoEvidence Flag = "no-evidence"
	FlagVague      Flag = "vague"
	FlagNoVerdict  Flag = "no-verdict"
)

// AllFlags lists every flag in the order pages show them.
var AllFlags = []Flag{FlagOverdue, FlagNoEvidence, FlagVague, FlagNoVerdict}

// NoVerdictDays is how long an item may be done without a verdict before
// it is flagged: long enough for a change to be felt, short enough that
// the group is still asked while it remembers.
const NoVerdictDays = 90

// Label is the flag's short name on screen.
func (f Flag) Label() string {
	switch f {
	case FlagOverdue:
		return "Overdue"
	case FlagNoEvidence:
		return "Done without evidence"
	case FlagVague:
		return "Vague commitment"
	case FlagNoVerdict:
		return "No verdict after 90 days"
	}
	return ""
}

// Explanation says in plain English what the flag means and why it matters.
func (f Flag) Explanation() string {
	switch f {
	case FlagOverdue:
		return "The due date has passed and the work is not done. Nobody has said it will not be done, either."
	case FlagNoEvidence:
		return "It is marked as done, but nobody has shown any evidence that it was done."
	case FlagVague:
		return "The commitment uses words that promise no change, like “consider” or “review”, and names nothing that could be measured: no number, amount or date."
	case FlagNoVerdict:
		return "It was marked as done more than 90 days ago and the group has still not been asked, or has not said, whether things really changed."
	}
	return ""
}

// ValidFlag reports whether f is a known flag.
func ValidFlag(f Flag) bool {
	for _, v := range AllFlags {
		if v == f {
			return true
		}
	}
	return false
}

// Facts are what the flags are computed from.
type Facts struct {
	Status        Status
	DueOn         string // YYYY-MM-DD, "" without a commitment
	DoneOn        string
	Commitment    string // what will change, "" without a commitment
	EvidenceCount int
	VerdictCount  int
}

// FlagsOn returns the flags that apply on the given day (UTC).
//   - overdue: the day after the due date, while neither done nor declined
//   - no-evidence: done with no evidence
//   - vague: a commitment, not declined, whose wording is vague
//   - no-verdict: done on day D with no verdict, from day D+90
func FlagsOn(f Facts, today time.Time) []Flag {
	day := today.UTC().Format(DateLayout)
	var out []Flag
	if f.DueOn != "" && f.Status != StatusDone && f.Status != StatusNotDoing && f.DueOn < day {
		out = append(out, FlagOverdue)
	}
	if f.Status == StatusDone && f.EvidenceCount == 0 {
		out = append(out, FlagNoEvidence)
	}
	if VagueCommitment(f.Status, f.Commitment) {
		out = append(out, FlagVague)
	}
	if f.Status == StatusDone && f.VerdictCount == 0 && f.DoneOn != "" && f.DoneOn <= NoVerdictCutoff(today) {
		out = append(out, FlagNoVerdict)
	}
	return out
}

// VagueCommitment reports whether the vague flag applies: it does not
// change with time, so storage keeps it with the item.
func VagueCommitment(s Status, commitment string) bool {
	return strings.TrimSpace(commitment) != "" && s != StatusNotDoing && CheckWording(commitment).Vague
}

// NoVerdictCutoff is the latest done date that is flagged on the given day.
func NoVerdictCutoff(today time.Time) string {
	return today.UTC().AddDate(0, 0, -NoVerdictDays).Format(DateLayout)
}

// DateLayout is how the ledger stores dates, as rounds do: YYYY-MM-DD, which sorts as text.
const DateLayout = round.DateLayout

// EasyRead says what the flag means in short sentences, for the Easy Read view.
func (f Flag) EasyRead() string {
	switch f {
	case FlagOverdue:
		return "It is late. It should be done by now."
	case FlagNoEvidence:
		return "They say it is done. They have not shown it is done."
	case FlagVague:
		return "The promise is not clear. You cannot check it."
	case FlagNoVerdict:
		return "It was done a long time ago. No one asked the group if it helped."
	}
	return ""
}
