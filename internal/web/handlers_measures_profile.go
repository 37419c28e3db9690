package web

import (
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

// profileFormData is the payment profile form: one fieldset per adopted
// indicator, I1, I2, … in the specification's order.
type profileFormData struct {
	C     *measure.Contract
	Lines []profileLine
}

type profileLine struct {
	Index int
	Code  string
	Row   measure.IndicatorRow
}

func (s *Server) loadManagedContract(w http.ResponseWriter, r *http.Request) (*measure.Contract, *round.Round, bool) {
	c, ok := s.loadContract(w, r)
	if !ok {
		return nil, nil, false
	}
	rd, ok := s.canManageContract(r, c)
	if !ok {
		s.forbidden(w, r)
		return nil, nil, false
	}
	return c, rd, true
}

func profileLines(c *measure.Contract) []profileLine {
	out := make([]profileLine, len(c.Indicators))
	for i, row := range c.Indicators {
		out[i] = profileLine{Index: i, Code: "I" + strconv.Itoa(i+1), Row: row}
	}
	return out
}

func (s *Server) profileForm(w http.ResponseWriter, r *http.Request) {
	c, _, ok := s.loadManagedContract(w, r)
	if !ok {
		return
	}
	q := url.Values{}
	if p := c.Profile; p != nil {
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
	} else {
		for i, row := range c.Indicators {
			q.Set("curve_"+strconv.Itoa(i), string(measure.Threshold))
			q.Set("target_"+strconv.Itoa(i), row.Target)
		}
	}
	r.URL.RawQuery = q.Encode()
	s.render(w, r, http.StatusOK, "contract_profile", view{Title: "Payment profile", Form: q,
		Data: profileFormData{C: c, Lines: profileLines(c)}})
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

// profileFromForm reads the profile form into a profile and due dates.
func profileFromForm(c *measure.Contract, f url.Values) (*measure.Profile, map[string]string, []apperr.FieldError) {
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

func (s *Server) profileSave(w http.ResponseWriter, r *http.Request) {
	c, _, ok := s.loadManagedContract(w, r)
	if !ok {
		return
	}
	_ = r.ParseForm()
	p, due, fs := profileFromForm(c, r.PostForm)
	var err error
	if len(fs) > 0 {
		err = apperr.Fields(fs)
	} else {
		err = profileFormErrors(s.store.SetPaymentProfile(r.Context(), c.ID, p, due))
	}
	if err != nil {
		if len(apperr.FieldsOf(err)) == 0 {
			s.fail(w, r, err)
			return
		}
		s.render(w, r, statusFor[apperr.Code(err)], "contract_profile", view{Title: "Payment profile", Errors: apperr.FieldsOf(err),
			Form: r.PostForm, Data: profileFormData{C: c, Lines: profileLines(c)}})
		return
	}
	http.Redirect(w, r, "/contracts/"+c.ID+"?done=profile-saved", http.StatusSeeOther)
}
