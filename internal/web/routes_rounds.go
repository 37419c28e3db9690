package web

// roundRoutes are the commissioning rounds area: rounds, the group,
// sessions, the evidence the group builds, and its exports.
func (s *Server) roundRoutes() []route {
	return []route{
		{"GET /rounds", legacy(s.roundList)},
		{"GET /rounds/new", legacy(s.roundNewForm)},
		{"POST /rounds", legacy(s.roundCreate)},
		{"GET /rounds/{id}", legacy(s.roundShow)},
		{"POST /rounds/{id}/publish", legacy(s.roundPublish)},
		{"GET /rounds/{id}/stake", legacy(s.roundStakeForm)},
		{"POST /rounds/{id}/stake", legacy(s.roundStakeChange)},
		{"GET /rounds/{id}/stage", legacy(s.roundStageForm)},
		{"POST /rounds/{id}/stage", legacy(s.roundStageMove)},
		{"GET /rounds/{id}/close", legacy(s.roundCloseForm)},
		{"POST /rounds/{id}/close", legacy(s.roundClose)},

		{"GET /rounds/{id}/invitations/new", legacy(s.roundInviteForm)},
		{"POST /rounds/{id}/invitations", legacy(s.roundInviteCreate)},
		// Under /invite/ so the access log cuts the secret off and crawlers skip it.
		{"GET /invite/round/{token}", legacy(s.roundJoinForm)},
		{"POST /invite/round/{token}", legacy(s.roundJoin)},

		{"GET /rounds/{id}/members", legacy(s.memberList)},
		{"GET /rounds/{id}/members/new", legacy(s.memberNewForm)},
		{"POST /rounds/{id}/members", legacy(s.memberCreate)},
		{"GET /rounds/{id}/members/{mid}", legacy(s.memberShow)},
		{"POST /rounds/{id}/members/{mid}/consent", legacy(s.memberConsent)},

		{"GET /rounds/{id}/sessions", legacy(s.sessionList)},
		{"GET /rounds/{id}/sessions/new", legacy(s.sessionNewForm)},
		{"POST /rounds/{id}/sessions", legacy(s.sessionCreate)},
		{"GET /rounds/{id}/sessions/{sid}", legacy(s.sessionShow)},
		{"POST /rounds/{id}/sessions/{sid}/attendance", legacy(s.sessionAttendance)},
		{"POST /rounds/{id}/sessions/{sid}/payments", legacy(s.sessionPayment)},
		{"GET /rounds/{id}/payments.csv", legacy(s.paymentsCSV)},

		{"GET /rounds/{id}/stories", legacy(s.storyList)},
		{"GET /rounds/{id}/stories/new", legacy(s.storyNewForm)},
		{"POST /rounds/{id}/stories", legacy(s.storyCreate)},
		{"GET /rounds/{id}/stories/{sid}", legacy(s.storyShow)},
		{"GET /rounds/{id}/stories/{sid}/steps/new", legacy(s.stepNewForm)},
		{"POST /rounds/{id}/stories/{sid}/steps", legacy(s.stepCreate)},

		{"GET /rounds/{id}/factors", legacy(s.factorList)},
		{"GET /rounds/{id}/factors/new", legacy(s.factorNewForm)},
		{"POST /rounds/{id}/factors", legacy(s.factorCreate)},
		{"POST /rounds/{id}/factors/{fid}/me-too", legacy(s.factorMeToo)},

		{"GET /rounds/{id}/services", legacy(s.serviceList)},
		{"GET /rounds/{id}/services/new", legacy(s.serviceNewForm)},
		{"POST /rounds/{id}/services", legacy(s.serviceCreate)},
		{"GET /rounds/{id}/services/import", legacy(s.importForm)},
		{"POST /rounds/{id}/services/import", legacy(s.importPreview)},
		{"POST /rounds/{id}/services/import/confirm", legacy(s.importConfirm)},
		{"GET /rounds/{id}/services/{sid}", legacy(s.serviceShow)},
		{"GET /rounds/{id}/services/{sid}/feedback/new", legacy(s.feedbackNewForm)},
		{"POST /rounds/{id}/services/{sid}/feedback", legacy(s.feedbackCreate)},

		{"GET /rounds/{id}/vision", legacy(s.visionList)},
		{"GET /rounds/{id}/vision/new", legacy(s.statementNewForm)},
		{"POST /rounds/{id}/vision", legacy(s.statementCreate)},
		{"POST /rounds/{id}/vision/votes", legacy(s.votesCast)},
		{"POST /rounds/{id}/vision/voting", legacy(s.votingSet)},

		{"GET /rounds/{id}/themes", legacy(s.themeMap)},
		{"POST /rounds/{id}/themes", legacy(s.themeCreate)},
		{"POST /rounds/{id}/themes/tags", legacy(s.themeTag)},

		{"GET /rounds/{id}/evidence.json", legacy(s.evidenceJSON)},
		{"GET /rounds/{id}/evidence.csv", legacy(s.evidenceCSV)},
	}
}

// roundPages are the area's typed pages, for the template test (page_test.go).
var roundPages = []pageType{}
