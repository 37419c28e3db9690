package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/qda"
)

var codingMemoPage = page[codingMemoData]{"coding_memo"}

// codingMemoData is one unit of a source with the viewer's coding of it:
// the codes they applied and their memo.
type codingMemoData struct {
	codingProjectData
	Source   qda.Source
	UnitName string
	UnitWord string // UnitName in lower case, for the middle of a sentence
	Index    int
	Number   int
	Text     string
	Applied  []string // names of the viewer's codes on the unit
	Memo     string
	Sealed   bool
	BackPage int // the page of the source the unit is on
}

// codingMemoFor reads the unit named in the path and the viewer's coding
// of it; only the project's coders write memos on their coding.
func (s *Server) codingMemoFor(r *http.Request) (codingMemoData, error) {
	d, src, err := s.codingSourceFor(r)
	if err != nil {
		return codingMemoData{}, err
	}
	if d.Me == nil {
		return codingMemoData{}, apperr.Errorf(apperr.Forbidden, "Only the project's coders write memos on their coding")
	}
	all := qda.Split(src.Text, src.Units)
	i, err := strconv.Atoi(r.PathValue("unit"))
	if err != nil || i < 0 || i >= len(all) {
		return codingMemoData{}, apperr.Errorf(apperr.NotFound, "This source has no such part")
	}
	u := all[i]
	m := codingMemoData{codingProjectData: d, Source: src, UnitName: unitName(src), UnitWord: strings.ToLower(unitName(src)), Index: i, Number: i + 1,
		Text: string([]rune(src.Text)[u.Start:u.End]), Sealed: d.Me.SubmittedAt != nil, BackPage: i/unitsPerPage + 1}
	segs, err := s.store.Segments(r.Context(), d.Project.ID, d.Me.UserID)
	if err != nil {
		return m, err
	}
	for _, seg := range segs {
		if seg.SourceID == src.ID && seg.Start == u.Start && seg.End == u.End {
			m.Memo = seg.Memo
			// In codebook order, as on the coding page.
			for _, c := range d.Codes {
				if slices.Contains(seg.CodeIDs, c.ID) {
					m.Applied = append(m.Applied, c.Name)
				}
			}
		}
	}
	return m, nil
}

func (s *Server) codingMemoForm(w http.ResponseWriter, r *http.Request) error {
	m, err := s.codingMemoFor(r)
	if err != nil {
		return err
	}
	return s.showCodingMemo(w, r, http.StatusOK, view{}, m)
}

func (s *Server) showCodingMemo(w http.ResponseWriter, r *http.Request, status int, v view, m codingMemoData) error {
	v.Title = "Memo on " + m.Source.Title + ", " + strings.ToLower(m.UnitName) + " " + strconv.Itoa(m.Number)
	return codingMemoPage.show(s, w, r, status, v, m)
}

// codingMemoSave keeps the memo on the viewer's coding of the unit.
func (s *Server) codingMemoSave(w http.ResponseWriter, r *http.Request) error {
	m, err := s.codingMemoFor(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if err := s.store.UnitMemo(r.Context(), m.Source.ID, m.Index, r.PostForm.Get("memo")); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showCodingMemo(w, r, status, view{Errors: errs, Form: r.PostForm}, m)
		})
	}
	http.Redirect(w, r, "/coding/"+m.Project.ID+"/sources/"+m.Source.ID+"?page="+strconv.Itoa(m.BackPage)+"&done=memo-saved", http.StatusSeeOther)
	return nil
}

// unitName is what a source's units are called, for people: a
// transcript's paragraphs are its utterances.
func unitName(src qda.Source) string {
	switch {
	case src.TranscriptID != "":
		return "Utterance"
	case src.Units == qda.Paragraphs:
		return "Paragraph"
	}
	return "Sentence"
}
