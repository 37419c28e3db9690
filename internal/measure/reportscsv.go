package measure

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ReportsHeader is the header line a reports CSV file must start with.
var ReportsHeader = []string{"period", "indicator", "value"}

// ParseReportsCSV reads provider reports in the reports.csv format
// (header period,indicator,value; one row per indicator and period) and
// checks them against the profile. Every problem is named by its line, in
// the file:line: form ("reports.csv:7: ..."): rows with the wrong number
// of cells, values that are not numbers, periods or indicators the profile
// does not have, and a second row for the same indicator and period.
// A UTF-8 byte order mark (spreadsheets write one) and spaces around cells
// are ignored; the header's case is too.
func ParseReportsCSV(r io.Reader, source string, p *Profile) ([]Report, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // checked here, for a clearer message
	cr.ReuseRecord = true
	var (
		ps      problems
		reports []Report
		first   = true
		periods = p.periodIndex()
		inds    = p.indicatorIndex()
		seen    = map[[2]int]int{} // (period, indicator) → line
	)
	limit := len(p.Periods)*len(p.Indicators) + 1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				ps.addLine(pe.Line, "this line is not valid CSV: %v", pe.Err)
				break // the reader cannot resynchronise reliably
			}
			return nil, err // a read error, not a problem with the content
		}
		line, _ := cr.FieldPos(0)
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if first {
			first = false
			rec[0] = strings.TrimPrefix(rec[0], "\uFEFF")
			if !headerMatches(rec) {
				ps.addLine(line, "the first line must be the header %s, found %s", strings.Join(ReportsHeader, ","), strings.Join(rec, ","))
				break
			}
			continue
		}
		if len(rec) != len(ReportsHeader) {
			ps.addLine(line, "has %d cells; each row needs 3: period,indicator,value", len(rec))
			continue
		}
		rep := Report{Period: rec[0], Indicator: rec[1], Line: line}
		pi, okP := periods[rep.Period]
		ii, okI := inds[rep.Indicator]
		bad := false
		if !okP {
			ps.addLine(line, "period %q is not one of the profile's periods (%s)", rep.Period, listSome(p.Periods))
			bad = true
		}
		if !okI {
			ps.addLine(line, "indicator %q is not one of the profile's indicators (%s)", rep.Indicator, listSome(indicatorIDs(p)))
			bad = true
		}
		if rec[2] == "" {
			ps.addLine(line, "the value is empty; leave the row out when there is no report for that period")
			bad = true
		} else if v, err := ParseDecimal(rec[2]); err != nil {
			ps.addLine(line, "value %q: %v", rec[2], err)
			bad = true
		} else {
			rep.Value = v
		}
		if okP && okI {
			k := [2]int{pi, ii}
			if prev, dup := seen[k]; dup {
				ps.addLine(line, "indicator %q in period %q is already reported on line %d; give one value per indicator and period", rep.Indicator, rep.Period, prev)
				bad = true
			} else {
				seen[k] = line
			}
		}
		if !bad {
			reports = append(reports, rep)
		}
		if len(reports) > limit { // cannot happen without duplicates; a guard for memory
			break
		}
	}
	if first && len(ps.list) == 0 {
		ps.addLine(1, "the file is empty; it needs the header %s", strings.Join(ReportsHeader, ","))
	}
	if err := ps.err(source); err != nil {
		return nil, err
	}
	return reports, nil
}

func headerMatches(rec []string) bool {
	if len(rec) != len(ReportsHeader) {
		return false
	}
	for i, h := range ReportsHeader {
		if !strings.EqualFold(rec[i], h) {
			return false
		}
	}
	return true
}

func indicatorIDs(p *Profile) []string {
	ids := make([]string, len(p.Indicators))
	for i, ind := range p.Indicators {
		ids[i] = ind.ID
	}
	return ids
}

// listSome lists up to five names for a message.
func listSome(names []string) string {
	var b bytes.Buffer
	for i, n := range names {
		if i == 5 {
			fmt.Fprintf(&b, ", … %d more", len(names)-5)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n)
	}
	return b.String()
}
