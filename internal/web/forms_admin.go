package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
)

// The administrators' forms, decoded into the values the domain checks.

func newInvitationForm(f url.Values) auth.NewInvitation {
	return auth.NewInvitation{Email: f.Get("email"), DisplayName: f.Get("display_name"), OrgID: f.Get("org_id"), Role: auth.Role(f.Get("role"))}
}

func newOrganisationForm(f url.Values) auth.NewOrganisation {
	return auth.NewOrganisation{Name: f.Get("name"), Kind: auth.OrgKind(f.Get("kind"))}
}

func newOrgMemberForm(orgID string, f url.Values) auth.NewOrgMember {
	return auth.NewOrgMember{OrgID: orgID, Email: f.Get("email"), Role: auth.Role(f.Get("role"))}
}

// auditFilter reads the log's filters from the query string, with a field
// error for each date that does not parse.
func auditFilter(q url.Values) (audit.Filter, []apperr.FieldError) {
	f := audit.Filter{ActorID: q.Get("actor"), Action: q.Get("action"), ObjectType: q.Get("object_type"), ObjectID: q.Get("object_id"), Limit: 50}
	var errs []apperr.FieldError
	day := func(field string) time.Time {
		v := strings.TrimSpace(q.Get(field))
		if v == "" {
			return time.Time{}
		}
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			errs = append(errs, apperr.FieldError{Field: field, Message: "Enter the date as year-month-day, for example 2026-11-25"})
		}
		return t
	}
	f.Since = day("since")
	if until := day("until"); !until.IsZero() {
		f.Until = until.Add(24 * time.Hour) // the whole of the last day
	}
	if b, err := strconv.ParseInt(q.Get("before"), 10, 64); err == nil && b > 0 {
		f.BeforeSeq = b
	}
	return f, errs
}
