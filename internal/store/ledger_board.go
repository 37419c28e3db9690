package store

import (
	"context"
	"sort"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/ledger"
)

// keyset is how a list is ordered and paged: by a date column, then id.
type keyset struct {
	key, id string // the columns
	asc     bool
}

// cursor encodes a page position: the last row's date and id.
func cursor(key, id string) string { return key + "." + id }

func parseCursor(s string) (key, id string, ok bool) {
	key, id, ok = strings.Cut(s, ".")
	return key, id, ok && len(key) == len(ledger.DateLayout) && opaqueID(id)
}

// page runs a keyset query: from and where must include every join and
// condition; it adds the cursor, the order and the limit.
func (tx *Tx) page(ctx context.Context, a ledger.Audience, from string, where []string, args []any, k keyset, after string, limit int) (ledger.Page, error) {
	limit = pageLimit(limit)
	if after != "" {
		key, id, ok := parseCursor(after)
		if !ok {
			return ledger.Page{}, errBadCursor
		}
		op := "<"
		if k.asc {
			op = ">"
		}
		where = append(where, "("+k.key+", "+k.id+") "+op+" (?, ?)")
		args = append(args, key, id)
	}
	dir := " DESC"
	if k.asc {
		dir = ""
	}
	q := itemSelect + ", " + k.key + " FROM " + from + itemJoins
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY " + k.key + dir + ", " + k.id + dir + " LIMIT ?"
	args = append(args, limit+1)
	var p ledger.Page
	var keys []string
	err := tx.each(ctx, func(s scanner) error {
		it, err := scanItem(keyScanner{s, &keys}, a)
		p.Items = append(p.Items, it)
		return err
	}, q, args...)
	if err != nil {
		return p, err
	}
	if len(p.Items) > limit {
		p.Items, p.Next = p.Items[:limit], cursor(keys[limit-1], p.Items[limit-1].ID)
	}
	return p, tx.fillOrgs(ctx, p.Items)
}

// keyScanner reads the keyset column that page adds after the item's.
type keyScanner struct {
	s    scanner
	keys *[]string
}

func (k keyScanner) Scan(dest ...any) error {
	var key string
	if err := k.s.Scan(append(dest, &key)...); err != nil {
		return err
	}
	*k.keys = append(*k.keys, key)
	return nil
}

// BoardItems is the public list. It drives the query from one index chosen
// by the filters — an organisation's or a theme's rows, else a flag's, the
// round's, the status's, or the board's own — and applies the other
// filters to what that index yields, in its order, so every page is a
// range scan however deep it is.
func (db *DB) BoardItems(ctx context.Context, q ledger.Query) (ledger.Page, error) {
	if q.Flag != "" && !ledger.ValidFlag(q.Flag) {
		return ledger.Page{}, apperr.Errorf(apperr.Invalid, "There is no flag called %q", q.Flag)
	}
	if q.Status != "" && q.Status.Label() == "" {
		return ledger.Page{}, apperr.Errorf(apperr.Invalid, "There is no status called %q", q.Status)
	}
	if err := db.syncLedgerConsent(ctx); err != nil {
		return ledger.Page{}, err
	}
	var p ledger.Page
	err := db.view(ctx, func(tx *Tx) (err error) {
		from, k := "", keyset{"v.said_on", "v.id", false}
		where, args := []string{"v.shown = 1"}, []any{}
		index := "ledger_items_board"
		switch {
		case q.OrgID != "":
			from, k = "ledger_item_orgs d"+tx.indexedBy("ledger_item_orgs_board")+" JOIN ledger_items v ON v.id = d.item_id", keyset{"d.said_on", "d.item_id", false}
			where, args = append(where, "d.org_id = ?", "d.shown = 1"), append(args, q.OrgID)
			if q.Theme != "" {
				where = append(where, "EXISTS (SELECT 1 FROM ledger_item_themes t WHERE t.item_id = v.id AND t.theme = ?)")
				args = append(args, q.Theme)
			}
		case q.Theme != "":
			from, k = "ledger_item_themes d"+tx.indexedBy("ledger_item_themes_board")+" JOIN ledger_items v ON v.id = d.item_id", keyset{"d.said_on", "d.item_id", false}
			where, args = append(where, "d.theme = ?", "d.shown = 1"), append(args, q.Theme)
		}
		if q.Status != "" {
			where, args = append(where, "v.status = ?"), append(args, string(q.Status))
			index = "ledger_items_status"
		}
		if q.RoundID != "" {
			where, args = append(where, "v.round_id = ?"), append(args, q.RoundID)
			index = "ledger_items_round"
		}
		today := ledger.Today(tx.now)
		switch q.Flag {
		case ledger.FlagVague:
			where, index = append(where, "v.vague = 1"), "ledger_items_vague"
		case ledger.FlagNoEvidence:
			where, index = append(where, "v.status = 'done'", "v.evidence_count = 0"), "ledger_items_no_evidence"
		case ledger.FlagOverdue:
			// The same terms as the partial index, so both engines can use it.
			where, args = append(where, "v.status IN ('committed', 'in_progress')", "v.due_on < ?"), append(args, today)
			k, index = keyset{"v.due_on", "v.id", true}, "ledger_items_overdue"
		case ledger.FlagNoVerdict:
			where = append(where, "v.status = 'done'", "v.verdict_count = 0", "v.done_on <= ?")
			args = append(args, ledger.NoVerdictCutoff(tx.now))
			k, index = keyset{"v.done_on", "v.id", true}, "ledger_items_no_verdict"
		}
		if from == "" {
			from = "ledger_items v" + tx.indexedBy(index)
		}
		p, err = tx.page(ctx, ledger.Public, from, where, args, k, q.After, q.Limit)
		return err
	})
	return p, err
}

// RecentlyUpdated lists the most recently changed public items, for the feed.
func (db *DB) RecentlyUpdated(ctx context.Context, limit int) ([]ledger.Item, error) {
	if err := db.syncLedgerConsent(ctx); err != nil {
		return nil, err
	}
	var out []ledger.Item
	err := db.view(ctx, func(tx *Tx) error {
		err := tx.each(ctx, func(s scanner) error {
			it, err := scanItem(s, ledger.Public)
			out = append(out, it)
			return err
		}, itemSelect+" FROM ledger_items v"+itemJoins+" WHERE v.shown = 1 ORDER BY v.updated_at DESC, v.id DESC LIMIT ?", pageLimit(limit))
		if err != nil {
			return err
		}
		return tx.fillOrgs(ctx, out)
	})
	return out, err
}

// BoardStats reads the maintained counts: everything, then each
// organisation and each round with at least one public item, by name.
func (db *DB) BoardStats(ctx context.Context) (ledger.Stats, []ledger.ScopeStats, []ledger.ScopeStats, error) {
	if err := db.syncLedgerConsent(ctx); err != nil {
		return ledger.Stats{}, nil, nil, err
	}
	byKey := map[scope]*ledger.ScopeStats{}
	var all, orgs, rounds []*ledger.ScopeStats
	err := db.view(ctx, func(tx *Tx) error {
		err := tx.each(ctx, func(s scanner) error {
			ss := &ledger.ScopeStats{Stats: ledger.Stats{DaysToCommit: map[int]int{}, DaysToDone: map[int]int{}}}
			st := &ss.Stats
			if err := s.Scan(&ss.Kind, &ss.ID, &ss.Name, &st.Items, &st.Committed, &st.Done, &st.DoneWithEvidence, &st.Judged, &st.Changed); err != nil {
				return err
			}
			byKey[scope{ss.Kind, ss.ID}] = ss
			switch ss.Kind {
			case "all":
				all = append(all, ss)
			case "org":
				orgs = append(orgs, ss)
			case "round":
				rounds = append(rounds, ss)
			}
			return nil
		}, `SELECT c.scope_type, c.scope_id, COALESCE(o.name, r.title, ''), c.items, c.committed, c.done, c.done_evidence, c.judged, c.changed
			FROM ledger_counts c
			LEFT JOIN organisations o ON c.scope_type = 'org' AND o.id = c.scope_id
			LEFT JOIN rounds r ON c.scope_type = 'round' AND r.id = c.scope_id
			WHERE c.items > 0`)
		if err != nil {
			return err
		}
		return tx.each(ctx, func(s scanner) error {
			var sc scope
			var metric string
			var days, n int
			if err := s.Scan(&sc.kind, &sc.id, &metric, &days, &n); err != nil {
				return err
			}
			if ss := byKey[sc]; ss != nil {
				if metric == "commit" {
					ss.Stats.DaysToCommit[days] += n
				} else {
					ss.Stats.DaysToDone[days] += n
				}
			}
			return nil
		}, "SELECT scope_type, scope_id, metric, days, n FROM ledger_days WHERE n > 0")
	})
	if err != nil {
		return ledger.Stats{}, nil, nil, err
	}
	out := ledger.Stats{DaysToCommit: map[int]int{}, DaysToDone: map[int]int{}}
	if len(all) == 1 {
		out = all[0].Stats
	}
	return out, sortedScopes(orgs), sortedScopes(rounds), nil
}

func sortedScopes(in []*ledger.ScopeStats) []ledger.ScopeStats {
	out := make([]ledger.ScopeStats, len(in))
	for i, s := range in {
		out[i] = *s
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// BoardThemes lists themes carried by at least one public item.
func (db *DB) BoardThemes(ctx context.Context) ([]string, error) {
	var out []string
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(s scanner) error {
			var t string
			err := s.Scan(&t)
			out = append(out, t)
			return err
		}, "SELECT theme FROM ledger_themes WHERE items > 0 ORDER BY theme")
	})
	return out, err
}

// Dashboard lists one section of the commissioner dashboard for the
// organisations and rounds they serve, hidden items included (marked),
// because accountability outlasts the words.
func (db *DB) Dashboard(ctx context.Context, q ledger.DashboardQuery) (ledger.Page, error) {
	if err := db.syncLedgerConsent(ctx); err != nil {
		return ledger.Page{}, err
	}
	var p ledger.Page
	err := db.view(ctx, func(tx *Tx) (err error) {
		var where []string
		var args []any
		if !q.All {
			var scopes []string
			if len(q.OrgIDs) > 0 {
				scopes = append(scopes, "v.id IN (SELECT item_id FROM ledger_item_orgs WHERE org_id IN (?"+strings.Repeat(", ?", len(q.OrgIDs)-1)+"))")
				for _, id := range q.OrgIDs {
					args = append(args, id)
				}
			}
			if len(q.RoundIDs) > 0 {
				scopes = append(scopes, "v.round_id IN (?"+strings.Repeat(", ?", len(q.RoundIDs)-1)+")")
				for _, id := range q.RoundIDs {
					args = append(args, id)
				}
			}
			if len(scopes) == 0 {
				return nil
			}
			where = append(where, "("+strings.Join(scopes, " OR ")+")")
		}
		k := keyset{"v.done_on", "v.id", true}
		switch q.Section {
		case ledger.SectionOverdue:
			where, args = append(where, "v.status IN ('committed', 'in_progress')", "v.due_on < ?"), append(args, ledger.Today(tx.now))
			k = keyset{"v.due_on", "v.id", true}
		case ledger.SectionAwaitingEvidence:
			where = append(where, "v.status = 'done'", "v.evidence_count = 0")
		case ledger.SectionAwaitingVerdict:
			where = append(where, "v.status = 'done'", "v.verdict_count = 0")
		default:
			return apperr.Errorf(apperr.NotFound, "No such list")
		}
		p, err = tx.page(ctx, ledger.Staff, "ledger_items v", where, args, k, q.After, q.Limit)
		return err
	})
	return p, err
}

// indexedBy names the index a SQLite query must use. With statistics from
// ANALYZE, SQLite's planner otherwise prefers skip-scanning a small-valued
// index (the round's) and sorting, which made a page 40 deep into a
// million items a hundred times slower than the first. PostgreSQL's
// planner needs no such hint.
func (tx *Tx) indexedBy(index string) string {
	if tx.engine == SQLite {
		return " INDEXED BY " + index
	}
	return ""
}
