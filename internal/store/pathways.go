package store

import (
	"context"
	"crypto/rand"
	"database/sql"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/pathway"
	"github.com/coprod/coprod/internal/round"
)

var _ pathway.Service = (*DB)(nil)

// newSlug is a random short address from pathway.SlugAlphabet.
func newSlug() string {
	b := make([]byte, pathway.SlugLength)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	for i := range b {
		// 256 is not a multiple of 31; the small bias does not matter for an
		// address that is public anyway.
		b[i] = pathway.SlugAlphabet[int(b[i])%len(pathway.SlugAlphabet)]
	}
	return string(b)
}

// SavePathway writes the round's page; a new page gets a short address no
// other page has.
func (db *DB) SavePathway(ctx context.Context, roundID string, in pathway.Input) (*pathway.Pathway, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var p *pathway.Pathway
	err := db.update(ctx, func(tx *Tx) error {
		res, err := tx.exec(ctx, "UPDATE pathways SET title = ?, plain = ?, easy_read = ?, contact = ?, updated_at = ? WHERE round_id = ?",
			in.Title, in.Plain, in.EasyRead, in.Contact, tx.now, roundID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			slug := ""
			for slug == "" {
				slug = newSlug()
				var taken int
				if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM pathways WHERE slug = ?", slug).Scan(&taken); err != nil {
					return err
				}
				if taken > 0 {
					slug = ""
				}
			}
			if _, err := tx.exec(ctx, `INSERT INTO pathways (round_id, slug, title, plain, easy_read, contact, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				roundID, slug, in.Title, in.Plain, in.EasyRead, in.Contact, tx.now); err != nil {
				return mapErr(err, "round")
			}
		}
		if p, err = tx.pathway(ctx, "p.round_id = ?", roundID); err != nil {
			return err
		}
		return tx.record(ctx, "pathway.save", "round", roundID, map[string]string{"slug": p.Slug, "title": p.Title})
	})
	return p, err
}

// PublishPathway makes the round's page public by the group's decision,
// or takes it down.
func (db *DB) PublishPathway(ctx context.Context, roundID string, publish bool, decisionID string) error {
	return db.update(ctx, func(tx *Tx) error {
		var at any
		action := "pathway.unpublish"
		details := map[string]string{}
		if publish {
			at, action, details["decision"] = tx.now, "pathway.publish", decisionID
		}
		res, err := tx.exec(ctx, "UPDATE pathways SET published_at = ? WHERE round_id = ?", at, roundID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.Errorf(apperr.NotFound, "Write the page before publishing it")
		}
		if publish {
			// Publishing is the group's: it needs a question the group was
			// asked and passed, cited by the facilitator who carries it
			// out. Refused, the transaction leaves the page as it was.
			p, err := tx.proposal(ctx, roundID, decisionID)
			if apperr.Code(err) == apperr.NotFound || (err == nil && (p.Kind != round.KindQuestion || p.State(tx.now) != round.StatePassed)) {
				return apperr.Fields([]apperr.FieldError{{Field: "decision", Message: "Choose the group's decision to make the page public: a question the group passed"}})
			} else if err != nil {
				return err
			}
		}
		return tx.record(ctx, action, "round", roundID, details)
	})
}

func (tx *Tx) pathway(ctx context.Context, where string, args ...any) (*pathway.Pathway, error) {
	var p pathway.Pathway
	var pub sql.NullTime
	err := tx.queryRow(ctx, `SELECT p.round_id, r.title, p.slug, p.title, p.plain, p.easy_read, p.contact, p.published_at
		FROM pathways p JOIN rounds r ON r.id = p.round_id WHERE `+where, args...).
		Scan(&p.RoundID, &p.RoundTitle, &p.Slug, &p.Title, &p.Plain, &p.EasyRead, &p.Contact, &pub)
	if err != nil {
		return nil, mapErr(err, "page")
	}
	if pub.Valid {
		t := pub.Time.UTC()
		p.Published = &t
	}
	return &p, nil
}

// Pathway returns the round's page.
func (db *DB) Pathway(ctx context.Context, roundID string) (*pathway.Pathway, error) {
	var p *pathway.Pathway
	err := db.view(ctx, func(tx *Tx) (err error) {
		p, err = tx.pathway(ctx, "p.round_id = ?", roundID)
		return err
	})
	return p, err
}

// PathwayBySlug returns a published page by its short address.
func (db *DB) PathwayBySlug(ctx context.Context, slug string) (*pathway.Pathway, error) {
	var p *pathway.Pathway
	err := db.view(ctx, func(tx *Tx) (err error) {
		p, err = tx.pathway(ctx, "p.slug = ? AND p.published_at IS NOT NULL", slug)
		return err
	})
	return p, err
}

// PublishedPathways maps each round with a published page to its address.
func (db *DB) PublishedPathways(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			var id, slug string
			err := r.Scan(&id, &slug)
			out[id] = slug
			return err
		}, "SELECT round_id, slug FROM pathways WHERE published_at IS NOT NULL")
	})
	return out, err
}
