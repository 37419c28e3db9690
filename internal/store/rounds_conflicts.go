package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

// No conflicts of role: a person acting for an organisation that bids in
// one of a round's tenders must not see the round's group spaces, whose
// stories, names and meetings could be turned to a bid's advantage.
//
// The rule, in two halves:
//   - the store refuses to give such a person an observer's or a member's
//     role in the round (tx.assign, for invitations and direct grants alike);
//   - a role given before the bid counts for nothing once the bid exists:
//     the principal is loaded without it (withoutBidderRoles), so access stops
//     the moment their organisation registers as a bidder, whoever registered
//     it, and the role is still there to see in the account's history.
//
// "Acting for an organisation" is belonging to it or holding any role over
// it; "bidding" is the organisation being registered as a bidder on one of
// the round's tenders, whatever state its bid is in.

// userOrgsSQL selects the organisations a user acts for (parameter: the user
// id, twice).
const userOrgsSQL = `SELECT org_id FROM memberships WHERE user_id = ?
	UNION SELECT scope_id FROM role_assignments WHERE scope_type = 'organisation' AND user_id = ?`

// groupSpaceRole reports whether a role over a round opens its group spaces
// to someone who is not running the round.
func groupSpaceRole(r auth.Role) bool { return r == round.RoleObserver || r == round.RoleMember }

// biddingOrg returns the name of an organisation the user acts for that bids
// in one of the round's tenders, or "" when there is none.
func (tx *Tx) biddingOrg(ctx context.Context, roundID, userID string) (string, error) {
	var name string
	err := tx.queryRow(ctx, `SELECT o.name FROM tender_bidders b JOIN tenders t ON t.id = b.tender_id
		JOIN organisations o ON o.id = b.org_id
		WHERE t.round_id = ? AND b.org_id IN (`+userOrgsSQL+`) ORDER BY o.name LIMIT 1`, roundID, userID, userID).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return name, err
}

// refuseBidderInGroup is the store's refusal to give a bidder a role that
// opens a round's group spaces.
func (tx *Tx) refuseBidderInGroup(ctx context.Context, a *auth.Assignment) error {
	if a.ScopeType != auth.ScopeRound || !groupSpaceRole(a.Role) {
		return nil
	}
	org, err := tx.biddingOrg(ctx, a.ScopeID, a.UserID)
	if err != nil || org == "" {
		return err
	}
	return apperr.Errorf(apperr.Forbidden, "%s is bidding in a tender of this round, so people who act for it cannot be an observer or a member of the round's group. "+
		"The group's stories, names and meetings must stay apart from the bidders.", org)
}

// withoutBidderRoles drops, from a user's roles, the observer and member
// roles in rounds where an organisation they act for bids.
func (tx *Tx) withoutBidderRoles(ctx context.Context, userID string, as []auth.Assignment) ([]auth.Assignment, error) {
	// Most people hold no such role: they cost no query.
	if !slices.ContainsFunc(as, func(a auth.Assignment) bool { return a.ScopeType == auth.ScopeRound && groupSpaceRole(a.Role) }) {
		return as, nil
	}
	bidding := map[string]bool{}
	if err := tx.each(ctx, func(s scanner) error {
		var id string
		err := s.Scan(&id)
		bidding[id] = true
		return err
	}, `SELECT DISTINCT t.round_id FROM tender_bidders b JOIN tenders t ON t.id = b.tender_id WHERE b.org_id IN (`+userOrgsSQL+`)`,
		userID, userID); err != nil {
		return nil, err
	}
	out := as[:0:0]
	for _, a := range as {
		if a.ScopeType == auth.ScopeRound && groupSpaceRole(a.Role) && bidding[a.ScopeID] {
			continue
		}
		out = append(out, a)
	}
	return out, nil
}
