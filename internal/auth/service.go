package auth

import (
	"context"
	"time"
)

// ListQuery pages through a list by keyset: After is the cursor returned with
// the previous page ("" for the first page).
type ListQuery struct {
	Search string
	After  string
	Limit  int
}

// Service is what the faces need of accounts; internal/store implements it.
// The acting user for the audit log comes from audit.WithActor on the context.
type Service interface {
	CreateUser(ctx context.Context, email, displayName, passwordHash string) (*User, error)
	UserByID(ctx context.Context, id string) (*User, error)
	UserByEmail(ctx context.Context, email string) (*User, error)
	ListUsers(ctx context.Context, q ListQuery) (users []User, next string, err error)
	SetPassword(ctx context.Context, userID, passwordHash string) error
	DisableUser(ctx context.Context, userID, reason string) error
	EnableUser(ctx context.Context, userID string) error
	Disablement(ctx context.Context, userID string) (*Disablement, error)

	CreateOrganisation(ctx context.Context, n NewOrganisation) (*Organisation, error)
	OrganisationByID(ctx context.Context, id string) (*Organisation, error)
	ListOrganisations(ctx context.Context, q ListQuery) (orgs []Organisation, next string, err error)
	AddMember(ctx context.Context, userID, orgID string) error
	AddOrgMember(ctx context.Context, n NewOrgMember) (*User, error)
	Members(ctx context.Context, orgID string) ([]Membership, error)
	MembershipsOf(ctx context.Context, userID string) ([]Membership, error)

	Assign(ctx context.Context, a Assignment) (*Assignment, error)
	AssignmentsOf(ctx context.Context, userID string) ([]Assignment, error)
	RevokeAssignment(ctx context.Context, userID, assignmentID string) error

	CreateInvitation(ctx context.Context, n NewInvitation, ttl time.Duration) (inv *Invitation, token string, err error)
	InvitationByToken(ctx context.Context, token string) (*Invitation, error)
	AcceptInvitation(ctx context.Context, token, displayName, passwordHash string) (*User, error)

	CreateSession(ctx context.Context, userID string, ttl time.Duration) (token string, err error)
	PrincipalForSession(ctx context.Context, token string) (*Principal, error)
	DeleteSession(ctx context.Context, token string) error

	// Sign-in throttling (throttle.go): KnownDevice finds the browser's known device for an account,
	// StartSignIn says how long an attempt must wait (or lets it be checked), SignInFailed counts a
	// wrong password, FinishSignIn forgets the failures after a right one and remembers the device.
	KnownDevice(ctx context.Context, userID string, tokens []string) (deviceID string, err error)
	StartSignIn(ctx context.Context, a SignInAttempt) (wait time.Duration, err error)
	SignInFailed(ctx context.Context, a SignInAttempt) error
	FinishSignIn(ctx context.Context, a SignInAttempt, userID string) (deviceToken string, err error)
}
