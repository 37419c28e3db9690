package store

import (
	"context"
	"slices"
	"time"

	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/tasks"
	"github.com/coprod/coprod/internal/tender"
)

// reportWindow is how far ahead a contract's reporting period shows as a
// task for its provider.
const reportWindow = 30 * 24 * time.Hour

// Tasks lists what is waiting for the user across rounds, tenders,
// contracts and the ledger, one query per kind, ordered by tasks.Sort.
// Each query follows the rule of the page the task links to, so a task
// never leads to a refusal: a proposal the member may answer, scoring the
// tender's evaluation allows, and so on.
func (db *DB) Tasks(ctx context.Context, userID string) ([]tasks.Task, error) {
	var out []tasks.Task
	err := db.view(ctx, func(tx *Tx) error {
		for _, find := range []func(context.Context, string) ([]tasks.Task, error){
			tx.joinTasks, tx.respondTasks, tx.tenderTasks, tx.reportTasks, tx.verdictTasks, tx.overdueTasks,
		} {
			ts, err := find(ctx, userID)
			if err != nil {
				return err
			}
			out = append(out, ts...)
		}
		return nil
	})
	tasks.Sort(out)
	return out, err
}

// joinTasks: round invitations made out to the user's email address that
// are still open (not used, withdrawn or expired). The link and code are
// kept only as hashes, so the task sends the person to enter the code they
// were given; it is due when the invitation expires.
func (tx *Tx) joinTasks(ctx context.Context, userID string) ([]tasks.Task, error) {
	var out []tasks.Task
	err := tx.each(ctx, func(s scanner) error {
		var roundTitle string
		var expires time.Time
		if err := s.Scan(&roundTitle, &expires); err != nil {
			return err
		}
		out = append(out, tasks.Task{Kind: tasks.Join, Subject: roundTitle, Where: roundTitle, Href: "/join",
			Note: "Use the link or the code you were given.", Due: expires.UTC(), HasTime: true})
		return nil
	}, `SELECT r.title, ri.expires_at FROM round_invitations ri
		JOIN users u ON u.email = ri.email JOIN rounds r ON r.id = ri.round_id
		WHERE u.id = ? AND ri.email <> '' AND ri.used_at IS NULL AND ri.revoked_at IS NULL AND ri.expires_at > ?
		AND NOT EXISTS (SELECT 1 FROM round_members m WHERE m.round_id = ri.round_id AND m.user_id = u.id)
		ORDER BY ri.expires_at, ri.id`, userID, tx.now)
	return out, err
}

// respondTasks: open proposals of rounds where the user is a member of the
// group who takes part, which they have not answered yet.
func (tx *Tx) respondTasks(ctx context.Context, userID string) ([]tasks.Task, error) {
	var out []tasks.Task
	err := tx.each(ctx, func(s scanner) error {
		var id, roundID, title, roundTitle string
		var closes time.Time
		if err := s.Scan(&id, &roundID, &title, &roundTitle, &closes); err != nil {
			return err
		}
		out = append(out, tasks.Task{Kind: tasks.Respond, Subject: title, Where: roundTitle,
			Href: "/rounds/" + roundID + "/decisions/" + id, Due: closes.UTC(), HasTime: true})
		return nil
	}, `SELECT p.id, p.round_id, p.title, r.title, p.closes_at
		FROM proposals p JOIN rounds r ON r.id = p.round_id
		JOIN round_members m ON m.round_id = p.round_id AND m.user_id = ? AND m.takes_part = 1
		JOIN role_assignments ra ON ra.user_id = m.user_id AND ra.role = 'member' AND ra.scope_type = 'round' AND ra.scope_id = p.round_id
		WHERE p.status = 'open' AND p.opens_at <= ? AND p.closes_at > ?
		AND NOT EXISTS (SELECT 1 FROM proposal_responses x WHERE x.proposal_id = p.id AND x.member_id = m.id)
		ORDER BY p.closes_at, p.id`, userID, tx.now, tx.now)
	return out, err
}

// tenderTasks: the user's seats on evaluation panels of published tenders
// not yet awarded, asked of the tender's evaluation: scoring to finish
// once bids have closed, and, for a chair, moderation that may now open.
func (tx *Tx) tenderTasks(ctx context.Context, userID string) ([]tasks.Task, error) {
	type seat struct {
		tenderID, title, roundTitle, panel string
		chair                              bool
	}
	var seats []seat
	err := tx.each(ctx, func(s scanner) error {
		var st seat
		var chair int
		if err := s.Scan(&st.tenderID, &st.title, &st.roundTitle, &st.panel, &chair); err != nil {
			return err
		}
		st.chair = chair == 1
		seats = append(seats, st)
		return nil
	}, `SELECT t.id, t.title, r.title, pm.panel, pm.chair
		FROM tender_panel_members pm JOIN tenders t ON t.id = pm.tender_id JOIN rounds r ON r.id = t.round_id
		WHERE pm.user_id = ? AND t.published_at IS NOT NULL
		AND NOT EXISTS (SELECT 1 FROM tender_awards a WHERE a.tender_id = t.id)
		ORDER BY t.created_at, t.id`, userID)
	if err != nil {
		return nil, err
	}
	var out []tasks.Task
	for _, st := range seats {
		e, err := tx.evaluation(ctx, st.tenderID, false)
		if err != nil {
			return nil, err
		}
		panel := tender.Panel(st.panel)
		if !e.Tender.Closed(tx.now) || len(e.Bids) == 0 {
			continue
		}
		closed := "Bids closed on " + e.Tender.ITT.Deadlines.Submission.In(round.London).Format("Monday 2 January 2006") + "."
		if !e.Tender.Moderation[panel] && !e.SubmittedAll(userID, panel) {
			out = append(out, tasks.Task{Kind: tasks.Score, Subject: st.title, Where: st.roundTitle,
				Href: "/tenders/" + st.tenderID + "/score", Note: closed + " Declare your interests first, then score each bid."})
		}
		if st.chair && e.OpenModeration(userID, panel) == nil {
			out = append(out, tasks.Task{Kind: tasks.Moderate, Subject: st.title, Where: st.roundTitle,
				Href: "/tenders/" + st.tenderID + "/moderation", Note: "Everyone on your panel has submitted their scores."})
		}
	}
	return out, nil
}

// reportTasks: reporting periods of contracts held by an organisation the
// user is a provider for, due within reportWindow or already past, for
// which not every indicator has a value yet.
func (tx *Tx) reportTasks(ctx context.Context, userID string) ([]tasks.Task, error) {
	var out []tasks.Task
	err := tx.each(ctx, func(s scanner) error {
		var id, title, period, dueOn string
		if err := s.Scan(&id, &title, &period, &dueOn); err != nil {
			return err
		}
		due, _ := tasks.Date(dueOn)
		out = append(out, tasks.Task{Kind: tasks.Report, Subject: title + ", " + period, Href: "/contracts/" + id + "/report", Due: due})
		return nil
	}, `SELECT c.id, c.title, pp.period, pp.due_on
		FROM contracts c JOIN profile_periods pp ON pp.contract_id = c.id
		WHERE c.provider_org_id IN (SELECT ra.scope_id FROM role_assignments ra
			WHERE ra.user_id = ? AND ra.role = 'provider' AND ra.scope_type = 'organisation')
		AND pp.due_on <> '' AND pp.due_on <= ?
		AND (SELECT COUNT(*) FROM contract_reports cr WHERE cr.contract_id = c.id AND cr.period = pp.period)
			< (SELECT COUNT(*) FROM profile_indicators pi WHERE pi.contract_id = c.id)
		ORDER BY pp.due_on, c.id`, userID, ledger.Today(tx.now.Add(reportWindow)))
	return out, err
}

// verdictTasks: items marked done that the user may judge (a member of
// the item's round; for an item with no round, a member of a user-led
// organisation it concerns) and has not judged yet.
func (tx *Tx) verdictTasks(ctx context.Context, userID string) ([]tasks.Task, error) {
	var out []tasks.Task
	err := tx.each(ctx, func(s scanner) error {
		var id, said, where, doneOn string
		if err := s.Scan(&id, &said, &where, &doneOn); err != nil {
			return err
		}
		t := tasks.Task{Kind: tasks.Verdict, Subject: tasks.Shorten(said, 90), Where: where, Href: "/ledger/items/" + id + "/verdict"}
		if d, ok := tasks.Date(doneOn); ok {
			t.Note = "Marked as done on " + d.Format("Monday 2 January 2006") + "."
		}
		out = append(out, t)
		return nil
	}, `SELECT i.id, i.said, COALESCE(r.title, ''), COALESCE(i.done_on, '')
		FROM ledger_items i LEFT JOIN rounds r ON r.id = i.round_id
		WHERE i.status = 'done' AND i.shown = 1
		AND NOT EXISTS (SELECT 1 FROM ledger_verdicts v WHERE v.item_id = i.id AND v.user_id = ?)
		AND ((i.round_id IS NOT NULL AND EXISTS (SELECT 1 FROM role_assignments ra
				WHERE ra.user_id = ? AND ra.role = 'member' AND ra.scope_type = 'round' AND ra.scope_id = i.round_id))
			OR (i.round_id IS NULL AND EXISTS (SELECT 1 FROM ledger_item_orgs io
				JOIN organisations o ON o.id = io.org_id AND o.kind = 'user_led'
				JOIN role_assignments ra ON ra.scope_id = io.org_id AND ra.scope_type = 'organisation' AND ra.role = 'member' AND ra.user_id = ?
				WHERE io.item_id = i.id)))
		ORDER BY i.done_on, i.id`, userID, userID, userID)
	return out, err
}

// overdueTasks: commitments the user owns that are past their due date
// and not yet done, on items whose page they may open (a role in the
// item's round or in an organisation it concerns, as auth's ledgerRole).
func (tx *Tx) overdueTasks(ctx context.Context, userID string) ([]tasks.Task, error) {
	var out []tasks.Task
	err := tx.each(ctx, func(s scanner) error {
		var id, what, where, dueOn string
		if err := s.Scan(&id, &what, &where, &dueOn); err != nil {
			return err
		}
		due, _ := tasks.Date(dueOn)
		out = append(out, tasks.Task{Kind: tasks.Overdue, Subject: tasks.Shorten(what, 90), Where: where, Href: "/ledger/items/" + id, Due: due})
		return nil
	}, `SELECT i.id, i.commitment, COALESCE(r.title, ''), i.due_on
		FROM ledger_items i LEFT JOIN rounds r ON r.id = i.round_id
		WHERE i.owner_user_id = ? AND i.status IN ('committed', 'in_progress') AND i.shown = 1 AND i.due_on < ?
		AND (EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.user_id = i.owner_user_id AND ra.scope_type = 'round' AND ra.scope_id = i.round_id)
			OR EXISTS (SELECT 1 FROM ledger_item_orgs io JOIN role_assignments ra ON ra.scope_type = 'organisation' AND ra.scope_id = io.org_id
				WHERE io.item_id = i.id AND ra.user_id = i.owner_user_id))
		ORDER BY i.due_on, i.id`, userID, ledger.Today(tx.now))
	return out, err
}

// YourTenders lists the tenders the user takes part in other than as a
// bidder: those they sit on a panel for, and those of rounds they hold a
// role in (every tender when all, for an administrator), with what they do
// there.
func (db *DB) YourTenders(ctx context.Context, userID string, all bool) ([]tasks.TenderPlace, error) {
	var out []tasks.TenderPlace
	err := db.view(ctx, func(tx *Tx) error {
		at := map[string]int{}
		return tx.each(ctx, func(s scanner) error {
			var id, title, roundID, roundTitle, role string
			var published, awarded, chair int
			if err := s.Scan(&id, &title, &roundID, &roundTitle, &published, &awarded, &role, &chair); err != nil {
				return err
			}
			i, ok := at[id]
			if !ok {
				at[id], i = len(out), len(out)
				out = append(out, tasks.TenderPlace{TenderID: id, Title: title, RoundID: roundID, RoundTitle: roundTitle,
					Published: published == 1, Awarded: awarded == 1})
			}
			if label := tenderRoleLabel(role, chair == 1); label != "" && !slices.Contains(out[i].Roles, label) {
				out[i].Roles = append(out[i].Roles, label)
			}
			return nil
		}, `SELECT t.id, t.title, t.round_id, r.title,
				CASE WHEN t.published_at IS NULL THEN 0 ELSE 1 END,
				CASE WHEN EXISTS (SELECT 1 FROM tender_awards a WHERE a.tender_id = t.id) THEN 1 ELSE 0 END,
				x.role, x.chair
			FROM (SELECT pm.tender_id, pm.panel AS role, pm.chair FROM tender_panel_members pm WHERE pm.user_id = ?
				UNION ALL
				SELECT t2.id, CASE WHEN ra.role = 'commissioner' THEN 'lead' ELSE '' END, 0
					FROM tenders t2 JOIN role_assignments ra ON ra.scope_type = 'round' AND ra.scope_id = t2.round_id AND ra.user_id = ?
				UNION ALL
				SELECT t3.id, '', 0 FROM tenders t3 WHERE ? = 1) x
			JOIN tenders t ON t.id = x.tender_id JOIN rounds r ON r.id = t.round_id
			ORDER BY r.title, t.created_at, t.id, x.role`, userID, userID, boolInt(all))
	})
	return out, err
}

func tenderRoleLabel(role string, chair bool) string {
	switch {
	case role == "lead":
		return "Commissioner lead"
	case role == "":
		return ""
	case chair:
		return "Chair of the " + lowerFirst(tender.Panel(role).Label())
	}
	return "Evaluator on the " + lowerFirst(tender.Panel(role).Label())
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}
