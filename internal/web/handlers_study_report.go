package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/study"
	"github.com/coprod/coprod/transcript"
)

// The pages of one transcript: its report and its participants' roles.
var (
	studyReportPage = page[*reportData]{"study_report"}
	studyRolesPage  = page[rolesData]{"study_roles"}
)

// measureRow is one participant or role in a table of measures.
type measureRow struct {
	Label, Role string
	Cells       []string
}

type turnRow struct {
	N                     int
	Speaker, From, To     string
	Utterances, WordCount int
}

type ratioRow struct{ Label, Value string }

type intervalRow struct{ Label, Count, Total, Mean string }

// latencyRow is how long answers to questions took to start.
type latencyRow struct{ Count, Mean, Min, Max string }

type reportData struct {
	Study          *study.Study
	Transcript     *study.Transcript
	Date, Phase    string
	Duration       string // "" when untimed
	Report         *transcript.Report
	Columns        []string
	Participants   []measureRow
	Shares         []measureRow // each participant's shares of turns, words and (when timed) talk time
	Roles          []measureRow
	QuestionCols   []string
	Questions      []measureRow
	Ratios         []ratioRow
	Initiative     string
	Intervals      []intervalRow
	Latency        *latencyRow // nil when no question was answered
	Turns          []turnRow
	SharesChart    *barChart
	QuestionsChart *barChart
	Timeline       *timelineChart
	CanManage      bool
}

func (s *Server) transcriptReport(w http.ResponseWriter, r *http.Request) error {
	st, t, err := s.transcriptFor(r, auth.ActionViewStudy)
	if err != nil {
		return err
	}
	tr, rep, err := t.Measure()
	if err != nil {
		return fmt.Errorf("stored transcript %s no longer reads: %w", t.ID, err)
	}
	d := buildReport(st, t, tr, rep)
	d.CanManage = auth.Can(principal(r), auth.ActionManageStudy, auth.Object{Type: auth.ScopeOrganisation, ID: st.OrgID})
	return studyReportPage.show(s, w, r, http.StatusOK, view{Title: t.Title}, d)
}

// participantLabel names a participant on the page: their name and id,
// or the id alone.
func participantLabel(p transcript.ParticipantReport) string {
	if p.Name == "" || p.Name == p.ID {
		return p.ID
	}
	return p.Name + " (" + p.ID + ")"
}

func buildReport(st *study.Study, t *study.Transcript, tr *transcript.Transcript, rep *transcript.Report) *reportData {
	d := &reportData{Study: st, Transcript: t, Report: rep, Date: study.FormatDate(t.SessionDate),
		Phase: study.PhaseOf(t.SessionDate, st.InterventionDate).Label()}
	timed := rep.DurationMs != nil
	if timed {
		d.Duration = seconds(float64(*rep.DurationMs))
	}
	d.Columns = []string{"Utterances", "Turns", "Words", "Share of turns", "Share of words"}
	if timed {
		d.Columns = append(d.Columns, "Share of talk time")
	}
	d.Columns = append(d.Columns, "Words per turn", "Questions", "Choice offers", "Directives", "Topics started",
		"Overlaps started", "Interruptions", "Repairs started", "Acknowledgements")
	shares := func(sh transcript.Shares) []string {
		cells := []string{percent(sh.TurnShare), percent(sh.WordShare)}
		if timed {
			talk := "0%"
			if sh.TalkShare != nil {
				talk = percent(*sh.TalkShare)
			}
			cells = append(cells, talk)
		}
		return cells
	}
	row := func(c transcript.Counts, sh transcript.Shares) []string {
		cells := append([]string{strconv.Itoa(c.Utterances), strconv.Itoa(c.Turns), strconv.Itoa(c.Words)}, shares(sh)...)
		return append(cells, decimal(sh.MeanTurnLength), strconv.Itoa(c.Questions), strconv.Itoa(c.ChoiceOffers), strconv.Itoa(c.Directives),
			strconv.Itoa(c.TopicInitiations), strconv.Itoa(c.OverlapOnsets), strconv.Itoa(c.Interruptions), strconv.Itoa(c.RepairInitiations),
			strconv.Itoa(c.Acknowledgements))
	}
	d.QuestionCols = []string{"Polar (yes or no)", "Wh- (what, where …)", "Alternative (this or that)", "Tag (…, isn't it?)", "Other", "All questions"}
	var labels []string
	var shareGroups, questionGroups []chartGroupIn
	qt := [5][]float64{}
	for _, p := range rep.Participants {
		label := participantLabel(p)
		labels = append(labels, label)
		d.Participants = append(d.Participants, measureRow{Label: label, Role: study.RoleLabel(p.Role), Cells: row(p.Counts, p.Shares)})
		d.Shares = append(d.Shares, measureRow{Label: label, Cells: shares(p.Shares)})
		q := p.QuestionTypes
		d.Questions = append(d.Questions, measureRow{Label: label, Role: study.RoleLabel(p.Role), Cells: []string{strconv.Itoa(q.Polar),
			strconv.Itoa(q.Wh), strconv.Itoa(q.Alternative), strconv.Itoa(q.Tag), strconv.Itoa(q.Other), strconv.Itoa(p.Questions)}})
		vals := []float64{p.TurnShare, p.WordShare}
		if timed && p.TalkShare != nil {
			vals = append(vals, *p.TalkShare)
		}
		shareGroups = append(shareGroups, chartGroupIn{Label: label, Values: vals})
		for i, n := range []int{q.Polar, q.Wh, q.Alternative, q.Tag, q.Other} {
			qt[i] = append(qt[i], float64(n))
		}
	}
	for _, ro := range rep.Roles {
		d.Roles = append(d.Roles, measureRow{Label: study.RoleLabel(ro.Role), Cells: row(ro.Counts, ro.Shares)})
	}
	shareSeries := []string{"Turns", "Words"}
	if timed {
		shareSeries = append(shareSeries, "Talk time")
	}
	d.SharesChart = newBarChart("shares", "Shares of turns and words by participant",
		"Horizontal bars, one group per participant, showing each participant's percentage of all turns and of all words"+
			map[bool]string{true: " and of talk time", false: ""}[timed]+". The table after the chart gives the same numbers.",
		shareSeries, shareGroups, 1, percent)
	for i, name := range []string{"Polar", "Wh-", "Alternative", "Tag", "Other"} {
		questionGroups = append(questionGroups, chartGroupIn{Label: name, Values: qt[i]})
	}
	d.QuestionsChart = newBarChart("questions", "Questions by type and participant",
		"Horizontal bars, one group per type of question, with one bar for each participant showing how many questions of that type they asked. The table after the chart gives the same numbers.",
		labels, questionGroups, 0, func(v float64) string { return strconv.Itoa(int(v)) })
	if a := rep.Asymmetry; a != nil {
		for _, k := range ratioOrder {
			if v, ok := a.Ratios[k.key]; ok {
				text := "no ratio (the supported person has none)"
				if v != nil {
					text = decimal(*v) + " to 1"
				}
				d.Ratios = append(d.Ratios, ratioRow{Label: k.label, Value: text})
			}
		}
		d.Initiative = signed(a.InitiativeIndex)
	}
	if tm := rep.Timing; tm != nil && timed {
		for _, iv := range []struct {
			label string
			v     transcript.Interval
		}{{"Gaps between speakers", tm.Gaps}, {"Pauses within a speaker's talk", tm.Pauses},
			{"Overlaps where the floor changes hands", tm.BetweenSpeakerOverlaps}, {"Overlaps inside someone's talk (such as “mhm”)", tm.WithinSpeakerOverlaps}} {
			d.Intervals = append(d.Intervals, intervalRow{Label: iv.label, Count: strconv.Itoa(iv.v.Count), Total: seconds(float64(iv.v.TotalMs)), Mean: seconds(iv.v.MeanMs)})
		}
		if l := tm.ResponseLatency; l.Count > 0 {
			d.Latency = &latencyRow{Count: strconv.Itoa(l.Count), Mean: seconds(l.MeanMs), Min: seconds(float64(l.MinMs)), Max: seconds(float64(l.MaxMs))}
		}
	}
	d.Turns, d.Timeline = turnsOf(tr, rep, labels, timed)
	return d
}

// ratioOrder lists the supporter : supported ratios shown, in order.
var ratioOrder = []struct{ key, label string }{
	{"turns", "Turns"}, {"words", "Words"}, {"talk_ms", "Talk time"}, {"mean_turn_length", "Words per turn"},
	{"questions", "Questions"}, {"choice_offers", "Choice offers"}, {"directives", "Directives"},
	{"topic_initiations", "Topics started"}, {"overlap_onsets", "Overlaps started"}, {"interruptions", "Interruptions"},
	{"repair_initiations", "Repairs started"}, {"acknowledgements", "Acknowledgements"},
}

// turnsOf groups utterances into turns (a run of one speaker's
// utterances) for the timeline and its table.
func turnsOf(tr *transcript.Transcript, rep *transcript.Report, labels []string, timed bool) ([]turnRow, *timelineChart) {
	lane := map[string]int{}
	for i, p := range rep.Participants {
		lane[p.ID] = i
	}
	var rows []turnRow
	var spans []turnSpan
	var start int64
	if timed && len(tr.Utterances) > 0 {
		start = tr.Utterances[0].Start
		for _, u := range tr.Utterances {
			start = min(start, u.Start)
		}
	}
	end := float64(len(tr.Utterances))
	if timed {
		end = float64(*rep.DurationMs)
	}
	for i, u := range tr.Utterances {
		words := 0
		for _, tok := range u.Tokens {
			if tok.Kind == transcript.TokWord {
				words++
			}
		}
		from, to := float64(i), float64(i+1)
		if timed {
			from, to = float64(u.Start-start), float64(u.End-start)
		}
		if n := len(rows); n > 0 && i > 0 && tr.Utterances[i-1].Speaker == u.Speaker {
			last := &rows[n-1]
			last.Utterances++
			last.WordCount += words
			sp := &spans[n-1]
			sp.End = max(sp.End, to)
			last.To = spanText(sp.End, timed, i+1)
			continue
		}
		l, ok := lane[u.Speaker]
		if !ok {
			continue
		}
		rows = append(rows, turnRow{N: len(rows) + 1, Speaker: labels[l], From: spanText(from, timed, i+1), To: spanText(to, timed, i+1), Utterances: 1, WordCount: words})
		spans = append(spans, turnSpan{Lane: l, Start: from, End: to})
	}
	desc := fmt.Sprintf("One lane for each participant; each bar is a turn, placed where it happened in the session (%d turns in all). The table after the chart lists every turn.", len(rows))
	return rows, newTimeline("timeline", "Timeline of turns", desc, labels, spans, end, timed)
}

// spanText writes a point on the time axis: seconds when timed, else the
// utterance number.
func spanText(v float64, timed bool, utterance int) string {
	if timed {
		return seconds(v)
	}
	return "utterance " + strconv.Itoa(utterance)
}

// roleChoice is one participant's select on the roles page.
type roleChoice struct {
	Field, ID, Name string
	Options         []roleOption
}

type roleOption struct {
	Value, Label string
	Selected     bool
}

type rolesData struct {
	Study      *study.Study
	Transcript *study.Transcript
	People     []roleChoice
}

// showRoles draws the roles page, with errs from a sent form when there are any.
func (s *Server) showRoles(w http.ResponseWriter, r *http.Request, status int, st *study.Study, t *study.Transcript, errs []apperr.FieldError) error {
	names := map[string]string{}
	if tr, err := t.Parse(); err == nil {
		for _, p := range study.Participants(tr) {
			names[p.ID] = p.Name
		}
	}
	d := rolesData{Study: st, Transcript: t}
	for i, id := range t.Participants {
		name := names[id]
		if name == id {
			name = ""
		}
		c := roleChoice{Field: rolesField(i), ID: id, Name: name}
		for _, v := range append([]string{""}, study.RoleChoices...) {
			c.Options = append(c.Options, roleOption{Value: v, Label: study.RoleLabel(v), Selected: t.Roles[id] == v})
		}
		d.People = append(d.People, c)
	}
	return studyRolesPage.show(s, w, r, status, view{Title: "Assign roles: " + t.Title, Errors: errs}, d)
}

func (s *Server) transcriptRolesForm(w http.ResponseWriter, r *http.Request) error {
	st, t, err := s.transcriptFor(r, auth.ActionManageStudy)
	if err != nil {
		return err
	}
	return s.showRoles(w, r, http.StatusOK, st, t, nil)
}

func (s *Server) transcriptRolesSave(w http.ResponseWriter, r *http.Request) error {
	st, t, err := s.transcriptFor(r, auth.ActionManageStudy)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	roles, err := rolesForm(t.Participants, r.PostForm)
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			t.Roles = roles // the page shows the choices as sent
			return s.showRoles(w, r, status, st, t, errs)
		})
	}
	if err := s.store.SetRoles(r.Context(), t.ID, roles); err != nil {
		return err
	}
	http.Redirect(w, r, "/studies/"+st.ID+"/transcripts/"+t.ID+"?done=roles-saved", http.StatusSeeOther)
	return nil
}
