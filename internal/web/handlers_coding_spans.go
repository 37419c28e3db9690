package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/qda"
)

// codingSpan is a selection a coder made of any span of a source (with
// JavaScript), as characters Start up to End, the REFI-QDA way.
type codingSpan struct {
	Start, End int
	DocPage    int // the page of the PDF it starts on; 0 for text without pages
	Text       string
	Codes      string
}

// codingSpans lists the acting coder's selections that are not whole units
// and overlap the units shown.
func (s *Server) codingSpans(r *http.Request, p *qda.Project, src qda.Source, all, shown []qda.Unit) ([]codingSpan, error) {
	if len(shown) == 0 {
		return nil, nil
	}
	segs, err := s.store.Segments(r.Context(), p.ID, principal(r).User.ID)
	if err != nil {
		return nil, err
	}
	codes, err := s.store.Codes(r.Context(), p.ID)
	if err != nil {
		return nil, err
	}
	whole := map[[2]int]bool{}
	for _, u := range all {
		whole[[2]int{u.Start, u.End}] = true
	}
	from, to := shown[0].Start, shown[len(shown)-1].End
	rs := []rune(src.Text)
	var out []codingSpan
	for _, g := range segs {
		if g.SourceID != src.ID || whole[[2]int{g.Start, g.End}] || g.End <= from || g.Start >= to || g.End > len(rs) {
			continue
		}
		var names []string // in codebook order
		for _, c := range codes {
			if slices.Contains(g.CodeIDs, c.ID) {
				names = append(names, c.Name)
			}
		}
		out = append(out, codingSpan{Start: g.Start, End: g.End, DocPage: src.Page(g.Start), Text: string(rs[g.Start:g.End]), Codes: strings.Join(names, ", ")})
	}
	slices.SortFunc(out, func(a, b codingSpan) int { return a.Start - b.Start })
	return out, nil
}

// codingSpanSave codes the span a coder selected with JavaScript: the
// page's script fills in where it starts and ends, in characters.
func (s *Server) codingSpanSave(w http.ResponseWriter, r *http.Request) error {
	d, src, err := s.codingSourceFor(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	pg, _ := strconv.Atoi(r.PostForm.Get("page"))
	n := qda.NewSegment{SourceID: src.ID, CodeIDs: r.PostForm["span_code"]}
	start, err1 := strconv.Atoi(r.PostForm.Get("start"))
	end, err2 := strconv.Atoi(r.PostForm.Get("end"))
	if err1 == nil && err2 == nil {
		n.Start, n.End = start, end
	}
	if _, err := s.store.Code(r.Context(), n); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showCodingSource(w, r, d, src, pg, status, errs)
		})
	}
	http.Redirect(w, r, "/coding/"+d.Project.ID+"/sources/"+src.ID+"?page="+pageParam(r.PostForm.Get("page"))+"&done=span-coded", http.StatusSeeOther)
	return nil
}
