package web

import (
	"bytes"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/round"
)

// The measures area's forms: what people type, turned into the measure
// package's values, with problems reading it as field errors; and the
// domain's field names turned back into the form's, so the error summary
// links to the field to fix.

// lines splits a text area into its non-empty lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// measureForm reads the measure form; problems reading numbers come back
// as field errors.
func measureForm(f url.Values, roundID string) (*measure.Measure, []apperr.FieldError) {
	m := &measure.Measure{RoundID: roundID, Kind: measure.Kind(f.Get("kind")), Title: f.Get("title"),
		PlainEnglish: strings.TrimSpace(f.Get("plain_english")), EasyRead: strings.TrimSpace(f.Get("easy_read")),
		Question: strings.TrimSpace(f.Get("question")), Numerator: strings.TrimSpace(f.Get("numerator")),
		Denominator: strings.TrimSpace(f.Get("denominator")), DataSource: strings.TrimSpace(f.Get("data_source")),
		Frequency: measure.Frequency(f.Get("frequency")), Direction: measure.Direction(f.Get("direction"))}
	var fs []apperr.FieldError
	positive := map[string]bool{}
	for _, l := range lines(f.Get("positive")) {
		positive[strings.ToLower(l)] = true
	}
	for _, l := range lines(f.Get("options")) {
		m.Options = append(m.Options, measure.ResponseOption{Label: l, Positive: positive[strings.ToLower(l)]})
		delete(positive, strings.ToLower(l))
	}
	if len(positive) > 0 {
		fs = append(fs, apperr.FieldError{Field: "positive", Message: "Copy the positive answers exactly from the list of answers"})
	}
	if m.Kind == measure.Experience {
		m.Direction = measure.Higher
	}
	for _, n := range []struct {
		name, label string
		to          **big.Rat
	}{{"baseline", "The baseline", &m.Baseline}, {"target", "The target", &m.Target}} {
		v := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f.Get(n.name)), "%"))
		if v == "" {
			continue
		}
		x, err := measure.ParseDecimal(v)
		if err != nil {
			fs = append(fs, apperr.FieldError{Field: n.name, Message: n.label + " must be a number, like 75 or 12.5"})
			continue
		}
		*n.to = x
	}
	seen := map[string]bool{}
	for _, l := range f["links"] {
		kind, id, _ := strings.Cut(l, ":")
		if !seen[l] {
			seen[l] = true
			m.Links = append(m.Links, measure.EvidenceLink{Kind: measure.EvidenceKind(kind), ID: id})
		}
	}
	return m, fs
}

// formFields folds indexed fields ("options[2]", "links[0]") into the
// form field they come from, so the error summary links to it.
func formFields(err error) error {
	fs := apperr.FieldsOf(err)
	if len(fs) == 0 {
		return err
	}
	for i := range fs {
		if k, _, ok := strings.Cut(fs[i].Field, "["); ok {
			fs[i].Field = k
		}
	}
	return &apperr.Error{Code: apperr.Code(err), Fields: fs, Message: apperr.Message(err)}
}

// versionSections reads a new version's text, section by section; the
// indicators section is made from the measures, not typed.
func versionSections(f url.Values) map[measure.SectionKey]string {
	sections := map[measure.SectionKey]string{}
	for _, k := range measure.SectionOrder {
		if k != measure.SectionIndicators {
			sections[k] = f.Get(string(k))
		}
	}
	return sections
}

// versionValues fills the new version form from the latest version: its
// text and its measures, added to q.
func versionValues(q url.Values, v *measure.Version) url.Values {
	for k, body := range v.Sections {
		q.Set(string(k), body)
	}
	for _, row := range v.Indicators {
		q.Add("measures", row.MeasureID)
	}
	return q
}

// compareForm reads the two version numbers to compare, each between 1
// and the number of versions.
func compareForm(q url.Values, versions int) (a, b int, fs []apperr.FieldError) {
	a, errA := strconv.Atoi(q.Get("a"))
	b, errB := strconv.Atoi(q.Get("b"))
	if errA != nil || a < 1 || a > versions {
		fs = append(fs, apperr.FieldError{Field: "a", Message: "Select the older version to compare"})
	}
	if errB != nil || b < 1 || b > versions {
		fs = append(fs, apperr.FieldError{Field: "b", Message: "Select the newer version to compare"})
	}
	return a, b, fs
}

// contractForm reads the new contract form. A date that cannot be read is
// reported once, in the form's words, not again by the domain's check.
func contractForm(f url.Values, roundID string) (measure.NewContract, []apperr.FieldError) {
	n := measure.NewContract{RoundID: roundID, Title: f.Get("title"), ProviderOrgID: f.Get("provider_org_id"), Value: f.Get("value")}
	specID, num, _ := strings.Cut(f.Get("version"), ":")
	n.SpecID, n.VersionNumber = specID, atoiOr0(num)
	var fs []apperr.FieldError
	for _, d := range []struct {
		name, label string
		to          *string
	}{{"starts_on", "Start date", &n.StartsOn}, {"ends_on", "End date", &n.EndsOn}} {
		t, m := round.ParseDate(f.Get(d.name))
		if m != "" {
			fs = append(fs, apperr.FieldError{Field: d.name, Message: d.label + ": " + m})
			continue
		}
		*d.to = t.Format(round.DateLayout)
	}
	for _, fe := range apperr.FieldsOf(n.Validate()) {
		if (fe.Field != "starts_on" && fe.Field != "ends_on") || len(fs) == 0 {
			fs = append(fs, fe)
		}
	}
	return n, fs
}

func atoiOr0(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// profileLine is one adopted indicator on the payment profile form: I1,
// I2, … in the specification's order.
type profileLine struct {
	Index int
	Code  string
	Row   measure.IndicatorRow
}

func profileLines(c *measure.Contract) []profileLine {
	out := make([]profileLine, len(c.Indicators))
	for i, row := range c.Indicators {
		out[i] = profileLine{Index: i, Code: "I" + strconv.Itoa(i+1), Row: row}
	}
	return out
}

// profileValues fills the payment profile form: from the contract's
// profile, or, before it has one, each indicator as a threshold at the
// specification's target.
func profileValues(c *measure.Contract) url.Values {
	q := url.Values{}
	p := c.Profile
	if p == nil {
		for i, row := range c.Indicators {
			q.Set("curve_"+strconv.Itoa(i), string(measure.Threshold))
			q.Set("target_"+strconv.Itoa(i), row.Target)
		}
		return q
	}
	q.Set("at_risk_percent", measure.Dec(p.AtRiskPercent))
	var ps []string
	for _, period := range p.Periods {
		ps = append(ps, strings.TrimSpace(period+" "+c.Due[period]))
	}
	q.Set("periods", strings.Join(ps, "\n"))
	for i, ind := range p.Indicators {
		n := strconv.Itoa(i)
		q.Set("weight_"+n, measure.Dec(ind.WeightPercent))
		q.Set("curve_"+n, string(ind.Curve.Type))
		switch ind.Curve.Type {
		case measure.Threshold:
			q.Set("target_"+n, measure.Dec(ind.Curve.Target))
		case measure.Linear:
			q.Set("zero_at_"+n, measure.Dec(ind.Curve.ZeroAt))
			q.Set("full_at_"+n, measure.Dec(ind.Curve.FullAt))
		case measure.Banded:
			var bs []string
			for _, b := range ind.Curve.Bands {
				bs = append(bs, measure.Dec(b.Reach)+", "+measure.Dec(b.PayPercent))
			}
			q.Set("bands_"+n, strings.Join(bs, "\n"))
		}
	}
	return q
}

// parseNumber reads a decimal typed into a form; ok is false when it is
// not blank and not a number.
func parseNumber(s string) (v *big.Rat, ok bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if s == "" {
		return nil, true
	}
	x, err := measure.ParseDecimal(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		return nil, false
	}
	return x, true
}

// profileForm reads the profile form into a profile and due dates.
func profileForm(c *measure.Contract, f url.Values) (*measure.Profile, map[string]string, []apperr.FieldError) {
	p := &measure.Profile{ContractValuePence: c.ValuePence}
	due := map[string]string{}
	var fs []apperr.FieldError
	number := func(name, label string) *big.Rat {
		v, ok := parseNumber(f.Get(name))
		if !ok {
			fs = append(fs, apperr.FieldError{Field: name, Message: label + " must be a number, like 75 or 1.25"})
		}
		return v
	}
	p.AtRiskPercent = number("at_risk_percent", "The share at risk")
	p.Rating.Good = number("rating_good", "The rating for good")
	p.Rating.Approaching = number("rating_approaching", "The rating for approaching target")
	p.Rating.RequiresImprovement = number("rating_requires", "The rating for requires improvement")
	for _, l := range lines(f.Get("periods")) {
		parts := strings.Fields(strings.ReplaceAll(l, ",", " "))
		p.Periods = append(p.Periods, parts[0])
		if len(parts) > 1 {
			d, m := round.ParseDate(strings.Join(parts[1:], " "))
			if m != "" {
				fs = append(fs, apperr.FieldError{Field: "periods", Message: "Due date of " + parts[0] + ": " + m})
				continue
			}
			due[parts[0]] = d.Format(round.DateLayout)
		}
	}
	for _, line := range profileLines(c) {
		n := strconv.Itoa(line.Index)
		ind := measure.Indicator{ID: line.Code, Name: line.Row.Title, MeasureID: line.Row.MeasureID, Direction: line.Row.Direction,
			WeightPercent: number("weight_"+n, "The weight of "+line.Code)}
		if ind.Direction == "" {
			ind.Direction = measure.Higher
		}
		ind.Curve.Type = measure.CurveType(f.Get("curve_" + n))
		switch ind.Curve.Type {
		case measure.Threshold:
			ind.Curve.Target = number("target_"+n, "The target of "+line.Code)
		case measure.Linear:
			ind.Curve.ZeroAt = number("zero_at_"+n, "The value that pays nothing for "+line.Code)
			ind.Curve.FullAt = number("full_at_"+n, "The value that pays in full for "+line.Code)
		case measure.Banded:
			for _, b := range lines(f.Get("bands_" + n)) {
				reach, pay, _ := strings.Cut(b, ",")
				rv, ok1 := parseNumber(reach)
				pv, ok2 := parseNumber(pay)
				if !ok1 || !ok2 || rv == nil || pv == nil {
					fs = append(fs, apperr.FieldError{Field: "bands_" + n, Message: "Write each band of " + line.Code + " as the value to reach, a comma and the percentage paid, like 70, 50"})
					break
				}
				ind.Curve.Bands = append(ind.Curve.Bands, measure.Band{Reach: rv, PayPercent: pv})
			}
		}
		p.Indicators = append(p.Indicators, ind)
	}
	return p, due, fs
}

// profileField maps the engine's profile.json field paths to the form.
var profileField = regexp.MustCompile(`^indicators\[(\d+)\]\.(weight_percent|curve\.type|curve\.target|curve\.zero_at|curve\.full_at|curve\.bands.*|direction|id|name)$`)

// profileFormErrors turns the payment engine's field paths into the
// profile form's fields, each message saying which part it is about.
func profileFormErrors(err error) error {
	fs := apperr.FieldsOf(err)
	if len(fs) == 0 {
		return err
	}
	for i, fe := range fs {
		field, msg := "at_risk_percent", fe.Message
		switch m := profileField.FindStringSubmatch(fe.Field); {
		case m != nil:
			n, _ := strconv.Atoi(m[1])
			code := "I" + strconv.Itoa(n+1)
			key := map[string]string{"weight_percent": "weight_", "curve.type": "curve_", "curve.target": "target_",
				"curve.zero_at": "zero_at_", "curve.full_at": "full_at_"}[m[2]]
			if strings.HasPrefix(m[2], "curve.bands") {
				key = "bands_"
			}
			if key == "" {
				key = "weight_"
			}
			field, msg = key+m[1], code+": "+msg
		case fe.Field == "indicators":
			field, msg = "weight_0", "Weights: "+msg
		case strings.HasPrefix(fe.Field, "periods"):
			field, msg = "periods", "Periods: "+msg
		case strings.HasPrefix(fe.Field, "rating"):
			field, msg = "rating_good", "Ratings: "+msg
		case fe.Field == "at_risk_percent":
			msg = "Share at risk: " + msg
		default:
			field = fe.Field
		}
		fs[i] = apperr.FieldError{Field: field, Message: msg}
	}
	return apperr.Fields(fs)
}

// reportForm reads one period's values, one field per indicator; an empty
// field is reported later, but at least one value is needed.
func reportForm(f url.Values, p *measure.Profile) ([]measure.Report, []apperr.FieldError) {
	period := f.Get("period")
	var fs []apperr.FieldError
	known := false
	for _, x := range p.Periods {
		known = known || x == period
	}
	if !known {
		fs = append(fs, apperr.FieldError{Field: "period", Message: "Select the period you are reporting for"})
	}
	var reports []measure.Report
	for _, ind := range p.Indicators {
		name := "value_" + ind.ID
		v := strings.TrimSpace(f.Get(name))
		if v == "" {
			continue
		}
		x, err := measure.ParseDecimal(strings.TrimSuffix(v, "%"))
		if err != nil {
			fs = append(fs, apperr.FieldError{Field: name, Message: ind.ID + " " + ind.Name + ": enter a number, like 72 or 72.5"})
			continue
		}
		reports = append(reports, measure.Report{Period: period, Indicator: ind.ID, Value: x})
	}
	if len(fs) == 0 && len(reports) == 0 {
		fs = append(fs, apperr.FieldError{Field: "value_" + p.Indicators[0].ID, Message: "Enter at least one value"})
	}
	return reports, fs
}

// maxReportsCSV bounds an uploaded reports file.
const maxReportsCSV = 1 << 20

// reportsCSVForm reads reports.csv from the upload, or else from the
// pasted text; empty when neither holds anything.
func reportsCSVForm(w http.ResponseWriter, r *http.Request) []byte {
	r.Body = http.MaxBytesReader(w, r.Body, maxReportsCSV+64<<10)
	var data []byte
	if err := r.ParseMultipartForm(maxReportsCSV); err == nil {
		if f, _, err := r.FormFile("file"); err == nil {
			data, _ = io.ReadAll(io.LimitReader(f, maxReportsCSV))
			f.Close()
		}
	} else {
		_ = r.ParseForm()
	}
	if len(bytes.TrimSpace(data)) == 0 {
		data = []byte(r.PostFormValue("csv_text"))
	}
	return data
}

// reportsCSVErrors puts every problem of a reports file on the one file
// field, each line's problem led by its line number.
func reportsCSVErrors(err error) error {
	fs := apperr.FieldsOf(err)
	if len(fs) == 0 {
		return err
	}
	for i, fe := range fs {
		if strings.HasPrefix(fe.Field, "line ") {
			fs[i].Message = "Line " + strings.TrimPrefix(fe.Field, "line ") + ": " + fe.Message
		}
		fs[i].Field = "csv"
	}
	return &apperr.Error{Code: apperr.Code(err), Fields: fs, Message: apperr.Message(err)}
}
