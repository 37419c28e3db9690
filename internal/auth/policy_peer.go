package auth

// Peer support roles, held over a user-led organisation (ULO).
const (
	// RoleCoordinator runs the ULO's peer support: offers, supporters,
	// referrals, and helping people choose.
	RoleCoordinator Role = "coordinator"
	// RolePeerSupporter supports people; they see only the people who chose
	// them (the store finds them from the session).
	RolePeerSupporter Role = "peer_supporter"
	// RoleSafeguardingLead is the ULO's named lead, to whom safeguarding
	// concerns go.
	RoleSafeguardingLead Role = "safeguarding_lead"
)

// Peer support actions. Peer support records are seen by the person, their
// peer supporter and the ULO's coordinators only: not by a platform
// administrator, who runs the service but not the support. The object of
// the ULO's actions is the ULO (ScopeOrganisation); what is the person's or
// the supporter's own is found by the store from the session.
const (
	ActionCoordinatePeer Action = "peer.coordinate" // offers, supporters, referrals, choosing with the person
	ActionSupportPeer    Action = "peer.support"    // the people who chose this supporter
	// ActionRaiseConcern is raising a safeguarding concern about a person in
	// the ULO's peer support: its coordinators and supporters.
	ActionRaiseConcern Action = "peer.concern.raise"
	// ActionViewConcerns is reading the concerns: the lead and coordinators.
	ActionViewConcerns Action = "peer.concern.view"
	// ActionReferPeer is a professional referring someone, with their consent.
	ActionReferPeer Action = "peer.refer"
	// ActionOwnPeerSupport is a person seeing their own referrals.
	ActionOwnPeerSupport Action = "peer.mine"
)

// peerRules are the policy's rules for this area; policy.go merges every area's table.
var peerRules = map[Action]rule{
	ActionCoordinatePeer: inOrg(RoleCoordinator),
	ActionSupportPeer:    inOrg(RolePeerSupporter),
	ActionRaiseConcern:   inOrg(RoleCoordinator, RolePeerSupporter),
	ActionViewConcerns:   inOrg(RoleCoordinator, RoleSafeguardingLead),
	ActionReferPeer:      signedIn,
	ActionOwnPeerSupport: signedIn,
}

// inOrg allows holders of any of roles over the organisation the object
// names.
func inOrg(roles ...Role) rule {
	return func(p *Principal, o Object) bool {
		if o.Type != ScopeOrganisation || o.ID == "" {
			return false
		}
		for _, r := range roles {
			if p.Has(r, ScopeOrganisation, o.ID) {
				return true
			}
		}
		return false
	}
}

// PeerOrgIDs returns the organisations in which the principal holds one of
// the peer support roles, for the pages that lead to them.
func (p *Principal) PeerOrgIDs(roles ...Role) []string {
	if !p.SignedIn() {
		return nil
	}
	var ids []string
	for _, a := range p.Assignments {
		for _, r := range roles {
			if a.Role == r && a.ScopeType == ScopeOrganisation {
				ids = append(ids, a.ScopeID)
				break
			}
		}
	}
	return ids
}
