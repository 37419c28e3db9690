package readability

import (
	"fmt"
	"strconv"
	"strings"
)

// ruleTimeNumber looks at a number token for the 24-hour clock ("14:30",
// "14.30", "0930"), marked as one by "hrs" or "hours" after it ("1430
// hrs") or joined on ("09:15hrs", "0915hrs", "2100h").
func (a *analyzer) ruleTimeNumber(i int) {
	t := &a.toks[i]
	w := a.word(i)
	next := ""
	if i+1 < len(a.toks) {
		next = string(a.lw(i + 1))
	}
	clock, joined := cutHoursSuffix(w)
	// the span flagged takes in a following "hrs" or "hours"
	end := t.end
	if !joined && (next == "hrs" || next == "hours" && !a.durationAfter(i+1)) {
		end = a.toks[i+1].end
	}
	marked := joined || end != t.end
	if h, m, ok := parseClock(clock); ok {
		if next == "am" || next == "pm" {
			return
		}
		lw := strings.ToLower(clock)
		if strings.HasSuffix(lw, "am") || strings.HasSuffix(lw, "pm") {
			return
		}
		if h >= 13 || clock[0] == '0' || marked {
			a.timeIssue(t.start, end, h, m)
		}
		return
	}
	// "1430 hrs", "at 0900". A bare four-digit number is a time only after
	// a word that introduces one: "0117 496 0123" is a phone number, and
	// "1630 people", "page 1630" and "2024" are numbers.
	prev := ""
	if i > 0 {
		prev = string(a.lw(i - 1))
	}
	if len(clock) == 4 && allDigits(clock) && (marked || (clock[0] == '0' && timeIntroducers[prev])) {
		h, _ := strconv.Atoi(clock[:2])
		m, _ := strconv.Atoi(clock[2:])
		if h <= 23 && m <= 59 {
			a.timeIssue(t.start, end, h, m)
		}
		return
	}
	// "12 noon", "12 midnight"
	if w == "12" && (next == "noon" || next == "midnight") {
		alt := "midday"
		if next == "midnight" {
			alt = "midnight"
		}
		end := a.toks[i+1].end
		a.issue(RuleTimeFormat, t.start, end,
			fmt.Sprintf("%q says the time twice.", a.text[t.start:end]),
			fmt.Sprintf("Write %q.", alt))
	}
}

func (a *analyzer) timeIssue(start, end, h, m int) {
	a.issue(RuleTimeFormat, start, end,
		fmt.Sprintf("%q uses the 24-hour clock.", a.text[start:end]),
		fmt.Sprintf("Write %s.", twelveHour(h, m)))
}

// hoursSuffixes are the endings that mark a number as a 24-hour time when
// written on to it, longest first so that "hrs" is not read as "h".
var hoursSuffixes = [...]string{"hours", "hrs", "hr", "h"}

// cutHoursSuffix splits "0915hrs" into "0915" and reports whether an
// ending was cut; a number with no such ending comes back whole.
func cutHoursSuffix(w string) (string, bool) {
	for _, suf := range hoursSuffixes {
		if len(w) > len(suf) && strings.EqualFold(w[len(w)-len(suf):], suf) {
			if c := w[len(w)-len(suf)-1]; c >= '0' && c <= '9' {
				return w[:len(w)-len(suf)], true
			}
		}
	}
	return w, false
}

// durationAfter reports whether the "hours" at token i counts time spent
// rather than telling the time: "1500 hours of care", "1200 hours a
// year" — unless a word such as "at" before the number says it is a time.
func (a *analyzer) durationAfter(i int) bool {
	if i+1 >= len(a.toks) || i >= 2 && timeIntroducers[string(a.lw(i-2))] {
		return false
	}
	return durationFollowers[string(a.lw(i+1))]
}

var durationFollowers = map[string]bool{"of": true, "a": true, "per": true}

// timeIntroducers are the words after which a bare "0900" reads as a time.
var timeIntroducers = map[string]bool{"at": true, "from": true, "until": true, "till": true, "by": true, "before": true, "after": true, "to": true}

// ruleTimeWord flags "hrs" after a time that was not itself flagged
// ("10am hrs" is rare; "2 hrs" means hours): "hrs" alone is an
// abbreviation readers may not know.
func (a *analyzer) ruleTimeWord(i int) {
	if i > 0 && a.toks[i-1].number {
		if _, _, ok := parseClock(a.word(i - 1)); ok {
			return // reported with the time
		}
		if p := a.word(i - 1); len(p) == 4 && allDigits(p) {
			return
		}
	}
	t := &a.toks[i]
	a.issue(RuleTimeFormat, t.start, t.end,
		"\"hrs\" is an abbreviation.",
		"Write \"hours\", or give the time as 2pm.")
}

// parseClock reads "14:30", "14.30", "9.30am" and "09:30" as hour and
// minute.
func parseClock(w string) (h, m int, ok bool) {
	lw := strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(w), "am"), "pm")
	k := strings.IndexAny(lw, ":.")
	if k < 1 || k > 2 || len(lw)-k-1 != 2 {
		return 0, 0, false
	}
	h, err1 := strconv.Atoi(lw[:k])
	m, err2 := strconv.Atoi(lw[k+1:])
	if err1 != nil || err2 != nil || h > 23 || m > 59 {
		return 0, 0, false
	}
	return h, m, true
}

func twelveHour(h, m int) string {
	switch {
	case h == 0 && m == 0:
		return "midnight"
	case h == 12 && m == 0:
		return "midday"
	}
	suffix := "am"
	if h >= 12 {
		suffix = "pm"
	}
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	if m == 0 {
		return fmt.Sprintf("%d%s", h12, suffix)
	}
	return fmt.Sprintf("%d:%02d%s", h12, m, suffix)
}

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// ruleDate flags numeric dates whose day and month could be swapped:
// both parts 12 or under, and different ("03/04/2026", "3-4-26").
func (a *analyzer) ruleDate(i int) {
	w := a.word(i)
	sep := byte(0)
	for k := 0; k < len(w); k++ {
		if w[k] == '/' || w[k] == '-' || w[k] == '.' {
			sep = w[k]
			break
		}
	}
	if sep == 0 {
		return
	}
	parts := strings.Split(w, string(sep))
	if len(parts) != 3 || sep == '.' && len(parts[2]) != 4 {
		return
	}
	var n [3]int
	for k, p := range parts {
		if !allDigits(p) || len(p) > 4 {
			return
		}
		n[k], _ = strconv.Atoi(p)
	}
	if len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 2 && len(parts[2]) != 4 {
		return // 2026-04-03 is ISO order, not ambiguous
	}
	d, mo := n[0], n[1]
	if d < 1 || mo < 1 || d > 12 || mo > 12 || d == mo {
		return
	}
	year := parts[2]
	t := &a.toks[i]
	a.issue(RuleAmbiguousDate, t.start, t.end,
		fmt.Sprintf("%q could be %d %s or %s %d.", w, d, monthNames[mo-1], monthNames[d-1], mo),
		fmt.Sprintf("Write the month as a word: %d %s %s.", d, monthNames[mo-1], fullYear(year)))
}

func fullYear(y string) string {
	if len(y) == 2 {
		return "20" + y
	}
	return y
}
