package web

import "net/http"

// measureRoutes registers the measures area: a round's measures and their
// sign-off, service specifications and their versions, contracts with
// payment profiles, provider reporting, and the indicator chain.
func (s *Server) measureRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /rounds/{id}/measures", s.measureList)
	mux.HandleFunc("GET /rounds/{id}/measures/new", s.measureNewForm)
	mux.HandleFunc("POST /rounds/{id}/measures", s.measureCreate)
	mux.HandleFunc("GET /rounds/{id}/measures/{mid}", s.measureShow)
	mux.HandleFunc("POST /rounds/{id}/measures/{mid}/sign-off", s.measureSignOff)
	mux.HandleFunc("GET /rounds/{id}/chain", s.chainPage)

	mux.HandleFunc("GET /rounds/{id}/specs", s.specList)
	mux.HandleFunc("POST /rounds/{id}/specs", s.specCreate)
	mux.HandleFunc("GET /rounds/{id}/specs/{sid}", s.specShow)
	mux.HandleFunc("GET /rounds/{id}/specs/{sid}/versions/new", s.specVersionForm)
	mux.HandleFunc("POST /rounds/{id}/specs/{sid}/versions", s.specVersionCreate)
	mux.HandleFunc("GET /rounds/{id}/specs/{sid}/versions/{n}", s.specVersionShow)
	mux.HandleFunc("GET /rounds/{id}/specs/{sid}/versions/{n}/markdown", s.specVersionMarkdown)
	mux.HandleFunc("POST /rounds/{id}/specs/{sid}/versions/{n}/sign-off", s.specVersionSignOff)
	mux.HandleFunc("GET /rounds/{id}/specs/{sid}/compare", s.specCompare)

	mux.HandleFunc("GET /rounds/{id}/contracts", s.contractList)
	mux.HandleFunc("GET /rounds/{id}/contracts/new", s.contractNewForm)
	mux.HandleFunc("POST /rounds/{id}/contracts", s.contractCreate)
	mux.HandleFunc("GET /contracts", s.contractsMine)
	mux.HandleFunc("GET /contracts/{cid}", s.contractShow)
	mux.HandleFunc("GET /contracts/{cid}/profile", s.profileForm)
	mux.HandleFunc("POST /contracts/{cid}/profile", s.profileSave)
	mux.HandleFunc("GET /contracts/{cid}/report", s.reportForm)
	mux.HandleFunc("POST /contracts/{cid}/report", s.reportSave)
	mux.HandleFunc("POST /contracts/{cid}/report/csv", s.reportCSV)
	mux.HandleFunc("GET /contracts/{cid}/profile.json", s.profileJSON)
	mux.HandleFunc("GET /contracts/{cid}/reports.csv", s.reportsCSVExport)
}
