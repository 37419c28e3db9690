package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/measure"
)

// CreateSpecification starts a round's service specification, with no
// version yet.
func (db *DB) CreateSpecification(ctx context.Context, roundID, title string) (*measure.Specification, error) {
	title = strings.TrimSpace(title)
	switch n := utf8.RuneCountInString(title); {
	case n == 0:
		return nil, apperr.Fields([]apperr.FieldError{{Field: "title", Message: "Enter the specification's title"}})
	case n > 200:
		return nil, apperr.Fields([]apperr.FieldError{{Field: "title", Message: "The title must be 200 characters or fewer"}})
	}
	s := &measure.Specification{ID: newID(), RoundID: roundID, Title: title}
	err := db.update(ctx, func(tx *Tx) error {
		if _, err := tx.roundByID(ctx, roundID); err != nil {
			return err
		}
		s.CreatedAt = tx.now
		if _, err := tx.exec(ctx, "INSERT INTO specifications (id, round_id, title, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
			s.ID, roundID, title, audit.ActorFrom(ctx), tx.now); err != nil {
			return err
		}
		return tx.record(ctx, "specification.create", "specification", s.ID, map[string]string{"round_id": roundID, "title": title})
	})
	return s, err
}

// Specifications lists a round's specifications with their versions.
func (db *DB) Specifications(ctx context.Context, roundID string) ([]measure.Specification, error) {
	var out []measure.Specification
	err := db.view(ctx, func(tx *Tx) error {
		err := tx.each(ctx, func(sc scanner) error {
			var s measure.Specification
			if err := sc.Scan(&s.ID, &s.RoundID, &s.Title, &s.CreatedAt); err != nil {
				return err
			}
			s.CreatedAt = s.CreatedAt.UTC()
			out = append(out, s)
			return nil
		}, "SELECT id, round_id, title, created_at FROM specifications WHERE round_id = ? ORDER BY created_at, id", roundID)
		if err != nil {
			return err
		}
		for i := range out {
			if out[i].Versions, err = tx.specVersions(ctx, out[i].ID); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

func (tx *Tx) specificationByID(ctx context.Context, roundID, id string) (*measure.Specification, error) {
	var s measure.Specification
	err := tx.queryRow(ctx, "SELECT id, round_id, title, created_at FROM specifications WHERE id = ? AND round_id = ?", id, roundID).
		Scan(&s.ID, &s.RoundID, &s.Title, &s.CreatedAt)
	if err != nil {
		return nil, mapErr(err, "specification")
	}
	s.CreatedAt = s.CreatedAt.UTC()
	s.Versions, err = tx.specVersions(ctx, id)
	return &s, err
}

// SpecificationByID returns one specification with every version.
func (db *DB) SpecificationByID(ctx context.Context, roundID, id string) (*measure.Specification, error) {
	var s *measure.Specification
	err := db.view(ctx, func(tx *Tx) (err error) {
		s, err = tx.specificationByID(ctx, roundID, id)
		return err
	})
	return s, err
}

func (tx *Tx) specVersions(ctx context.Context, specID string) ([]measure.Version, error) {
	var out []measure.Version
	err := tx.each(ctx, func(sc scanner) error {
		var v measure.Version
		var sections, indicators, by, decision string
		var at sql.NullTime
		if err := sc.Scan(&v.Number, &sections, &indicators, &v.CreatedBy, &v.CreatedAt, &by, &at, &decision); err != nil {
			return err
		}
		v.CreatedAt = v.CreatedAt.UTC()
		if err := json.Unmarshal([]byte(sections), &v.Sections); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(indicators), &v.Indicators); err != nil {
			return err
		}
		if at.Valid {
			v.SignOff = &measure.SignOff{By: by, At: at.Time.UTC(), ProposalID: decision}
		}
		out = append(out, v)
		return nil
	}, `SELECT v.number, v.sections, v.indicators, v.created_by, v.created_at, v.signed_off_by, v.signed_off_at, `+versionDecision+`
		FROM spec_versions v WHERE v.spec_id = ? ORDER BY v.number`, specID)
	return out, err
}

// AddSpecVersion makes the next version of a specification from written
// sections and the round's measures to put in its indicators table; only
// signed-off measures may enter (measure.NewVersion decides).
func (db *DB) AddSpecVersion(ctx context.Context, roundID, specID string, sections map[measure.SectionKey]string, measureIDs []string) (*measure.Version, error) {
	var v *measure.Version
	err := db.update(ctx, func(tx *Tx) error {
		s, err := tx.specificationByID(ctx, roundID, specID)
		if err != nil {
			return err
		}
		var ms []measure.Measure
		for _, id := range measureIDs {
			m, err := tx.measureByID(ctx, roundID, id)
			if apperr.Code(err) == apperr.NotFound {
				return apperr.Fields([]apperr.FieldError{{Field: "measures", Message: "Choose measures of this round"}})
			} else if err != nil {
				return err
			}
			ms = append(ms, *m)
		}
		if v, err = measure.NewVersion(len(s.Versions)+1, sections, ms, audit.ActorFrom(ctx), tx.now); err != nil {
			return err
		}
		secText, _ := json.Marshal(v.Sections)
		indText, _ := json.Marshal(v.Indicators)
		if _, err := tx.exec(ctx, `INSERT INTO spec_versions (spec_id, number, sections, indicators, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, specID, v.Number, string(secText), string(indText), v.CreatedBy, v.CreatedAt); err != nil {
			return mapErr(err, "version")
		}
		return tx.record(ctx, "specification.version", "specification", specID, map[string]string{"round_id": roundID,
			"version": strconv.Itoa(v.Number), "indicators": strconv.Itoa(len(v.Indicators))})
	})
	return v, err
}
