package store

import (
	"context"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/qda"
)

var _ qda.OfferService = (*DB)(nil)

// OfferSegment gives a round one coded segment the acting user may see
// (the blind rule applies, as to every read of coding), under a theme of
// the round found by name or added. The input must be validated.
func (db *DB) OfferSegment(ctx context.Context, n qda.NewOffer) (*qda.Offer, error) {
	by := audit.ActorFrom(ctx)
	o := &qda.Offer{ID: newID(), RoundID: n.RoundID, ThemeName: n.Theme, Note: n.Note}
	err := db.update(ctx, func(tx *Tx) error {
		var coder, body string
		var withdrawn int
		err := tx.queryRow(ctx, `SELECT g.project_id, g.source_id, g.coder_id, g.start_pos, g.end_pos, s.body,
			CASE WHEN s.consent_withdrawn_at IS NULL THEN 0 ELSE 1 END FROM qda_segments g JOIN qda_sources s ON s.id = g.source_id WHERE g.id = ?`, n.SegmentID).
			Scan(&o.ProjectID, &o.SourceID, &coder, &o.Start, &o.End, &body, &withdrawn)
		if err != nil {
			return mapErr(err, "segment")
		}
		if withdrawn == 1 {
			return apperr.Errorf(apperr.Conflict, "Consent for research use of this source was withdrawn, so nothing from it can be offered")
		}
		if err := tx.seesCoding(ctx, o.ProjectID, by, coder); err != nil {
			return err
		}
		if _, err := tx.openRound(ctx, n.RoundID); err != nil {
			return apperr.Fields([]apperr.FieldError{{Field: "round_id", Message: "Select a round that is still open"}})
		}
		o.Quote = string([]rune(body)[o.Start:o.End])
		if o.Codes, err = tx.segmentCodeNames(ctx, n.SegmentID); err != nil {
			return err
		}
		if o.ThemeID, err = tx.themeNamed(ctx, n.RoundID, n.Theme); err != nil {
			return err
		}
		o.OfferedAt = tx.now
		if _, err := tx.exec(ctx, `INSERT INTO qda_offers (id, project_id, source_id, start_pos, end_pos, quote, codes, round_id, theme_id,
			note, offered_by, offered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, o.ID, o.ProjectID, o.SourceID, o.Start, o.End,
			o.Quote, strings.Join(o.Codes, "\n"), o.RoundID, o.ThemeID, o.Note, by, o.OfferedAt); err != nil {
			if apperr.Code(mapErr(err, "")) == apperr.Conflict {
				return apperr.Errorf(apperr.Conflict, "These words were already offered to that round")
			}
			return err
		}
		// The words stay out of the audit log, which cannot forget them
		// if consent is withdrawn.
		return tx.record(ctx, "qda_offer.create", "qda_offer", o.ID, map[string]string{"project_id": o.ProjectID,
			"source_id": o.SourceID, "round_id": o.RoundID, "theme_id": o.ThemeID,
			"start": strconv.Itoa(o.Start), "end": strconv.Itoa(o.End)})
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// segmentCodeNames lists the names of a segment's codes in codebook order.
func (tx *Tx) segmentCodeNames(ctx context.Context, segmentID string) ([]string, error) {
	names := []string{}
	err := tx.each(ctx, func(sc scanner) error {
		var name string
		err := sc.Scan(&name)
		names = append(names, name)
		return err
	}, `SELECT c.name FROM qda_segment_codes sc JOIN qda_codes c ON c.id = sc.code_id WHERE sc.segment_id = ?
		ORDER BY c.position, c.name`, segmentID)
	return names, err
}

// themeNamed returns the id of the round's theme of that name (in any
// case), adding the theme when the round has none.
func (tx *Tx) themeNamed(ctx context.Context, roundID, name string) (string, error) {
	var id string
	err := tx.queryRow(ctx, "SELECT id FROM themes WHERE round_id = ? AND LOWER(name) = LOWER(?)", roundID, name).Scan(&id)
	if err == nil {
		return id, nil
	}
	if apperr.Code(mapErr(err, "")) != apperr.NotFound {
		return "", err
	}
	id = newID()
	if _, err := tx.exec(ctx, "INSERT INTO themes (id, round_id, name, created_at) VALUES (?, ?, ?, ?)", id, roundID, name, tx.now); err != nil {
		return "", err
	}
	return id, tx.record(ctx, "theme.create", "theme", id, map[string]string{"round_id": roundID, "name": name})
}

const offerSelect = `SELECT o.id, o.project_id, p.title, org.name, o.source_id, s.title, o.start_pos, o.end_pos, o.quote, o.codes,
	o.round_id, r.title, o.theme_id, t.name, o.note, u.display_name, o.offered_at, COALESCE(o.ledger_item_id, ''),
	CASE WHEN s.consent_withdrawn_at IS NULL THEN 0 ELSE 1 END
	FROM qda_offers o JOIN qda_projects p ON p.id = o.project_id JOIN organisations org ON org.id = p.org_id
	JOIN qda_sources s ON s.id = o.source_id JOIN rounds r ON r.id = o.round_id JOIN themes t ON t.id = o.theme_id
	JOIN users u ON u.id = o.offered_by`

func (tx *Tx) offers(ctx context.Context, where string, args ...any) ([]qda.Offer, error) {
	var out []qda.Offer
	err := tx.each(ctx, func(sc scanner) error {
		var o qda.Offer
		var codes string
		var withdrawn int
		if err := sc.Scan(&o.ID, &o.ProjectID, &o.ProjectName, &o.OrgName, &o.SourceID, &o.SourceTitle, &o.Start, &o.End, &o.Quote, &codes,
			&o.RoundID, &o.RoundTitle, &o.ThemeID, &o.ThemeName, &o.Note, &o.OfferedBy, &o.OfferedAt, &o.LedgerItemID, &withdrawn); err != nil {
			return err
		}
		o.Codes, o.OfferedAt, o.Withdrawn = strings.FieldsFunc(codes, func(r rune) bool { return r == '\n' }), o.OfferedAt.UTC(), withdrawn == 1
		out = append(out, o)
		return nil
	}, offerSelect+" WHERE "+where+" ORDER BY o.offered_at, o.id", args...)
	return out, err
}

// ProjectOffers lists a project's offers, those whose consent was
// withdrawn included and marked.
func (db *DB) ProjectOffers(ctx context.Context, projectID string) ([]qda.Offer, error) {
	var out []qda.Offer
	err := db.view(ctx, func(tx *Tx) (err error) {
		out, err = tx.offers(ctx, "o.project_id = ?", projectID)
		return err
	})
	return out, err
}

// RoundOffers lists what research offered a round; an offer whose source's
// consent was withdrawn is not there for anyone.
func (db *DB) RoundOffers(ctx context.Context, roundID string) ([]qda.Offer, error) {
	var out []qda.Offer
	err := db.view(ctx, func(tx *Tx) (err error) {
		out, err = tx.offers(ctx, "o.round_id = ? AND s.consent_withdrawn_at IS NULL", roundID)
		return err
	})
	return out, err
}

// OfferRounds lists the published rounds that have not closed, by title.
func (db *DB) OfferRounds(ctx context.Context) ([]qda.RoundChoice, error) {
	var out []qda.RoundChoice
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(sc scanner) error {
			var c qda.RoundChoice
			err := sc.Scan(&c.ID, &c.Title, &c.OrgName)
			out = append(out, c)
			return err
		}, `SELECT r.id, r.title, o.name FROM rounds r JOIN organisations o ON o.id = r.org_id
			WHERE r.published_at IS NOT NULL AND r.closed_at IS NULL ORDER BY r.title, r.id`)
	})
	return out, err
}

// OfferToLedger records an offer as a voice item of its round: said in
// research, on today, under the offer's theme, concerning the round's
// commissioning organisation. An offer becomes one item at most.
func (db *DB) OfferToLedger(ctx context.Context, roundID, offerID, today string) (string, error) {
	var itemID string
	err := db.update(ctx, func(tx *Tx) error {
		os, err := tx.offers(ctx, "o.id = ? AND o.round_id = ? AND s.consent_withdrawn_at IS NULL", offerID, roundID)
		if err != nil {
			return err
		}
		if len(os) == 0 {
			return apperr.Errorf(apperr.NotFound, "No such research in this round")
		}
		o := os[0]
		if o.LedgerItemID != "" {
			return apperr.Errorf(apperr.Conflict, "This research is already in the ledger")
		}
		rd, err := tx.roundByID(ctx, roundID)
		if err != nil {
			return err
		}
		n := ledger.NewItem{Said: o.Quote, Source: ledger.SourceResearch, SaidOn: today, Today: today, RoundID: roundID,
			OrgIDs: []string{rd.OrgID}, Themes: []string{o.ThemeName}}
		if err := n.Validate(); err != nil {
			return err
		}
		if itemID, err = tx.createItem(ctx, n); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE qda_offers SET ledger_item_id = ? WHERE id = ?", itemID, offerID); err != nil {
			return err
		}
		return tx.record(ctx, "qda_offer.to_ledger", "qda_offer", offerID, map[string]string{"ledger_item_id": itemID})
	})
	return itemID, err
}

// WithdrawConsent records that consent for research use of a source was
// withdrawn: its offers leave every round at once, and the voice items
// made of them are withdrawn as a member's withdrawn words are.
func (db *DB) WithdrawConsent(ctx context.Context, projectID, sourceID string) error {
	return db.update(ctx, func(tx *Tx) error {
		var project string
		var withdrawn int
		if err := tx.queryRow(ctx, "SELECT project_id, CASE WHEN consent_withdrawn_at IS NULL THEN 0 ELSE 1 END FROM qda_sources WHERE id = ?", sourceID).
			Scan(&project, &withdrawn); err != nil || project != projectID {
			return apperr.Errorf(apperr.NotFound, "No such source in this project")
		}
		if withdrawn == 1 {
			return apperr.Errorf(apperr.Conflict, "Consent for this source was already withdrawn")
		}
		if _, err := tx.exec(ctx, "UPDATE qda_sources SET consent_withdrawn_at = ? WHERE id = ?", tx.now, sourceID); err != nil {
			return err
		}
		var items []string
		if err := tx.each(ctx, func(sc scanner) error {
			var id string
			err := sc.Scan(&id)
			items = append(items, id)
			return err
		}, "SELECT ledger_item_id FROM qda_offers WHERE source_id = ? AND ledger_item_id IS NOT NULL ORDER BY ledger_item_id", sourceID); err != nil {
			return err
		}
		for _, id := range items {
			if _, err := tx.changeItem(ctx, id, func(s *itemState) error { s.Withdrawn = true; return nil }); err != nil {
				return err
			}
		}
		return tx.record(ctx, "qda_source.consent_withdraw", "qda_source", sourceID, map[string]string{
			"project_id": projectID, "ledger_items": strconv.Itoa(len(items))})
	})
}

// WithdrawnSources says which of a project's sources had consent for
// research use withdrawn.
func (db *DB) WithdrawnSources(ctx context.Context, projectID string) (map[string]bool, error) {
	out := map[string]bool{}
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(sc scanner) error {
			var id string
			err := sc.Scan(&id)
			out[id] = true
			return err
		}, "SELECT id FROM qda_sources WHERE project_id = ? AND consent_withdrawn_at IS NOT NULL", projectID)
	})
	return out, err
}
