package qdacli

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/coprod/coprod/internal/agreement"
)

// maxCoders bounds the header; agreement studies have a handful of coders.
const maxCoders = 1000

// reliabilityData is a CSV read into a table, with the coders' names.
type reliabilityData struct {
	coders []string
	table  agreement.Table
}

// readTable reads reliability data: a header of coder names, then one row
// per unit, a blank cell a missing value. For a level other than nominal
// every value must be a number. Errors name the line and column.
func readTable(name string, r io.Reader, level agreement.Level) (reliabilityData, error) {
	var d reliabilityData
	br := bufio.NewReaderSize(r, 1<<16)
	if bom, _ := br.Peek(3); string(bom) == "\xef\xbb\xbf" {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // checked here, to say which line and how many
	cr.ReuseRecord = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return d, fmt.Errorf("%s: empty: the first line must name the coders, separated by commas", name)
	}
	if err != nil {
		return d, csvError(name, err)
	}
	if len(header) < 2 && strings.Contains(header[0], ";") {
		return d, fmt.Errorf("%s:1: the header is not separated by commas; save the file as CSV with commas", name)
	}
	if len(header) > maxCoders {
		return d, fmt.Errorf("%s:1: %d coders; at most %d", name, len(header), maxCoders)
	}
	seen := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		_, col := cr.FieldPos(i)
		switch {
		case h == "":
			return d, fmt.Errorf("%s:1:%d: coder %d has no name; the first line must name every coder", name, col, i+1)
		case seen[h] > 0:
			return d, fmt.Errorf("%s:1:%d: coder %q is named twice (columns %d and %d)", name, col, h, seen[h], i+1)
		}
		seen[h] = i + 1
		d.coders = append(d.coders, h)
	}
	b := agreement.NewBuilder(len(d.coders))
	numeric := level != agreement.Nominal
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return d, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(d.coders) {
			return d, fmt.Errorf("%s:%d: %d cells; the header names %d coders (a blank cell is a missing value, but keep its comma)", name, line, len(rec), len(d.coders))
		}
		if numeric {
			for i, cell := range rec {
				s := strings.TrimSpace(cell)
				if s == "" {
					continue
				}
				_, col := cr.FieldPos(i)
				x, err := agreement.ParseNumber(s)
				if err != nil {
					return d, fmt.Errorf("%s:%d:%d: %q (coder %s) is not a number; the %s level needs numbers (use --level nominal for categories)", name, line, col, short(s), d.coders[i], level)
				}
				if level == agreement.Ratio && x < 0 {
					return d, fmt.Errorf("%s:%d:%d: %s (coder %s) is below zero; the ratio level needs values of zero or more", name, line, col, s, d.coders[i])
				}
			}
		}
		if err := b.Add(rec); err != nil {
			return d, fmt.Errorf("%s:%d: %v", name, line, err)
		}
	}
	d.table = b.Table()
	if d.table.Units() == 0 {
		return d, fmt.Errorf("%s: no units: after the header, give one row per unit", name)
	}
	return d, nil
}

// csvError words encoding/csv's errors with the file's name, line and column.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		what := pe.Err.Error()
		switch {
		case errors.Is(pe.Err, csv.ErrQuote):
			what = fmt.Sprintf(`the quoted cell that starts on line %d has a stray quote mark or no closing one (write a " inside a quoted cell twice)`, pe.StartLine)
		case errors.Is(pe.Err, csv.ErrBareQuote):
			what = `a quote mark inside a cell that is not quoted: quote the whole cell and write its " twice`
		}
		return fmt.Errorf("%s:%d:%d: %s", name, pe.Line, pe.Column, what)
	}
	return fmt.Errorf("%s: %v", name, err)
}

// short quotes at most 40 characters of a cell for a message.
func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
