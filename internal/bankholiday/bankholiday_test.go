package bankholiday

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the London test needs no zone files on the machine
)

// published are bank holiday dates as GOV.UK lists them
// (https://www.gov.uk/bank-holidays.json and its archived copies): the
// oracle the rules must reproduce, one-offs included. England and Wales
// 2025–2028 is the table the tender standstill used before the rules.
var published = map[Division]map[int]string{
	EnglandAndWales: {
		2012: "01-02 04-06 04-09 05-07 06-04 06-05 08-27 12-25 12-26",
		2020: "01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28",
		2022: "01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27",
		2023: "01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26",
		2024: "01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26",
		2025: "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26",
		2026: "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28",
		2027: "01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28",
		2028: "01-03 04-14 04-17 05-01 05-29 08-28 12-25 12-26",
	},
	Scotland: {
		2022: "01-03 01-04 04-15 05-02 06-02 06-03 08-01 09-19 11-30 12-26 12-27",
		2023: "01-02 01-03 04-07 05-01 05-08 05-29 08-07 11-30 12-25 12-26",
		2024: "01-01 01-02 03-29 05-06 05-27 08-05 12-02 12-25 12-26",
		2025: "01-01 01-02 04-18 05-05 05-26 08-04 12-01 12-25 12-26",
		2026: "01-01 01-02 04-03 05-04 05-25 08-03 11-30 12-25 12-28",
	},
	NorthernIreland: {
		2022: "01-03 03-17 04-15 04-18 05-02 06-02 06-03 07-12 08-29 09-19 12-26 12-27",
		2023: "01-02 03-17 04-07 04-10 05-01 05-08 05-29 07-12 08-28 12-25 12-26",
		2024: "01-01 03-18 03-29 04-01 05-06 05-27 07-12 08-26 12-25 12-26",
		2025: "01-01 03-17 04-18 04-21 05-05 05-26 07-14 08-25 12-25 12-26",
		2026: "01-01 03-17 04-03 04-06 05-04 05-25 07-13 08-31 12-25 12-28",
	},
}

func TestRulesReproducePublishedDates(t *testing.T) {
	for div, years := range published {
		for year, want := range years {
			hs, err := ForYear(div, year)
			if err != nil {
				t.Fatalf("%s %d: %v", div, year, err)
			}
			var got []string
			for _, h := range hs {
				got = append(got, h.Date.Format("01-02"))
				if isWeekend(h.Date) {
					t.Errorf("%s %d: %s (%s) is a weekend day", div, year, h.Date.Format(time.DateOnly), h.Name)
				}
			}
			if g := strings.Join(got, " "); g != want {
				t.Errorf("%s %d:\n got %s\nwant %s", div, year, g, want)
			}
		}
	}
}

func TestSubstituteAndOneOffNames(t *testing.T) {
	for _, c := range []struct {
		div  Division
		day  string
		name string
	}{
		{EnglandAndWales, "2026-12-28", "Boxing Day (substitute day)"},
		{EnglandAndWales, "2027-12-27", "Christmas Day (substitute day)"},
		{EnglandAndWales, "2028-01-03", "New Year’s Day (substitute day)"},
		{EnglandAndWales, "2022-12-26", "Boxing Day"},
		{EnglandAndWales, "2022-12-27", "Christmas Day (substitute day)"},
		{EnglandAndWales, "2020-05-08", "Early May bank holiday (VE day)"},
		{Scotland, "2025-12-01", "St Andrew’s Day (substitute day)"},
		{NorthernIreland, "2025-07-14", "Battle of the Boyne (Orangemen’s Day) (substitute day)"},
	} {
		name, ok, err := c.div.Holiday(day(c.day))
		if err != nil || !ok || name != c.name {
			t.Errorf("%s %s: got %q, %v, %v; want %q", c.div, c.day, name, ok, err, c.name)
		}
	}
	// The weekend days whose holiday moved are not holidays themselves.
	for _, d := range []string{"2026-12-26", "2027-12-25", "2028-01-01", "2020-05-04", "2022-05-30"} {
		if _, ok, _ := EnglandAndWales.Holiday(day(d)); ok {
			t.Errorf("%s should not be a bank holiday", d)
		}
	}
}

// publishedEaster are Easter Sundays from published tables, including the
// latest possible date (25 April, 2038) and the earliest (22 March, 2285).
var publishedEaster = map[int]string{
	2000: "04-23", 2001: "04-15", 2002: "03-31", 2008: "03-23", 2011: "04-24", 2019: "04-21", 2020: "04-12",
	2021: "04-04", 2022: "04-17", 2023: "04-09", 2024: "03-31", 2025: "04-20", 2026: "04-05", 2027: "03-28",
	2028: "04-16", 2029: "04-01", 2030: "04-21", 2038: "04-25", 2285: "03-22",
}

func TestEaster(t *testing.T) {
	for y, want := range publishedEaster {
		if got := Easter(y).Format("01-02"); got != want {
			t.Errorf("Easter %d: got %s, want %s", y, got, want)
		}
	}
	// A second, independent computus (Meeus/Jones/Butcher) over four
	// centuries of the Gregorian cycle.
	for y := 2000; y < 2400; y++ {
		if got, want := Easter(y), meeusEaster(y); !got.Equal(want) {
			t.Fatalf("Easter %d: Oudin %s, Meeus %s", y, got.Format(time.DateOnly), want.Format(time.DateOnly))
		}
	}
}

func meeusEaster(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dd := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), dd, 0, 0, 0, 0, time.UTC)
}

// TestNoTimeBomb: the calendar answers for years no table covers, with the
// same number of holidays each year (one-offs aside), and refuses years
// whose one-offs it does not know.
func TestNoTimeBomb(t *testing.T) {
	counts := map[Division]int{EnglandAndWales: 8, Scotland: 9, NorthernIreland: 10}
	for _, div := range Divisions {
		for y := 2029; y <= 2200; y++ {
			hs, err := ForYear(div, y)
			if err != nil {
				t.Fatalf("%s %d: %v", div, y, err)
			}
			if len(hs) != counts[div] {
				t.Fatalf("%s %d: %d holidays, want %d", div, y, len(hs), counts[div])
			}
		}
	}
	if _, err := ForYear(EnglandAndWales, 1999); err == nil || !strings.Contains(err.Error(), "1999") {
		t.Errorf("1999: want an error naming the year, got %v", err)
	}
}

// Working days counted by hand on a calendar.
func TestWorkingDays(t *testing.T) {
	for _, c := range []struct {
		name     string
		from, to string
		want     int
	}{
		{"same day", "2026-06-10", "2026-06-10", 0},
		{"Friday to Monday", "2026-06-05", "2026-06-08", 1},
		// Sat, Sun, Mon 4 May (Early May), Tue 5.
		{"over the May bank holiday", "2026-05-01", "2026-05-05", 1},
		// Fri 25 Christmas, Sat, Sun, Mon 28 Boxing Day substitute, Tue 29.
		{"over Christmas 2026", "2026-12-24", "2026-12-29", 1},
		{"backwards", "2026-06-08", "2026-06-05", -1},
	} {
		got, err := EnglandAndWales.WorkingDaysBetween(day(c.from), day(c.to))
		if err != nil || got != c.want {
			t.Errorf("%s: got %d, %v; want %d", c.name, got, err, c.want)
		}
	}
	// Scotland works on Easter Monday; England and Wales does not.
	easterMonday := day("2026-04-06")
	if ok, _ := Scotland.IsWorkingDay(easterMonday); !ok {
		t.Error("Easter Monday is a working day in Scotland")
	}
	if ok, _ := EnglandAndWales.IsWorkingDay(easterMonday); ok {
		t.Error("Easter Monday is a bank holiday in England and Wales")
	}
	// The 8th working day from Fri 18 Dec 2026 counting from the next day:
	// Mon 21 … Thu 24 (4), Tue 29 … Thu 31 (7), Mon 4 Jan 2027 (8).
	if got, err := EnglandAndWales.NthWorkingDay(day("2026-12-19"), 8); err != nil || !got.Equal(day("2027-01-04")) {
		t.Errorf("8th working day: got %s, %v", got.Format(time.DateOnly), err)
	}
	if _, err := EnglandAndWales.NthWorkingDay(day("2026-06-01"), 0); err == nil {
		t.Error("0 working days should be refused")
	}
}

// Just after midnight in London in summer is still the day before in UTC:
// only the date in the time's own location counts.
func TestDateInItsOwnLocation(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	// 00:30 BST on Monday 4 May 2026 is 23:30 UTC on Sunday 3 May.
	early := time.Date(2026, 5, 4, 0, 30, 0, 0, london)
	if ok, _ := EnglandAndWales.IsWorkingDay(early); ok {
		t.Error("00:30 on Early May bank holiday in London is a holiday")
	}
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}
