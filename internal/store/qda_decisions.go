package store

import (
	"context"
	"slices"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/qda"
)

// Decide records the reconciled codes of one unit of a source, replacing
// an earlier decision. Reconciling reads every coder's coding, so in a
// blind project a coder may decide only once they have submitted their own.
func (db *DB) Decide(ctx context.Context, sourceID string, unit int, codeIDs []string) error {
	actor := audit.ActorFrom(ctx)
	return db.update(ctx, func(tx *Tx) error {
		src, err := tx.codingSource(ctx, sourceID)
		if err != nil {
			return err
		}
		p, err := tx.qdaProject(ctx, src.projectID)
		if err != nil {
			return err
		}
		coder, submitted, err := tx.coderState(ctx, p.ID, actor)
		if err != nil {
			return err
		}
		if p.Blind && coder && !submitted {
			return apperr.Errorf(apperr.Forbidden, "Coding is blind: you can reconcile once you have submitted your own coding")
		}
		if unit < 0 || unit >= len(qda.Split(src.body, src.units)) {
			return apperr.Errorf(apperr.NotFound, "No such unit")
		}
		codeIDs = slices.Compact(slices.Sorted(slices.Values(codeIDs)))
		if err := tx.checkCodes(ctx, p.ID, codeIDs); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM qda_decision_codes WHERE source_id = ? AND unit_index = ?`, sourceID, unit); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM qda_decisions WHERE source_id = ? AND unit_index = ?`, sourceID, unit); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO qda_decisions (source_id, unit_index, decided_by, decided_at) VALUES (?, ?, ?, ?)`,
			sourceID, unit, actor, tx.now); err != nil {
			return mapErr(err, "decision")
		}
		for _, c := range codeIDs {
			if _, err := tx.exec(ctx, `INSERT INTO qda_decision_codes (source_id, unit_index, code_id) VALUES (?, ?, ?)`, sourceID, unit, c); err != nil {
				return mapErr(err, "code")
			}
		}
		return tx.record(ctx, "qda_unit.reconcile", "qda_source", sourceID, map[string]string{
			"unit": strconv.Itoa(unit), "codes": strconv.Itoa(len(codeIDs))})
	})
}

// Decisions lists a project's reconciled units, with who decided.
func (db *DB) Decisions(ctx context.Context, projectID string) ([]qda.Decision, error) {
	var out []qda.Decision
	err := db.view(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, `SELECT d.source_id, d.unit_index, d.decided_by, u.display_name, d.decided_at FROM qda_decisions d
			JOIN qda_sources s ON s.id = d.source_id JOIN users u ON u.id = d.decided_by
			WHERE s.project_id = ? ORDER BY d.source_id, d.unit_index`, projectID)
		if err != nil {
			return err
		}
		defer rows.Close()
		at := map[string]int{}
		for rows.Next() {
			d := qda.Decision{CodeIDs: []string{}}
			if err := rows.Scan(&d.SourceID, &d.Unit, &d.DecidedBy, &d.DecidedByName, &d.DecidedAt); err != nil {
				return err
			}
			d.DecidedAt = d.DecidedAt.UTC()
			at[d.SourceID+"/"+strconv.Itoa(d.Unit)] = len(out)
			out = append(out, d)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		codes, err := tx.query(ctx, `SELECT c.source_id, c.unit_index, c.code_id FROM qda_decision_codes c
			JOIN qda_sources s ON s.id = c.source_id WHERE s.project_id = ? ORDER BY c.code_id`, projectID)
		if err != nil {
			return err
		}
		defer codes.Close()
		for codes.Next() {
			var src, code string
			var unit int
			if err := codes.Scan(&src, &unit, &code); err != nil {
				return err
			}
			i := at[src+"/"+strconv.Itoa(unit)]
			out[i].CodeIDs = append(out[i].CodeIDs, code)
		}
		return codes.Err()
	})
	return out, err
}
