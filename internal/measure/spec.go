package measure

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
)

// SectionKey names a section of a service specification.
type SectionKey string

// Sections, in the order they are printed.
const (
	SectionAims               SectionKey = "aims"
	SectionOutcomes           SectionKey = "outcomes"
	SectionServiceDescription SectionKey = "service_description"
	SectionAccess             SectionKey = "access"
	SectionIndicators         SectionKey = "indicators" // generated from signed-off measures
	SectionReporting          SectionKey = "reporting"
	SectionPayment            SectionKey = "payment"
)

// SectionOrder lists every section in printed order.
var SectionOrder = []SectionKey{SectionAims, SectionOutcomes, SectionServiceDescription, SectionAccess,
	SectionIndicators, SectionReporting, SectionPayment}

// Title is the section's heading.
func (k SectionKey) Title() string {
	switch k {
	case SectionAims:
		return "Aims"
	case SectionOutcomes:
		return "Outcomes"
	case SectionServiceDescription:
		return "Service description"
	case SectionAccess:
		return "Access and reasonable adjustments"
	case SectionIndicators:
		return "Indicators"
	case SectionReporting:
		return "Reporting"
	case SectionPayment:
		return "Payment"
	}
	return string(k)
}

// IndicatorRow is one line of the indicators table, copied from a
// signed-off measure when the version is made, so a version never changes
// after the fact even if the measure is later edited.
type IndicatorRow struct {
	MeasureID    string
	Title        string
	Kind         Kind
	PlainEnglish string
	Definition   string // the question, or numerator ÷ denominator
	DataSource   string
	Frequency    Frequency
	Baseline     string // decimal, empty when not known
	Target       string
	Direction    Direction
	Links        []EvidenceLink
	SignOff      SignOff
}

// Text is the row as plain text, for comparisons and Markdown.
func (r IndicatorRow) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s). %s Measured as: %s.", r.Title, strings.ToLower(r.Kind.Label()), r.PlainEnglish, r.Definition)
	if r.DataSource != "" {
		fmt.Fprintf(&b, " Data from %s.", r.DataSource)
	}
	if r.Baseline != "" {
		fmt.Fprintf(&b, " Baseline %s.", r.Baseline)
	}
	fmt.Fprintf(&b, " Target %s, %s, reported %s.", r.Target, r.Direction.Label(), strings.ReplaceAll(string(r.Frequency), "_", "-"))
	return b.String()
}

// Version is one version of a service specification. Versions are never
// edited: a change makes a new version.
type Version struct {
	Number     int
	Sections   map[SectionKey]string // written sections; Indicators is generated
	Indicators []IndicatorRow
	CreatedBy  string
	CreatedAt  time.Time
	SignOff    *SignOff // the group's sign-off of this version
}

// NewVersion makes a specification version from written sections and the
// measures to put in its indicators table. Only measures the group has
// signed off may enter; any other is refused, naming it and its status.
func NewVersion(number int, sections map[SectionKey]string, measures []Measure, by string, at time.Time) (*Version, error) {
	var fs []apperr.FieldError
	v := &Version{Number: number, Sections: map[SectionKey]string{}, CreatedBy: by, CreatedAt: at.UTC()}
	for k, body := range sections {
		switch {
		case k == SectionIndicators:
			fs = append(fs, apperr.FieldError{Field: string(k), Message: "The indicators table is made from the signed-off measures; it cannot be written by hand"})
		case !slices.Contains(SectionOrder, k):
			fs = append(fs, apperr.FieldError{Field: string(k), Message: fmt.Sprintf("%q is not a section of a specification", k)})
		default:
			v.Sections[k] = strings.TrimSpace(body)
		}
	}
	for i := range measures {
		m := &measures[i]
		if m.Status() != SignedOff {
			fs = append(fs, apperr.FieldError{Field: "measures", Message: fmt.Sprintf("%q cannot enter the specification: %s", m.Title, m.StatusText())})
			continue
		}
		v.Indicators = append(v.Indicators, rowFrom(m))
	}
	if err := apperr.Fields(fs); err != nil {
		return nil, err
	}
	return v, nil
}

func rowFrom(m *Measure) IndicatorRow {
	def := m.Question
	if m.Kind != Experience {
		def = m.Numerator
		if m.Denominator != "" {
			def += " ÷ " + m.Denominator
		}
	} else {
		var pos []string
		for _, o := range m.Options {
			if o.Positive {
				pos = append(pos, o.Label)
			}
		}
		def = fmt.Sprintf("%q; positive answers: %s", m.Question, strings.Join(pos, ", "))
	}
	r := IndicatorRow{MeasureID: m.ID, Title: m.Title, Kind: m.Kind, PlainEnglish: m.PlainEnglish, Definition: def,
		DataSource: m.DataSource, Frequency: m.Frequency, Target: Dec(m.Target), Direction: m.Direction,
		Links: append([]EvidenceLink(nil), m.Links...), SignOff: *m.SignOff}
	if m.Baseline != nil {
		r.Baseline = Dec(m.Baseline)
	}
	return r
}

// SectionText returns a section's text; for Indicators, the table as
// text, one indicator a paragraph.
func (v *Version) SectionText(k SectionKey) string {
	if k != SectionIndicators {
		return v.Sections[k]
	}
	rows := make([]string, len(v.Indicators))
	for i, r := range v.Indicators {
		rows[i] = r.Text()
	}
	return strings.Join(rows, "\n\n")
}

// Sign records the group's sign-off of this version.
func (v *Version) Sign(by string, at time.Time) error {
	if strings.TrimSpace(by) == "" {
		return apperr.Errorf(apperr.Invalid, "Say who is signing the specification off for the group")
	}
	if v.SignOff != nil {
		return apperr.Errorf(apperr.Conflict, "Version %d was already signed off by %s", v.Number, v.SignOff.By)
	}
	v.SignOff = &SignOff{By: strings.TrimSpace(by), At: at.UTC()}
	return nil
}

// SectionDiff is the comparison of one section between two versions.
type SectionDiff struct {
	Key     SectionKey
	Title   string
	Changed bool
	Runs    []DiffRun
	Removed int // words
	Added   int
}

// CompareVersions compares two versions section by section, word by word,
// in printed order. Sections empty in both are left out.
func CompareVersions(a, b *Version) []SectionDiff {
	var out []SectionDiff
	for _, k := range SectionOrder {
		ta, tb := a.SectionText(k), b.SectionText(k)
		if ta == "" && tb == "" {
			continue
		}
		runs := DiffWords(ta, tb)
		rem, add := DiffStats(runs)
		out = append(out, SectionDiff{Key: k, Title: k.Title(), Changed: ta != tb, Runs: runs, Removed: rem, Added: add})
	}
	return out
}

// Markdown exports the version: headings, sections, and the indicators
// with the chain back to their evidence.
func (v *Version) Markdown(title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\nVersion %d", title, v.Number)
	if v.SignOff != nil {
		fmt.Fprintf(&b, ", signed off by %s on %s", v.SignOff.By, v.SignOff.At.Format("2 January 2006"))
	} else {
		b.WriteString(", not yet signed off by the group")
	}
	b.WriteString(".\n")
	for _, k := range SectionOrder {
		fmt.Fprintf(&b, "\n## %s\n\n", k.Title())
		if k != SectionIndicators {
			if body := v.Sections[k]; body != "" {
				b.WriteString(body + "\n")
			} else {
				b.WriteString("_Not written yet._\n")
			}
			continue
		}
		if len(v.Indicators) == 0 {
			b.WriteString("_No signed-off measures yet._\n")
		}
		for _, r := range v.Indicators {
			fmt.Fprintf(&b, "### %s\n\n%s\n\n", r.Title, r.Text())
			for _, l := range r.Links {
				fmt.Fprintf(&b, "- Motivated by %s: %s\n", l.Kind.Label(), l.Title)
			}
			fmt.Fprintf(&b, "- Signed off by %s on %s\n\n", r.SignOff.By, r.SignOff.At.Format("2 January 2006"))
		}
	}
	return b.String()
}
