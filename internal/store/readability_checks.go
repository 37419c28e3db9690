package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/infocheck"
	"github.com/coprod/coprod/readability"
)

var _ infocheck.Service = (*DB)(nil)

// CreateCheck saves a check to an organisation's library; the input must be validated.
func (db *DB) CreateCheck(ctx context.Context, n infocheck.NewCheck) (*infocheck.Check, error) {
	c := &infocheck.Check{ID: newID(), OrgID: n.OrgID, Title: n.Title, Format: n.Format, Profile: n.Profile, Source: n.Source,
		CreatedBy: audit.ActorFrom(ctx)}
	err := db.update(ctx, func(tx *Tx) error {
		c.CreatedAt = tx.now
		_, err := tx.exec(ctx, `INSERT INTO readability_checks (id, org_id, title, format, profile, source, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.ID, c.OrgID, c.Title, string(c.Format), c.Profile, c.Source, c.CreatedBy, c.CreatedAt)
		if err != nil {
			return mapErr(err, "organisation")
		}
		return tx.record(ctx, "readability_check.create", "readability_check", c.ID,
			map[string]string{"org_id": c.OrgID, "title": c.Title, "profile": c.Profile, "bytes": strconv.Itoa(len(c.Source))})
	})
	return c, err
}

const checkColumns = "c.id, c.org_id, o.name, c.title, c.format, c.profile, c.source, c.created_by, c.created_at"

func scanCheck(r scanner) (*infocheck.Check, error) {
	var c infocheck.Check
	var format string
	if err := r.Scan(&c.ID, &c.OrgID, &c.OrgName, &c.Title, &format, &c.Profile, &c.Source, &c.CreatedBy, &c.CreatedAt); err != nil {
		return nil, err
	}
	c.Format, c.CreatedAt = readability.Format(format), c.CreatedAt.UTC()
	return &c, nil
}

// CheckByID returns one saved check.
func (db *DB) CheckByID(ctx context.Context, id string) (*infocheck.Check, error) {
	var c *infocheck.Check
	err := db.view(ctx, func(tx *Tx) (err error) {
		c, err = scanCheck(tx.queryRow(ctx, "SELECT "+checkColumns+" FROM readability_checks c JOIN organisations o ON o.id = c.org_id WHERE c.id = ?", id))
		return mapErr(err, "saved check")
	})
	return c, err
}

// ListChecks pages through an organisation's library, newest first. The
// cursor is the last check's time and id, so pages stay stable while
// checks are added.
func (db *DB) ListChecks(ctx context.Context, orgID, after string, limit int) (infocheck.Page, error) {
	limit = pageLimit(limit)
	q := "SELECT " + checkColumns + " FROM readability_checks c JOIN organisations o ON o.id = c.org_id WHERE c.org_id = ?"
	args := []any{orgID}
	if after != "" {
		at, id, ok := parseTimeCursor(after)
		if !ok {
			return infocheck.Page{}, apperr.Errorf(apperr.Invalid, "That page link is not valid. Go back to the first page.")
		}
		q += " AND (c.created_at < ? OR (c.created_at = ? AND c.id < ?))"
		args = append(args, at, at, id)
	}
	q += " ORDER BY c.created_at DESC, c.id DESC LIMIT ?"
	args = append(args, limit+1)
	var p infocheck.Page
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			c, err := scanCheck(r)
			if err == nil {
				p.Checks = append(p.Checks, *c)
			}
			return err
		}, q, args...)
	})
	if len(p.Checks) > limit {
		p.Checks = p.Checks[:limit]
		last := p.Checks[limit-1]
		p.Next = timeCursor(last.CreatedAt, last.ID)
	}
	return p, err
}

// timeCursor and parseTimeCursor encode a (time, id) keyset position.
func timeCursor(t time.Time, id string) string {
	return t.UTC().Format("20060102T150405.000000Z") + "." + id
}

func parseTimeCursor(s string) (time.Time, string, bool) {
	ts, id, ok := strings.Cut(s, "Z.")
	if !ok || id == "" {
		return time.Time{}, "", false
	}
	t, err := time.Parse("20060102T150405.000000Z", ts+"Z")
	return t.UTC(), id, err == nil
}
