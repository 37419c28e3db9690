package measure

import "time"

// FlagKind is what is wrong with a report's timing.
type FlagKind string

// Flag kinds.
const (
	Late        FlagKind = "late"    // submitted after the due time
	MissingFlag FlagKind = "missing" // not submitted and the due time has passed
)

// Submission is when a report for an indicator and period arrived.
type Submission struct {
	Period    string
	Indicator string
	At        time.Time
}

// Flag marks a late or missing report.
type Flag struct {
	Kind      FlagKind
	Period    string
	Indicator string
	Due       time.Time
	// Submitted is when a late report arrived; zero for a missing one.
	Submitted time.Time
	// DaysLate counts days started since the due time: at Submitted for a
	// late report, at now for a missing one.
	DaysLate int
}

// ReportFlags flags late and missing reports. due maps each period to the
// time its reports are due (periods without a due time are not flagged);
// the caller chooses the instant, for example the end of the due day in
// UK time. A report is late when it arrived after its due time, and
// missing when none has arrived and now is after the due time. When an
// indicator and period was submitted more than once, the first submission
// counts. Flags come in profile order: by period, then indicator.
func ReportFlags(p *Profile, due map[string]time.Time, subs []Submission, now time.Time) []Flag {
	type key struct{ period, ind string }
	first := map[key]time.Time{}
	for _, s := range subs {
		k := key{s.Period, s.Indicator}
		if t, ok := first[k]; !ok || s.At.Before(t) {
			first[k] = s.At
		}
	}
	var flags []Flag
	for _, period := range p.Periods {
		d, ok := due[period]
		if !ok {
			continue
		}
		for _, ind := range p.Indicators {
			at, submitted := first[key{period, ind.ID}]
			switch {
			case submitted && at.After(d):
				flags = append(flags, Flag{Kind: Late, Period: period, Indicator: ind.ID, Due: d, Submitted: at, DaysLate: daysStarted(at.Sub(d))})
			case !submitted && now.After(d):
				flags = append(flags, Flag{Kind: MissingFlag, Period: period, Indicator: ind.ID, Due: d, DaysLate: daysStarted(now.Sub(d))})
			}
		}
	}
	return flags
}

// daysStarted rounds a positive duration up to whole days: one second late
// is one day late.
func daysStarted(d time.Duration) int {
	const day = 24 * time.Hour
	return int((d + day - 1) / day)
}
