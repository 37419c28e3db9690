package web

// roundRoutes are the commissioning rounds area: rounds, the group,
// sessions, the evidence the group builds, and its exports.
func (s *Server) roundRoutes() []route {
	return []route{
		{"GET /rounds", s.roundList},
		{"GET /rounds/new", s.roundNewForm},
		{"POST /rounds", s.roundCreate},
		{"GET /rounds/{id}", s.roundShow},
		{"POST /rounds/{id}/publish", s.roundPublish},
		{"GET /rounds/{id}/edit", s.roundEditForm},
		{"POST /rounds/{id}/edit", s.roundEdit},
		{"GET /rounds/{id}/delete", s.roundDeleteForm},
		{"POST /rounds/{id}/delete", s.roundDelete},
		{"GET /rounds/{id}/stake", s.roundStakeForm},
		{"POST /rounds/{id}/stake", s.roundStakeChange},
		{"GET /rounds/{id}/stage", s.roundStageForm},
		{"POST /rounds/{id}/stage", s.roundStageMove},
		{"POST /rounds/{id}/rule", s.roundRuleChange},
		// Closing is the group's decision: the page explains it, and a post
		// to the old form is refused.
		{"GET /rounds/{id}/close", s.roundClose},
		{"POST /rounds/{id}/close", s.roundClose},

		{"GET /rounds/{id}/decisions", s.decisionList},
		{"GET /rounds/{id}/decisions/new", s.decisionNewForm},
		{"POST /rounds/{id}/decisions", s.decisionCreate},
		{"GET /rounds/{id}/decisions/{pid}", s.decisionShow},
		{"POST /rounds/{id}/decisions/{pid}/respond", s.decisionRespond},
		{"POST /rounds/{id}/decisions/{pid}/in-person", s.decisionInPerson},
		{"POST /rounds/{id}/decisions/{pid}/resolve", s.decisionResolve},
		{"POST /rounds/{id}/decisions/{pid}/withdraw", s.decisionWithdraw},
		{"POST /rounds/{id}/decisions/{pid}/carry-out", s.decisionCarryOut},

		// Joining (handlers_join.go): invitations, the pending list, links and codes.
		{"GET /rounds/{id}/invitations", s.invitationList},
		{"GET /rounds/{id}/invitations/new", s.roundInviteForm},
		{"POST /rounds/{id}/invitations", s.roundInviteCreate},
		{"POST /rounds/{id}/invitations/{inv}/revoke", s.invitationRevoke},
		{"POST /rounds/{id}/invitations/{inv}/reissue", s.invitationReissue},
		// Under /invite/ so the access log cuts the secret off and crawlers skip it.
		{"GET /invite/round/{token}", s.roundJoinForm},
		{"POST /invite/round/{token}", s.roundJoin},
		{"GET /join", s.joinCodeForm},
		{"POST /join", s.joinCode},
		{"POST /join/accept", s.joinByCode},

		{"GET /rounds/{id}/members", s.memberList},
		{"GET /rounds/{id}/members/new", s.memberNewForm},
		{"POST /rounds/{id}/members", s.memberCreate},
		{"GET /rounds/{id}/members/{mid}", s.memberShow},
		{"POST /rounds/{id}/members/{mid}/consent", s.memberConsent},

		// A member's own information, consent, and what they shared.
		{"GET /rounds/{id}/mine", s.mineShow},
		{"GET /rounds/{id}/mine.json", s.mineJSON},
		{"POST /rounds/{id}/mine/consent", s.mineConsent},
		{"GET /rounds/{id}/mine/{kind}/{item}/edit", s.ownEditForm},
		{"POST /rounds/{id}/mine/{kind}/{item}/edit", s.ownEdit},
		{"GET /rounds/{id}/mine/{kind}/{item}/delete", s.ownDeleteForm},
		{"POST /rounds/{id}/mine/{kind}/{item}/delete", s.ownDelete},

		{"GET /rounds/{id}/sessions", s.sessionList},
		{"GET /rounds/{id}/sessions/new", s.sessionNewForm},
		{"POST /rounds/{id}/sessions", s.sessionCreate},
		{"GET /rounds/{id}/sessions/{sid}", s.sessionShow},
		{"POST /rounds/{id}/sessions/{sid}/attendance", s.sessionAttendance},
		{"POST /rounds/{id}/sessions/{sid}/payments", s.sessionPayment},
		{"GET /rounds/{id}/payments.csv", s.paymentsCSV},

		{"GET /rounds/{id}/stories", s.storyList},
		{"GET /rounds/{id}/stories/new", s.storyNewForm},
		{"POST /rounds/{id}/stories", s.storyCreate},
		{"GET /rounds/{id}/stories/{sid}", s.storyShow},
		{"GET /rounds/{id}/stories/{sid}/steps/new", s.stepNewForm},
		{"POST /rounds/{id}/stories/{sid}/steps", s.stepCreate},

		{"GET /rounds/{id}/factors", s.factorList},
		{"GET /rounds/{id}/factors/new", s.factorNewForm},
		{"POST /rounds/{id}/factors", s.factorCreate},
		{"POST /rounds/{id}/factors/{fid}/me-too", s.factorMeToo},

		{"GET /rounds/{id}/services", s.serviceList},
		{"GET /rounds/{id}/services/new", s.serviceNewForm},
		{"POST /rounds/{id}/services", s.serviceCreate},
		{"GET /rounds/{id}/services/import", s.importForm},
		{"POST /rounds/{id}/services/import", s.heavy(s.importPreview)},
		{"POST /rounds/{id}/services/import/confirm", s.importConfirm},
		{"GET /rounds/{id}/services/{sid}", s.serviceShow},
		{"GET /rounds/{id}/services/{sid}/feedback/new", s.feedbackNewForm},
		{"POST /rounds/{id}/services/{sid}/feedback", s.feedbackCreate},

		{"GET /rounds/{id}/vision", s.visionList},
		{"GET /rounds/{id}/vision/new", s.statementNewForm},
		{"POST /rounds/{id}/vision", s.statementCreate},
		{"POST /rounds/{id}/vision/votes", s.votesCast},
		{"POST /rounds/{id}/vision/voting", s.votingSet},

		{"GET /rounds/{id}/themes", s.themeMap},
		{"POST /rounds/{id}/themes", s.themeCreate},
		{"POST /rounds/{id}/themes/tags", s.themeTag},

		{"GET /rounds/{id}/evidence.json", s.evidenceJSON},
		{"GET /rounds/{id}/evidence.csv", s.evidenceCSV},
	}
}

// roundPages are the area's typed pages, for the template test (page_test.go).
var roundPages = []pageType{roundListPage, roundNewPage, roundOverviewPage, roundStakePage, roundStagePage, roundClosePage,
	roundInvitePage, roundInviteLinkPage, roundJoinPage, roundInvitationsPage, joinCodePage, roundMembersPage, roundMemberNewPage, roundMemberPage,
	roundSessionsPage, roundSessionNewPage, roundSessionPage, roundQuestionPage, roundStoriesPage, roundStoryPage,
	roundFactorsPage, roundServicesPage, roundServiceNewPage, roundServicePage, roundImportPage, roundImportPreviewPage,
	roundVisionPage, roundThemesPage, roundMinePage, roundMineEditPage, roundMineDeletePage, roundDecisionsPage, roundDecisionPage, roundDecisionNewPage,
	roundEditPage, roundDeletePage}
