package web

// tenderRoutes registers co-procurement: tenders in a round, the ITT with
// its stake check, bidding, clarifications, evaluation, moderation, the
// result, the award and the OCDS download.
func (s *Server) tenderRoutes() []route {
	return []route{
		{"GET /rounds/{id}/tenders", s.tenderList},
		{"POST /rounds/{id}/tenders", s.tenderCreate},
		{"GET /tenders", s.tenderOpenList},
		{"GET /tenders/{tid}", s.tenderShow},
		{"GET /tenders/{tid}/itt", s.tenderITTForm},
		{"POST /tenders/{tid}/itt", s.tenderITTSave},
		{"POST /tenders/{tid}/publish", s.tenderPublish},
		{"GET /tenders/{tid}/panels", s.tenderPanels},
		{"POST /tenders/{tid}/panels", s.tenderPanelAdd},

		{"GET /tenders/{tid}/bid", s.tenderBidForm},
		{"POST /tenders/{tid}/bid", s.tenderBidSave},
		{"POST /tenders/{tid}/bid/withdraw", s.tenderBidWithdraw},
		{"POST /tenders/{tid}/bid/attachments/{aid}/remove", s.tenderAttachmentRemove},
		{"GET /tenders/{tid}/bids/{bid}/attachments/{aid}", s.tenderAttachment},
		{"GET /tenders/{tid}/questions", s.tenderQuestions},
		{"POST /tenders/{tid}/questions", s.tenderAsk},
		{"POST /tenders/{tid}/questions/{qid}", s.tenderAnswer},

		{"GET /tenders/{tid}/conflicts", s.tenderConflicts},
		{"POST /tenders/{tid}/conflicts", s.tenderDeclare},
		{"POST /tenders/{tid}/conflicts/mitigate", s.tenderMitigate},
		{"GET /tenders/{tid}/score", s.tenderScoreList},
		{"POST /tenders/{tid}/score/submit", s.tenderScoreSubmit},
		{"GET /tenders/{tid}/score/{bid}", s.tenderScoreForm},
		{"POST /tenders/{tid}/score/{bid}", s.tenderScoreSave},
		{"GET /tenders/{tid}/guide", s.tenderGuide},
		{"GET /tenders/{tid}/moderation", s.tenderModeration},
		{"POST /tenders/{tid}/moderation/open", s.tenderModerationOpen},
		{"POST /tenders/{tid}/moderation/{bid}", s.tenderConsensus},

		{"GET /tenders/{tid}/result", s.tenderResult},
		{"GET /tenders/{tid}/result.json", s.tenderResultJSON},
		{"GET /tenders/{tid}/result/itt.json", s.tenderOfflineITT},
		{"GET /tenders/{tid}/result/scores.csv", s.tenderOfflineScores},
		{"GET /tenders/{tid}/award", s.tenderAwardForm},
		{"POST /tenders/{tid}/award", s.tenderAward},
		{"GET /tenders/{tid}/summaries", s.tenderSummaries},
		{"GET /tenders/{tid}/ocds.json", s.tenderOCDS},
	}
}

// tenderPages are the area's typed pages, for the template test (page_test.go).
var tenderPages = []pageType{tenderListPage, tenderOpenPage, tenderShowPage, tenderITTPage, tenderPanelsPage,
	tenderBidPage, tenderReceiptPage, tenderQuestionsPage,
	tenderConflictsPage, tenderScoreListPage, tenderScorePage, tenderGuidePage, tenderModerationPage,
	tenderResultPage, tenderSummariesPage, tenderAwardPage}
