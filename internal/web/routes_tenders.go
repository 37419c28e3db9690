package web

import "net/http"

// tenderRoutes registers co-procurement: tenders in a round, the ITT with
// its stake check, bidding, clarifications, evaluation, moderation, the
// result, the award and the OCDS download.
func (s *Server) tenderRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /rounds/{id}/tenders", s.tenderList)
	mux.HandleFunc("POST /rounds/{id}/tenders", s.tenderCreate)
	mux.HandleFunc("GET /tenders", s.tenderOpenList)
	mux.HandleFunc("GET /tenders/{tid}", s.tenderShow)
	mux.HandleFunc("GET /tenders/{tid}/itt", s.tenderITTForm)
	mux.HandleFunc("POST /tenders/{tid}/itt", s.tenderITTSave)
	mux.HandleFunc("POST /tenders/{tid}/publish", s.tenderPublish)
	mux.HandleFunc("GET /tenders/{tid}/panels", s.tenderPanels)
	mux.HandleFunc("POST /tenders/{tid}/panels", s.tenderPanelAdd)

	mux.HandleFunc("GET /tenders/{tid}/bid", s.tenderBidForm)
	mux.HandleFunc("POST /tenders/{tid}/bid", s.tenderBidSave)
	mux.HandleFunc("POST /tenders/{tid}/bid/withdraw", s.tenderBidWithdraw)
	mux.HandleFunc("POST /tenders/{tid}/bid/attachments/{aid}/remove", s.tenderAttachmentRemove)
	mux.HandleFunc("GET /tenders/{tid}/bids/{bid}/attachments/{aid}", s.tenderAttachment)
	mux.HandleFunc("GET /tenders/{tid}/questions", s.tenderQuestions)
	mux.HandleFunc("POST /tenders/{tid}/questions", s.tenderAsk)
	mux.HandleFunc("POST /tenders/{tid}/questions/{qid}", s.tenderAnswer)

	mux.HandleFunc("GET /tenders/{tid}/conflicts", s.tenderConflicts)
	mux.HandleFunc("POST /tenders/{tid}/conflicts", s.tenderDeclare)
	mux.HandleFunc("POST /tenders/{tid}/conflicts/mitigate", s.tenderMitigate)
	mux.HandleFunc("GET /tenders/{tid}/score", s.tenderScoreList)
	mux.HandleFunc("POST /tenders/{tid}/score/submit", s.tenderScoreSubmit)
	mux.HandleFunc("GET /tenders/{tid}/score/{bid}", s.tenderScoreForm)
	mux.HandleFunc("POST /tenders/{tid}/score/{bid}", s.tenderScoreSave)
	mux.HandleFunc("GET /tenders/{tid}/guide", s.tenderGuide)
	mux.HandleFunc("GET /tenders/{tid}/moderation", s.tenderModeration)
	mux.HandleFunc("POST /tenders/{tid}/moderation/open", s.tenderModerationOpen)
	mux.HandleFunc("POST /tenders/{tid}/moderation/{bid}", s.tenderConsensus)

	mux.HandleFunc("GET /tenders/{tid}/result", s.tenderResult)
	mux.HandleFunc("GET /tenders/{tid}/result.json", s.tenderResultJSON)
	mux.HandleFunc("GET /tenders/{tid}/result/itt.json", s.tenderOfflineITT)
	mux.HandleFunc("GET /tenders/{tid}/result/scores.csv", s.tenderOfflineScores)
	mux.HandleFunc("GET /tenders/{tid}/award", s.tenderAwardForm)
	mux.HandleFunc("POST /tenders/{tid}/award", s.tenderAward)
	mux.HandleFunc("GET /tenders/{tid}/summaries", s.tenderSummaries)
	mux.HandleFunc("GET /tenders/{tid}/ocds.json", s.tenderOCDS)
}
