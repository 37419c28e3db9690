package store

import (
	"context"
	"database/sql"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/qda"
)

// codingSource is what coding needs to know of a source.
type codingSource struct {
	projectID string
	body      string
	chars     int
	units     qda.UnitKind
}

func (tx *Tx) codingSource(ctx context.Context, sourceID string) (codingSource, error) {
	var s codingSource
	var units string
	err := tx.queryRow(ctx, `SELECT project_id, body, chars, units FROM qda_sources WHERE id = ?`, sourceID).Scan(&s.projectID, &s.body, &s.chars, &units)
	s.units = qda.UnitKind(units)
	return s, mapErr(err, "source")
}

// codableUnit returns a source and its unit with index i, if coder may
// code it (mayCode).
func (tx *Tx) codableUnit(ctx context.Context, sourceID, coder string, i int) (codingSource, qda.Unit, error) {
	src, err := tx.codingSource(ctx, sourceID)
	if err != nil {
		return src, qda.Unit{}, err
	}
	if err := tx.mayCode(ctx, src.projectID, coder); err != nil {
		return src, qda.Unit{}, err
	}
	units := qda.Split(src.body, src.units)
	if i < 0 || i >= len(units) {
		return src, qda.Unit{}, apperr.Errorf(apperr.NotFound, "No such unit")
	}
	return src, units[i], nil
}

// mayCode refuses anyone who is not a coder of the project, and a coder
// whose coding is submitted (sealed).
func (tx *Tx) mayCode(ctx context.Context, projectID, userID string) error {
	coder, submitted, err := tx.coderState(ctx, projectID, userID)
	switch {
	case err != nil:
		return err
	case !coder:
		return apperr.Errorf(apperr.Forbidden, "Only the project's coders code its sources")
	case submitted:
		return apperr.Errorf(apperr.Conflict, "Your coding is submitted, so it cannot change")
	}
	return nil
}

// checkCodes refuses codes that are not the project's.
func (tx *Tx) checkCodes(ctx context.Context, projectID string, ids []string) error {
	for _, id := range ids {
		var project string
		if err := tx.queryRow(ctx, `SELECT project_id FROM qda_codes WHERE id = ?`, id).Scan(&project); err != nil || project != projectID {
			return apperr.Fields([]apperr.FieldError{{Field: "codes", Message: "Choose codes from this project's codebook"}})
		}
	}
	return nil
}

func (tx *Tx) insertSegment(ctx context.Context, projectID, coder string, n qda.NewSegment) (*qda.Segment, error) {
	seg := &qda.Segment{ID: newID(), SourceID: n.SourceID, CoderID: coder, Start: n.Start, End: n.End, CodeIDs: n.CodeIDs, Memo: n.Memo, CreatedAt: tx.now}
	if _, err := tx.exec(ctx, `INSERT INTO qda_segments (id, project_id, source_id, coder_id, start_pos, end_pos, memo, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, seg.ID, projectID, seg.SourceID, coder, seg.Start, seg.End, seg.Memo, seg.CreatedAt); err != nil {
		return nil, mapErr(err, "segment")
	}
	for _, c := range seg.CodeIDs {
		if _, err := tx.exec(ctx, `INSERT INTO qda_segment_codes (segment_id, code_id) VALUES (?, ?)`, seg.ID, c); err != nil {
			return nil, mapErr(err, "code")
		}
	}
	return seg, tx.record(ctx, "qda_segment.create", "qda_segment", seg.ID, map[string]string{"source_id": seg.SourceID,
		"start": strconv.Itoa(seg.Start), "end": strconv.Itoa(seg.End), "codes": strconv.Itoa(len(seg.CodeIDs))})
}

// Code saves a segment by the acting coder.
func (db *DB) Code(ctx context.Context, n qda.NewSegment) (*qda.Segment, error) {
	coder := audit.ActorFrom(ctx)
	var seg *qda.Segment
	err := db.update(ctx, func(tx *Tx) error {
		src, err := tx.codingSource(ctx, n.SourceID)
		if err != nil {
			return err
		}
		if err := tx.mayCode(ctx, src.projectID, coder); err != nil {
			return err
		}
		if err := n.Validate(src.chars); err != nil {
			return err
		}
		if len(n.CodeIDs) == 0 {
			return apperr.Fields([]apperr.FieldError{{Field: "codes", Message: "Choose at least one code for the selected text"}})
		}
		if err := tx.checkCodes(ctx, src.projectID, n.CodeIDs); err != nil {
			return err
		}
		seg, err = tx.insertSegment(ctx, src.projectID, coder, n)
		return err
	})
	return seg, err
}

// sameUnit finds a coder's segment that is exactly one unit of a source.
const sameUnit = `FROM qda_segments WHERE source_id = ? AND coder_id = ? AND start_pos = ? AND end_pos = ?`

// CodeUnit replaces the acting coder's codes on one unit of a source: the
// segment that is exactly the unit is replaced (or removed, with no codes).
func (db *DB) CodeUnit(ctx context.Context, sourceID string, unit int, codeIDs []string) error {
	coder := audit.ActorFrom(ctx)
	return db.update(ctx, func(tx *Tx) error {
		src, u, err := tx.codableUnit(ctx, sourceID, coder, unit)
		if err != nil {
			return err
		}
		n := qda.NewSegment{SourceID: sourceID, Start: u.Start, End: u.End, CodeIDs: codeIDs}
		if err := n.Validate(src.chars); err != nil {
			return err
		}
		if err := tx.checkCodes(ctx, src.projectID, n.CodeIDs); err != nil {
			return err
		}
		// The memo on the unit stays with its new codes.
		if err := tx.queryRow(ctx, `SELECT memo `+sameUnit, sourceID, coder, u.Start, u.End).Scan(&n.Memo); err != nil && err != sql.ErrNoRows {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM qda_segment_codes WHERE segment_id IN (SELECT id `+sameUnit+`)`, sourceID, coder, u.Start, u.End); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE `+sameUnit, sourceID, coder, u.Start, u.End); err != nil {
			return err
		}
		if len(n.CodeIDs) == 0 {
			return tx.record(ctx, "qda_unit.clear", "qda_source", sourceID, map[string]string{"unit": strconv.Itoa(unit)})
		}
		_, err = tx.insertSegment(ctx, src.projectID, coder, n)
		return err
	})
}

// seesCoding applies the blind rule (qda.CanSee): it refuses viewer
// coderID's coding in the project until the rule allows it.
func (tx *Tx) seesCoding(ctx context.Context, projectID, viewer, coderID string) error {
	p, err := tx.qdaProject(ctx, projectID)
	if err != nil {
		return err
	}
	isCoder, coderDone, err := tx.coderState(ctx, projectID, coderID)
	if err != nil {
		return err
	}
	if !isCoder {
		return apperr.Errorf(apperr.NotFound, "No such coder")
	}
	viewerCodes, viewerDone, err := tx.coderState(ctx, projectID, viewer)
	if err != nil {
		return err
	}
	if !viewerCodes {
		viewerDone = true // a lead who does not code: sees submitted coding only
	}
	if !qda.CanSee(p.Blind, viewer, coderID, viewerDone, coderDone) {
		if !viewerDone {
			return apperr.Errorf(apperr.Forbidden, "Coding is blind: you can see other coders' coding once you have submitted yours")
		}
		return apperr.Errorf(apperr.Forbidden, "Coding is blind: this coder has not submitted their coding yet")
	}
	return nil
}

// Segments returns a coder's segments if the acting user may see them:
// the blind rule (qda.CanSee) is applied here, inside the transaction that
// reads them, so no caller can skip it.
func (db *DB) Segments(ctx context.Context, projectID, coderID string) ([]qda.Segment, error) {
	viewer := audit.ActorFrom(ctx)
	var out []qda.Segment
	err := db.view(ctx, func(tx *Tx) error {
		if err := tx.seesCoding(ctx, projectID, viewer, coderID); err != nil {
			return err
		}
		rows, err := tx.query(ctx, `SELECT id, source_id, start_pos, end_pos, memo, created_at FROM qda_segments
			WHERE project_id = ? AND coder_id = ? ORDER BY source_id, start_pos, end_pos, id`, projectID, coderID)
		if err != nil {
			return err
		}
		defer rows.Close()
		at := map[string]int{}
		for rows.Next() {
			s := qda.Segment{CoderID: coderID, CodeIDs: []string{}}
			if err := rows.Scan(&s.ID, &s.SourceID, &s.Start, &s.End, &s.Memo, &s.CreatedAt); err != nil {
				return err
			}
			s.CreatedAt = s.CreatedAt.UTC()
			at[s.ID] = len(out)
			out = append(out, s)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		codes, err := tx.query(ctx, `SELECT sc.segment_id, sc.code_id FROM qda_segment_codes sc JOIN qda_segments s ON s.id = sc.segment_id
			WHERE s.project_id = ? AND s.coder_id = ? ORDER BY sc.code_id`, projectID, coderID)
		if err != nil {
			return err
		}
		defer codes.Close()
		for codes.Next() {
			var seg, code string
			if err := codes.Scan(&seg, &code); err != nil {
				return err
			}
			out[at[seg]].CodeIDs = append(out[at[seg]].CodeIDs, code)
		}
		return codes.Err()
	})
	return out, err
}
