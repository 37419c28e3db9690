package round

import (
	"strconv"
	"strings"
)

// Stake is the lived experience group's committed share, held exactly in
// hundredths of a percent: 2000 is 20%, 1250 is 12.5%, 10000 is all of it.
type Stake int64

// MaxStake is 100%.
const MaxStake Stake = 10000

// ParseStake reads a percentage with up to 2 decimal places ("20", "12.5",
// "33.33", an optional "%"), without floating point, so what the
// commissioner typed is exactly what is kept.
func ParseStake(s string) (Stake, string) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if s == "" {
		return 0, "Enter the group's stake as a percentage, like 20"
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" || (hasDot && frac == "") || !digits(whole) || !digits(frac) {
		return 0, "Enter the stake as a number, like 20 or 12.5"
	}
	if len(frac) > 2 {
		return 0, "The stake can have at most 2 decimal places, like 12.75"
	}
	if len(whole) > 3 {
		return 0, "The stake must be 100% or less"
	}
	w, _ := strconv.Atoi(whole)
	f, _ := strconv.Atoi((frac + "00")[:2])
	st := Stake(w*100 + f)
	switch {
	case st <= 0:
		return 0, "The stake must be more than 0%"
	case st > MaxStake:
		return 0, "The stake must be 100% or less"
	}
	return st, ""
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Input is the stake as typed in a form: "20", "12.5", "33.33".
func (s Stake) Input() string {
	w, f := int64(s)/100, int64(s)%100
	if f == 0 {
		return strconv.FormatInt(w, 10)
	}
	fs := strconv.FormatInt(f+100, 10)[1:] // two digits
	return strconv.FormatInt(w, 10) + "." + strings.TrimSuffix(fs, "0")
}

// String is the stake for people: "20%", "12.5%".
func (s Stake) String() string { return s.Input() + "%" }
