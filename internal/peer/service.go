package peer

import (
	"context"
	"time"
)

// Service is what storage provides for peer support. Every change is
// audited. Methods that read records take no viewer: faces check the
// policy (the ULO's coordinators, the person's own supporter, the person)
// before calling them.
type Service interface {
	SetOffer(ctx context.Context, o Offer) error
	// Offers lists the offers of one ULO, or of every ULO when orgID is "".
	Offers(ctx context.Context, orgID string) ([]Offer, error)

	AddSupporter(ctx context.Context, s SupporterRecord) (string, error)
	// Supporters lists a ULO's supporters, with how many people each
	// supports now.
	Supporters(ctx context.Context, orgID string) ([]SupporterRecord, error)

	// CreateReferral takes a validated referral. The standard comes from
	// the ULO's offer at that trigger point; received is when it reached
	// the ULO (zero: now).
	CreateReferral(ctx context.Context, n NewReferral, personUserID string, received time.Time) (string, error)
	// SelfReferralWait says how long the address must wait before its
	// next self-referral; zero means go ahead, and the attempt is counted.
	SelfReferralWait(ctx context.Context, address string) (time.Duration, error)
	Referral(ctx context.Context, id string) (*Referral, error)
	// Referrals lists a ULO's referrals, newest first.
	Referrals(ctx context.Context, orgID string) ([]Referral, error)
	// ReferralsSupportedBy lists the referrals whose chosen supporter has
	// the account userID; ReferralsOf those of the person with it.
	ReferralsSupportedBy(ctx context.Context, userID string) ([]Referral, error)
	ReferralsOf(ctx context.Context, userID string) ([]Referral, error)

	// FirstContact records when the ULO first contacted the person and
	// offered peer support.
	FirstContact(ctx context.Context, id string, at time.Time) error
	// Choose carries out the person's choice of supporter (Choice.Check
	// against the suggestions as they are now).
	Choose(ctx context.Context, id string, c Choice) error
	// SomeoneElse records that the person asked not to be offered this
	// supporter again.
	SomeoneElse(ctx context.Context, id, supporterID string) error
	Decline(ctx context.Context, id string) error
	// OfferAgain offers support again to someone who said no for now.
	OfferAgain(ctx context.Context, id string) error
	End(ctx context.Context, id string, reason EndReason) error

	AddContact(ctx context.Context, id string, c Contact) error
	Contacts(ctx context.Context, id string) ([]Contact, error)
	AddGoal(ctx context.Context, id, words string) error
	SetGoal(ctx context.Context, id, goalID string, met GoalMet) error
	Goals(ctx context.Context, id string) ([]Goal, error)

	RaiseConcern(ctx context.Context, id, text string) error
	// Concerns lists a ULO's safeguarding concerns and audits the reading.
	Concerns(ctx context.Context, orgID string) ([]Concern, error)
}
