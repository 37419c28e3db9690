package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/bankholiday"
	"github.com/coprod/coprod/internal/peer"
)

var _ peer.Service = (*DB)(nil)

// lines and unlines keep a list in one column, one item a line.
func lines(xs []string) string  { return strings.Join(xs, "\n") }
func unlines(s string) []string { return peer.Lines(s) }

// SetOffer adds or changes a ULO's offer at one trigger point.
func (db *DB) SetOffer(ctx context.Context, o peer.Offer) error {
	if err := o.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		if err := tx.userLed(ctx, o.OrgID); err != nil {
			return err
		}
		res, err := tx.exec(ctx, "UPDATE peer_offers SET amount = ?, unit = ?, division = ?, updated_at = ? WHERE org_id = ? AND trig = ?",
			o.Standard.Amount, string(o.Standard.Unit), int(o.Standard.Division), tx.now, o.OrgID, string(o.Trigger))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := tx.exec(ctx, "INSERT INTO peer_offers (org_id, trig, amount, unit, division, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
				o.OrgID, string(o.Trigger), o.Standard.Amount, string(o.Standard.Unit), int(o.Standard.Division), tx.now); err != nil {
				return mapErr(err, "organisation")
			}
		}
		return tx.record(ctx, "peer_offer.set", "organisation", o.OrgID,
			map[string]string{"trigger": string(o.Trigger), "standard": o.Standard.String(), "division": o.Standard.Division.String()})
	})
}

// userLed refuses an organisation that is not a user-led organisation:
// peer support runs through ULOs.
func (tx *Tx) userLed(ctx context.Context, orgID string) error {
	var kind string
	if err := tx.queryRow(ctx, "SELECT kind FROM organisations WHERE id = ?", orgID).Scan(&kind); err != nil {
		return mapErr(err, "organisation")
	}
	if kind != "user_led" {
		return apperr.Errorf(apperr.Invalid, "Peer support is offered by user-led organisations only")
	}
	return nil
}

// Offers lists offers, by organisation name and then trigger point.
func (db *DB) Offers(ctx context.Context, orgID string) ([]peer.Offer, error) {
	q := `SELECT o.org_id, g.name, o.trig, o.amount, o.unit, o.division FROM peer_offers o JOIN organisations g ON g.id = o.org_id`
	var args []any
	if orgID != "" {
		q += " WHERE o.org_id = ?"
		args = append(args, orgID)
	}
	var out []peer.Offer
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			var o peer.Offer
			var trig, unit string
			var div int
			if err := r.Scan(&o.OrgID, &o.OrgName, &trig, &o.Standard.Amount, &unit, &div); err != nil {
				return err
			}
			o.Trigger, o.Standard.Unit, o.Standard.Division = peer.Trigger(trig), peer.Unit(unit), bankholiday.Division(div)
			out = append(out, o)
			return nil
		}, q+` ORDER BY g.name, o.org_id,
			CASE o.trig WHEN 'diagnosis' THEN 0 WHEN 'crisis' THEN 1 WHEN 'discharge' THEN 2 ELSE 3 END`, args...)
	})
	return out, err
}

// AddSupporter adds a peer supporter to their ULO.
func (db *DB) AddSupporter(ctx context.Context, s peer.SupporterRecord) (string, error) {
	id := newID()
	err := db.update(ctx, func(tx *Tx) error {
		if err := tx.userLed(ctx, s.OrgID); err != nil {
			return err
		}
		_, err := tx.exec(ctx, `INSERT INTO peer_supporters (id, org_id, user_id, name, experiences, languages, access_needs, places,
			phone, video, capacity, training, supervisions, paid, dbs_checked_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, s.OrgID, s.UserID, s.Name, lines(s.Experiences), lines(s.Languages), lines(s.AccessNeeds), lines(s.Meeting.Places),
			s.Meeting.Phone, s.Meeting.Video, s.Capacity, s.Training, lines(s.Supervisions), s.Paid, s.DBSCheckedOn, tx.now)
		if err != nil {
			return mapErr(err, "peer supporter")
		}
		return tx.record(ctx, "peer_supporter.add", "peer_supporter", id,
			map[string]string{"org_id": s.OrgID, "name": s.Name, "capacity": strconv.Itoa(s.Capacity), "paid": strconv.FormatBool(s.Paid)})
	})
	return id, err
}

// Supporters lists a ULO's supporters by name; Supporting counts the
// people each supports now.
func (db *DB) Supporters(ctx context.Context, orgID string) ([]peer.SupporterRecord, error) {
	var out []peer.SupporterRecord
	err := db.view(ctx, func(tx *Tx) (err error) {
		out, err = tx.supporters(ctx, orgID)
		return err
	})
	return out, err
}

func (tx *Tx) supporters(ctx context.Context, orgID string) ([]peer.SupporterRecord, error) {
	var out []peer.SupporterRecord
	err := tx.each(ctx, func(r scanner) error {
		var s peer.SupporterRecord
		var exp, lang, needs, places, sup string
		if err := r.Scan(&s.ID, &s.OrgID, &s.UserID, &s.Name, &exp, &lang, &needs, &places, &s.Meeting.Phone, &s.Meeting.Video,
			&s.Capacity, &s.Training, &sup, &s.Paid, &s.DBSCheckedOn, &s.Supporting); err != nil {
			return err
		}
		s.Experiences, s.Languages, s.AccessNeeds, s.Meeting.Places, s.Supervisions = unlines(exp), unlines(lang), unlines(needs), unlines(places), unlines(sup)
		out = append(out, s)
		return nil
	}, `SELECT s.id, s.org_id, s.user_id, s.name, s.experiences, s.languages, s.access_needs, s.places, s.phone, s.video,
		s.capacity, s.training, s.supervisions, s.paid, s.dbs_checked_on,
		(SELECT COUNT(*) FROM peer_referrals r WHERE r.supporter_id = s.id AND r.state = 'active')
		FROM peer_supporters s WHERE s.org_id = ? ORDER BY s.name, s.id`, orgID)
	return out, err
}

// peerReferralColumns are read by scanReferral, in this order.
const peerReferralColumns = `r.id, r.org_id, g.name, r.trig, r.amount, r.unit, r.division, r.source, r.referrer, r.name, r.contact_way,
	r.contact, r.experiences, r.languages, r.access_needs, r.places, r.phone, r.video, r.not_these, r.person_user_id,
	r.referred_at, r.first_contact_at, r.state, COALESCE(r.supporter_id, ''), COALESCE(s.name, ''), COALESCE(s.user_id, ''),
	r.chose, r.end_reason`

const peerReferralFrom = ` FROM peer_referrals r JOIN organisations g ON g.id = r.org_id LEFT JOIN peer_supporters s ON s.id = r.supporter_id`

func scanReferral(r scanner) (peer.Referral, error) {
	var x peer.Referral
	var trig, unit, source, way, exp, lang, needs, places, not, state, end string
	var div int
	var contact sql.NullTime
	err := r.Scan(&x.ID, &x.OrgID, &x.OrgName, &trig, &x.Standard.Amount, &unit, &div, &source, &x.ReferrerFor, &x.Name, &way,
		&x.Contact, &exp, &lang, &needs, &places, &x.Need.Meeting.Phone, &x.Need.Meeting.Video, &not, &x.PersonUserID,
		&x.Referred, &contact, &state, &x.SupporterID, &x.Supporter, &x.SupporterUserID, &x.Chose, &end)
	if err != nil {
		return x, err
	}
	x.Trigger, x.Standard.Unit, x.Standard.Division = peer.Trigger(trig), peer.Unit(unit), bankholiday.Division(div)
	x.Source, x.ContactWay, x.State, x.Ended = peer.Source(source), peer.ContactWay(way), peer.State(state), peer.EndReason(end)
	x.Need.Experiences, x.Need.Languages, x.Need.AccessNeeds = unlines(exp), unlines(lang), unlines(needs)
	x.Need.Meeting.Places, x.Need.NotThese = unlines(places), unlines(not)
	x.Referred = x.Referred.UTC()
	if contact.Valid {
		x.FirstContact = contact.Time.UTC()
	}
	x.Consent = true // a referral is only kept with consent
	return x, nil
}

func (tx *Tx) referrals(ctx context.Context, where string, args ...any) ([]peer.Referral, error) {
	var out []peer.Referral
	err := tx.each(ctx, func(r scanner) error {
		x, err := scanReferral(r)
		if err == nil {
			out = append(out, x)
		}
		return err
	}, "SELECT "+peerReferralColumns+peerReferralFrom+" WHERE "+where+" ORDER BY r.referred_at DESC, r.id", args...)
	return out, err
}

func (tx *Tx) referral(ctx context.Context, id string) (*peer.Referral, error) {
	x, err := scanReferral(tx.queryRow(ctx, "SELECT "+peerReferralColumns+peerReferralFrom+" WHERE r.id = ?", id))
	if err != nil {
		return nil, mapErr(err, "referral")
	}
	return &x, nil
}

// Referral returns one referral.
func (db *DB) Referral(ctx context.Context, id string) (*peer.Referral, error) {
	var x *peer.Referral
	err := db.view(ctx, func(tx *Tx) (err error) {
		x, err = tx.referral(ctx, id)
		return err
	})
	return x, err
}

func (db *DB) referralsWhere(ctx context.Context, where string, args ...any) ([]peer.Referral, error) {
	var out []peer.Referral
	err := db.view(ctx, func(tx *Tx) (err error) {
		out, err = tx.referrals(ctx, where, args...)
		return err
	})
	return out, err
}

// Referrals lists a ULO's referrals, newest first.
func (db *DB) Referrals(ctx context.Context, orgID string) ([]peer.Referral, error) {
	return db.referralsWhere(ctx, "r.org_id = ?", orgID)
}

// ReferralsSupportedBy lists the referrals of the people a supporter's
// account supports, or supported.
func (db *DB) ReferralsSupportedBy(ctx context.Context, userID string) ([]peer.Referral, error) {
	if userID == "" {
		return nil, nil
	}
	return db.referralsWhere(ctx, "s.user_id = ?", userID)
}

// ReferralsOf lists the person's own referrals.
func (db *DB) ReferralsOf(ctx context.Context, userID string) ([]peer.Referral, error) {
	if userID == "" {
		return nil, nil
	}
	return db.referralsWhere(ctx, "r.person_user_id = ?", userID)
}
