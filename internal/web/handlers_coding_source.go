package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/qda"
)

var codingSourcePage = page[codingSourceData]{"coding_source"}

// unitsPerPage keeps a coding page quick to load and to tab through, even
// for a long policy document.
const unitsPerPage = 40

type codingUnit struct {
	Index   int
	Number  int // Index + 1, for people
	Text    string
	Checked map[string]bool
	DocPage int // the page of the PDF it starts on; 0 for text without pages
}

type codingSourceData struct {
	codingProjectData
	Source     qda.Source
	UnitName   string // "Sentence", "Paragraph" or "Utterance"
	UnitWord   string // the same in lower case, for the middle of a sentence
	Units      []codingUnit
	Page       int
	Pages      int
	PrevPage   int
	NextPage   int
	TotalUnits int
	Sealed     bool // the viewer's coding is submitted
	DocPages   int  // pages of the PDF the source was read from; 0 for none
	// Excerpt is this part's text, from its first unit to its last, in
	// which JavaScript lets a coder select any span; ExcerptStart is where
	// it starts in the source, in characters.
	Excerpt      string
	ExcerptStart int
	Spans        []codingSpan // the viewer's selections in this part
}

// codingSourceFor returns the project's data and the source named in the path.
func (s *Server) codingSourceFor(r *http.Request) (codingProjectData, qda.Source, error) {
	d, err := s.codingProject(r, auth.ActionViewStudy)
	if err != nil {
		return d, qda.Source{}, err
	}
	for _, src := range d.Sources {
		if src.ID == r.PathValue("source") {
			return d, src, nil
		}
	}
	return d, qda.Source{}, apperr.Errorf(apperr.NotFound, "No such source in this project")
}

// myUnitCodes returns, for the given units of a source, the codes the
// acting coder applied to each by checkbox (segments that are exactly a
// unit; a selection of any other span is listed apart, see codingSpans).
func (s *Server) myUnitCodes(r *http.Request, p *qda.Project, src qda.Source, units []qda.Unit) ([]qda.UnitCodes, error) {
	me := principal(r).User.ID
	segs, err := s.store.Segments(r.Context(), p.ID, me)
	if err != nil {
		return nil, err
	}
	whole := map[[2]int]bool{}
	for _, u := range units {
		whole[[2]int{u.Start, u.End}] = true
	}
	segs = slices.DeleteFunc(segs, func(g qda.Segment) bool { return g.SourceID != src.ID || !whole[[2]int{g.Start, g.End}] })
	return qda.ByUnit([]qda.SourceUnits{{SourceID: src.ID, Units: units}}, segs, map[string]map[string]bool{me: {src.ID: true}}), nil
}

func (s *Server) codingSource(w http.ResponseWriter, r *http.Request) error {
	d, src, err := s.codingSourceFor(r)
	if err != nil {
		return err
	}
	pg, _ := strconv.Atoi(r.URL.Query().Get("page"))
	return s.showCodingSource(w, r, d, src, pg, http.StatusOK, nil)
}

// showCodingSource renders part pg of a source's units, with any problems
// of a form sent from it.
func (s *Server) showCodingSource(w http.ResponseWriter, r *http.Request, d codingProjectData, src qda.Source, pg, status int, errs []apperr.FieldError) error {
	all := qda.Split(src.Text, src.Units)
	pages := max(1, (len(all)+unitsPerPage-1)/unitsPerPage)
	pg = min(max(pg, 1), pages)
	units := all[min((pg-1)*unitsPerPage, len(all)):min(pg*unitsPerPage, len(all))]
	sd := codingSourceData{codingProjectData: d, Source: src, Page: pg, Pages: pages, PrevPage: pg - 1, NextPage: pg + 1, TotalUnits: len(all), UnitName: unitName(src),
		UnitWord: strings.ToLower(unitName(src))}
	sd.Sealed = d.Me != nil && d.Me.SubmittedAt != nil
	sd.DocPages = len(src.PageStarts)
	var mine []qda.UnitCodes
	if d.Me != nil {
		var err error
		if mine, err = s.myUnitCodes(r, d.Project, src, units); err != nil {
			return err
		}
		if sd.Spans, err = s.codingSpans(r, d.Project, src, all, units); err != nil {
			return err
		}
	}
	rs := []rune(src.Text)
	for i, u := range units {
		cu := codingUnit{Index: u.Index, Number: u.Index + 1, Text: string(rs[u.Start:u.End]), Checked: map[string]bool{}, DocPage: src.Page(u.Start)}
		if mine != nil {
			for _, c := range mine[i].ByCoder[principal(r).User.ID] {
				cu.Checked[c] = true
			}
		}
		sd.Units = append(sd.Units, cu)
	}
	if len(units) > 0 {
		sd.ExcerptStart = units[0].Start
		sd.Excerpt = string(rs[units[0].Start:units[len(units)-1].End])
	}
	return codingSourcePage.show(s, w, r, status, view{Title: src.Title, Errors: errs}, sd)
}

// codingSave saves the codes ticked on one page of units: only the units
// whose codes changed are written.
func (s *Server) codingSave(w http.ResponseWriter, r *http.Request) error {
	d, src, err := s.codingSourceFor(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	all := qda.Split(src.Text, src.Units)
	var units []qda.Unit
	for _, v := range r.PostForm["unit"] {
		i, err := strconv.Atoi(v)
		if err != nil || i < 0 || i >= len(all) {
			return apperr.Errorf(apperr.Invalid, "The form names a unit the source does not have. Reload the page and try again.")
		}
		units = append(units, all[i])
	}
	mine, err := s.myUnitCodes(r, d.Project, src, units)
	if err != nil {
		return err
	}
	me := principal(r).User.ID
	for i, u := range units {
		want := slices.Clone(r.PostForm["u"+strconv.Itoa(u.Index)])
		slices.Sort(want)
		want = slices.Compact(want)
		if slices.Equal(want, mine[i].ByCoder[me]) {
			continue
		}
		if err := s.store.CodeUnit(r.Context(), src.ID, u.Index, want); err != nil {
			return err
		}
	}
	page := r.PostForm.Get("page")
	http.Redirect(w, r, "/coding/"+d.Project.ID+"/sources/"+src.ID+"?page="+pageParam(page)+"&done=coding-saved", http.StatusSeeOther)
	return nil
}

// pageParam keeps only a page number from the form.
func pageParam(page string) string {
	if n, err := strconv.Atoi(page); err == nil && n > 0 {
		return strconv.Itoa(n)
	}
	return "1"
}
