package web

import "github.com/coprod/coprod/internal/auth"

// seesGroupContent reports whether the reader may open the group's own
// spaces (members, sessions, stories, factors, vision), for the round's
// navigation: observers are offered only what they may read, the round and
// its aggregates.
func seesGroupContent(p *auth.Principal, roundID string) bool {
	return auth.Can(p, auth.ActionViewGroupContent, roundObject(roundID))
}
