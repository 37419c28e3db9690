package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

// A round's invitations: issued by those who run the round, taken up with
// the link or the short code by someone signed in or by someone new (whose
// account is made in the same transaction), listed while pending, withdrawn
// and re-issued. Only hashes of links and codes are kept.

const (
	badLinkMessage = "This invitation link is not valid. Check you copied the whole link, or ask for a new invitation."
	badCodeMessage = "That code is not right. Check it against your invitation and try again, or ask for a new invitation."
)

const roundInvitationColumns = `ri.id, ri.round_id, ri.role, ri.for_name, ri.email, ri.created_by, COALESCE(u.display_name, ''),
	ri.created_at, ri.expires_at, ri.reissued_at, ri.used_at, ri.revoked_at
	FROM round_invitations ri LEFT JOIN users u ON u.id = ri.created_by`

func scanRoundInvitation(s scanner) (*round.Invitation, error) {
	var inv round.Invitation
	var role string
	if err := s.Scan(&inv.ID, &inv.RoundID, &role, &inv.ForName, &inv.Email, &inv.CreatedBy, &inv.CreatedByName,
		&inv.CreatedAt, &inv.ExpiresAt, &inv.ReissuedAt, &inv.UsedAt, &inv.RevokedAt); err != nil {
		return nil, err
	}
	inv.Role = auth.Role(role)
	return &inv, nil
}

// freshSecrets returns a new link token and a new code whose hash no
// invitation has, checked before writing: on PostgreSQL a failed insert
// would end the transaction, so a clash is looked for, not retried.
func (tx *Tx) freshSecrets(ctx context.Context) (token, code string, err error) {
	for range 8 {
		code = auth.NewInviteCode()
		var n int
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM round_invitations WHERE code_hash = ?", tokenHash(code)).Scan(&n); err != nil {
			return "", "", err
		}
		if n == 0 {
			return newToken(), code, nil
		}
	}
	return "", "", errors.New("store: no free invitation code after 8 tries")
}

// IssueRoundInvitation records an invitation to join the round and returns
// it with its link token and code, which are never shown again.
func (db *DB) IssueRoundInvitation(ctx context.Context, roundID string, n round.NewInvitation, ttl time.Duration) (*round.Issued, error) {
	if err := n.Validate(); err != nil {
		return nil, err
	}
	iss := &round.Issued{Invitation: &round.Invitation{ID: newID(), RoundID: roundID, Role: n.Role, ForName: n.ForName, Email: n.Email,
		CreatedBy: audit.ActorFrom(ctx)}}
	err := db.update(ctx, func(tx *Tx) (err error) {
		if _, err := tx.openRound(ctx, roundID); err != nil {
			return err
		}
		inv := iss.Invitation
		inv.CreatedAt, inv.ExpiresAt = tx.now, tx.now.Add(ttl)
		if iss.Token, iss.Code, err = tx.freshSecrets(ctx); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `INSERT INTO round_invitations (id, token_hash, code_hash, round_id, role, for_name, email, created_by, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, inv.ID, tokenHash(iss.Token), tokenHash(iss.Code), roundID, string(inv.Role), inv.ForName, inv.Email,
			inv.CreatedBy, inv.CreatedAt, inv.ExpiresAt); err != nil {
			return mapErr(err, "invitation")
		}
		// Who it is for stays out of the audit log, which administrators read.
		return tx.record(ctx, "round.invitation_create", "round", roundID, map[string]string{"invitation_id": inv.ID, "role": string(inv.Role),
			"expires_at": inv.ExpiresAt.Format(time.RFC3339)})
	})
	if err != nil {
		return nil, err
	}
	return iss, nil
}

// roundInvitation finds the invitation a link or code opens, or says in
// words why it cannot be used.
func (tx *Tx) roundInvitation(ctx context.Context, key round.Key) (*round.Invitation, error) {
	column, secret, bad := "token_hash", key.Token, badLinkMessage
	if key.Token == "" {
		column, secret, bad = "code_hash", key.Code, badCodeMessage
	}
	if secret == "" {
		return nil, apperr.Errorf(apperr.NotFound, "%s", bad)
	}
	inv, err := scanRoundInvitation(tx.queryRow(ctx, "SELECT "+roundInvitationColumns+" WHERE ri."+column+" = ?", tokenHash(secret)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, apperr.Errorf(apperr.NotFound, "%s", bad)
	} else if err != nil {
		return nil, err
	}
	if err := inv.Usable(tx.now); err != nil {
		return nil, err
	}
	return inv, nil
}

// RoundInvitation returns the usable invitation a link or code opens, or
// NotFound saying why not.
func (db *DB) RoundInvitation(ctx context.Context, key round.Key) (*round.Invitation, error) {
	var inv *round.Invitation
	err := db.view(ctx, func(tx *Tx) (err error) {
		inv, err = tx.roundInvitation(ctx, key)
		return err
	})
	return inv, err
}

// JoinRound takes up an invitation: it makes the new person's account when
// the join brings one, gives the role in the round (and, for a group
// member, a place in the group under the name they chose, having agreed to
// take part) and uses the invitation up — all in one transaction, so a
// refusal at any step leaves no account and an unused invitation.
func (db *DB) JoinRound(ctx context.Context, key round.Key, j round.Join) (*round.Joined, error) {
	var out *round.Joined
	err := db.update(ctx, func(tx *Tx) error {
		inv, err := tx.roundInvitation(ctx, key)
		if err != nil {
			return err
		}
		if inv.Role == round.RoleMember && !j.TakePart {
			return apperr.Fields([]apperr.FieldError{{Field: "take_part", Message: "Tick the box to agree to take part, or close this page if you do not want to join"}})
		}
		userID, isNew := j.UserID, j.Account != nil
		if isNew {
			if j.PasswordHash == "" || j.UserID != "" {
				return errors.New("store: a new person's join needs a password hash and no user")
			}
			u, err := tx.createUser(ctx, j.Account.Email, j.Account.DisplayName, j.PasswordHash)
			if err != nil {
				return err
			}
			userID = u.ID
			ctx = audit.WithActor(ctx, u.ID) // what follows is the new person's own doing
		}
		if userID == "" {
			return errors.New("store: a join needs a user or a new account")
		}
		if inv.Role == round.RoleMember {
			n := round.NewMember{UserID: userID, Pseudonym: j.Pseudonym, Consents: []round.ConsentPurpose{round.ConsentTakePart}}
			if err := n.Validate(); err != nil {
				return err
			}
			if _, err := tx.addRoundMember(ctx, inv.RoundID, n); err != nil {
				return err
			}
		}
		res, err := tx.exec(ctx, "UPDATE round_invitations SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL",
			tx.now, userID, inv.ID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n != 1 { // taken up or withdrawn a moment ago
			return apperr.Errorf(apperr.NotFound, "This invitation has already been used. Sign in, or ask for a new invitation.")
		}
		a := auth.Assignment{UserID: userID, Role: inv.Role, ScopeType: auth.ScopeRound, ScopeID: inv.RoundID}
		if err := tx.assign(ctx, &a); apperr.Code(err) == apperr.Conflict {
			return apperr.Errorf(apperr.Conflict, "You already have this role in the round.")
		} else if err != nil {
			return err
		}
		by := "link"
		if key.Token == "" {
			by = "code"
		}
		now := tx.now
		inv.UsedAt = &now
		out = &round.Joined{Invitation: inv, UserID: userID, NewAccount: isNew}
		return tx.record(ctx, "round.invitation_accept", "round", inv.RoundID, map[string]string{"invitation_id": inv.ID, "user_id": userID,
			"with": by, "new_account": yesNo(isNew)})
	})
	return out, err
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// PendingRoundInvitations lists the round's invitations that nobody has
// taken up or withdrawn, expired ones included, soonest to expire first.
func (db *DB) PendingRoundInvitations(ctx context.Context, roundID string) ([]round.Invitation, error) {
	var out []round.Invitation
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(s scanner) error {
			inv, err := scanRoundInvitation(s)
			if err == nil {
				out = append(out, *inv)
			}
			return err
		}, "SELECT "+roundInvitationColumns+` WHERE ri.round_id = ? AND ri.used_at IS NULL AND ri.revoked_at IS NULL
			ORDER BY ri.expires_at, ri.id`, roundID)
	})
	return out, err
}

// inRoundInvitation loads one invitation of the round; another round's is
// not found, so its id reveals nothing.
func (tx *Tx) inRoundInvitation(ctx context.Context, roundID, id string) (*round.Invitation, error) {
	inv, err := scanRoundInvitation(tx.queryRow(ctx, "SELECT "+roundInvitationColumns+" WHERE ri.id = ? AND ri.round_id = ?", id, roundID))
	return inv, mapErr(err, "invitation")
}

// RevokeRoundInvitation withdraws a pending invitation: its link and code
// stop working at once.
func (db *DB) RevokeRoundInvitation(ctx context.Context, roundID, id string) (*round.Invitation, error) {
	var inv *round.Invitation
	err := db.update(ctx, func(tx *Tx) (err error) {
		if inv, err = tx.inRoundInvitation(ctx, roundID, id); err != nil {
			return err
		}
		switch {
		case inv.UsedAt != nil:
			return apperr.Errorf(apperr.Conflict, "This invitation has already been used, so it cannot be withdrawn. Remove the person's role instead if you need to.")
		case inv.RevokedAt != nil:
			return apperr.Errorf(apperr.Conflict, "This invitation has already been withdrawn.")
		}
		now, by := tx.now, audit.ActorFrom(ctx)
		if _, err := tx.exec(ctx, "UPDATE round_invitations SET revoked_at = ?, revoked_by = ? WHERE id = ?", now, nullIfEmpty(by), id); err != nil {
			return err
		}
		inv.RevokedAt = &now
		return tx.record(ctx, "round.invitation_revoke", "round", roundID, map[string]string{"invitation_id": id, "role": string(inv.Role)})
	})
	return inv, err
}

// ReissueRoundInvitation gives a pending invitation a new link and code
// and a new expiry; the old link and code stop working.
func (db *DB) ReissueRoundInvitation(ctx context.Context, roundID, id string, ttl time.Duration) (*round.Issued, error) {
	iss := &round.Issued{}
	err := db.update(ctx, func(tx *Tx) (err error) {
		if _, err := tx.openRound(ctx, roundID); err != nil {
			return err
		}
		inv, err := tx.inRoundInvitation(ctx, roundID, id)
		if err != nil {
			return err
		}
		if err := inv.Reissuable(); err != nil {
			return err
		}
		if iss.Token, iss.Code, err = tx.freshSecrets(ctx); err != nil {
			return err
		}
		now := tx.now
		inv.ReissuedAt, inv.ExpiresAt = &now, now.Add(ttl)
		if _, err := tx.exec(ctx, "UPDATE round_invitations SET token_hash = ?, code_hash = ?, expires_at = ?, reissued_at = ? WHERE id = ?",
			tokenHash(iss.Token), tokenHash(iss.Code), inv.ExpiresAt, now, id); err != nil {
			return err
		}
		iss.Invitation = inv
		return tx.record(ctx, "round.invitation_reissue", "round", roundID, map[string]string{"invitation_id": id, "role": string(inv.Role),
			"expires_at": inv.ExpiresAt.Format(time.RFC3339)})
	})
	if err != nil {
		return nil, err
	}
	return iss, nil
}

// RecordWrongCode notes a code that opened nothing, for auth.CodeWait, and
// forgets wrong codes older than a day.
func (db *DB) RecordWrongCode(ctx context.Context, address string) error {
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, "DELETE FROM join_code_failures WHERE at < ?", tx.now.Add(-24*time.Hour)); err != nil {
			return err
		}
		_, err := tx.exec(ctx, "INSERT INTO join_code_failures (address, at) VALUES (?, ?)", address, tx.now)
		return err
	})
}

// WrongCodes counts an address's wrong codes since a time and says when
// the latest was.
func (db *DB) WrongCodes(ctx context.Context, address string, since time.Time) (int, time.Time, error) {
	var n int
	var latest time.Time
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(s scanner) error {
			var at time.Time
			if err := s.Scan(&at); err != nil {
				return err
			}
			if n++; at.After(latest) {
				latest = at
			}
			return nil
		}, "SELECT at FROM join_code_failures WHERE address = ? AND at >= ?", address, since.UTC())
	})
	return n, latest, err
}
