package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

// CreateOrganisation adds an organisation; the input must be validated.
func (db *DB) CreateOrganisation(ctx context.Context, n auth.NewOrganisation) (*auth.Organisation, error) {
	o := &auth.Organisation{ID: newID(), Name: n.Name, Kind: n.Kind}
	err := db.update(ctx, func(tx *Tx) error {
		o.CreatedAt = tx.now
		_, err := tx.exec(ctx, "INSERT INTO organisations (id, name, kind, created_at) VALUES (?, ?, ?, ?)", o.ID, o.Name, string(o.Kind), o.CreatedAt)
		if apperr.Code(mapErr(err, "")) == apperr.Conflict {
			return &apperr.Error{Code: apperr.Conflict, Message: "An organisation with that name already exists",
				Fields: []apperr.FieldError{{Field: "name", Message: "An organisation with that name already exists"}}}
		} else if err != nil {
			return err
		}
		return tx.record(ctx, "organisation.create", "organisation", o.ID, map[string]string{"name": o.Name, "kind": string(o.Kind)})
	})
	return o, err
}

func scanOrg(r scanner) (*auth.Organisation, error) {
	var o auth.Organisation
	var kind string
	if err := r.Scan(&o.ID, &o.Name, &kind, &o.CreatedAt); err != nil {
		return nil, err
	}
	o.Kind, o.CreatedAt = auth.OrgKind(kind), o.CreatedAt.UTC()
	return &o, nil
}

// OrganisationByID returns one organisation.
func (db *DB) OrganisationByID(ctx context.Context, id string) (*auth.Organisation, error) {
	var o *auth.Organisation
	err := db.view(ctx, func(tx *Tx) (err error) {
		o, err = scanOrg(tx.queryRow(ctx, "SELECT id, name, kind, created_at FROM organisations WHERE id = ?", id))
		return mapErr(err, "organisation")
	})
	return o, err
}

// ListOrganisations pages through organisations ordered by name.
func (db *DB) ListOrganisations(ctx context.Context, q auth.ListQuery) ([]auth.Organisation, string, error) {
	limit := pageLimit(q.Limit)
	sqlq := "SELECT id, name, kind, created_at FROM organisations WHERE name > ?"
	args := []any{q.After}
	if q.Search != "" {
		sqlq += " AND LOWER(name) LIKE ?" + likeEscape
		args = append(args, likePattern(q.Search))
	}
	sqlq += " ORDER BY name LIMIT ?"
	args = append(args, limit+1)
	var out []auth.Organisation
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			o, err := scanOrg(r)
			if err == nil {
				out = append(out, *o)
			}
			return err
		}, sqlq, args...)
	})
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = out[limit-1].Name
	}
	return out, next, err
}

// AddMember makes a user a member of an organisation.
func (db *DB) AddMember(ctx context.Context, userID, orgID string) error {
	return db.update(ctx, func(tx *Tx) error { return tx.addMember(ctx, userID, orgID) })
}

// AddOrgMember adds the account with the given email address to an
// organisation and grants the role chosen over it, in one transaction: the
// membership is not kept when the role cannot be granted. Problems an
// administrator can fix come back as field errors.
func (db *DB) AddOrgMember(ctx context.Context, n auth.NewOrgMember) (*auth.User, error) {
	if err := n.Validate(); err != nil {
		return nil, err
	}
	var u *auth.User
	err := db.update(ctx, func(tx *Tx) (err error) {
		u, err = scanUser(tx.queryRow(ctx, "SELECT "+userColumns+" FROM users WHERE email = ?", n.Email))
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.Fields([]apperr.FieldError{{Field: "email", Message: "There is no account with that email address. Invite them first."}})
		} else if err != nil {
			return err
		}
		if err := tx.addMember(ctx, u.ID, n.OrgID); apperr.Code(err) == apperr.Conflict {
			msg := u.DisplayName + " is already a member"
			return &apperr.Error{Code: apperr.Conflict, Message: msg, Fields: []apperr.FieldError{{Field: "email", Message: msg}}}
		} else if err != nil {
			return err
		}
		if a := n.Assignment(u.ID); a != nil {
			return tx.assign(ctx, a)
		}
		return nil
	})
	return u, err
}

func (tx *Tx) addMember(ctx context.Context, userID, orgID string) error {
	_, err := tx.exec(ctx, "INSERT INTO memberships (user_id, org_id, created_at) VALUES (?, ?, ?)", userID, orgID, tx.now)
	if err != nil {
		return mapErr(err, "membership")
	}
	return tx.record(ctx, "organisation.member_add", "organisation", orgID, map[string]string{"user_id": userID})
}

func (db *DB) memberships(ctx context.Context, where string, arg string) ([]auth.Membership, error) {
	var out []auth.Membership
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(r scanner) error {
			var m auth.Membership
			if err := r.Scan(&m.UserID, &m.OrgID, &m.OrgName, &m.UserName, &m.UserEmail, &m.CreatedAt); err != nil {
				return err
			}
			out = append(out, m)
			return nil
		}, `SELECT m.user_id, m.org_id, o.name, u.display_name, u.email, m.created_at
			FROM memberships m JOIN organisations o ON o.id = m.org_id JOIN users u ON u.id = m.user_id
			WHERE `+where+` ORDER BY o.name, u.display_name`, arg)
	})
	return out, err
}

// Members lists the members of an organisation.
func (db *DB) Members(ctx context.Context, orgID string) ([]auth.Membership, error) {
	return db.memberships(ctx, "m.org_id = ?", orgID)
}

// MembershipsOf lists the organisations a user belongs to.
func (db *DB) MembershipsOf(ctx context.Context, userID string) ([]auth.Membership, error) {
	return db.memberships(ctx, "m.user_id = ?", userID)
}
