package store

import (
	"strings"

	"github.com/coprod/coprod/internal/round"
)

// consentFilter is the one place consent withdrawal is enforced for reads:
// the SQL condition on the authoring member (table alias m) that keeps, for
// the Group, only content of members who consent to it being seen — their
// stories only when they share them, anything else only while they take
// part. Every list, page, search, count and export of a round's evidence
// joins its author and adds this condition; the flags it reads are kept in
// step with the consent records by recordConsent, in the same transaction.
//
// A member reading always sees their own contributions: the condition then
// also admits their member id, written into the SQL only after checking it
// has the exact shape newID gives, so it can never carry SQL.
func consentFilter(a round.Audience, m string, story bool) string {
	if a.Facilitator {
		return "1 = 1"
	}
	cond := m + ".takes_part = 1"
	if story {
		cond = m + ".shares_story = 1"
	}
	if opaqueID(a.Self) {
		cond = "(" + cond + " OR " + m + ".id = '" + a.Self + "')"
	}
	return cond
}

// opaqueID reports whether s has the form of an id from newID: 26 characters
// of lower-case base32.
func opaqueID(s string) bool {
	return len(s) == 26 && strings.Trim(s, "abcdefghijklmnopqrstuvwxyz234567") == ""
}

// optionalAuthorFilter is consentFilter for content that may have no
// author in the group (feedback imported from elsewhere, LEFT JOINed as m).
func optionalAuthorFilter(a round.Audience, m string) string {
	if a.Facilitator {
		return "1 = 1"
	}
	return "(" + m + ".id IS NULL OR " + consentFilter(a, m, false) + ")"
}
