package peer

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzForms: whatever is typed into the peer support forms, reading it
// never panics, lists come back trimmed with no empty or repeated items,
// and what is accepted fits its limits.
func FuzzForms(f *testing.F) {
	for _, s := range []string{"", "psychosis\nbeing in hospital", " \n\n English \nenglish", "07700 900123", "name@example.com",
		"31 March 2027\n2027-03-01", "50", "-1", "2027-02-30", "\x00", "é\u0301"} {
		f.Add(s, s, s)
	}
	today := time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, a, b, c string) {
		for _, xs := range [][]string{Lines(a), Lines(b)} {
			for i, x := range xs {
				if x == "" || x != strings.TrimSpace(x) || strings.Contains(x, "\n") || containsFold(xs[:i], x) {
					t.Fatalf("Lines gave %q", xs)
				}
			}
		}
		rec, err := NewSupporter{Name: a, Experiences: b, Languages: c, Capacity: c, Supervisions: b, DBSCheckedOn: a}.Validate("org")
		if err == nil && (rec.Name == "" || utf8.RuneCountInString(rec.Name) > 100 || rec.Capacity < 0 || rec.Capacity > 50 || len(rec.Experiences) == 0) {
			t.Fatalf("accepted %+v", rec)
		}
		n := NewReferral{OrgID: "org", Trigger: Trigger(a), Source: SourceSelf, Name: b, ContactWay: ContactWay(c), Contact: a, Consent: true}
		if n.Validate() == nil && (!n.Trigger.Valid() || n.Name != strings.TrimSpace(n.Name) || n.Contact == "") {
			t.Fatalf("accepted %+v", n)
		}
		ct, err := NewContact{On: a, How: b, Minutes: c, Notes: a, Agreed: true}.Validate(today)
		if err == nil && (ct.Minutes < 1 || ct.Minutes > 600 || ct.On > "2027-06-01") {
			t.Fatalf("accepted %+v", ct)
		}
	})
}
