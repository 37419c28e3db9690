package tender

// englandWalesBankHolidays are the bank holidays in England and Wales,
// 2025 to 2028, as "YYYY-MM-DD" and name.
//
// Source: GOV.UK, "UK bank holidays" (https://www.gov.uk/bank-holidays,
// also served as https://www.gov.uk/bank-holidays.json), England and Wales
// division. When a holiday falls on a weekend the substitute day, a
// weekday, is the bank holiday, so only substitute days are listed
// (Boxing Day 2026 is a Saturday: Monday 28 December; Christmas and Boxing
// Day 2027 are a Saturday and Sunday: Monday 27 and Tuesday 28 December;
// New Year's Day 2028 is a Saturday: Monday 3 January).
//
// GOV.UK publishes a year or two ahead; the 2028 dates follow the same
// statutory pattern and must be checked against GOV.UK when it lists 2028,
// as must any one-off holiday announced later (as for coronations and
// jubilees). TestBankHolidaysFollowTheRules checks every date independently
// against the rules (Easter by the Gregorian computus, first and last
// Mondays, substitute days) so a typing slip here cannot pass.
var englandWalesBankHolidays = []struct{ date, name string }{
	{"2025-01-01", "New Year’s Day"},
	{"2025-04-18", "Good Friday"},
	{"2025-04-21", "Easter Monday"},
	{"2025-05-05", "Early May bank holiday"},
	{"2025-05-26", "Spring bank holiday"},
	{"2025-08-25", "Summer bank holiday"},
	{"2025-12-25", "Christmas Day"},
	{"2025-12-26", "Boxing Day"},

	{"2026-01-01", "New Year’s Day"},
	{"2026-04-03", "Good Friday"},
	{"2026-04-06", "Easter Monday"},
	{"2026-05-04", "Early May bank holiday"},
	{"2026-05-25", "Spring bank holiday"},
	{"2026-08-31", "Summer bank holiday"},
	{"2026-12-25", "Christmas Day"},
	{"2026-12-28", "Boxing Day (substitute day)"},

	{"2027-01-01", "New Year’s Day"},
	{"2027-03-26", "Good Friday"},
	{"2027-03-29", "Easter Monday"},
	{"2027-05-03", "Early May bank holiday"},
	{"2027-05-31", "Spring bank holiday"},
	{"2027-08-30", "Summer bank holiday"},
	{"2027-12-27", "Christmas Day (substitute day)"},
	{"2027-12-28", "Boxing Day (substitute day)"},

	{"2028-01-03", "New Year’s Day (substitute day)"},
	{"2028-04-14", "Good Friday"},
	{"2028-04-17", "Easter Monday"},
	{"2028-05-01", "Early May bank holiday"},
	{"2028-05-29", "Spring bank holiday"},
	{"2028-08-28", "Summer bank holiday"},
	{"2028-12-25", "Christmas Day"},
	{"2028-12-26", "Boxing Day"},
}

// englandWalesYears is the range of years the table covers completely.
const englandWalesFirstYear, englandWalesLastYear = 2025, 2028
