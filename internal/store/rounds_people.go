package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

// Participants lists who runs or watches the round, by role then account
// name. Group members are left out: the group is seen only through the
// names its members chose, as far as their consent allows (RoundMembers),
// never by the names on their accounts.
func (db *DB) Participants(ctx context.Context, roundID string) ([]round.Participant, error) {
	var out []round.Participant
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(s scanner) error {
			var p round.Participant
			var role string
			if err := s.Scan(&p.UserID, &p.Name, &role); err != nil {
				return err
			}
			p.Role = auth.Role(role)
			out = append(out, p)
			return nil
		}, `SELECT ra.user_id, u.display_name, ra.role FROM role_assignments ra JOIN users u ON u.id = ra.user_id
			WHERE ra.scope_type = 'round' AND ra.scope_id = ? AND ra.role <> ? ORDER BY ra.role, u.display_name`, roundID, string(round.RoleMember))
	})
	return out, err
}

// AddRoundMember adds a member to the round's group with the consents
// they gave when joining.
func (db *DB) AddRoundMember(ctx context.Context, roundID string, n round.NewMember) (*round.Member, error) {
	var m *round.Member
	err := db.update(ctx, func(tx *Tx) (err error) {
		if _, err := tx.openRound(ctx, roundID); err != nil {
			return err
		}
		m, err = tx.addRoundMember(ctx, roundID, n)
		return err
	})
	return m, err
}

func (tx *Tx) addRoundMember(ctx context.Context, roundID string, n round.NewMember) (*round.Member, error) {
	m := &round.Member{ID: newID(), RoundID: roundID, UserID: n.UserID, Pseudonym: n.Pseudonym, RealName: n.RealName,
		ContactEmail: n.ContactEmail, ContactPhone: n.ContactPhone, Adjustments: n.Adjustments, AdjustmentNotes: n.AdjustmentNotes,
		Formats: n.Formats, CreatedAt: tx.now}
	_, err := tx.exec(ctx, `INSERT INTO round_members (id, round_id, user_id, pseudonym, real_name, contact_email, contact_phone,
		adjustments, adjustment_notes, formats, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.ID, roundID, nullIfEmpty(n.UserID), m.Pseudonym, m.RealName, m.ContactEmail, m.ContactPhone,
		strings.Join(m.Adjustments, " "), m.AdjustmentNotes, strings.Join(m.Formats, " "), m.CreatedAt)
	if apperr.Code(mapErr(err, "")) == apperr.Conflict {
		return nil, &apperr.Error{Code: apperr.Conflict, Message: "Someone in this group already uses that name, or this person is already a member",
			Fields: []apperr.FieldError{{Field: "pseudonym", Message: "Someone in this group already uses the name " + m.Pseudonym + ". Choose another."}}}
	} else if err != nil {
		return nil, mapErr(err, "member")
	}
	// Personal details stay out of the audit log: it is readable by admins.
	if err := tx.record(ctx, "round.member_add", "round_member", m.ID, map[string]string{"round_id": roundID, "pseudonym": m.Pseudonym}); err != nil {
		return nil, err
	}
	for _, p := range n.Consents {
		if err := tx.recordConsent(ctx, m.ID, p, true); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// RecordConsent records consent given or withdrawn for one purpose; what
// the member contributed is hidden or shown from that moment on.
func (db *DB) RecordConsent(ctx context.Context, roundID, memberID string, p round.ConsentPurpose, given bool) error {
	if p.Label() == "" {
		return apperr.Fields([]apperr.FieldError{{Field: "purpose", Message: "Select what the consent is for"}})
	}
	return db.update(ctx, func(tx *Tx) error {
		if err := tx.memberInRound(ctx, roundID, memberID); err != nil {
			return err
		}
		return tx.recordConsent(ctx, memberID, p, given)
	})
}

// recordConsent appends the record and refreshes the member's consent
// flags from all their records, by the rule in round.Current.
func (tx *Tx) recordConsent(ctx context.Context, memberID string, p round.ConsentPurpose, given bool) error {
	if _, err := tx.exec(ctx, `INSERT INTO round_consents (id, member_id, purpose, given, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)`,
		newID(), memberID, string(p), boolInt(given), audit.ActorFrom(ctx), tx.now); err != nil {
		return mapErr(err, "consent")
	}
	recs, err := tx.consentRecords(ctx, "member_id = ?", memberID)
	if err != nil {
		return err
	}
	c := round.Current(recs)
	if _, err := tx.exec(ctx, "UPDATE round_members SET takes_part = ?, shares_story = ?, named = ?, story_withdrawn = ?, part_withdrawn = ? WHERE id = ?",
		boolInt(c.TakesPart()), boolInt(c.SharesStory()), boolInt(c.Named()), boolInt(c.StoryWithdrawn()), boolInt(c.PartWithdrawn()), memberID); err != nil {
		return err
	}
	action := "round.consent_give"
	if !given {
		action = "round.consent_withdraw"
	}
	return tx.record(ctx, action, "round_member", memberID, map[string]string{"purpose": string(p)})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (tx *Tx) consentRecords(ctx context.Context, where string, arg string) ([]round.ConsentRecord, error) {
	var out []round.ConsentRecord
	err := tx.each(ctx, func(s scanner) error {
		var r round.ConsentRecord
		var p string
		var given int
		if err := s.Scan(&r.MemberID, &p, &given, &r.RecordedBy, &r.RecordedAt); err != nil {
			return err
		}
		r.Purpose, r.Given, r.RecordedAt = round.ConsentPurpose(p), given == 1, r.RecordedAt.UTC()
		out = append(out, r)
		return nil
	}, "SELECT member_id, purpose, given, recorded_by, recorded_at FROM round_consents WHERE "+where+" ORDER BY recorded_at, id", arg)
	return out, err
}

// ConsentHistory lists a member's consent records, oldest first.
func (db *DB) ConsentHistory(ctx context.Context, memberID string) ([]round.ConsentRecord, error) {
	var out []round.ConsentRecord
	err := db.view(ctx, func(tx *Tx) (err error) {
		out, err = tx.consentRecords(ctx, "member_id = ?", memberID)
		return err
	})
	return out, err
}

func (tx *Tx) memberInRound(ctx context.Context, roundID, memberID string) error {
	var n int
	if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM round_members WHERE id = ? AND round_id = ?", memberID, roundID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return apperr.Errorf(apperr.NotFound, "No such member in this round")
	}
	return nil
}

const memberColumns = `m.id, m.round_id, m.user_id, m.pseudonym, m.real_name, m.contact_email, m.contact_phone, m.adjustments,
	m.adjustment_notes, m.formats, m.created_at`

// members loads members matching where, with their consent for
// facilitators. For the Group only members taking part are listed, and
// only their pseudonyms: everything personal stays with facilitators.
func (tx *Tx) members(ctx context.Context, a round.Audience, where string, args ...any) ([]round.Member, error) {
	q := "SELECT " + memberColumns + " FROM round_members m WHERE " + where
	if !a.Facilitator {
		q += " AND " + consentFilter(a, "m", false)
	}
	var out []round.Member
	err := tx.each(ctx, func(s scanner) error {
		var m round.Member
		var user sql.NullString
		var adj, formats string
		if err := s.Scan(&m.ID, &m.RoundID, &user, &m.Pseudonym, &m.RealName, &m.ContactEmail, &m.ContactPhone, &adj,
			&m.AdjustmentNotes, &formats, &m.CreatedAt); err != nil {
			return err
		}
		m.UserID, m.Adjustments, m.Formats, m.CreatedAt = user.String, strings.Fields(adj), strings.Fields(formats), m.CreatedAt.UTC()
		if !a.Facilitator {
			m = round.Member{ID: m.ID, RoundID: m.RoundID, UserID: m.UserID, Pseudonym: m.Pseudonym, CreatedAt: m.CreatedAt}
		}
		out = append(out, m)
		return nil
	}, q+" ORDER BY m.pseudonym", args...)
	if err != nil || !a.Facilitator {
		return out, err
	}
	for i := range out {
		recs, err := tx.consentRecords(ctx, "member_id = ?", out[i].ID)
		if err != nil {
			return nil, err
		}
		out[i].Consent = round.Current(recs)
	}
	return out, nil
}

// RoundMembers lists the group, as the audience may see it.
func (db *DB) RoundMembers(ctx context.Context, roundID string, a round.Audience) ([]round.Member, error) {
	var out []round.Member
	err := db.view(ctx, func(tx *Tx) (err error) {
		out, err = tx.members(ctx, a, "m.round_id = ?", roundID)
		return err
	})
	return out, err
}

// RoundMember returns one member, as the audience may see them.
func (db *DB) RoundMember(ctx context.Context, roundID, memberID string, a round.Audience) (*round.Member, error) {
	var out []round.Member
	err := db.view(ctx, func(tx *Tx) (err error) {
		out, err = tx.members(ctx, a, "m.round_id = ? AND m.id = ?", roundID, memberID)
		return err
	})
	if err == nil && len(out) == 0 {
		err = apperr.Errorf(apperr.NotFound, "No such member in this round")
	}
	if err != nil {
		return nil, err
	}
	return &out[0], nil
}

// MemberForUser returns the signed-in user's own membership of the group,
// with their own details and consent: it is theirs to see.
func (db *DB) MemberForUser(ctx context.Context, roundID, userID string) (*round.Member, error) {
	var out []round.Member
	err := db.view(ctx, func(tx *Tx) (err error) {
		out, err = tx.members(ctx, round.Facilitators, "m.round_id = ? AND m.user_id = ?", roundID, userID)
		return err
	})
	if err == nil && len(out) == 0 {
		err = apperr.Errorf(apperr.NotFound, "You are not a member of this group")
	}
	if err != nil {
		return nil, err
	}
	return &out[0], nil
}
