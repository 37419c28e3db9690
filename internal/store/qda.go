package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/qda"
)

var _ qda.Service = (*DB)(nil)

// CreateProject saves a qualitative coding project; the input must be
// validated. Its creator is its first coder.
func (db *DB) CreateProject(ctx context.Context, n qda.NewProject) (*qda.Project, error) {
	p := &qda.Project{ID: newID(), OrgID: n.OrgID, Title: n.Title, Description: n.Description, Blind: n.Blind, CreatedBy: audit.ActorFrom(ctx)}
	err := db.update(ctx, func(tx *Tx) error {
		p.CreatedAt = tx.now
		if _, err := tx.exec(ctx, `INSERT INTO qda_projects (id, org_id, title, description, blind, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, p.ID, p.OrgID, p.Title, p.Description, p.Blind, p.CreatedBy, p.CreatedAt); err != nil {
			return mapErr(err, "organisation")
		}
		if p.CreatedBy != "" {
			if _, err := tx.exec(ctx, `INSERT INTO qda_coders (project_id, user_id) VALUES (?, ?)`, p.ID, p.CreatedBy); err != nil {
				return mapErr(err, "coder")
			}
		}
		return tx.record(ctx, "qda_project.create", "qda_project", p.ID,
			map[string]string{"org_id": p.OrgID, "title": p.Title, "blind": strconv.FormatBool(p.Blind)})
	})
	return p, err
}

const qdaProjectColumns = "p.id, p.org_id, o.name, p.title, p.description, p.blind, p.created_by, p.created_at"

func scanQDAProject(r interface{ Scan(...any) error }) (*qda.Project, error) {
	var p qda.Project
	if err := r.Scan(&p.ID, &p.OrgID, &p.OrgName, &p.Title, &p.Description, &p.Blind, &p.CreatedBy, &p.CreatedAt); err != nil {
		return nil, err
	}
	p.CreatedAt = p.CreatedAt.UTC()
	return &p, nil
}

// ProjectByID returns one project.
func (db *DB) ProjectByID(ctx context.Context, id string) (*qda.Project, error) {
	var p *qda.Project
	err := db.view(ctx, func(tx *Tx) (err error) {
		p, err = tx.qdaProject(ctx, id)
		return err
	})
	return p, err
}

func (tx *Tx) qdaProject(ctx context.Context, id string) (*qda.Project, error) {
	p, err := scanQDAProject(tx.queryRow(ctx, "SELECT "+qdaProjectColumns+
		" FROM qda_projects p JOIN organisations o ON o.id = p.org_id WHERE p.id = ?", id))
	return p, mapErr(err, "project")
}

// ListProjects lists the projects of the given organisations, newest first.
func (db *DB) ListProjects(ctx context.Context, orgIDs []string) ([]qda.Project, error) {
	var out []qda.Project
	if len(orgIDs) == 0 {
		return nil, nil
	}
	args := make([]any, len(orgIDs))
	for i, id := range orgIDs {
		args[i] = id
	}
	err := db.view(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, "SELECT "+qdaProjectColumns+" FROM qda_projects p JOIN organisations o ON o.id = p.org_id"+
			" WHERE p.org_id IN (?"+strings.Repeat(", ?", len(orgIDs)-1)+") ORDER BY p.created_at DESC, p.id DESC", args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			p, err := scanQDAProject(rows)
			if err != nil {
				return err
			}
			out = append(out, *p)
		}
		return rows.Err()
	})
	return out, err
}

// AddCoder makes a user a coder of the project, if qda.CheckNewCoder
// allows it: a member of the owning organisation who does not code it yet.
func (db *DB) AddCoder(ctx context.Context, projectID, userID string) error {
	return db.update(ctx, func(tx *Tx) error {
		p, err := tx.qdaProject(ctx, projectID)
		if err != nil {
			return err
		}
		var name string
		var members int
		err = tx.queryRow(ctx, `SELECT u.display_name, (SELECT COUNT(*) FROM memberships m WHERE m.user_id = u.id AND m.org_id = ?)
			FROM users u WHERE u.id = ?`, p.OrgID, userID).Scan(&name, &members)
		if err == sql.ErrNoRows {
			return apperr.Fields([]apperr.FieldError{{Field: qda.CoderField, Message: "Choose a person from the list"}})
		} else if err != nil {
			return err
		}
		coder, _, err := tx.coderState(ctx, projectID, userID)
		if err != nil {
			return err
		}
		if err := qda.CheckNewCoder(name, p.OrgName, members > 0, coder); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO qda_coders (project_id, user_id) VALUES (?, ?)`, projectID, userID); err != nil {
			return mapErr(err, "coder")
		}
		return tx.record(ctx, "qda_coder.add", "qda_project", projectID, map[string]string{"user_id": userID})
	})
}

// Coders lists a project's coders by name.
func (db *DB) Coders(ctx context.Context, projectID string) ([]qda.Coder, error) {
	var out []qda.Coder
	err := db.view(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, `SELECT c.user_id, u.display_name, c.submitted_at FROM qda_coders c JOIN users u ON u.id = c.user_id
			WHERE c.project_id = ? ORDER BY u.display_name, u.id`, projectID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c qda.Coder
			var at sql.NullTime
			if err := rows.Scan(&c.UserID, &c.Name, &at); err != nil {
				return err
			}
			if at.Valid {
				t := at.Time.UTC()
				c.SubmittedAt = &t
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, err
}

// coderState says whether a user codes the project and has submitted.
func (tx *Tx) coderState(ctx context.Context, projectID, userID string) (coder, submitted bool, err error) {
	var at sql.NullTime
	err = tx.queryRow(ctx, `SELECT submitted_at FROM qda_coders WHERE project_id = ? AND user_id = ?`, projectID, userID).Scan(&at)
	if err == sql.ErrNoRows {
		return false, false, nil
	}
	return err == nil, at.Valid, err
}

// Submit seals the acting coder's coding.
func (db *DB) Submit(ctx context.Context, projectID string) error {
	actor := audit.ActorFrom(ctx)
	return db.update(ctx, func(tx *Tx) error {
		coder, submitted, err := tx.coderState(ctx, projectID, actor)
		switch {
		case err != nil:
			return err
		case !coder:
			return apperr.Errorf(apperr.Forbidden, "Only the project's coders submit coding")
		case submitted:
			return apperr.Errorf(apperr.Conflict, "You have already submitted your coding")
		}
		if _, err := tx.exec(ctx, `UPDATE qda_coders SET submitted_at = ? WHERE project_id = ? AND user_id = ?`, tx.now, projectID, actor); err != nil {
			return err
		}
		return tx.record(ctx, "qda_coding.submit", "qda_project", projectID, nil)
	})
}

// AddSource saves a source with its consent record, made by the acting
// user now; the input must be validated.
func (db *DB) AddSource(ctx context.Context, n qda.NewSource) (*qda.Source, error) {
	s := &qda.Source{ID: newID(), ProjectID: n.ProjectID, Title: n.Title, Text: n.Text, Units: n.Units, Attribute: n.Attribute,
		ConsentNote: n.ConsentNote, ConsentBy: audit.ActorFrom(ctx), NamesReplaced: n.NamesReplaced, PageStarts: n.PageStarts,
		TranscriptID: n.TranscriptID}
	err := db.update(ctx, func(tx *Tx) error {
		s.ConsentAt, s.CreatedAt = tx.now, tx.now
		if err := sourceTranscriptAllowed(ctx, tx, s.ProjectID, s.TranscriptID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO qda_sources (id, project_id, title, body, chars, units, attribute, names_replaced,
			consent_note, consent_by, consent_at, created_at, page_starts, transcript_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			s.ID, s.ProjectID, s.Title, s.Text, utf8.RuneCountInString(s.Text), string(s.Units), s.Attribute, s.NamesReplaced,
			s.ConsentNote, s.ConsentBy, s.ConsentAt, s.CreatedAt, pageStarts(s.PageStarts), s.TranscriptID); err != nil {
			return mapErr(err, "project")
		}
		return tx.record(ctx, "qda_source.create", "qda_source", s.ID, map[string]string{
			"project_id": s.ProjectID, "characters": strconv.Itoa(utf8.RuneCountInString(s.Text)), "consent": "recorded"})
	})
	return s, err
}

// Sources lists a project's sources in the order they were added.
func (db *DB) Sources(ctx context.Context, projectID string) ([]qda.Source, error) {
	var out []qda.Source
	err := db.view(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, `SELECT id, project_id, title, body, units, attribute, names_replaced, consent_note, consent_by,
			consent_at, created_at, page_starts, transcript_id FROM qda_sources WHERE project_id = ? ORDER BY created_at, id`, projectID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s qda.Source
			var units, pages string
			if err := rows.Scan(&s.ID, &s.ProjectID, &s.Title, &s.Text, &units, &s.Attribute, &s.NamesReplaced, &s.ConsentNote,
				&s.ConsentBy, &s.ConsentAt, &s.CreatedAt, &pages, &s.TranscriptID); err != nil {
				return err
			}
			if s.PageStarts, err = parsePageStarts(pages); err != nil {
				return err
			}
			s.Units = qda.UnitKind(units)
			s.ConsentAt, s.CreatedAt = s.ConsentAt.UTC(), s.CreatedAt.UTC()
			out = append(out, s)
		}
		return rows.Err()
	})
	return out, err
}
