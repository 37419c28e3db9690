package cacli

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/coprod/coprod/internal/csvcell"
	"github.com/coprod/coprod/transcript"
)

var csvHeader = []string{"file", "format", "participant", "name", "role", "utterances", "turns", "words", "fillers",
	"fragments", "questions", "polar", "wh", "alternative", "tag", "other", "choice_offers", "directives",
	"topic_initiations", "overlap_onsets", "interruptions", "repair_initiations", "acknowledgements", "continuers",
	"turn_share", "word_share", "talk_share", "mean_turn_length", "talk_ms"}

// writeCSV writes one row per participant of every transcript.
func writeCSV(w io.Writer, reports []*transcript.Report) error {
	cw := csvcell.NewWriter(w)
	cw.Write(csvHeader)
	for _, r := range reports {
		for _, p := range r.Participants {
			c := p.Counts
			row := []string{r.File, string(r.Format), p.ID, p.Name, p.Role}
			for _, n := range []int{c.Utterances, c.Turns, c.Words, c.Fillers, c.Fragments, c.Questions,
				c.QuestionTypes.Polar, c.QuestionTypes.Wh, c.QuestionTypes.Alternative, c.QuestionTypes.Tag,
				c.QuestionTypes.Other, c.ChoiceOffers, c.Directives, c.TopicInitiations, c.OverlapOnsets,
				c.Interruptions, c.RepairInitiations, c.Acknowledgements, c.Continuers} {
				row = append(row, strconv.Itoa(n))
			}
			row = append(row, ftoa(p.TurnShare), ftoa(p.WordShare), optf(p.TalkShare), ftoa(p.MeanTurnLength), opti(p.TalkMs))
			cw.Write(row)
		}
	}
	return cw.Flush()
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }

func optf(f *float64) string {
	if f == nil {
		return ""
	}
	return ftoa(*f)
}

func opti(n *int64) string {
	if n == nil {
		return ""
	}
	return strconv.FormatInt(*n, 10)
}

// writeText writes a table per transcript for reading on a screen.
func writeText(w io.Writer, reports []*transcript.Report) error {
	for i, r := range reports {
		if i > 0 {
			fmt.Fprintln(w)
		}
		dur := "untimed"
		if r.DurationMs != nil {
			dur = fmt.Sprintf("%.1f s", float64(*r.DurationMs)/1000)
		}
		fmt.Fprintf(w, "%s (%s): %d utterances, %d turns, %s\n", r.File, r.Format, r.Utterances, r.Turns, dur)
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "participant\trole\tutt\tturns\twords\tMLT\tquestions (p/wh/alt/tag/o)\tchoices\tdirectives\ttopics\toverlaps\tinterruptions\trepairs\tacks\ttalk")
		for _, p := range r.Participants {
			q := p.QuestionTypes
			talk := "-"
			if p.TalkMs != nil {
				talk = fmt.Sprintf("%.1f s", float64(*p.TalkMs)/1000)
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%.1f\t%d (%d/%d/%d/%d/%d)\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n",
				p.ID, p.Role, p.Utterances, p.Turns, p.Words, p.MeanTurnLength, p.Questions, q.Polar, q.Wh,
				q.Alternative, q.Tag, q.Other, p.ChoiceOffers, p.Directives, p.TopicInitiations, p.OverlapOnsets,
				p.Interruptions, p.RepairInitiations, p.Acknowledgements, talk)
		}
		tw.Flush()
		if a := r.Asymmetry; a != nil && a.InitiativeIndex != nil {
			fmt.Fprintf(w, "initiative asymmetry (supporter - supported) / total: %+.2f\n", *a.InitiativeIndex)
		}
	}
	return nil
}
