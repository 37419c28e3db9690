package web

import "net/http"

// roundRoutes registers the commissioning rounds area: rounds, the group,
// sessions, the evidence the group builds, and its exports.
func (s *Server) roundRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /rounds", s.roundList)
	mux.HandleFunc("GET /rounds/new", s.roundNewForm)
	mux.HandleFunc("POST /rounds", s.roundCreate)
	mux.HandleFunc("GET /rounds/{id}", s.roundShow)
	mux.HandleFunc("POST /rounds/{id}/publish", s.roundPublish)
	mux.HandleFunc("GET /rounds/{id}/stake", s.roundStakeForm)
	mux.HandleFunc("POST /rounds/{id}/stake", s.roundStakeChange)
	mux.HandleFunc("GET /rounds/{id}/stage", s.roundStageForm)
	mux.HandleFunc("POST /rounds/{id}/stage", s.roundStageMove)
	mux.HandleFunc("GET /rounds/{id}/close", s.roundCloseForm)
	mux.HandleFunc("POST /rounds/{id}/close", s.roundClose)

	mux.HandleFunc("GET /rounds/{id}/invitations/new", s.roundInviteForm)
	mux.HandleFunc("POST /rounds/{id}/invitations", s.roundInviteCreate)
	// Under /invite/ so the access log cuts the secret off and crawlers skip it.
	mux.HandleFunc("GET /invite/round/{token}", s.roundJoinForm)
	mux.HandleFunc("POST /invite/round/{token}", s.roundJoin)

	mux.HandleFunc("GET /rounds/{id}/members", s.memberList)
	mux.HandleFunc("GET /rounds/{id}/members/new", s.memberNewForm)
	mux.HandleFunc("POST /rounds/{id}/members", s.memberCreate)
	mux.HandleFunc("GET /rounds/{id}/members/{mid}", s.memberShow)
	mux.HandleFunc("POST /rounds/{id}/members/{mid}/consent", s.memberConsent)

	mux.HandleFunc("GET /rounds/{id}/sessions", s.sessionList)
	mux.HandleFunc("GET /rounds/{id}/sessions/new", s.sessionNewForm)
	mux.HandleFunc("POST /rounds/{id}/sessions", s.sessionCreate)
	mux.HandleFunc("GET /rounds/{id}/sessions/{sid}", s.sessionShow)
	mux.HandleFunc("POST /rounds/{id}/sessions/{sid}/attendance", s.sessionAttendance)
	mux.HandleFunc("POST /rounds/{id}/sessions/{sid}/payments", s.sessionPayment)
	mux.HandleFunc("GET /rounds/{id}/payments.csv", s.paymentsCSV)

	mux.HandleFunc("GET /rounds/{id}/stories", s.storyList)
	mux.HandleFunc("GET /rounds/{id}/stories/new", s.storyNewForm)
	mux.HandleFunc("POST /rounds/{id}/stories", s.storyCreate)
	mux.HandleFunc("GET /rounds/{id}/stories/{sid}", s.storyShow)
	mux.HandleFunc("GET /rounds/{id}/stories/{sid}/steps/new", s.stepNewForm)
	mux.HandleFunc("POST /rounds/{id}/stories/{sid}/steps", s.stepCreate)

	mux.HandleFunc("GET /rounds/{id}/factors", s.factorList)
	mux.HandleFunc("GET /rounds/{id}/factors/new", s.factorNewForm)
	mux.HandleFunc("POST /rounds/{id}/factors", s.factorCreate)
	mux.HandleFunc("POST /rounds/{id}/factors/{fid}/me-too", s.factorMeToo)

	mux.HandleFunc("GET /rounds/{id}/services", s.serviceList)
	mux.HandleFunc("GET /rounds/{id}/services/new", s.serviceNewForm)
	mux.HandleFunc("POST /rounds/{id}/services", s.serviceCreate)
	mux.HandleFunc("GET /rounds/{id}/services/import", s.importForm)
	mux.HandleFunc("POST /rounds/{id}/services/import", s.importPreview)
	mux.HandleFunc("POST /rounds/{id}/services/import/confirm", s.importConfirm)
	mux.HandleFunc("GET /rounds/{id}/services/{sid}", s.serviceShow)
	mux.HandleFunc("GET /rounds/{id}/services/{sid}/feedback/new", s.feedbackNewForm)
	mux.HandleFunc("POST /rounds/{id}/services/{sid}/feedback", s.feedbackCreate)

	mux.HandleFunc("GET /rounds/{id}/vision", s.visionList)
	mux.HandleFunc("GET /rounds/{id}/vision/new", s.statementNewForm)
	mux.HandleFunc("POST /rounds/{id}/vision", s.statementCreate)
	mux.HandleFunc("POST /rounds/{id}/vision/votes", s.votesCast)
	mux.HandleFunc("POST /rounds/{id}/vision/voting", s.votingSet)

	mux.HandleFunc("GET /rounds/{id}/themes", s.themeMap)
	mux.HandleFunc("POST /rounds/{id}/themes", s.themeCreate)
	mux.HandleFunc("POST /rounds/{id}/themes/tags", s.themeTag)

	mux.HandleFunc("GET /rounds/{id}/evidence.json", s.evidenceJSON)
	mux.HandleFunc("GET /rounds/{id}/evidence.csv", s.evidenceCSV)
}
