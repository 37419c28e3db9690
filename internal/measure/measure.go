package measure

import (
	"fmt"
	"math/big"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
)

// Kind says what a measure measures.
type Kind string

// Kinds of measure.
const (
	// Experience measures ask people a question; the indicator is the
	// share of responses that count as positive.
	Experience Kind = "experience"
	// Outcome measures count a change in people's lives.
	Outcome Kind = "outcome"
	// Process measures count something the service does.
	Process Kind = "process"
)

// Label is the plain-English name of the kind.
func (k Kind) Label() string {
	switch k {
	case Experience:
		return "Experience measure"
	case Outcome:
		return "Outcome measure"
	case Process:
		return "Process measure"
	}
	return "Measure"
}

// Frequency is how often a measure is collected and reported.
type Frequency string

// Frequencies.
const (
	Monthly    Frequency = "monthly"
	Quarterly  Frequency = "quarterly"
	SixMonthly Frequency = "six_monthly"
	Annually   Frequency = "annually"
)

func (f Frequency) valid() bool {
	return f == Monthly || f == Quarterly || f == SixMonthly || f == Annually
}

// ResponseOption is one answer people can give to an experience question.
type ResponseOption struct {
	Label    string
	Positive bool // counts towards the indicator
}

// EvidenceKind is the kind of evidence that motivated a measure. The
// values are those of evidence.Kind (the test checks), so the web and
// store convert with a plain type conversion; measure does not import
// evidence, to keep the payment engine free of the rest of the domain
// (and of its dependencies) for the offline command.
type EvidenceKind string

// Kinds of motivating evidence: the issue names vision statements,
// stories and factors.
const (
	FromVision EvidenceKind = "vision"
	FromStory  EvidenceKind = "story"
	FromFactor EvidenceKind = "factor"
)

// Label names the kind in the chain shown on pages and in exports.
func (k EvidenceKind) Label() string {
	switch k {
	case FromVision:
		return "vision statement"
	case FromStory:
		return "story"
	case FromFactor:
		return "factor"
	}
	return string(k)
}

func (k EvidenceKind) valid() bool { return k == FromVision || k == FromStory || k == FromFactor }

// EvidenceLink ties a measure to what motivated it: the first link of the
// chain vision statement → measure → indicator → contract → payment.
type EvidenceLink struct {
	Kind  EvidenceKind
	ID    string
	Title string // shown in the chain, e.g. the "I statement"
}

// SignOff records the group agreeing something: the group, citing the
// decision it passed (By names it, as "the group, by the decision ..."),
// and when the decision was carried out.
type SignOff struct {
	By string
	At time.Time
	// ProposalID is the passed decision that signed it off.
	ProposalID string
}

// Measure is an experience, outcome or process measure, written by the
// lived experience group from its vision.
type Measure struct {
	ID      string
	RoundID string
	Kind    Kind
	Title   string
	// PlainEnglish and EasyRead say what is measured, for everyone and in
	// Easy Read (short sentences, one idea each; pictures are added by the
	// page). Both are needed before sign-off.
	PlainEnglish string
	EasyRead     string

	// Experience measures.
	Question string
	Options  []ResponseOption

	// Outcome and process measures.
	Numerator   string // what is counted, e.g. "people seen within 4 weeks"
	Denominator string // out of what, e.g. "people referred"; empty for a count
	DataSource  string
	Frequency   Frequency

	// All kinds. For experience measures the unit is the percentage of
	// positive responses and Direction is Higher.
	Baseline  *big.Rat // nil when not known yet
	Target    *big.Rat
	Direction Direction

	Links   []EvidenceLink // what motivated it; none means a draft
	SignOff *SignOff       // nil until the group signs it off
}

// MeasureStatus is where a measure is on its way into a specification.
type MeasureStatus string

// Measure statuses.
const (
	// Draft: not linked to any evidence yet. Nothing motivates it, so it
	// cannot be signed off.
	Draft MeasureStatus = "draft"
	// AwaitingSignOff: linked to evidence, not yet signed off.
	AwaitingSignOff MeasureStatus = "awaiting_sign_off"
	// SignedOff: the group has signed it off; it can enter a specification.
	SignedOff MeasureStatus = "signed_off"
)

// Status returns the measure's status.
func (m *Measure) Status() MeasureStatus {
	switch {
	case len(m.Links) == 0:
		return Draft
	case m.SignOff == nil:
		return AwaitingSignOff
	}
	return SignedOff
}

// StatusText says in plain English where the measure stands, so a draft
// always says it is one and why.
func (m *Measure) StatusText() string {
	switch m.Status() {
	case Draft:
		return "Draft: not yet linked to a vision statement, story or factor"
	case AwaitingSignOff:
		return "Waiting for the group to sign it off"
	}
	return fmt.Sprintf("Signed off by %s on %s", m.SignOff.By, m.SignOff.At.UTC().Format("2 January 2006"))
}

// Validate checks what any saved measure needs, draft or not, and
// normalises white space. It returns an apperr Invalid error with a field
// per problem.
func (m *Measure) Validate() error {
	m.Title = strings.TrimSpace(m.Title)
	var fs []apperr.FieldError
	add := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	switch n := utf8.RuneCountInString(m.Title); {
	case n == 0:
		add("title", "Enter a short title for the measure")
	case n > 200:
		add("title", "Title must be 200 characters or fewer")
	}
	if m.Kind != Experience && m.Kind != Outcome && m.Kind != Process {
		add("kind", "Select experience, outcome or process")
	}
	if m.Direction != "" && !m.Direction.Valid() {
		add("direction", "Select higher is better or lower is better")
	}
	if m.Frequency != "" && !m.Frequency.valid() {
		add("frequency", "Select how often it is reported")
	}
	return apperr.Fields(fs)
}

// ReadyForSignOff lists, as field errors, everything missing before the
// group can sign the measure off: evidence links, both wordings, and the
// details of its kind. It returns nil when the measure is ready.
func (m *Measure) ReadyForSignOff() error {
	if err := m.Validate(); err != nil {
		return err
	}
	var fs []apperr.FieldError
	add := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	if len(m.Links) == 0 {
		add("links", "Link the measure to the vision statement, story or factor that motivated it; until then it is a draft")
	}
	for i, l := range m.Links {
		if !l.Kind.valid() || l.ID == "" {
			add(fmt.Sprintf("links[%d]", i), "Link to a vision statement, story or factor")
		}
	}
	if strings.TrimSpace(m.PlainEnglish) == "" {
		add("plain_english", "Say what the measure means in plain English")
	}
	if strings.TrimSpace(m.EasyRead) == "" {
		add("easy_read", "Say what the measure means in Easy Read")
	}
	if m.Target == nil {
		add("target", "Enter the target")
	}
	if !m.Frequency.valid() {
		add("frequency", "Select how often it is reported")
	}
	switch m.Kind {
	case Experience:
		m.checkExperience(add)
	default:
		if strings.TrimSpace(m.Numerator) == "" {
			add("numerator", "Say what is counted")
		}
		if strings.TrimSpace(m.DataSource) == "" {
			add("data_source", "Say where the data comes from")
		}
		if !m.Direction.Valid() {
			add("direction", "Select higher is better or lower is better")
		}
	}
	return apperr.Fields(fs)
}

func (m *Measure) checkExperience(add func(field, msg string)) {
	if strings.TrimSpace(m.Question) == "" {
		add("question", "Enter the question people are asked")
	}
	if len(m.Options) < 2 {
		add("options", "Give at least two answers people can choose from")
		return
	}
	pos, seen := 0, map[string]bool{}
	for i, o := range m.Options {
		l := strings.TrimSpace(o.Label)
		switch {
		case l == "":
			add(fmt.Sprintf("options[%d]", i), "Enter the wording of this answer")
		case seen[strings.ToLower(l)]:
			add(fmt.Sprintf("options[%d]", i), fmt.Sprintf("The answer %q is listed twice", l))
		}
		seen[strings.ToLower(l)] = true
		if o.Positive {
			pos++
		}
	}
	if pos == 0 || pos == len(m.Options) {
		add("options", "Mark which answers count as positive: at least one, but not all")
	}
	if m.Direction != "" && m.Direction != Higher {
		add("direction", "An experience measure is the share of positive answers, so higher is better")
	}
	if m.Target != nil && (m.Target.Sign() < 0 || m.Target.Cmp(ratHundred) > 0) {
		add("target", "The target is a percentage of positive answers, from 0 to 100")
	}
}

// Sign records the group's sign-off, as carrying out the group's decision
// does. A draft, or a measure with anything missing, is refused with the
// reasons. Store code must clear SignOff whenever the measure's wording,
// definition or target changes.
func (m *Measure) Sign(by string, at time.Time) error {
	if strings.TrimSpace(by) == "" {
		return apperr.Errorf(apperr.Invalid, "Say who is signing the measure off for the group")
	}
	if err := m.ReadyForSignOff(); err != nil {
		return err
	}
	if m.Kind == Experience {
		m.Direction = Higher
	}
	m.SignOff = &SignOff{By: strings.TrimSpace(by), At: at.UTC()}
	return nil
}

// PositiveShare is the indicator of an experience measure: the percentage
// of responses that count as positive, exactly. counts maps each option
// label to how many people chose it; labels that are not options are
// refused, since they would silently change the denominator.
func (m *Measure) PositiveShare(counts map[string]int64) (*big.Rat, error) {
	if m.Kind != Experience {
		return nil, apperr.Errorf(apperr.Invalid, "%q is not an experience measure", m.Title)
	}
	positive := map[string]bool{}
	for _, o := range m.Options {
		positive[o.Label] = o.Positive
	}
	var total, pos int64
	for label, n := range counts {
		isPos, ok := positive[label]
		if !ok {
			return nil, apperr.Errorf(apperr.Invalid, "%q is not one of the answers to %q", label, m.Question)
		}
		if n < 0 {
			return nil, apperr.Errorf(apperr.Invalid, "the count for %q is negative", label)
		}
		total += n
		if isPos {
			pos += n
		}
	}
	if total == 0 {
		return nil, apperr.Errorf(apperr.Invalid, "no responses yet, so there is no share to report")
	}
	return new(big.Rat).Mul(big.NewRat(pos, total), ratHundred), nil
}
