package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/study"
	"github.com/coprod/coprod/internal/words"
)

var studyComparePage = page[compareStudyData]{"study_compare"}

// eachSession measures every transcript of a study in session order, a
// page at a time, so a large study is never held in memory at once.
func (s *Server) eachSession(r *http.Request, st *study.Study, fn func(study.Session) error) error {
	after := ""
	for {
		page, err := s.store.ListTranscripts(r.Context(), study.TranscriptQuery{StudyID: st.ID, After: after, Limit: 50, WithSource: true})
		if err != nil {
			return err
		}
		for _, t := range page.Items {
			rep, err := t.Analyse()
			if err != nil {
				return fmt.Errorf("stored transcript %s no longer reads: %w", t.ID, err)
			}
			t.Source = ""
			if err := fn(study.NewSession(t, st.InterventionDate, rep)); err != nil {
				return err
			}
		}
		if page.Next == "" {
			return nil
		}
		after = page.Next
	}
}

// sessionRow is one session in the comparison table.
type sessionRow struct {
	ID, Title, Date, Phase string
	Compared               bool
	Cells                  []string // supporter: turns, words, questions, choice offers, directives; index
}

// phaseRow is one phase and side in the summary table.
type phaseRow struct {
	Phase, Side string
	Sessions    string
	Cells       []string
}

type compareStudyData struct {
	Study            *study.Study
	InterventionDate string
	Sessions         []sessionRow
	Phases           []phaseRow
	Uncompared       int
	Chart            *barChart
}

func (s *Server) studyCompare(w http.ResponseWriter, r *http.Request) error {
	st, err := s.studyFor(r, auth.ActionViewStudy)
	if err != nil {
		return err
	}
	d := compareStudyData{Study: st, InterventionDate: study.FormatDate(st.InterventionDate)}
	var sessions []study.Session
	err = s.eachSession(r, st, func(se study.Session) error {
		se.Report.Participants = nil // only the sides are compared; keep memory small
		sessions = append(sessions, se)
		row := sessionRow{ID: se.Transcript.ID, Title: se.Transcript.Title, Date: study.FormatDate(se.Transcript.SessionDate),
			Phase: se.Phase.Label(), Compared: se.Compared()}
		if row.Compared {
			p := se.Supporter
			row.Cells = []string{percent(p.TurnShare), percent(p.WordShare), strconv.Itoa(p.Questions), strconv.Itoa(p.ChoiceOffers),
				strconv.Itoa(p.Directives), signed(se.InitiativeIndex())}
		} else {
			d.Uncompared++
		}
		d.Sessions = append(d.Sessions, row)
		return nil
	})
	if err != nil {
		return err
	}
	summary := study.Compare(sessions)
	var groups []chartGroupIn
	var series []string
	for _, ph := range summary {
		for _, side := range []struct {
			label string
			m     study.SideMeans
		}{{"Supporter", ph.Supporter}, {"Supported person", ph.Supported}} {
			row := phaseRow{Phase: ph.Phase.Label(), Side: side.label, Sessions: fmt.Sprintf("%d of %d", ph.Compared, ph.Sessions)}
			if ph.Compared > 0 {
				row.Cells = []string{percent(side.m.TurnShare), percent(side.m.WordShare), decimal(side.m.Questions),
					decimal(side.m.ChoiceOffers), decimal(side.m.Directives), signed(ph.InitiativeIndex)}
			}
			d.Phases = append(d.Phases, row)
		}
		if ph.Compared > 0 {
			series = append(series, ph.Phase.Label())
		}
	}
	measures := []struct {
		label string
		get   func(study.PhaseSummary) float64
	}{
		{"Supporter's questions", func(p study.PhaseSummary) float64 { return p.Supporter.Questions }},
		{"Supporter's choice offers", func(p study.PhaseSummary) float64 { return p.Supporter.ChoiceOffers }},
		{"Supporter's directives", func(p study.PhaseSummary) float64 { return p.Supporter.Directives }},
		{"Supported person's questions", func(p study.PhaseSummary) float64 { return p.Supported.Questions }},
	}
	for _, m := range measures {
		g := chartGroupIn{Label: m.label}
		for _, ph := range summary {
			if ph.Compared > 0 {
				g.Values = append(g.Values, m.get(ph))
			}
		}
		groups = append(groups, g)
	}
	if len(series) > 0 {
		d.Chart = newBarChart("compare", "Questions, choice offers and directives per session, by phase",
			"Horizontal bars, one group per measure, with one bar for each phase ("+words.And(series)+") showing the mean number per session. The table after the chart gives the same numbers.",
			series, groups, 0, decimal)
	}
	return studyComparePage.show(s, w, r, http.StatusOK, view{Title: "Compare sessions: " + st.Title}, d)
}

// studyCSV exports the measures of every session: one row per transcript
// and participant.
func (s *Server) studyCSV(w http.ResponseWriter, r *http.Request) error {
	st, err := s.studyFor(r, auth.ActionExportStudy)
	if err != nil {
		return err
	}
	download(w, "text/csv; charset=utf-8", "coprod-study-"+st.ID+".csv")
	cw, err := study.NewCSVWriter(w)
	if err == nil {
		err = s.eachSession(r, st, cw.Write)
	}
	if err == nil {
		err = cw.Flush()
	}
	if err != nil {
		// The header is sent: the download stops short, and the log says why.
		s.log.Error("study export stopped", "study", st.ID, "err", err)
	}
	return nil
}
