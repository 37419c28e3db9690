package measure

import (
	"fmt"
	"math/big"
	"strings"
	"time"
	_ "time/tzdata" // Europe/London without the machine's zone files
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
)

// Contract is a provider's contract under a round: it adopts the
// indicators of one specification version, and its payment profile (set
// later) decides how much of its value each indicator moves.
type Contract struct {
	ID            string
	RoundID       string
	Title         string
	ProviderOrgID string
	ProviderName  string
	StartsOn      string // YYYY-MM-DD
	EndsOn        string
	ValuePence    int64 // a year's value
	SpecID        string
	SpecTitle     string
	VersionNumber int
	Indicators    []IndicatorRow // of the adopted version
	// Profile is nil until the commissioner sets it; its contract value
	// is ValuePence.
	Profile   *Profile
	Due       map[string]string // period → YYYY-MM-DD its reports are due
	CreatedAt time.Time
}

// DueTimes turns the due dates into the instants ReportFlags needs: the end
// of the due day in the UK (midnight UK time, the start of the next day).
func (c *Contract) DueTimes() map[string]time.Time {
	out := map[string]time.Time{}
	for p, d := range c.Due {
		if t, err := time.ParseInLocation("2006-01-02", d, london); err == nil {
			out[p] = t.AddDate(0, 0, 1).UTC()
		}
	}
	return out
}

// london is the zone due dates are days in (zone data built in: time/tzdata).
var london = func() *time.Location {
	l, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic("Europe/London is built in with time/tzdata: " + err.Error())
	}
	return l
}()

// NewContract is what a commissioner enters to make a contract.
type NewContract struct {
	RoundID       string
	Title         string
	ProviderOrgID string
	StartsOn      string // YYYY-MM-DD once validated
	EndsOn        string
	Value         string // pounds as typed
	SpecID        string
	VersionNumber int

	pence int64
}

// Pence is the annual value once Validate has accepted it.
func (n *NewContract) Pence() int64 { return n.pence }

// Validate normalises the input and returns every problem at once. Dates
// must already be YYYY-MM-DD (the face parses what people type).
func (n *NewContract) Validate() error {
	n.Title = strings.TrimSpace(n.Title)
	var fs []apperr.FieldError
	add := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	switch l := utf8.RuneCountInString(n.Title); {
	case l == 0:
		add("title", "Enter the contract's name")
	case l > 200:
		add("title", "The name must be 200 characters or fewer")
	}
	if n.ProviderOrgID == "" {
		add("provider_org_id", "Select the provider")
	}
	s, e1 := time.Parse("2006-01-02", n.StartsOn)
	if e1 != nil {
		add("starts_on", "Enter the start date, like 1 April 2027")
	}
	e, e2 := time.Parse("2006-01-02", n.EndsOn)
	if e2 != nil {
		add("ends_on", "Enter the end date, like 31 March 2028")
	} else if e1 == nil && e.Before(s) {
		add("ends_on", "The end date must be on or after the start date")
	}
	n.pence = 0
	v, err := ParseDecimal(strings.ReplaceAll(strings.TrimPrefix(strings.TrimSpace(n.Value), "£"), ",", ""))
	switch {
	case strings.TrimSpace(n.Value) == "":
		add("value", "Enter the contract's value for a year, in pounds, like 1200000")
	case err != nil:
		add("value", "Enter the value in pounds, like 1200000 or 1,200,000.00")
	default:
		p := new(big.Rat).Mul(v, big.NewRat(100, 1))
		switch {
		case !p.IsInt():
			add("value", "Enter the value to the nearest penny")
		case p.Sign() <= 0:
			add("value", "The value must be more than £0")
		case p.Num().CmpAbs(big.NewInt(MaxContractValuePence)) > 0:
			add("value", fmt.Sprintf("The value must be at most %s", FormatPence(MaxContractValuePence)))
		default:
			n.pence = p.Num().Int64()
		}
	}
	if n.SpecID == "" || n.VersionNumber <= 0 {
		add("version", "Select the specification version the contract adopts")
	}
	return apperr.Fields(fs)
}
