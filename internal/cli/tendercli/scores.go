package tendercli

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/coprod/coprod/internal/tender"
)

// The columns of scores.csv. bid, criterion and score are required; panel
// is required for joint criteria; rationale is optional.
const (
	colBid       = "bid"
	colCriterion = "criterion"
	colScore     = "score"
	colPanel     = "panel"
	colRationale = "rationale"
)

var scoreColumns = []string{colBid, colCriterion, colScore, colPanel, colRationale}

const maxRationale = 10000

type scoreKey struct {
	bid, criterion string
	panel          tender.Panel
}

// scoresReader checks scores.csv row by row against the ITT.
type scoresReader struct {
	name     string
	t        tender.ITT
	scale    int
	bids     map[string]bool
	bidOrder []string
	probs    []string
}

func (r *scoresReader) add(line int, format string, args ...any) {
	if line > 0 {
		r.probs = append(r.probs, fmt.Sprintf("%s:%d: %s", r.name, line, fmt.Sprintf(format, args...)))
	} else {
		r.probs = append(r.probs, fmt.Sprintf("%s: %s", r.name, fmt.Sprintf(format, args...)))
	}
}

// parseScores reads scores.csv: a header naming the columns, then one
// consensus score a line. It reports each bad line by number, then every
// score that is missing. Empty lines and lines of empty cells are skipped.
func parseScores(name string, data []byte, t tender.ITT, bids []tender.Bid) ([]tender.Consensus, []string) {
	r := &scoresReader{name: name, t: t, scale: t.Scale.Max, bids: map[string]bool{}}
	for _, b := range bids {
		r.bids[b.ID] = true
		r.bidOrder = append(r.bidOrder, b.ID)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a spreadsheet's byte order mark
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1 // checked here, to say which line and how many
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		r.add(0, "empty: the first line must be the header %s,%s,%s (add ,%s for joint criteria)", colBid, colCriterion, colScore, colPanel)
		return nil, r.probs
	}
	if err != nil {
		r.csvError(err)
		return nil, r.probs
	}
	headerLine, _ := cr.FieldPos(0)
	cols, ok := r.header(headerLine, header)
	if !ok {
		return nil, r.probs
	}

	var out []tender.Consensus
	firstLine := map[scoreKey]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			r.csvError(err)
			return nil, r.probs
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			continue
		}
		if len(rec) != len(header) {
			r.add(line, "%d cells; the header has %d (%s)", len(rec), len(header), strings.Join(header, ","))
			continue
		}
		s, ok := r.row(line, rec, cols)
		if !ok {
			continue
		}
		k := scoreKey{s.Bid, s.Criterion, s.Panel}
		if first, dup := firstLine[k]; dup {
			r.add(line, "a second score for bid %q on %s from the %s; the first is on line %d (give one consensus score)",
				s.Bid, s.Criterion, panelName(s.Panel), first)
			continue
		}
		firstLine[k] = line
		out = append(out, s)
	}
	if len(r.probs) > 0 {
		return nil, r.probs
	}
	for _, b := range bids {
		for _, c := range t.Criteria {
			for _, p := range c.Panels() {
				if _, ok := firstLine[scoreKey{b.ID, c.ID, p}]; !ok {
					r.add(0, "no score for bid %q on %s from the %s", b.ID, c.ID, panelName(p))
				}
			}
		}
	}
	if len(r.probs) > 0 {
		return nil, r.probs
	}
	return out, nil
}

// header finds the columns by name, in any order.
func (r *scoresReader) header(line int, header []string) (map[string]int, bool) {
	if len(header) == 1 && strings.ContainsAny(header[0], ";\t") {
		r.add(line, "the header %s is not separated by commas; save the file as CSV with commas, like %s,%s,%s",
			quoteShort(header[0]), colBid, colCriterion, colScore)
		return nil, false
	}
	known := 0
	for _, h := range header {
		if contains(scoreColumns, strings.ToLower(strings.TrimSpace(h))) {
			known++
		}
	}
	if known == 0 {
		r.add(line, "the first line must be the header %s,%s,%s (with %s for joint criteria), not %s",
			colBid, colCriterion, colScore, colPanel, quoteShort(strings.Join(header, ",")))
		return nil, false
	}
	cols := map[string]int{}
	ok := true
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		switch {
		case !contains(scoreColumns, h):
			r.add(line, "unknown column %s in the header; the columns are %s,%s,%s, and %s for joint criteria, and optionally %s",
				quoteShort(header[i]), colBid, colCriterion, colScore, colPanel, colRationale)
			ok = false
		case cols[h] != 0:
			r.add(line, "the column %s is in the header twice", h)
			ok = false
		}
		cols[h] = i + 1 // 0 means absent
	}
	if !ok {
		return nil, false
	}
	var missing []string
	for _, c := range []string{colBid, colCriterion, colScore} {
		if cols[c] == 0 {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		r.add(line, "the header has no %s column; the first line must name the columns, like %s,%s,%s",
			strings.Join(missing, " or "), colBid, colCriterion, colScore)
		return nil, false
	}
	return cols, true
}

// row checks one line and makes its consensus score.
func (r *scoresReader) row(line int, rec []string, cols map[string]int) (tender.Consensus, bool) {
	cell := func(col string) string {
		if i := cols[col]; i > 0 {
			return strings.TrimSpace(rec[i-1])
		}
		return ""
	}
	s := tender.Consensus{Bid: cell(colBid), Criterion: cell(colCriterion), Rationale: cell(colRationale)}
	ok := true
	if s.Bid == "" {
		r.add(line, "no bid")
		ok = false
	} else if !r.bids[s.Bid] {
		r.add(line, "bid %s is not in the ITT's bids (%s)", quoteShort(s.Bid), r.bidList())
		ok = false
	}
	c, known := r.t.Criterion(s.Criterion)
	switch {
	case s.Criterion == "":
		r.add(line, "no criterion")
		return s, false
	case !known:
		r.add(line, "criterion %s is not in the ITT's criteria (%s)", quoteShort(s.Criterion), r.criterionList())
		return s, false
	}
	panel := strings.ToLower(cell(colPanel))
	switch {
	case c.Panel == tender.Joint && panel == "" && cols[colPanel] == 0:
		r.add(line, "%s is scored by both panels: add a %s column saying which panel gave this score (%s or %s)",
			c.ID, colPanel, tender.Commissioner, tender.LivedExperience)
		ok = false
	case c.Panel == tender.Joint && panel == "":
		r.add(line, "%s is scored by both panels: say in the %s column which panel gave this score (%s or %s)",
			c.ID, colPanel, tender.Commissioner, tender.LivedExperience)
		ok = false
	case panel == "":
		s.Panel = c.Panel
	case tender.Panel(panel) != tender.Commissioner && tender.Panel(panel) != tender.LivedExperience:
		r.add(line, "unknown panel %s (use %s or %s)", quoteShort(cell(colPanel)), tender.Commissioner, tender.LivedExperience)
		ok = false
	case !c.ScoredBy(tender.Panel(panel)):
		r.add(line, "%s is scored by the %s, not the %s", c.ID, panelName(c.Panel), panelName(tender.Panel(panel)))
		ok = false
	default:
		s.Panel = tender.Panel(panel)
	}
	if len(s.Rationale) > maxRationale {
		r.add(line, "the rationale is longer than %d characters", maxRationale)
		ok = false
	}
	text := cell(colScore)
	if text == "" {
		r.add(line, "no score")
		return s, false
	}
	x, err := tender.ParseDecimal(text)
	switch {
	case err != nil:
		r.add(line, "score %s is not a number", quoteShort(text))
		return s, false
	case !x.IsInt():
		r.add(line, "score %s is not a whole number: consensus scores are whole points from 0 to %d", text, r.scale)
		return s, false
	case x.Sign() < 0 || x.Cmp(tender.Int(int64(r.scale))) > 0:
		r.add(line, "score %s is outside the scale, 0 to %d", text, r.scale)
		return s, false
	}
	s.Score = int(x.Big().Num().Int64())
	return s, ok
}

func (r *scoresReader) csvError(err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if pe.StartLine > 0 && pe.StartLine != pe.Line {
			r.add(pe.StartLine, "not valid CSV: %v (found on line %d; is a quote left open?)", pe.Err, pe.Line)
		} else {
			r.add(pe.Line, "not valid CSV: %v", pe.Err)
		}
		return
	}
	r.add(0, "cannot read: %v", err)
}

func (r *scoresReader) bidList() string { return shortList(r.bidOrder) }

func (r *scoresReader) criterionList() string {
	ids := make([]string, 0, len(r.t.Criteria))
	for _, c := range r.t.Criteria {
		ids = append(ids, c.ID)
	}
	return shortList(ids)
}

// panelName is the panel in lower case, for the middle of a sentence.
func panelName(p tender.Panel) string {
	switch p {
	case tender.Commissioner:
		return "commissioner panel"
	case tender.LivedExperience:
		return "lived experience panel"
	case tender.Joint:
		return "both panels"
	}
	return string(p)
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// shortList joins ids with commas, cut short after ten.
func shortList(ids []string) string {
	const n = 10
	if len(ids) > n {
		return fmt.Sprintf("%s and %d more", strings.Join(ids[:n], ", "), len(ids)-n)
	}
	return strings.Join(ids, ", ")
}
