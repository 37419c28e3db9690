// Package adjustaudit is audits of reasonable adjustments: whether a
// service (a GP practice, a clinic, a ward, a care provider) makes the
// adjustments disabled people are owed (the Equality Act 2010 duty; the NHS
// Accessible Information Standard, DAPB1605: identify, record, flag, share,
// meet). An audit uses a template of criteria; each criterion asks one
// question of each case in a sample of pseudonymous cases; the answers are
// met, not met, not applicable or not known, with the evidence seen.
// Results per criterion and overall carry Wilson 95% intervals, and an
// audit is compared with its re-audit in words that follow the interval
// (internal/proportion). The package is pure: no storage, no pages.
package adjustaudit

// Criterion is one question asked of every case.
type Criterion struct {
	Key      string
	Question string // asked of one case, answered met / not met / not applicable / not known
	Evidence string // what to look at, for the auditor
	// Letter marks a criterion about a letter sent: the product's letter
	// checker (readability) can be run on the letter used.
	Letter bool
}

// Template is a set of criteria for one kind of adjustment.
type Template struct {
	Key, Title string
	Criteria   []Criterion
}

// Templates are the ready-made templates. Their questions are written
// from the Accessible Information Standard's five steps and the NHS
// Reasonable Adjustment Flag's categories; a team may add its own.
var Templates = []Template{
	{"accessible_letters", "Accessible appointment letters", []Criterion{
		{"format_recorded", "Is the person's information format (for example Easy Read) recorded?", "The record's communication needs", false},
		{"letter_in_format", "Was the last appointment letter sent in that format?", "The letter sent, or a copy of it", true},
		{"letter_plain", "Does that letter pass the letter checker for its format?", "The letter checker's result on the letter", true},
	}},
	{"longer_appointments", "Longer appointments", []Criterion{
		{"need_recorded", "Is the need for a longer appointment recorded?", "The record's adjustments", false},
		{"longer_booked", "Was the last appointment booked for longer?", "The appointment book", false},
	}},
	{"flag_acted_on", "The flag recorded and acted on", []Criterion{
		{"flag_recorded", "Is a Reasonable Adjustment Flag (or local alert) on the record?", "The record's alerts", false},
		{"flag_seen", "Did the staff at the last contact know of the flag?", "The notes of the last contact", false},
		{"flag_met", "Was what the flag asks for done at the last contact?", "The notes of the last contact", false},
	}},
	{"communication_support", "Communication support", []Criterion{
		{"support_recorded", "Is the communication support needed recorded (for example a BSL interpreter)?", "The record's communication needs", false},
		{"support_booked", "Was it booked for the last appointment?", "The booking record", false},
		{"support_came", "Did it happen at the appointment?", "The notes, or the person's account", false},
	}},
	{"support_person", "The support person welcomed", []Criterion{
		{"person_recorded", "Is the person's supporter (carer, advocate, support worker) recorded?", "The record's contacts", false},
		{"person_welcomed", "Was the supporter invited in at the last appointment, if the person wanted?", "The notes, or the person's account", false},
	}},
	{"environment", "The environment", []Criterion{
		{"environment_recorded", "Are the person's needs of the place recorded (for example a quiet room)?", "The record's adjustments", false},
		{"environment_met", "Were they met at the last visit?", "The notes, or the person's account", false},
	}},
	{"preferred_format", "Information in the preferred format", []Criterion{
		{"preference_asked", "Was the person asked how they want information?", "The record's communication needs", false},
		{"results_in_format", "Were results or plans given in that format?", "The letters or leaflets given", true},
	}},
	{"annual_health_check", "Annual health check", []Criterion{
		{"on_register", "Is the person on the practice's learning disability register?", "The register", false},
		{"check_done", "Was an annual health check done in the last 12 months?", "The record of the check", false},
		{"plan_given", "Was a health action plan given, in the person's format?", "The plan given", true},
	}},
}

// TemplateByKey finds a ready-made template.
func TemplateByKey(key string) (Template, bool) {
	for _, t := range Templates {
		if t.Key == key {
			return t, true
		}
	}
	return Template{}, false
}
