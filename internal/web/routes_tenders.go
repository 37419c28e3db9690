package web

// tenderRoutes registers co-procurement: tenders in a round, the ITT with
// its stake check, bidding, clarifications, evaluation, moderation, the
// result, the award and the OCDS download.
func (s *Server) tenderRoutes() []route {
	return []route{
		{"GET /rounds/{id}/tenders", legacy(s.tenderList)},
		{"POST /rounds/{id}/tenders", legacy(s.tenderCreate)},
		{"GET /tenders", legacy(s.tenderOpenList)},
		{"GET /tenders/{tid}", legacy(s.tenderShow)},
		{"GET /tenders/{tid}/itt", legacy(s.tenderITTForm)},
		{"POST /tenders/{tid}/itt", legacy(s.tenderITTSave)},
		{"POST /tenders/{tid}/publish", legacy(s.tenderPublish)},
		{"GET /tenders/{tid}/panels", legacy(s.tenderPanels)},
		{"POST /tenders/{tid}/panels", legacy(s.tenderPanelAdd)},

		{"GET /tenders/{tid}/bid", legacy(s.tenderBidForm)},
		{"POST /tenders/{tid}/bid", legacy(s.tenderBidSave)},
		{"POST /tenders/{tid}/bid/withdraw", legacy(s.tenderBidWithdraw)},
		{"POST /tenders/{tid}/bid/attachments/{aid}/remove", legacy(s.tenderAttachmentRemove)},
		{"GET /tenders/{tid}/bids/{bid}/attachments/{aid}", legacy(s.tenderAttachment)},
		{"GET /tenders/{tid}/questions", legacy(s.tenderQuestions)},
		{"POST /tenders/{tid}/questions", legacy(s.tenderAsk)},
		{"POST /tenders/{tid}/questions/{qid}", legacy(s.tenderAnswer)},

		{"GET /tenders/{tid}/conflicts", legacy(s.tenderConflicts)},
		{"POST /tenders/{tid}/conflicts", legacy(s.tenderDeclare)},
		{"POST /tenders/{tid}/conflicts/mitigate", legacy(s.tenderMitigate)},
		{"GET /tenders/{tid}/score", legacy(s.tenderScoreList)},
		{"POST /tenders/{tid}/score/submit", legacy(s.tenderScoreSubmit)},
		{"GET /tenders/{tid}/score/{bid}", legacy(s.tenderScoreForm)},
		{"POST /tenders/{tid}/score/{bid}", legacy(s.tenderScoreSave)},
		{"GET /tenders/{tid}/guide", legacy(s.tenderGuide)},
		{"GET /tenders/{tid}/moderation", legacy(s.tenderModeration)},
		{"POST /tenders/{tid}/moderation/open", legacy(s.tenderModerationOpen)},
		{"POST /tenders/{tid}/moderation/{bid}", legacy(s.tenderConsensus)},

		{"GET /tenders/{tid}/result", legacy(s.tenderResult)},
		{"GET /tenders/{tid}/result.json", legacy(s.tenderResultJSON)},
		{"GET /tenders/{tid}/result/itt.json", legacy(s.tenderOfflineITT)},
		{"GET /tenders/{tid}/result/scores.csv", legacy(s.tenderOfflineScores)},
		{"GET /tenders/{tid}/award", legacy(s.tenderAwardForm)},
		{"POST /tenders/{tid}/award", legacy(s.tenderAward)},
		{"GET /tenders/{tid}/summaries", legacy(s.tenderSummaries)},
		{"GET /tenders/{tid}/ocds.json", legacy(s.tenderOCDS)},
	}
}

// tenderPages are the area's typed pages, for the template test (page_test.go).
var tenderPages = []pageType{}
