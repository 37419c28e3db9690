package study

import (
	"io"
	"strconv"

	"github.com/coprod/coprod/internal/csvcell"
)

// CSVHeader names the columns of the measures export: one row per
// transcript and participant.
var CSVHeader = []string{"transcript_id", "transcript_title", "session_date", "phase", "file", "format",
	"participant_id", "participant_name", "role", "utterances", "turns", "words", "turn_share", "word_share", "talk_share",
	"mean_turn_length", "questions", "polar_questions", "wh_questions", "alternative_questions", "tag_questions", "other_questions",
	"choice_offers", "directives", "topic_initiations", "overlap_onsets", "interruptions", "repair_initiations",
	"acknowledgements", "continuers", "fillers", "fragments", "talk_ms"}

// CSVWriter writes the measures of sessions, one at a time, so an export
// of a large study never holds every report.
type CSVWriter struct{ w *csvcell.Writer }

// NewCSVWriter writes the header row.
func NewCSVWriter(w io.Writer) (*CSVWriter, error) {
	cw := &CSVWriter{w: csvcell.NewWriter(w)}
	return cw, cw.w.Write(CSVHeader)
}

// Write adds one row per participant of the session.
func (c *CSVWriter) Write(s Session) error {
	t := s.Transcript
	for _, p := range s.Report.Participants {
		q := p.QuestionTypes
		row := []string{t.ID, t.Title, t.SessionDate, string(s.Phase), t.FileName, string(t.Format),
			p.ID, p.Name, p.Role, itoa(p.Utterances), itoa(p.Turns), itoa(p.Words),
			ftoa(p.TurnShare), ftoa(p.WordShare), optF(p.TalkShare), ftoa(p.MeanTurnLength),
			itoa(p.Questions), itoa(q.Polar), itoa(q.Wh), itoa(q.Alternative), itoa(q.Tag), itoa(q.Other),
			itoa(p.ChoiceOffers), itoa(p.Directives), itoa(p.TopicInitiations), itoa(p.OverlapOnsets), itoa(p.Interruptions),
			itoa(p.RepairInitiations), itoa(p.Acknowledgements), itoa(p.Continuers), itoa(p.Fillers), itoa(p.Fragments), optI(p.TalkMs)}
		if err := c.w.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// Flush writes what is buffered and reports any write error.
func (c *CSVWriter) Flush() error { return c.w.Flush() }

func itoa(n int) string { return strconv.Itoa(n) }

// ftoa keeps four decimals: shares are proportions, and more digits only
// suggest a precision the measures do not have.
func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }

func optF(f *float64) string {
	if f == nil {
		return ""
	}
	return ftoa(*f)
}

func optI(n *int64) string {
	if n == nil {
		return ""
	}
	return strconv.FormatInt(*n, 10)
}
