package web

// peerRoutes are peer support as a right (internal/peer): asking for it
// without an account, a professional's referral, the ULO's coordination,
// the person choosing their supporter, contacts, goals and the
// safeguarding route.
func (s *Server) peerRoutes() []route {
	return []route{
		{"GET /peer", s.peerHome},
		{"GET /peer/refer", s.peerReferStart},
		{"POST /peer/refer", s.peerReferStep},
		{"GET /peer/refer/sent", s.peerReferSent},
		{"GET /peer/refer/professional", s.peerProfessionalForm},
		{"POST /peer/refer/professional", s.peerProfessional},
		{"GET /peer/orgs/{org}", s.peerOrg},
		{"POST /peer/orgs/{org}/offers", s.peerSetOffer},
		{"GET /peer/orgs/{org}/supporters/new", s.peerSupporterForm},
		{"POST /peer/orgs/{org}/supporters", s.peerAddSupporter},
		{"GET /peer/orgs/{org}/concerns", s.peerConcerns},
		{"GET /peer/referrals/{id}", s.peerReferral},
		{"POST /peer/referrals/{id}/contacted", s.peerContacted},
		{"POST /peer/referrals/{id}/choose", s.peerChoose},
		{"POST /peer/referrals/{id}/someone-else", s.peerSomeoneElse},
		{"POST /peer/referrals/{id}/decline", s.peerDecline},
		{"POST /peer/referrals/{id}/offer-again", s.peerOfferAgain},
		{"POST /peer/referrals/{id}/end", s.peerEnd},
		{"POST /peer/referrals/{id}/contacts", s.peerAddContact},
		{"POST /peer/referrals/{id}/goals", s.peerAddGoal},
		{"POST /peer/referrals/{id}/goals/{goal}", s.peerSetGoal},
		{"GET /peer/referrals/{id}/concern", s.peerConcernForm},
		{"POST /peer/referrals/{id}/concern", s.peerRaiseConcern},
	}
}

// peerPages are this area's pages.
var peerPages = []pageType{peerHomePage, peerReferPage, peerReferSentPage, peerProfessionalPage, peerOrgPage, peerSupporterPage,
	peerReferralPage, peerConcernPage, peerConcernsPage}

// peerFlash are this area's confirmations.
var peerFlash = map[string]string{
	"peer-offer-saved":     "The offer and its time standard are saved.",
	"peer-supporter-added": "Peer supporter added.",
	"peer-referred":        "Referral sent. The organisation will contact the person.",
	"peer-contacted":       "First contact recorded: peer support has been offered.",
	"peer-chosen":          "Saved: this is now their peer supporter.",
	"peer-someone-else":    "We will not suggest that peer supporter again.",
	"peer-declined":        "Saved: they said no to peer support for now.",
	"peer-offered-again":   "Peer support is offered again: they can choose a peer supporter.",
	"peer-ended":           "Saved: peer support has ended.",
	"peer-contact-added":   "Contact recorded.",
	"peer-goal-saved":      "Goal saved.",
	"peer-concern-raised":  "Your concern has gone to the safeguarding lead. Thank you.",
}
