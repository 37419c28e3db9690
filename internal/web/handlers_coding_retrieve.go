package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/csvcell"
	"github.com/coprod/coprod/internal/qda"
)

var (
	codingSegmentsPage = page[codingSegmentsData]{"coding_segments"}
	codingTablesPage   = page[codingTablesData]{"coding_tables"}
)

// visibleSegments are the segments the viewer may see: their own, and
// each other coder's the store's blind rule allows (a refusal leaves that
// coder out here, where the comparison page would say why).
func (s *Server) visibleSegments(r *http.Request, d codingProjectData) ([]qda.Segment, error) {
	var out []qda.Segment
	for _, c := range d.Coders {
		segs, err := s.store.Segments(r.Context(), d.Project.ID, c.UserID)
		if apperr.Code(err) == apperr.Forbidden {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, segs...)
	}
	return out, nil
}

// retrievedSegment is a segment with its words and some context.
type retrievedSegment struct {
	Source, Attribute, Coder, Codes string
	ID, SourceID                    string
	Start, End                      int
	Before, Text, After             string
}

type codingSegmentsData struct {
	codingProjectData
	Code, Coder, Label string // the filters, as chosen
	Labels             []string
	Items              []retrievedSegment
	Query              string // the filters as a query string, for the CSV link
}

// contextChars is how much text is shown either side of a segment.
const contextChars = 80

// codingSegmentsFor filters the visible segments by code, coder and the
// sources' label.
func (s *Server) codingSegmentsFor(r *http.Request) (codingSegmentsData, error) {
	d, err := s.codingProject(r, auth.ActionViewStudy)
	if err != nil {
		return codingSegmentsData{}, err
	}
	q := r.URL.Query()
	out := codingSegmentsData{codingProjectData: d, Code: q.Get("code"), Coder: q.Get("coder"), Label: q.Get("label")}
	out.Query = filterQuery(q)
	segs, err := s.visibleSegments(r, d)
	if err != nil {
		return out, err
	}
	coders := map[string]string{}
	for _, c := range d.Coders {
		coders[c.UserID] = c.Name
	}
	sources := map[string]qda.Source{}
	seen := map[string]bool{}
	for _, src := range d.Sources {
		sources[src.ID] = src
		if src.Attribute != "" && !seen[src.Attribute] {
			seen[src.Attribute] = true
			out.Labels = append(out.Labels, src.Attribute)
		}
	}
	runes := map[string][]rune{}
	for _, seg := range segs {
		src := sources[seg.SourceID]
		if (out.Code != "" && !slices.Contains(seg.CodeIDs, out.Code)) || (out.Coder != "" && seg.CoderID != out.Coder) || (out.Label != "" && src.Attribute != out.Label) {
			continue
		}
		rs, ok := runes[src.ID]
		if !ok {
			rs = []rune(src.Text)
			runes[src.ID] = rs
		}
		var codes []string // in codebook order
		for _, n := range d.Codes {
			if slices.Contains(seg.CodeIDs, n.ID) {
				codes = append(codes, n.Name)
			}
		}
		out.Items = append(out.Items, retrievedSegment{ID: seg.ID, Source: src.Title, SourceID: src.ID, Attribute: src.Attribute, Coder: coders[seg.CoderID],
			Codes: strings.Join(codes, ", "), Start: seg.Start, End: seg.End,
			Before: string(rs[max(0, seg.Start-contextChars):seg.Start]), Text: string(rs[seg.Start:seg.End]),
			After: string(rs[seg.End:min(len(rs), seg.End+contextChars)])})
	}
	return out, nil
}

// filterQuery keeps only the filters of a query, for the CSV link.
func filterQuery(q url.Values) string {
	keep := url.Values{}
	for _, k := range []string{"code", "coder", "label"} {
		if v := q.Get(k); v != "" {
			keep.Set(k, v)
		}
	}
	return keep.Encode()
}

func (s *Server) codingSegments(w http.ResponseWriter, r *http.Request) error {
	d, err := s.codingSegmentsFor(r)
	if err != nil {
		return err
	}
	return codingSegmentsPage.show(s, w, r, http.StatusOK, view{Title: "Coded segments: " + d.Project.Title}, d)
}

// codingSegmentsCSV is the same list as a spreadsheet, every cell made
// safe (csvcell).
func (s *Server) codingSegmentsCSV(w http.ResponseWriter, r *http.Request) error {
	d, err := s.codingSegmentsFor(r)
	if err != nil {
		return err
	}
	download(w, "text/csv; charset=utf-8", "coprod-coding-"+d.Project.ID+"-segments.csv")
	cw := csvcell.NewWriter(w)
	err = cw.Write([]string{"source", "label", "coder", "start", "end", "page", "text", "codes"})
	for _, it := range d.Items {
		if err != nil {
			break
		}
		err = cw.Write([]string{it.Source, it.Attribute, it.Coder, strconv.Itoa(it.Start), strconv.Itoa(it.End), pageCell(d.DocPage(it.SourceID, it.Start)), it.Text, it.Codes})
	}
	if err == nil {
		err = cw.Flush()
	}
	if err != nil {
		s.log.Error("coding segments export stopped", "project", d.Project.ID, "err", err)
	}
	return nil
}

// codingTablesData are the code by source and code by code tables: how
// many visible segments of each source carry each code, and how many
// units carry both of two codes from the same coder (co-occurrence).
type codingTablesData struct {
	codingProjectData
	BySource [][]int // [code][source]
	ByCode   [][]int // [code][code]
}

func (s *Server) codingTables(w http.ResponseWriter, r *http.Request) error {
	d, err := s.codingProject(r, auth.ActionViewStudy)
	if err != nil {
		return err
	}
	segs, err := s.visibleSegments(r, d)
	if err != nil {
		return err
	}
	codeAt := map[string]int{}
	for i, n := range d.Codes {
		codeAt[n.ID] = i
	}
	sourceAt := map[string]int{}
	for i, src := range d.Sources {
		sourceAt[src.ID] = i
	}
	t := codingTablesData{codingProjectData: d, BySource: grid(len(d.Codes), len(d.Sources)), ByCode: grid(len(d.Codes), len(d.Codes))}
	for _, seg := range segs {
		for _, c := range seg.CodeIDs {
			t.BySource[codeAt[c]][sourceAt[seg.SourceID]]++
		}
	}
	// Co-occurrence counts units, per coder, so a span and a checkbox on
	// the same sentence count once.
	coded := map[string]map[string]bool{}
	for _, c := range d.Coders {
		coded[c.UserID] = map[string]bool{}
		for _, src := range d.Sources {
			coded[c.UserID][src.ID] = true
		}
	}
	var units []qda.SourceUnits
	for _, src := range d.Sources {
		units = append(units, qda.SourceUnits{SourceID: src.ID, Units: qda.Split(src.Text, src.Units)})
	}
	for _, u := range qda.ByUnit(units, segs, coded) {
		for _, codes := range u.ByCoder {
			for _, a := range codes {
				for _, b := range codes {
					t.ByCode[codeAt[a]][codeAt[b]]++
				}
			}
		}
	}
	return codingTablesPage.show(s, w, r, http.StatusOK, view{Title: "Codes by source and by code: " + d.Project.Title}, t)
}

func grid(rows, cols int) [][]int {
	g := make([][]int, rows)
	for i := range g {
		g[i] = make([]int, cols)
	}
	return g
}
