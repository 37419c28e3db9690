package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
)

// itemState is the stored state of a voice item that its flags and the
// board's counts derive from.
type itemState struct {
	ID, Status, SaidOn, RoundID, MemberID string
	Commitment, CommittedOn, DoneOn       string
	Withdrawn                             bool

	// Derived by derive; changeItem writes them back.
	Shown         bool
	EvidenceCount int
	VerdictCount  int
	Verdict       string
	Vague         bool
}

func (s *itemState) contribution() ledger.Contribution {
	return ledger.ContributionOf(ledger.ContributionFacts{Visible: s.Shown, Status: ledger.Status(s.Status), SaidOn: s.SaidOn,
		CommittedOn: s.CommittedOn, DoneOn: s.DoneOn, EvidenceCount: s.EvidenceCount, Verdict: ledger.Verdict(s.Verdict)})
}

// loadItemState reads an item's state, locking its row on PostgreSQL so
// two changes to one item cannot both count from the same old state
// (SQLite has one writer, which serialises them anyway).
func (tx *Tx) loadItemState(ctx context.Context, id string) (*itemState, error) {
	q := `SELECT id, status, said_on, round_id, member_id, commitment, committed_on, done_on, withdrawn, shown,
		evidence_count, verdict_count, verdict, vague FROM ledger_items WHERE id = ?`
	if tx.engine == Postgres {
		q += " FOR UPDATE"
	}
	var s itemState
	var roundID, memberID, committed, done sql.NullString
	var withdrawn, shown, vague int
	err := tx.queryRow(ctx, q, id).Scan(&s.ID, &s.Status, &s.SaidOn, &roundID, &memberID, &s.Commitment, &committed, &done,
		&withdrawn, &shown, &s.EvidenceCount, &s.VerdictCount, &s.Verdict, &vague)
	if err != nil {
		return nil, mapErr(err, "voice item")
	}
	s.RoundID, s.MemberID, s.CommittedOn, s.DoneOn = roundID.String, memberID.String, committed.String, done.String
	s.Withdrawn, s.Shown, s.Vague = withdrawn == 1, shown == 1, vague == 1
	return &s, nil
}

// changeItem is the one way an item changes after it is created: it loads
// the item, lets mutate change it (and write whatever else it needs),
// derives what depends on it, writes it back and moves the board's
// counts by the difference between the item's old and new contribution.
func (tx *Tx) changeItem(ctx context.Context, id string, mutate func(*itemState) error) (*itemState, error) {
	s, err := tx.loadItemState(ctx, id)
	if err != nil {
		return nil, err
	}
	old := *s
	if err := mutate(s); err != nil {
		return nil, err
	}
	if err := tx.derive(ctx, s); err != nil {
		return nil, err
	}
	if _, err := tx.exec(ctx, `UPDATE ledger_items SET status = ?, committed_on = ?, done_on = ?, withdrawn = ?, shown = ?,
		evidence_count = ?, verdict_count = ?, verdict = ?, vague = ?, updated_at = ? WHERE id = ?`,
		s.Status, nullIfEmpty(s.CommittedOn), nullIfEmpty(s.DoneOn), boolInt(s.Withdrawn), boolInt(s.Shown),
		s.EvidenceCount, s.VerdictCount, s.Verdict, boolInt(s.Vague), tx.now, s.ID); err != nil {
		return nil, err
	}
	if old.Shown != s.Shown {
		if err := tx.setShown(ctx, s.ID, s.Shown); err != nil {
			return nil, err
		}
	}
	return s, tx.moveCounts(ctx, s, old.contribution(), s.contribution())
}

// derive recomputes what is derived from an item and its rows. Consent is
// read live from the round's members, through the rounds' own filter.
func (tx *Tx) derive(ctx context.Context, s *itemState) error {
	s.Shown = !s.Withdrawn
	if s.MemberID != "" && s.Shown {
		var n int
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM round_members m WHERE m.id = ? AND "+consentFilter(round.Group, "m", false),
			s.MemberID).Scan(&n); err != nil {
			return err
		}
		s.Shown = n == 1
	}
	if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM ledger_evidence WHERE item_id = ?", s.ID).Scan(&s.EvidenceCount); err != nil {
		return err
	}
	var vs []ledger.Verdict
	err := tx.each(ctx, func(r scanner) error {
		var v string
		if err := r.Scan(&v); err != nil {
			return err
		}
		vs = append(vs, ledger.Verdict(v))
		return nil
	}, `SELECT v.verdict FROM ledger_verdicts v LEFT JOIN round_members m ON m.id = v.member_id
		WHERE v.item_id = ? AND `+optionalAuthorFilter(round.Group, "m")+` ORDER BY v.created_at, v.id`, s.ID)
	if err != nil {
		return err
	}
	s.VerdictCount, s.Verdict = len(vs), string(ledger.Summarise(vs))
	s.Vague = ledger.VagueCommitment(ledger.Status(s.Status), s.Commitment)
	return nil
}

// setShown copies an item's visibility to its filter rows and theme counts.
func (tx *Tx) setShown(ctx context.Context, id string, shown bool) error {
	for _, t := range []string{"ledger_item_orgs", "ledger_item_themes"} {
		if _, err := tx.exec(ctx, "UPDATE "+t+" SET shown = ? WHERE item_id = ?", boolInt(shown), id); err != nil {
			return err
		}
	}
	delta := 1
	if !shown {
		delta = -1
	}
	_, err := tx.exec(ctx, `INSERT INTO ledger_themes (theme, items) SELECT theme, ? FROM ledger_item_themes WHERE item_id = ?
		ON CONFLICT (theme) DO UPDATE SET items = ledger_themes.items + excluded.items`, delta, id)
	return err
}

// scope is one set of the board's counts.
type scope struct{ kind, id string }

func (tx *Tx) scopesOf(ctx context.Context, s *itemState) ([]scope, error) {
	out := []scope{{"all", ""}}
	if s.RoundID != "" {
		out = append(out, scope{"round", s.RoundID})
	}
	err := tx.each(ctx, func(r scanner) error {
		var id string
		if err := r.Scan(&id); err != nil {
			return err
		}
		out = append(out, scope{"org", id})
		return nil
	}, "SELECT org_id FROM ledger_item_orgs WHERE item_id = ? ORDER BY org_id", s.ID)
	return out, err
}

// moveCounts adds new and subtracts old in every scope the item counts in.
func (tx *Tx) moveCounts(ctx context.Context, s *itemState, old, new ledger.Contribution) error {
	if old == new {
		return nil
	}
	scopes, err := tx.scopesOf(ctx, s)
	if err != nil {
		return err
	}
	d := []any{new.Items - old.Items, new.Committed - old.Committed, new.Done - old.Done,
		new.DoneWithEvidence - old.DoneWithEvidence, new.Judged - old.Judged, new.Changed - old.Changed}
	for _, sc := range scopes {
		if _, err := tx.exec(ctx, `INSERT INTO ledger_counts (scope_type, scope_id, items, committed, done, done_evidence, judged, changed)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (scope_type, scope_id) DO UPDATE SET items = ledger_counts.items + excluded.items,
			committed = ledger_counts.committed + excluded.committed, done = ledger_counts.done + excluded.done,
			done_evidence = ledger_counts.done_evidence + excluded.done_evidence, judged = ledger_counts.judged + excluded.judged,
			changed = ledger_counts.changed + excluded.changed`, append([]any{sc.kind, sc.id}, d...)...); err != nil {
			return err
		}
		for _, h := range []struct {
			metric   string
			old, new int
		}{{"commit", old.DaysToCommit, new.DaysToCommit}, {"done", old.DaysToDone, new.DaysToDone}} {
			if h.old == h.new {
				continue
			}
			if err := tx.bumpDays(ctx, sc, h.metric, h.old, -1); err != nil {
				return err
			}
			if err := tx.bumpDays(ctx, sc, h.metric, h.new, 1); err != nil {
				return err
			}
		}
	}
	return nil
}

func (tx *Tx) bumpDays(ctx context.Context, sc scope, metric string, days, by int) error {
	if days < 0 {
		return nil
	}
	_, err := tx.exec(ctx, `INSERT INTO ledger_days (scope_type, scope_id, metric, days, n) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (scope_type, scope_id, metric, days) DO UPDATE SET n = ledger_days.n + excluded.n`, sc.kind, sc.id, metric, days, by)
	return err
}

// syncLedgerConsent applies consent changes made in the round since the
// ledger last counted: a member who stops (or starts again) taking part
// has their words and verdicts hidden (or shown) and the counts moved.
// Reads of the public board call it first; it costs one small query
// when nothing changed.
func (db *DB) syncLedgerConsent(ctx context.Context) error {
	const changed = `SELECT la.member_id FROM ledger_authors la JOIN round_members m ON m.id = la.member_id WHERE la.takes_part <> m.takes_part`
	var members []string
	collect := func(tx *Tx) error {
		members = members[:0]
		return tx.each(ctx, func(r scanner) error {
			var id string
			err := r.Scan(&id)
			members = append(members, id)
			return err
		}, changed)
	}
	if err := db.view(ctx, collect); err != nil || len(members) == 0 {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		if err := collect(tx); err != nil {
			return err
		}
		for _, m := range members {
			var items []string
			err := tx.each(ctx, func(r scanner) error {
				var id string
				err := r.Scan(&id)
				items = append(items, id)
				return err
			}, "SELECT id FROM ledger_items WHERE member_id = ? UNION SELECT item_id FROM ledger_verdicts WHERE member_id = ?", m, m)
			if err != nil {
				return err
			}
			for _, id := range items {
				if _, err := tx.changeItem(ctx, id, func(*itemState) error { return nil }); err != nil {
					return err
				}
			}
			if _, err := tx.exec(ctx, "UPDATE ledger_authors SET takes_part = (SELECT takes_part FROM round_members WHERE id = ?) WHERE member_id = ?", m, m); err != nil {
				return err
			}
			if err := tx.record(ctx, "ledger.consent_applied", "round_member", m, map[string]string{"items": strings.Join(items, " ")}); err != nil {
				return err
			}
		}
		return nil
	})
}

// noteAuthor remembers a member whose words or verdicts are in the ledger,
// with the consent the counts now reflect.
func (tx *Tx) noteAuthor(ctx context.Context, memberID string) error {
	_, err := tx.exec(ctx, `INSERT INTO ledger_authors (member_id, takes_part) SELECT id, takes_part FROM round_members WHERE id = ?
		ON CONFLICT (member_id) DO NOTHING`, memberID)
	return err
}
