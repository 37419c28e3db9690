package readability

import (
	"strings"
	"testing"
)

// 24-hour times marked by an "hours" word, joined on or after a space,
// are flagged whole with the 12-hour time to write instead; numbers that
// are not times are left alone. Each answer was worked out by hand.
func TestTimeWithHoursSuffix(t *testing.T) {
	fires := []struct{ text, span, suggestion string }{
		{"The clinic opens at 09:15hrs on Monday.", "09:15hrs", "Write 9:15am."},
		{"The clinic opens at 0915hrs on Monday.", "0915hrs", "Write 9:15am."},
		{"The clinic opens at 0915HRS on Monday.", "0915HRS", "Write 9:15am."},
		{"Visiting ends at 1630 hours each day.", "1630 hours", "Write 4:30pm."},
		{"Visiting ends at 16:30 hrs each day.", "16:30 hrs", "Write 4:30pm."},
		{"Visiting ends at 16:30hrs each day.", "16:30hrs", "Write 4:30pm."},
		{"Lights out is 2100h.", "2100h", "Write 9pm."},
		{"The meeting is at 1200hr.", "1200hr", "Write midday."},
		{"The ward locks at 0000hours.", "0000hours", "Write midnight."},
		{"We meet at 9.45hrs.", "9.45hrs", "Write 9:45am."},
		{"The nurse calls at 1400 hours a day after you leave.", "1400 hours", "Write 2pm."},
	}
	for _, c := range fires {
		got := issuesOf(c.text, only(RuleTimeFormat, Plain()))
		if len(got) != 1 {
			t.Errorf("%q: want 1 time-format issue, got %+v", c.text, got)
			continue
		}
		is := got[0]
		want := strings.Index(c.text, c.span)
		if is.Text != c.span || is.Start != want || is.End != want+len(c.span) || is.Suggestion != c.suggestion {
			t.Errorf("%q: got %q at %d:%d suggesting %q, want %q at %d:%d suggesting %q",
				c.text, is.Text, is.Start, is.End, is.Suggestion, c.span, want, want+len(c.span), c.suggestion)
		}
	}
	quiet := []string{
		"There were 1630 people at the meeting.",
		"The plan runs until the year 2024.",
		"It is on page 1630 of the report.",
		"The grant was £1630 in total.",
		"Volunteers gave 1500 hours of their time.",
		"Staff worked 1200 hours a year.",
		"The bus takes 2h to get there.",
		"Phone 0117 496 0123 to change it.",
		"The room number is 2599h.",
	}
	for _, text := range quiet {
		if got := issuesOf(text, only(RuleTimeFormat, Plain())); len(got) != 0 {
			t.Errorf("%q: want no time-format issue, got %+v", text, got)
		}
	}
}
