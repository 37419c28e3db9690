package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"math/big"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/measure"
)

var _ measure.Service = (*DB)(nil)

// optionJSON is how a measure's response options are stored.
type optionJSON struct {
	Label    string `json:"label"`
	Positive bool   `json:"positive"`
}

func ratText(r *big.Rat) string {
	if r == nil {
		return ""
	}
	return measure.Dec(r)
}

func textRat(s string) *big.Rat {
	if s == "" {
		return nil
	}
	r, err := measure.ParseDecimal(s)
	if err != nil {
		return nil
	}
	return r
}

// CreateMeasure saves a new measure with its evidence links; the measure
// must be validated. Links must point at evidence of the same round.
func (db *DB) CreateMeasure(ctx context.Context, m *measure.Measure) error {
	m.ID, m.SignOff = newID(), nil
	opts := make([]optionJSON, len(m.Options))
	for i, o := range m.Options {
		opts[i] = optionJSON{o.Label, o.Positive}
	}
	optText, _ := json.Marshal(opts)
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.roundByID(ctx, m.RoundID); err != nil {
			return err
		}
		_, err := tx.exec(ctx, `INSERT INTO measures (id, round_id, kind, title, plain_english, easy_read, question, options,
			numerator, denominator, data_source, frequency, baseline, target, direction, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			m.ID, m.RoundID, string(m.Kind), m.Title, m.PlainEnglish, m.EasyRead, m.Question, string(optText),
			m.Numerator, m.Denominator, m.DataSource, string(m.Frequency), ratText(m.Baseline), ratText(m.Target), string(m.Direction),
			audit.ActorFrom(ctx), tx.now)
		if err != nil {
			return err
		}
		for _, l := range m.Links {
			if !tx.itemInRound(ctx, m.RoundID, evidence.Kind(l.Kind), l.ID) || (l.Kind != measure.FromVision && l.Kind != measure.FromStory && l.Kind != measure.FromFactor) {
				return apperr.Fields([]apperr.FieldError{{Field: "links", Message: "Link only to this round's vision statements, stories and factors"}})
			}
			if _, err := tx.exec(ctx, "INSERT INTO measure_links (measure_id, kind, item_id) VALUES (?, ?, ?)", m.ID, string(l.Kind), l.ID); err != nil {
				return mapErr(err, "link")
			}
		}
		return tx.record(ctx, "measure.create", "measure", m.ID, map[string]string{"round_id": m.RoundID, "title": m.Title,
			"kind": string(m.Kind), "links": strconv.Itoa(len(m.Links))})
	})
}

const measureColumns = `id, round_id, kind, title, plain_english, easy_read, question, options, numerator, denominator,
	data_source, frequency, baseline, target, direction, signed_off_by, signed_off_at, ` + measureDecision + ` FROM measures m`

func scanMeasure(sc scanner) (*measure.Measure, error) {
	var m measure.Measure
	var kind, opts, freq, baseline, target, dir, by, decision string
	var at sql.NullTime
	if err := sc.Scan(&m.ID, &m.RoundID, &kind, &m.Title, &m.PlainEnglish, &m.EasyRead, &m.Question, &opts, &m.Numerator,
		&m.Denominator, &m.DataSource, &freq, &baseline, &target, &dir, &by, &at, &decision); err != nil {
		return nil, err
	}
	m.Kind, m.Frequency, m.Direction = measure.Kind(kind), measure.Frequency(freq), measure.Direction(dir)
	m.Baseline, m.Target = textRat(baseline), textRat(target)
	var os []optionJSON
	_ = json.Unmarshal([]byte(opts), &os)
	for _, o := range os {
		m.Options = append(m.Options, measure.ResponseOption{Label: o.Label, Positive: o.Positive})
	}
	if at.Valid {
		m.SignOff = &measure.SignOff{By: by, At: at.Time.UTC(), ProposalID: decision}
	}
	return &m, nil
}

// linkTitles are the queries naming linked evidence, with whether its
// author still shares it.
var linkTitles = map[measure.EvidenceKind]string{
	measure.FromVision: "SELECT v.body, m.takes_part FROM vision_statements v JOIN round_members m ON m.id = v.member_id WHERE v.id = ?",
	measure.FromStory:  "SELECT s.title, m.shares_story FROM stories s JOIN round_members m ON m.id = s.member_id WHERE s.id = ?",
	measure.FromFactor: "SELECT f.description, m.takes_part FROM factors f JOIN round_members m ON m.id = f.member_id WHERE f.id = ?",
}

// measureLinks loads a measure's links with their titles, in a stable
// order: vision statements, then stories, then factors.
func (tx *Tx) measureLinks(ctx context.Context, m *measure.Measure) error {
	var links []measure.EvidenceLink
	err := tx.each(ctx, func(sc scanner) error {
		var l measure.EvidenceLink
		var kind string
		if err := sc.Scan(&kind, &l.ID); err != nil {
			return err
		}
		l.Kind = measure.EvidenceKind(kind)
		links = append(links, l)
		return nil
	}, "SELECT kind, item_id FROM measure_links WHERE measure_id = ? ORDER BY CASE kind WHEN 'vision' THEN 0 WHEN 'story' THEN 1 ELSE 2 END, item_id", m.ID)
	if err != nil {
		return err
	}
	for i := range links {
		var shared int
		if err := tx.queryRow(ctx, linkTitles[links[i].Kind], links[i].ID).Scan(&links[i].Title, &shared); err != nil {
			return err
		}
		if shared == 0 {
			links[i].Title = measure.WithheldTitle
		}
	}
	m.Links = links
	return nil
}

func (tx *Tx) measureByID(ctx context.Context, roundID, id string) (*measure.Measure, error) {
	m, err := scanMeasure(tx.queryRow(ctx, "SELECT "+measureColumns+" WHERE id = ? AND round_id = ?", id, roundID))
	if err != nil {
		return nil, mapErr(err, "measure")
	}
	return m, tx.measureLinks(ctx, m)
}

// MeasureByID returns one measure of a round with its links.
func (db *DB) MeasureByID(ctx context.Context, roundID, id string) (*measure.Measure, error) {
	var m *measure.Measure
	err := db.view(ctx, func(tx *Tx) (err error) {
		m, err = tx.measureByID(ctx, roundID, id)
		return err
	})
	return m, err
}

// Measures pages through a round's measures in the order they were made,
// keyset on (created_at, id).
func (db *DB) Measures(ctx context.Context, roundID, after string, limit int) ([]measure.Measure, string, error) {
	limit = pageLimit(limit)
	q := "SELECT " + measureColumns + " WHERE round_id = ?"
	args := []any{roundID}
	if after != "" {
		at, id, ok := parseTimeCursor(after)
		if !ok {
			return nil, "", apperr.Errorf(apperr.Invalid, "That page link is not valid. Go back to the first page.")
		}
		q += " AND (created_at > ? OR (created_at = ? AND id > ?))"
		args = append(args, at, at, id)
	}
	q += " ORDER BY created_at, id LIMIT ?"
	args = append(args, limit+1)
	var out []measure.Measure
	var next string
	err := db.view(ctx, func(tx *Tx) error {
		err := tx.each(ctx, func(sc scanner) error {
			m, err := scanMeasure(sc)
			if err == nil {
				out = append(out, *m)
			}
			return err
		}, q, args...)
		if err != nil {
			return err
		}
		if len(out) > limit {
			out = out[:limit]
			last := out[limit-1]
			var at sql.NullTime
			if err := tx.queryRow(ctx, "SELECT created_at FROM measures WHERE id = ?", last.ID).Scan(&at); err != nil {
				return err
			}
			next = timeCursor(at.Time, last.ID)
		}
		for i := range out {
			if err := tx.measureLinks(ctx, &out[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return out, next, err
}
