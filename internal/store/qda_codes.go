package store

import (
	"context"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/qda"
)

// AddCode adds a code to a project's codebook, last among its siblings;
// the input must be validated. A parent must be a code of the project.
func (db *DB) AddCode(ctx context.Context, n qda.NewCode) (*qda.Code, error) {
	var c *qda.Code
	err := db.update(ctx, func(tx *Tx) (err error) {
		c, err = tx.addCode(ctx, n)
		return err
	})
	return c, err
}

func (tx *Tx) addCode(ctx context.Context, n qda.NewCode) (*qda.Code, error) {
	if n.ParentID != "" {
		var project string
		if err := tx.queryRow(ctx, `SELECT project_id FROM qda_codes WHERE id = ?`, n.ParentID).Scan(&project); err != nil || project != n.ProjectID {
			return nil, apperr.Fields([]apperr.FieldError{{Field: "parent_id", Message: "Choose a code of this project to put it under"}})
		}
	}
	c := &qda.Code{ID: newID(), ProjectID: n.ProjectID, ParentID: n.ParentID, Name: n.Name, Definition: n.Definition,
		WhenToUse: n.WhenToUse, WhenNotToUse: n.WhenNotToUse, Example: n.Example, Color: n.Color}
	if err := tx.queryRow(ctx, `SELECT COALESCE(MAX(position), -1) + 1 FROM qda_codes WHERE project_id = ? AND parent_id = ?`,
		n.ProjectID, n.ParentID).Scan(&c.Position); err != nil {
		return nil, err
	}
	if _, err := tx.exec(ctx, `INSERT INTO qda_codes (id, project_id, parent_id, name, definition, when_to_use, when_not_to_use,
		example, color, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.ID, c.ProjectID, c.ParentID, c.Name, c.Definition,
		c.WhenToUse, c.WhenNotToUse, c.Example, c.Color, c.Position); err != nil {
		return nil, mapErr(err, "code with that name here")
	}
	return c, tx.record(ctx, "qda_code.create", "qda_code", c.ID, map[string]string{"project_id": c.ProjectID, "name": c.Name})
}

// AddPreset adds a preset codebook to a project in one transaction.
func (db *DB) AddPreset(ctx context.Context, projectID string, preset []qda.PresetCode) error {
	return db.update(ctx, func(tx *Tx) error {
		ids := map[string]string{}
		for _, p := range preset {
			n := qda.NewCode{ProjectID: projectID, ParentID: ids[p.Parent], Name: p.Name, Definition: p.Definition,
				WhenToUse: p.WhenToUse, WhenNotToUse: p.WhenNotToUse, Example: p.Example, Color: p.Color}
			if err := n.Validate(); err != nil {
				return err
			}
			c, err := tx.addCode(ctx, n)
			if err != nil {
				return err
			}
			key := p.Key
			if key == "" {
				key = p.Name
			}
			ids[key] = c.ID
		}
		return tx.record(ctx, "qda_codebook.preset", "qda_project", projectID, map[string]string{"codes": strconv.Itoa(len(preset))})
	})
}

// Codes lists a project's codes (qda.Tree arranges them).
func (db *DB) Codes(ctx context.Context, projectID string) ([]qda.Code, error) {
	var out []qda.Code
	err := db.view(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, `SELECT id, project_id, parent_id, name, definition, when_to_use, when_not_to_use, example, color,
			position FROM qda_codes WHERE project_id = ? ORDER BY position, name, id`, projectID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c qda.Code
			if err := rows.Scan(&c.ID, &c.ProjectID, &c.ParentID, &c.Name, &c.Definition, &c.WhenToUse, &c.WhenNotToUse, &c.Example,
				&c.Color, &c.Position); err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, err
}
