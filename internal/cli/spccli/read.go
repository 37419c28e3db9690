package spccli

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/decimal"
)

// maxPoints bounds a series: Making Data Count charts have tens of points,
// and the rules look at every point a few times.
const maxPoints = 100_000

// Series is what the CSV holds: values in time order, and their dates when
// the file has a date column.
type Series struct {
	Values []*big.Rat
	Dates  []Date // nil when the file has no dates
}

// Date is a day, or a month when the file gives only the month.
type Date struct {
	Time      time.Time
	MonthOnly bool
}

// ISO writes the date as it was read: 2026-03 or 2026-03-02.
func (d Date) ISO() string {
	if d.MonthOnly {
		return d.Time.Format("2006-01")
	}
	return d.Time.Format("2006-01-02")
}

// Words writes the date as people in the UK read it: March 2026, 2 March
// 2026.
func (d Date) Words() string {
	if d.MonthOnly {
		return d.Time.Format("January 2006")
	}
	return d.Time.Format("2 January 2006")
}

// readSeries reads the CSV. The layout:
//
//   - one column of values, or two: a date and a value;
//   - an optional header row, recognised because its value cell is not a
//     number; with a header, the columns named "date" and "value" may come
//     in either order;
//   - dates as 2026-03-02, 2026-03 (a month) or 02/03/2026 (day/month/year),
//     every row the same kind, each later than the one before;
//   - blank lines are skipped; a row with a missing value is an error, since
//     an XmR chart's moving ranges assume no gaps.
//
// Every error names the file and the line.
func readSeries(name string, data []byte) (*Series, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a spreadsheet's byte order mark
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1 // checked here, with a clearer message
	r.ReuseRecord = true
	s := &Series{}
	dateCol, valueCol, cols := -1, 0, 0
	for row := 0; ; row++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("%s:%d: %v", name, pe.Line, pe.Err)
			}
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		line, _ := r.FieldPos(0)
		if row == 0 {
			cols = len(rec)
			if cols > 2 {
				return nil, fmt.Errorf("%s:%d: %d columns; give one column of values, or a date and a value", name, line, cols)
			}
			if cols == 2 {
				dateCol, valueCol = 0, 1
			}
			if isHeader(rec[valueCol]) {
				if dateCol, valueCol, err = headerColumns(rec); err != nil {
					return nil, fmt.Errorf("%s:%d: %v", name, line, err)
				}
				continue
			}
		}
		if len(rec) != cols {
			return nil, fmt.Errorf("%s:%d: %d columns where the first row has %d", name, line, len(rec), cols)
		}
		if len(s.Values) == maxPoints {
			return nil, fmt.Errorf("%s:%d: more than %d values", name, line, maxPoints)
		}
		v, err := readValue(rec[valueCol])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		s.Values = append(s.Values, v)
		if dateCol >= 0 {
			if err := s.addDate(rec[dateCol]); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, line, err)
			}
		}
	}
	if len(s.Values) < 2 {
		return nil, fmt.Errorf("%s: %s; an XmR chart needs at least two (Making Data Count advises 15 or more)", name, countValues(len(s.Values)))
	}
	return s, nil
}

// isHeader: a first-row value cell that is not a number is a column name.
func isHeader(cell string) bool {
	_, err := decimal.Parse(strings.TrimSpace(cell))
	return err != nil && strings.TrimSpace(cell) != ""
}

func headerColumns(rec []string) (dateCol, valueCol int, err error) {
	if len(rec) == 1 {
		return -1, 0, nil
	}
	dateCol, valueCol = -1, -1
	for i, h := range rec {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "date":
			dateCol = i
		case "value":
			valueCol = i
		}
	}
	if dateCol < 0 || valueCol < 0 || dateCol == valueCol {
		return 0, 0, fmt.Errorf("with two columns the header must name them date and value (it has %q and %q)", rec[0], rec[1])
	}
	return dateCol, valueCol, nil
}

func readValue(cell string) (*big.Rat, error) {
	cell = strings.TrimSpace(cell)
	v, err := decimal.Parse(cell)
	switch {
	case errors.Is(err, decimal.ErrEmpty):
		return nil, errors.New("no value (an XmR chart needs every value, with no gaps)")
	case errors.Is(err, decimal.ErrTooLong), errors.Is(err, decimal.ErrTooManyDigits), errors.Is(err, decimal.ErrExponent):
		return nil, fmt.Errorf("value %.20q is too long or too large", cell)
	case err != nil:
		return nil, fmt.Errorf("value %.20q is not a number (write it like 72 or 72.5, without commas or %%)", cell)
	}
	return v, nil
}

var dateLayouts = []struct {
	layout    string
	monthOnly bool
}{{"2006-01-02", false}, {"2006-01", true}, {"02/01/2006", false}}

func (s *Series) addDate(cell string) error {
	cell = strings.TrimSpace(cell)
	var d Date
	found := false
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.layout, cell); err == nil {
			d, found = Date{Time: t, MonthOnly: l.monthOnly}, true
			break
		}
	}
	if !found {
		return fmt.Errorf("date %.20q is not a date like 2026-03-02, 2026-03 or 02/03/2026", cell)
	}
	if n := len(s.Dates); n > 0 {
		prev := s.Dates[n-1]
		if prev.MonthOnly != d.MonthOnly {
			return fmt.Errorf("date %s is a %s where the rows before give a %s", cell, kind(d), kind(prev))
		}
		if !d.Time.After(prev.Time) {
			return fmt.Errorf("date %s is not after %s: put the rows in time order, one a date", cell, prev.ISO())
		}
	}
	s.Dates = append(s.Dates, d)
	return nil
}

func countValues(n int) string {
	if n == 1 {
		return "only one value"
	}
	return "no values"
}

func kind(d Date) string {
	if d.MonthOnly {
		return "month"
	}
	return "day"
}
