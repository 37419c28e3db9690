package store

import (
	"context"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/training"
)

// AddMaterial keeps a checked file of a course's materials; audited with
// its name, version and hash, not its contents.
func (db *DB) AddMaterial(ctx context.Context, courseID string, v training.Version, name string, data []byte) (string, error) {
	m, err := training.CheckMaterial(v, name, data)
	if err != nil {
		return "", err
	}
	id := newID()
	err = db.update(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, `INSERT INTO training_materials (id, course_id, version, file_name, content_type, size, sha256, data, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, courseID, string(m.Version), m.FileName, m.ContentType, m.Size, m.SHA256, data,
			audit.ActorFrom(ctx), tx.now); err != nil {
			return mapErr(err, "course")
		}
		return tx.record(ctx, "training_material.add", "training_course", courseID,
			map[string]string{"material_id": id, "version": string(m.Version), "file_name": m.FileName, "sha256": m.SHA256})
	})
	return id, err
}

const materialColumns = "id, course_id, version, file_name, content_type, size, sha256, created_at"

func scanMaterial(r scanner, extra ...any) (training.Material, error) {
	var m training.Material
	var v string
	err := r.Scan(append([]any{&m.ID, &m.CourseID, &v, &m.FileName, &m.ContentType, &m.Size, &m.SHA256, &m.CreatedAt}, extra...)...)
	m.Version, m.CreatedAt = training.Version(v), m.CreatedAt.UTC()
	return m, err
}

// Materials lists a course's materials: plain English first, then Easy
// Read, each in the order they were added.
func (db *DB) Materials(ctx context.Context, courseID string) ([]training.Material, error) {
	var out []training.Material
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			m, err := scanMaterial(r)
			out = append(out, m)
			return err
		}, "SELECT "+materialColumns+" FROM training_materials WHERE course_id = ? ORDER BY version DESC, created_at, id", courseID)
	})
	return out, err
}

// MaterialData reads one file of a course's materials with its contents.
func (db *DB) MaterialData(ctx context.Context, courseID, id string) (*training.Material, []byte, error) {
	var m training.Material
	var data []byte
	err := db.view(ctx, func(tx *Tx) (err error) {
		m, err = scanMaterial(tx.queryRow(ctx, "SELECT "+materialColumns+", data FROM training_materials WHERE course_id = ? AND id = ?", courseID, id), &data)
		return mapErr(err, "material")
	})
	return &m, data, err
}
