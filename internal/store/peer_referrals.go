package store

import (
	"context"
	"strconv"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/bankholiday"
	"github.com/coprod/coprod/internal/peer"
)

// maxReceivedAgo is how far back a referral's arrival may be dated: one
// taken by phone or letter is entered when it arrived, so its standard runs
// from then, but not from months before.
const maxReceivedAgo = 90 * 24 * time.Hour

// CreateReferral saves a referral under the standard of the ULO's offer at
// its trigger point.
func (db *DB) CreateReferral(ctx context.Context, n peer.NewReferral, personUserID string, received time.Time) (string, error) {
	if err := n.Validate(); err != nil {
		return "", err
	}
	id := newID()
	err := db.update(ctx, func(tx *Tx) error {
		at := tx.now
		if !received.IsZero() {
			if received.After(tx.now) || tx.now.Sub(received) > maxReceivedAgo {
				return apperr.Fields([]apperr.FieldError{{Field: "received", Message: "The date the referral arrived must be today or in the last 90 days"}})
			}
			at = received.UTC()
		}
		var amount, div int
		var unit string
		err := tx.queryRow(ctx, "SELECT amount, unit, division FROM peer_offers WHERE org_id = ? AND trig = ?", n.OrgID, string(n.Trigger)).
			Scan(&amount, &unit, &div)
		if err != nil {
			if apperr.Code(mapErr(err, "offer")) == apperr.NotFound {
				return apperr.Fields([]apperr.FieldError{{Field: "trigger", Message: "This organisation does not offer peer support for " +
					n.Trigger.Label() + " yet. Choose another, or contact them"}})
			}
			return err
		}
		_, err = tx.exec(ctx, `INSERT INTO peer_referrals (id, org_id, trig, amount, unit, division, source, referrer, name, contact_way, contact,
			consent_at, experiences, languages, access_needs, places, phone, video, person_user_id, referred_at, state, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?)`,
			id, n.OrgID, string(n.Trigger), amount, unit, div, string(n.Source), n.ReferrerFor, n.Name, string(n.ContactWay), n.Contact,
			tx.now, lines(n.Need.Experiences), lines(n.Need.Languages), lines(n.Need.AccessNeeds), lines(n.Need.Meeting.Places),
			n.Need.Meeting.Phone, n.Need.Meeting.Video, personUserID, at, tx.now)
		if err != nil {
			return mapErr(err, "organisation")
		}
		// The audit log names no person: it is read by administrators, who
		// are not among those who may see a referral.
		return tx.record(ctx, "peer_referral.create", "peer_referral", id, map[string]string{"org_id": n.OrgID,
			"trigger": string(n.Trigger), "source": string(n.Source), "standard": peer.Standard{Amount: amount, Unit: peer.Unit(unit),
				Division: bankholiday.Division(div)}.String(), "consent": "recorded"})
	})
	return id, err
}

// SelfReferralWait counts this attempt when it may go ahead.
func (db *DB) SelfReferralWait(ctx context.Context, address string) (time.Duration, error) {
	var wait time.Duration
	err := db.update(ctx, func(tx *Tx) error {
		if _, err := tx.exec(ctx, "DELETE FROM peer_referral_attempts WHERE at < ?", tx.now.Add(-peer.SelfReferralWindow)); err != nil {
			return err
		}
		var recent []time.Time
		err := tx.each(ctx, func(r scanner) error {
			var t time.Time
			err := r.Scan(&t)
			recent = append(recent, t)
			return err
		}, "SELECT at FROM peer_referral_attempts WHERE address = ?", address)
		if err != nil {
			return err
		}
		if wait = peer.SelfReferralWait(recent, tx.now); wait > 0 {
			return nil
		}
		_, err = tx.exec(ctx, "INSERT INTO peer_referral_attempts (address, at) VALUES (?, ?)", address, tx.now)
		return err
	})
	return wait, err
}

// move loads a referral, asks the domain whether it may move to state, and
// moves it, with the audit event.
func (tx *Tx) move(ctx context.Context, id string, to peer.State, set string, args []any, details map[string]string) (*peer.Referral, error) {
	x, err := tx.referral(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := peer.CheckMove(x.State, to); err != nil {
		return nil, err
	}
	q := "UPDATE peer_referrals SET state = ?"
	if set != "" {
		q += ", " + set
	}
	if _, err := tx.exec(ctx, q+" WHERE id = ?", append(append([]any{string(to)}, args...), id)...); err != nil {
		return nil, err
	}
	if details == nil {
		details = map[string]string{}
	}
	details["from"], details["to"] = string(x.State), string(to)
	return x, tx.record(ctx, "peer_referral.move", "peer_referral", id, details)
}

// FirstContact records the first contact, which offers peer support.
func (db *DB) FirstContact(ctx context.Context, id string, at time.Time) error {
	return db.update(ctx, func(tx *Tx) error {
		x, err := tx.referral(ctx, id)
		if err != nil {
			return err
		}
		if at.IsZero() {
			at = tx.now
		}
		if at.After(tx.now) || at.Before(x.Referred) {
			return apperr.Fields([]apperr.FieldError{{Field: "at", Message: "The first contact must be after the referral and not in the future"}})
		}
		_, err = tx.move(ctx, id, peer.StateOffered, "first_contact_at = ?", []any{at.UTC()}, map[string]string{"at": at.UTC().Format(time.RFC3339)})
		return err
	})
}

// Choose carries out the person's choice, checked against the suggestions
// as they are at this moment (a supporter who filled up meanwhile is not
// among them).
func (db *DB) Choose(ctx context.Context, id string, c peer.Choice) error {
	return db.update(ctx, func(tx *Tx) error {
		x, err := tx.referral(ctx, id)
		if err != nil {
			return err
		}
		sups, err := tx.supporters(ctx, x.OrgID)
		if err != nil {
			return err
		}
		matching := make([]peer.Supporter, len(sups))
		for i, s := range sups {
			matching[i] = s.Supporter
		}
		if err := c.Check(peer.Suggest(x.Need, matching)); err != nil {
			return err
		}
		_, err = tx.move(ctx, id, peer.StateActive, "supporter_id = ?, chose = ?", []any{c.SupporterID, true},
			map[string]string{"supporter_id": c.SupporterID, "with_coordinator": strconv.FormatBool(c.WithCoordinator)})
		return err
	})
}

// SomeoneElse leaves a supporter out of the person's suggestions.
func (db *DB) SomeoneElse(ctx context.Context, id, supporterID string) error {
	return db.update(ctx, func(tx *Tx) error {
		x, err := tx.referral(ctx, id)
		if err != nil {
			return err
		}
		if x.State != peer.StateOffered {
			return apperr.Errorf(apperr.Conflict, "Suggestions are made only while the person is choosing")
		}
		not := append(x.Need.NotThese, supporterID)
		if _, err := tx.exec(ctx, "UPDATE peer_referrals SET not_these = ? WHERE id = ?", lines(not), id); err != nil {
			return err
		}
		return tx.record(ctx, "peer_referral.someone_else", "peer_referral", id, map[string]string{"supporter_id": supporterID})
	})
}

// Decline records that the person said no for now.
func (db *DB) Decline(ctx context.Context, id string) error {
	return db.update(ctx, func(tx *Tx) error {
		_, err := tx.move(ctx, id, peer.StateDeclined, "", nil, nil)
		return err
	})
}

// OfferAgain offers support again to someone who said no for now.
func (db *DB) OfferAgain(ctx context.Context, id string) error {
	return db.update(ctx, func(tx *Tx) error {
		_, err := tx.move(ctx, id, peer.StateOffered, "", nil, nil)
		return err
	})
}

// End records that support ended, and why.
func (db *DB) End(ctx context.Context, id string, reason peer.EndReason) error {
	if !reason.Valid() {
		return apperr.Fields([]apperr.FieldError{{Field: "reason", Message: "Choose why support ended"}})
	}
	return db.update(ctx, func(tx *Tx) error {
		_, err := tx.move(ctx, id, peer.StateEnded, "end_reason = ?", []any{string(reason)}, map[string]string{"reason": string(reason)})
		return err
	})
}

// AddContact records a contact with the person.
func (db *DB) AddContact(ctx context.Context, id string, c peer.Contact) error {
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.referral(ctx, id); err != nil {
			return err
		}
		cid := newID()
		if _, err := tx.exec(ctx, `INSERT INTO peer_contacts (id, referral_id, on_date, how, minutes, notes, recorded_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, cid, id, c.On, string(c.How), c.Minutes, c.Notes, audit.ActorFrom(ctx), tx.now); err != nil {
			return err
		}
		return tx.record(ctx, "peer_contact.add", "peer_referral", id,
			map[string]string{"contact_id": cid, "on": c.On, "how": string(c.How), "minutes": strconv.Itoa(c.Minutes)})
	})
}

// Contacts lists a referral's contacts, newest first, with who recorded them.
func (db *DB) Contacts(ctx context.Context, id string) ([]peer.Contact, error) {
	var out []peer.Contact
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			var c peer.Contact
			var how string
			err := r.Scan(&c.ID, &c.On, &how, &c.Minutes, &c.Notes, &c.By)
			c.How = peer.How(how)
			out = append(out, c)
			return err
		}, `SELECT c.id, c.on_date, c.how, c.minutes, c.notes, COALESCE(u.display_name, '')
			FROM peer_contacts c LEFT JOIN users u ON u.id = c.recorded_by WHERE c.referral_id = ? ORDER BY c.on_date DESC, c.created_at DESC`, id)
	})
	return out, err
}

// AddGoal adds one of the person's goals, in their words.
func (db *DB) AddGoal(ctx context.Context, id, words string) error {
	words, err := peer.CheckGoal(words)
	if err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.referral(ctx, id); err != nil {
			return err
		}
		gid := newID()
		if _, err := tx.exec(ctx, "INSERT INTO peer_goals (id, referral_id, words, created_at) VALUES (?, ?, ?, ?)", gid, id, words, tx.now); err != nil {
			return err
		}
		return tx.record(ctx, "peer_goal.add", "peer_referral", id, map[string]string{"goal_id": gid})
	})
}

// SetGoal records whether a goal was met.
func (db *DB) SetGoal(ctx context.Context, id, goalID string, met peer.GoalMet) error {
	switch met {
	case peer.GoalOpen, peer.GoalMetYes, peer.GoalPartly, peer.GoalNotMet:
	default:
		return apperr.Fields([]apperr.FieldError{{Field: "met", Message: "Choose whether the goal was met"}})
	}
	return db.update(ctx, func(tx *Tx) error {
		res, err := tx.exec(ctx, "UPDATE peer_goals SET met = ? WHERE id = ? AND referral_id = ?", string(met), goalID, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.Errorf(apperr.NotFound, "No such goal")
		}
		return tx.record(ctx, "peer_goal.set", "peer_referral", id, map[string]string{"goal_id": goalID, "met": string(met)})
	})
}

// Goals lists a referral's goals, oldest first.
func (db *DB) Goals(ctx context.Context, id string) ([]peer.Goal, error) {
	var out []peer.Goal
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			var g peer.Goal
			var met string
			err := r.Scan(&g.ID, &g.Words, &met)
			g.Met = peer.GoalMet(met)
			out = append(out, g)
			return err
		}, "SELECT id, words, met FROM peer_goals WHERE referral_id = ? ORDER BY created_at, id", id)
	})
	return out, err
}

// RaiseConcern records a safeguarding concern for the ULO's lead.
func (db *DB) RaiseConcern(ctx context.Context, id, text string) error {
	text, err := peer.CheckConcern(text)
	if err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		x, err := tx.referral(ctx, id)
		if err != nil {
			return err
		}
		cid := newID()
		if _, err := tx.exec(ctx, "INSERT INTO peer_concerns (id, referral_id, org_id, concern, raised_by, raised_at) VALUES (?, ?, ?, ?, ?, ?)",
			cid, id, x.OrgID, text, audit.ActorFrom(ctx), tx.now); err != nil {
			return err
		}
		return tx.record(ctx, "peer_concern.raise", "peer_referral", id, map[string]string{"concern_id": cid, "org_id": x.OrgID})
	})
}

// Concerns lists a ULO's concerns, newest first. Reading them is audited,
// so the lead can see who has looked.
func (db *DB) Concerns(ctx context.Context, orgID string) ([]peer.Concern, error) {
	var out []peer.Concern
	err := db.update(ctx, func(tx *Tx) error {
		err := tx.each(ctx, func(r scanner) error {
			var c peer.Concern
			err := r.Scan(&c.ID, &c.ReferralID, &c.Text, &c.RaisedBy, &c.RaisedAt, &c.PersonName)
			c.RaisedAt = c.RaisedAt.UTC()
			out = append(out, c)
			return err
		}, `SELECT c.id, c.referral_id, c.concern, COALESCE(u.display_name, ''), c.raised_at, r.name FROM peer_concerns c
			JOIN peer_referrals r ON r.id = c.referral_id LEFT JOIN users u ON u.id = c.raised_by
			WHERE c.org_id = ? ORDER BY c.raised_at DESC, c.id`, orgID)
		if err != nil {
			return err
		}
		return tx.record(ctx, "peer_concern.read", "organisation", orgID, map[string]string{"concerns": strconv.Itoa(len(out))})
	})
	return out, err
}
