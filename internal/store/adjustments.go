package store

import (
	"context"
	"database/sql"
	"slices"
	"strconv"

	"github.com/coprod/coprod/internal/adjustment"
	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

// The register of reasonable adjustments (internal/adjustment). Who may do
// what is decided here, inside each transaction, from the acting user
// (audit.ActorFrom): the person and the facilitators of their group may
// read and change a member's register; an organisation the person shares
// an entry with may read that entry while the person consents and it is
// active; nobody else, not a platform administrator either. A refusal and
// an entry that does not exist get the same answer, so the register does
// not tell strangers who has one.

var _ adjustment.Service = (*DB)(nil)

const adjustmentColumns = `a.id, a.member_id, m.round_id, m.pseudonym, a.category, a.need, a.details, a.share,
	COALESCE(a.share_org_id, ''), COALESCE(o.name, ''), a.review_on, a.status, a.started_on, a.ended_on, a.version,
	a.recorded_by, u.display_name, a.recorded_at`

const adjustmentFrom = ` FROM adjustments a JOIN round_members m ON m.id = a.member_id JOIN users u ON u.id = a.recorded_by
	LEFT JOIN organisations o ON o.id = a.share_org_id`

func scanAdjustment(r scanner) (adjustment.Entry, error) {
	var e adjustment.Entry
	var status string
	err := r.Scan(&e.ID, &e.MemberID, &e.RoundID, &e.Person, &e.Category, &e.Need, &e.Details, &e.Share, &e.ShareOrgID,
		&e.ShareOrgName, &e.ReviewOn, &status, &e.StartedOn, &e.EndedOn, &e.Version, &e.RecordedByID, &e.RecordedBy, &e.RecordedAt)
	e.Status = adjustment.Status(status)
	return e, err
}

var errNoAdjustment = apperr.Errorf(apperr.NotFound, "No such entry in the register")

// actorPrincipal is the acting user with their role assignments.
func (tx *Tx) actorPrincipal(ctx context.Context) (*auth.Principal, error) {
	id := audit.ActorFrom(ctx)
	if id == "" {
		return &auth.Principal{}, nil
	}
	as, err := tx.assignmentsOf(ctx, id)
	return &auth.Principal{User: &auth.User{ID: id}, Assignments: as}, err
}

// mayKeepRegister says whether the actor may read and change the register
// of a member: the person, or a facilitator of their round.
func (tx *Tx) mayKeepRegister(ctx context.Context, p *auth.Principal, memberID string) (roundID string, ok bool, err error) {
	var userID sql.NullString
	err = tx.queryRow(ctx, "SELECT round_id, user_id FROM round_members WHERE id = ?", memberID).Scan(&roundID, &userID)
	if err != nil {
		return "", false, mapErr(err, "member")
	}
	own := p.SignedIn() && userID.Valid && userID.String == p.User.ID
	return roundID, own || auth.Can(p, auth.ActionKeepAdjustments, auth.Object{Type: auth.ScopeRound, ID: roundID}), nil
}

// keepRegister returns the actor when they may keep the member's
// register, and the register's one refusal otherwise.
func (tx *Tx) keepRegister(ctx context.Context, memberID string) (*auth.Principal, error) {
	p, err := tx.actorPrincipal(ctx)
	if err != nil {
		return nil, err
	}
	_, ok, err := tx.mayKeepRegister(ctx, p, memberID)
	switch {
	case err != nil:
		return nil, err
	case !ok:
		return nil, errNoAdjustment
	}
	return p, nil
}

// adjustment loads an entry the actor may see; write asks that they may
// change it too.
func (tx *Tx) adjustment(ctx context.Context, id string, write bool) (*adjustment.Entry, error) {
	e, err := scanAdjustment(tx.queryRow(ctx, "SELECT "+adjustmentColumns+adjustmentFrom+" WHERE a.id = ?", id))
	if err != nil {
		if apperr.Code(mapErr(err, "entry")) == apperr.NotFound {
			return nil, errNoAdjustment
		}
		return nil, err
	}
	p, err := tx.actorPrincipal(ctx)
	if err != nil {
		return nil, err
	}
	_, keeps, err := tx.mayKeepRegister(ctx, p, e.MemberID)
	switch {
	case err != nil:
		return nil, err
	case keeps:
		return &e, nil
	case !write && e.Shared() && slices.Contains(p.OrgIDs(), e.ShareOrgID):
		return &e, nil
	}
	return nil, errNoAdjustment
}

// checkShareOrg refuses an organisation that does not exist, as a field
// problem (the form offers only real ones).
func (tx *Tx) checkShareOrg(ctx context.Context, in adjustment.Input) error {
	if in.ShareOrgID == "" {
		return nil
	}
	var n int
	if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM organisations WHERE id = ?", in.ShareOrgID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return apperr.Fields([]apperr.FieldError{{Field: "share_org", Message: "Select an organisation from the list"}})
	}
	return nil
}

// saveVersion copies the entry as it now is into its history.
func (tx *Tx) saveVersion(ctx context.Context, id string) error {
	_, err := tx.exec(ctx, `INSERT INTO adjustment_versions (adjustment_id, version, category, need, details, share, share_org_id,
		review_on, status, ended_on, recorded_by, recorded_at)
		SELECT id, version, category, need, details, share, share_org_id, review_on, status, ended_on, recorded_by, recorded_at
		FROM adjustments WHERE id = ?`, id)
	return err
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// RecordAdjustment adds an entry to a member's register.
func (db *DB) RecordAdjustment(ctx context.Context, memberID string, in adjustment.Input) (*adjustment.Entry, error) {
	var out *adjustment.Entry
	err := db.update(ctx, func(tx *Tx) error {
		if err := in.Validate(round.LondonDate(tx.now)); err != nil {
			return err
		}
		p, err := tx.keepRegister(ctx, memberID)
		if err != nil {
			return err
		}
		if err := tx.checkShareOrg(ctx, in); err != nil {
			return err
		}
		id := newID()
		_, err = tx.exec(ctx, `INSERT INTO adjustments (id, member_id, category, need, details, share, share_org_id, review_on, status,
			started_on, version, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, 1, ?, ?)`,
			id, memberID, in.Category, in.Need, in.Details, in.Share, nullable(in.ShareOrgID), in.ReviewOn, round.LondonDate(tx.now),
			p.User.ID, tx.now)
		if err != nil {
			return mapErr(err, "member")
		}
		if err := tx.saveVersion(ctx, id); err != nil {
			return err
		}
		// The audit log names no need: administrators read it, and they are
		// not among those a person's adjustments are for.
		if err := tx.record(ctx, "adjustment.record", "adjustment", id, map[string]string{"member_id": memberID,
			"category": in.Category, "shared": shareWord(in.Share)}); err != nil {
			return err
		}
		out, err = tx.adjustment(ctx, id, false)
		return err
	})
	return out, err
}

func shareWord(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// ChangeAdjustment saves a new version of an active entry.
func (db *DB) ChangeAdjustment(ctx context.Context, id string, in adjustment.Input) (*adjustment.Entry, error) {
	var out *adjustment.Entry
	err := db.update(ctx, func(tx *Tx) error {
		if err := in.Validate(round.LondonDate(tx.now)); err != nil {
			return err
		}
		e, err := tx.adjustment(ctx, id, true)
		if err != nil {
			return err
		}
		if e.Status != adjustment.Active {
			return apperr.Errorf(apperr.Conflict, "This adjustment has ended, so it cannot be changed. Record a new one instead.")
		}
		if err := tx.checkShareOrg(ctx, in); err != nil {
			return err
		}
		_, err = tx.exec(ctx, `UPDATE adjustments SET category = ?, need = ?, details = ?, share = ?, share_org_id = ?, review_on = ?,
			version = version + 1, recorded_by = ?, recorded_at = ? WHERE id = ?`,
			in.Category, in.Need, in.Details, in.Share, nullable(in.ShareOrgID), in.ReviewOn, audit.ActorFrom(ctx), tx.now, id)
		if err != nil {
			return mapErr(err, "organisation")
		}
		if err := tx.saveVersion(ctx, id); err != nil {
			return err
		}
		if err := tx.record(ctx, "adjustment.change", "adjustment", id, map[string]string{"version": strconv.Itoa(e.Version + 1),
			"category": in.Category, "shared": shareWord(in.Share)}); err != nil {
			return err
		}
		out, err = tx.adjustment(ctx, id, false)
		return err
	})
	return out, err
}

// EndAdjustment marks an entry no longer needed; it leaves every export.
func (db *DB) EndAdjustment(ctx context.Context, id string) error {
	return db.update(ctx, func(tx *Tx) error {
		e, err := tx.adjustment(ctx, id, true)
		if err != nil {
			return err
		}
		if e.Status == adjustment.Ended {
			return nil
		}
		_, err = tx.exec(ctx, `UPDATE adjustments SET status = 'ended', ended_on = ?, version = version + 1, recorded_by = ?,
			recorded_at = ? WHERE id = ?`, round.LondonDate(tx.now), audit.ActorFrom(ctx), tx.now, id)
		if err != nil {
			return err
		}
		if err := tx.saveVersion(ctx, id); err != nil {
			return err
		}
		return tx.record(ctx, "adjustment.end", "adjustment", id, map[string]string{"version": strconv.Itoa(e.Version + 1)})
	})
}

func (tx *Tx) adjustmentList(ctx context.Context, where string, args ...any) ([]adjustment.Entry, error) {
	var out []adjustment.Entry
	err := tx.each(ctx, func(r scanner) error {
		e, err := scanAdjustment(r)
		out = append(out, e)
		return err
	}, "SELECT "+adjustmentColumns+adjustmentFrom+" WHERE "+where+" ORDER BY a.status, a.recorded_at DESC, a.id", args...)
	return out, err
}

// MemberAdjustments lists a member's register: active entries first, the
// most recently changed first.
func (db *DB) MemberAdjustments(ctx context.Context, memberID string) ([]adjustment.Entry, error) {
	var out []adjustment.Entry
	err := db.view(ctx, func(tx *Tx) error {
		if _, err := tx.keepRegister(ctx, memberID); err != nil {
			return err
		}
		var err error
		out, err = tx.adjustmentList(ctx, "a.member_id = ?", memberID)
		return err
	})
	return out, err
}

// MyAdjustments lists the acting user's own register, in every group
// they are a member of.
func (db *DB) MyAdjustments(ctx context.Context) ([]adjustment.Entry, error) {
	var out []adjustment.Entry
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		out, err = tx.adjustmentList(ctx, "m.user_id = ?", audit.ActorFrom(ctx))
		return err
	})
	return out, err
}

// SharedAdjustments lists the active entries shared, with consent, with
// an organisation the acting user holds a role in.
func (db *DB) SharedAdjustments(ctx context.Context) ([]adjustment.Entry, error) {
	var out []adjustment.Entry
	err := db.view(ctx, func(tx *Tx) error {
		p, err := tx.actorPrincipal(ctx)
		if err != nil {
			return err
		}
		orgs := p.OrgIDs()
		if len(orgs) == 0 {
			return nil
		}
		args := []any{}
		marks := ""
		for i, o := range orgs {
			if i > 0 {
				marks += ", "
			}
			marks += "?"
			args = append(args, o)
		}
		out, err = tx.adjustmentList(ctx, "a.share = TRUE AND a.status = 'active' AND a.share_org_id IN ("+marks+")", args...)
		return err
	})
	return out, err
}

// Adjustment is one entry the acting user may see.
func (db *DB) Adjustment(ctx context.Context, id string) (*adjustment.Entry, error) {
	var out *adjustment.Entry
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		out, err = tx.adjustment(ctx, id, false)
		return err
	})
	return out, err
}

// AdjustmentHistory is every version of an entry, newest first, for those
// who keep the register (an organisation it is shared with sees only the
// entry as it is now).
func (db *DB) AdjustmentHistory(ctx context.Context, id string) ([]adjustment.Entry, error) {
	var out []adjustment.Entry
	err := db.view(ctx, func(tx *Tx) error {
		cur, err := tx.adjustment(ctx, id, true)
		if err != nil {
			return err
		}
		return tx.each(ctx, func(r scanner) error {
			e := *cur
			var status string
			err := r.Scan(&e.Version, &e.Category, &e.Need, &e.Details, &e.Share, &e.ShareOrgID, &e.ShareOrgName, &e.ReviewOn,
				&status, &e.EndedOn, &e.RecordedByID, &e.RecordedBy, &e.RecordedAt)
			e.Status = adjustment.Status(status)
			out = append(out, e)
			return err
		}, `SELECT v.version, v.category, v.need, v.details, v.share, COALESCE(v.share_org_id, ''), COALESCE(o.name, ''), v.review_on,
			v.status, v.ended_on, v.recorded_by, u.display_name, v.recorded_at
			FROM adjustment_versions v JOIN users u ON u.id = v.recorded_by LEFT JOIN organisations o ON o.id = v.share_org_id
			WHERE v.adjustment_id = ? ORDER BY v.version DESC`, id)
	})
	return out, err
}
