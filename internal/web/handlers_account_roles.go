package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

// accountRole is one role the reader holds, named with what it is held
// over, so three "Lived experience group member" roles say which round
// each is in. Href is where to open it, set only when the reader may.
type accountRole struct {
	Label    string // "Lived experience group member"
	Where    string // "in the round", "at", "for the tender" …
	Name     string // the round, organisation or tender, by name
	Detail   string // e.g. the organisation that runs the round
	Href     string
	MineHref string // a member's own information in the round
}

// accountRoles names every role the reader holds with its round,
// organisation or tender. Something the reader holds a role over that has
// since gone (a deleted draft round) is said to be gone, not hidden.
func (s *Server) accountRoles(r *http.Request) ([]accountRole, error) {
	ctx, p := r.Context(), principal(r)
	var out []accountRole
	orgs := map[string]string{}
	for _, a := range p.Assignments {
		ro := accountRole{Label: a.Role.Label()}
		switch a.ScopeType {
		case auth.ScopePlatform:
			ro.Where = "for the whole service"
		case auth.ScopeOrganisation:
			name, ok := orgs[a.ScopeID]
			if !ok {
				o, err := s.store.OrganisationByID(ctx, a.ScopeID)
				if err != nil && apperr.Code(err) != apperr.NotFound {
					return nil, err
				}
				if o != nil {
					name = o.Name
				}
				orgs[a.ScopeID] = name
			}
			ro.Where, ro.Name = "at", name
			if name == "" {
				ro.Where = "at an organisation that no longer exists"
			}
		case auth.ScopeRound:
			rd, err := s.store.RoundByID(ctx, a.ScopeID)
			if apperr.Code(err) == apperr.NotFound {
				ro.Where = "in a round that no longer exists"
				break
			}
			if err != nil {
				return nil, err
			}
			ro.Where, ro.Name, ro.Detail = "in the round", rd.Title, "run by "+rd.OrgName
			if can(r, auth.ActionViewRound, rd.ID) {
				ro.Href = "/rounds/" + rd.ID
			}
			if a.Role == auth.RoleMember && seesOwnInformation(p, rd.ID) {
				ro.MineHref = "/rounds/" + rd.ID + "/mine"
			}
		case auth.ScopeTender:
			t, err := s.store.TenderByID(ctx, a.ScopeID)
			if apperr.Code(err) == apperr.NotFound {
				ro.Where = "for a tender that no longer exists"
				break
			}
			if err != nil {
				return nil, err
			}
			ro.Where, ro.Name = "for the tender", t.Title
			if canTender(r, auth.ActionViewTenders, t) || canTender(r, auth.ActionEvaluate, t) {
				ro.Href = "/tenders/" + t.ID
			}
		}
		out = append(out, ro)
	}
	return out, nil
}
