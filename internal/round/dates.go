package round

import (
	"strings"
	"time"
)

// DateLayout is how dates are stored: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// dateLayouts are the ways people may type a date.
var dateLayouts = []string{DateLayout, "2/1/2006", "2 January 2006", "2 Jan 2006"}

// ParseDate reads a date typed as 2027-03-31, 31/3/2027 or 31 March 2027.
func ParseDate(s string) (time.Time, string) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, "enter a date, like 31 March 2027"
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, ""
		}
	}
	return time.Time{}, "enter a real date, like 31 March 2027"
}

// FormatDate shows a stored YYYY-MM-DD date for people: "31 March 2027".
func FormatDate(s string) string {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return s
	}
	return t.Format("2 January 2006")
}
