package paymentscli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"text/tabwriter"

	"github.com/coprod/coprod/internal/csvcell"
	"github.com/coprod/coprod/internal/measure"
)

// writer writes a calculation in one output format.
type writer func(w io.Writer, p *measure.Profile, res *measure.Result) error

var writers = map[string]writer{"json": writeJSON, "csv": writeCSV, "text": writeText}

// number writes an exact decimal as a JSON number. Reported values are
// decimals and always exact; a pay percent such as 33.333…% is rounded to
// 6 places for display, and pay_fraction carries it exactly.
func number(r *big.Rat) json.Number {
	s, _ := measure.FormatDecimal(r, 6)
	return json.Number(s)
}

type jsonIndicator struct {
	ID             string       `json:"id"`
	Name           string       `json:"name,omitempty"`
	Status         string       `json:"status"`
	Value          *json.Number `json:"value"`
	PayPercent     json.Number  `json:"pay_percent"`
	PayFraction    string       `json:"pay_fraction"`
	AvailablePence int64        `json:"available_pence"`
	PaymentPence   int64        `json:"payment_pence"`
}

type jsonPeriod struct {
	Period             string          `json:"period"`
	TotalPence         int64           `json:"total_pence"`
	AvailablePence     int64           `json:"available_pence"`
	AchievementPercent json.Number     `json:"achievement_percent"`
	Rating             string          `json:"rating"`
	Missing            int             `json:"missing"`
	Indicators         []jsonIndicator `json:"indicators"`
}

type jsonResult struct {
	ContractValuePence int64        `json:"contract_value_pence"`
	AtRiskPercent      json.Number  `json:"at_risk_percent"`
	AtRiskPence        int64        `json:"at_risk_pence"`
	TotalPence         int64        `json:"total_pence"`
	Periods            []jsonPeriod `json:"periods"`
}

func writeJSON(w io.Writer, p *measure.Profile, res *measure.Result) error {
	out := jsonResult{ContractValuePence: p.ContractValuePence, AtRiskPercent: number(p.AtRiskPercent),
		AtRiskPence: res.AtRiskPence, TotalPence: res.TotalPence, Periods: make([]jsonPeriod, len(res.Periods))}
	for i, pr := range res.Periods {
		jp := jsonPeriod{Period: pr.Period, TotalPence: pr.TotalPence, AvailablePence: pr.AvailablePence,
			AchievementPercent: number(pr.AchievementPercent), Rating: string(pr.Rating), Missing: pr.MissingCount,
			Indicators: make([]jsonIndicator, len(pr.Indicators))}
		for j, ir := range pr.Indicators {
			ji := jsonIndicator{ID: ir.ID, Name: p.Indicators[j].Name, Status: string(ir.Status),
				PayPercent: number(ir.PayPercent()), PayFraction: ir.PayFraction.RatString(),
				AvailablePence: ir.AvailablePence, PaymentPence: ir.PaymentPence}
			if ir.Value != nil {
				v := exactValue(ir.Value)
				ji.Value = &v
			}
			jp.Indicators[j] = ji
		}
		out.Periods[i] = jp
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// exactValue writes a reported value exactly: it was read as a decimal of
// at most 30 digits and exponent 30, so 70 places always suffice.
func exactValue(r *big.Rat) json.Number {
	s, _ := measure.FormatDecimal(r, 70)
	return json.Number(s)
}

var csvHeader = []string{"period", "indicator", "status", "value", "pay_percent", "available_pence", "payment_pence"}

// writeCSV writes one row per period and indicator: a tidy table for a
// spreadsheet, which can total it. Totals and ratings are in json and text.
func writeCSV(w io.Writer, _ *measure.Profile, res *measure.Result) error {
	cw := csvcell.NewWriter(w)
	cw.Write(csvHeader)
	for _, pr := range res.Periods {
		for _, ir := range pr.Indicators {
			value := ""
			if ir.Value != nil {
				value = string(exactValue(ir.Value))
			}
			cw.Write([]string{pr.Period, ir.ID, string(ir.Status), value, string(number(ir.PayPercent())),
				strconv.FormatInt(ir.AvailablePence, 10), strconv.FormatInt(ir.PaymentPence, 10)})
		}
	}
	return cw.Flush()
}

// writeText writes a statement for reading on screen or paper. Status and
// rating are words, so nothing depends on colour.
func writeText(w io.Writer, p *measure.Profile, res *measure.Result) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "Contract value %s; %s%% at risk = %s over %d periods\n",
		measure.FormatPence(p.ContractValuePence), measure.Dec(p.AtRiskPercent), measure.FormatPence(res.AtRiskPence), len(res.Periods))
	for _, pr := range res.Periods {
		pct, _ := measure.FormatDecimal(pr.AchievementPercent, 2)
		fmt.Fprintf(&b, "\n%s: paid %s of %s (%s%% achieved), rating: %s\n",
			pr.Period, measure.FormatPence(pr.TotalPence), measure.FormatPence(pr.AvailablePence), pct, pr.Rating.Label())
		tw := tabwriter.NewWriter(&b, 2, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "indicator\tvalue\tpays\tpayment\tavailable\t")
		for _, ir := range pr.Indicators {
			value := "MISSING"
			if ir.Value != nil {
				value = measure.Dec(ir.Value)
			}
			pay, _ := measure.FormatDecimal(ir.PayPercent(), 2)
			fmt.Fprintf(tw, "%s\t%s\t%s%%\t%s\t%s\t\n", ir.ID, value, pay, measure.FormatPence(ir.PaymentPence), measure.FormatPence(ir.AvailablePence))
		}
		tw.Flush()
		switch {
		case pr.MissingCount == 1:
			b.WriteString("1 report missing: no report, no payment.\n")
		case pr.MissingCount > 1:
			fmt.Fprintf(&b, "%d reports missing: no report, no payment.\n", pr.MissingCount)
		}
	}
	fmt.Fprintf(&b, "\nTotal paid: %s of %s at risk\n", measure.FormatPence(res.TotalPence), measure.FormatPence(res.AtRiskPence))
	_, err := w.Write(b.Bytes())
	return err
}
