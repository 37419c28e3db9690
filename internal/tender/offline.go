package tender

import (
	"encoding/json"
	"io"
	"strconv"

	"github.com/coprod/coprod/internal/csvcell"
)

// The offline files are a tender written as "coprod tender score" reads it:
// itt.json (the ITT with the bids) and scores.csv (the consensus scores).
// With them anybody can re-run a tender's result away from the platform,
// with the same engine, and check it against the published one.

type offlineITT struct {
	Title       string             `json:"title"`
	Stake       Rat                `json:"stake_percent"`
	PriceWeight Rat                `json:"price_weight_percent"`
	ScaleMax    int                `json:"scale_max"`
	TieBreak    TieBreak           `json:"tie_break,omitempty"`
	Criteria    []offlineCriterion `json:"criteria"`
	Bids        []Bid              `json:"bids"`
}

type offlineCriterion struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Guidance string `json:"guidance,omitempty"`
	Weight   Rat    `json:"weight_percent"`
	Panel    Panel  `json:"panel"`
	LEPShare *Rat   `json:"lep_share,omitempty"`
	MinScore *int   `json:"min_score,omitempty"`
}

// WriteOfflineITT writes itt.json: the ITT's weights exactly (a weight
// with no finite decimal as a fraction in quotes, "1/3") and the bids.
func WriteOfflineITT(w io.Writer, t ITT, bids []Bid) error {
	o := offlineITT{Title: t.Title, Stake: t.Stake, PriceWeight: t.PriceWeight, ScaleMax: t.Scale.Max, TieBreak: t.TieBreak,
		Criteria: make([]offlineCriterion, len(t.Criteria)), Bids: bids}
	for i, c := range t.Criteria {
		o.Criteria[i] = offlineCriterion{ID: c.ID, Title: c.Question, Guidance: c.Guidance, Weight: c.Weight, Panel: c.Panel, MinScore: c.MinScore}
		if c.Panel == Joint {
			share := c.LEPShare
			o.Criteria[i].LEPShare = &share
		}
	}
	if o.Bids == nil {
		o.Bids = []Bid{}
	}
	return writeJSON(w, o)
}

// WriteOfflineScores writes scores.csv: bid, criterion, score, and the
// panel, which the engine's input (Tender.EngineInput) names for joint
// criteria only. Rationales stay on the platform: they do not change the
// result, and free text is what a spreadsheet could mistake for a formula.
func WriteOfflineScores(w io.Writer, cs []Consensus) error {
	cw := csvcell.NewWriter(w)
	_ = cw.Write([]string{"bid", "criterion", "score", "panel"})
	for _, c := range cs {
		_ = cw.Write([]string{c.Bid, c.Criterion, strconv.Itoa(c.Score), string(c.Panel)})
	}
	return cw.Flush()
}

// WriteJSON writes the report as every face publishes it: the CLI's
// --format json and the web's download are these bytes.
func (r Report) WriteJSON(w io.Writer) error { return writeJSON(w, r) }

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
