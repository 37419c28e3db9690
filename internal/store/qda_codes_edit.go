package store

import (
	"context"
	"slices"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/qda"
)

// Codebook editing (issue 18): a code renamed, defined again, given
// another colour, moved under another code or among its siblings. Codes
// keep their ids, so coding already done keeps its codes.

// codebookAt reads a project's codes inside a transaction, in the order
// pages show siblings, and where codeID is among them.
func (tx *Tx) codebookAt(ctx context.Context, projectID, codeID string) ([]qda.Code, int, error) {
	var out []qda.Code
	err := tx.each(ctx, func(sc scanner) error {
		var c qda.Code
		err := sc.Scan(&c.ID, &c.ProjectID, &c.ParentID, &c.Name, &c.Position)
		out = append(out, c)
		return err
	}, `SELECT id, project_id, parent_id, name, position FROM qda_codes WHERE project_id = ? ORDER BY position, name, id`, projectID)
	at := slices.IndexFunc(out, func(c qda.Code) bool { return c.ID == codeID })
	if err == nil && at < 0 {
		err = apperr.Errorf(apperr.NotFound, "This codebook has no such code")
	}
	return out, at, err
}

// EditCode changes a code of the project; the input must be validated. A
// code moved under another goes last among its new siblings; it cannot go
// under itself or a code below it.
func (db *DB) EditCode(ctx context.Context, projectID, codeID string, n qda.NewCode) error {
	return db.update(ctx, func(tx *Tx) error {
		codes, at, err := tx.codebookAt(ctx, projectID, codeID)
		if err != nil {
			return err
		}
		position := codes[at].Position
		if n.ParentID != codes[at].ParentID {
			if n.ParentID != "" && !slices.ContainsFunc(codes, func(c qda.Code) bool { return c.ID == n.ParentID }) {
				return apperr.Fields([]apperr.FieldError{{Field: "parent_id", Message: "Choose a code of this project to put it under"}})
			}
			codes[at].ParentID = n.ParentID
			if _, err := qda.Tree(codes); err != nil {
				return apperr.Fields([]apperr.FieldError{{Field: "parent_id", Message: "A code cannot go under itself or under a code below it"}})
			}
			position = 0
			for _, c := range codes {
				if c.ParentID == n.ParentID && c.ID != codeID && c.Position >= position {
					position = c.Position + 1
				}
			}
		}
		if _, err := tx.exec(ctx, `UPDATE qda_codes SET parent_id = ?, name = ?, definition = ?, when_to_use = ?, when_not_to_use = ?,
			example = ?, color = ?, position = ? WHERE id = ?`, n.ParentID, n.Name, n.Definition, n.WhenToUse, n.WhenNotToUse,
			n.Example, n.Color, position, codeID); err != nil {
			if e := mapErr(err, "code"); apperr.Code(e) == apperr.Conflict {
				return apperr.Fields([]apperr.FieldError{{Field: "name", Message: "There is already a code called " + n.Name + " there"}})
			}
			return err
		}
		return tx.record(ctx, "qda_code.edit", "qda_code", codeID, map[string]string{"project_id": projectID, "name": n.Name, "parent_id": n.ParentID})
	})
}

// MoveCode moves a code one place up (earlier) or down among its siblings,
// numbering the siblings afresh in their shown order.
func (db *DB) MoveCode(ctx context.Context, projectID, codeID string, up bool) error {
	return db.update(ctx, func(tx *Tx) error {
		codes, at, err := tx.codebookAt(ctx, projectID, codeID)
		if err != nil {
			return err
		}
		var siblings []qda.Code // already in shown order: position, then name
		for _, c := range codes {
			if c.ParentID == codes[at].ParentID {
				siblings = append(siblings, c)
			}
		}
		i := slices.IndexFunc(siblings, func(c qda.Code) bool { return c.ID == codeID })
		j := i + 1
		if up {
			j = i - 1
		}
		if j < 0 || j >= len(siblings) {
			return apperr.Errorf(apperr.Conflict, "%s is already the %s of its codes", codes[at].Name, map[bool]string{true: "first", false: "last"}[up])
		}
		siblings[i], siblings[j] = siblings[j], siblings[i]
		for k, c := range siblings {
			if _, err := tx.exec(ctx, "UPDATE qda_codes SET position = ? WHERE id = ?", k, c.ID); err != nil {
				return err
			}
		}
		return tx.record(ctx, "qda_code.move", "qda_code", codeID, map[string]string{"project_id": projectID,
			"direction": map[bool]string{true: "up", false: "down"}[up]})
	})
}
