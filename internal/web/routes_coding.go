package web

import "github.com/coprod/coprod/internal/qda"

// codingRoutes are the qualitative coding pages (issue 18), the research
// area's second tool beside the conversation-analysis studies. They use the
// research study actions of the policy: a coding project, like a study,
// belongs to a research organisation and only its researchers (and
// admins) may see or change it. Which coder sees whose coding is decided
// by the store's blind rule, not here.
func (s *Server) codingRoutes() []route {
	return []route{
		{"GET /coding", s.codingList},
		{"GET /coding/new", s.codingNewForm},
		{"POST /coding", s.codingCreate},
		{"GET /coding/{project}", s.codingShow},
		{"GET /coding/{project}/sources/new", s.codingSourceForm},
		{"POST /coding/{project}/sources", s.heavy(s.codingSourceAdd)},
		{"GET /coding/{project}/sources/transcripts", s.codingTranscriptsForm},
		{"POST /coding/{project}/sources/transcripts", s.heavy(s.codingTranscriptAdd)},
		{"GET /coding/{project}/import", s.codingImportForm},
		{"POST /coding/{project}/import", s.heavy(s.codingImport)},
		{"GET /coding/{project}/sources/{source}", s.codingSource},
		{"POST /coding/{project}/sources/{source}", s.codingSave},
		{"POST /coding/{project}/sources/{source}/spans", s.codingSpanSave},
		{"GET /coding/{project}/sources/{source}/units/{unit}/memo", s.codingMemoForm},
		{"POST /coding/{project}/sources/{source}/units/{unit}/memo", s.codingMemoSave},
		{"POST /coding/{project}/coders", s.codingAddCoder},
		{"POST /coding/{project}/submit", s.codingSubmit},
		{"GET /coding/{project}/compare", s.codingCompare},
		{"POST /coding/{project}/decide", s.codingDecide},
		{"GET /coding/{project}/agreement.csv", s.codingAgreementCSV},
		{"GET /coding/{project}/segments", s.codingSegments},
		{"GET /coding/{project}/segments.csv", s.codingSegmentsCSV},
		{"GET /coding/{project}/tables", s.codingTables},
		{"GET /coding/{project}/export.qdpx", s.codingExport},

		// Research that feeds commissioning, from the project and from the
		// round it was offered to (handlers_coding_offers.go,
		// handlers_rounds_research.go).
		{"GET /coding/{project}/offers", s.codingOffers},
		{"GET /coding/{project}/segments/{segment}/offer", s.codingOfferForm},
		{"POST /coding/{project}/segments/{segment}/offer", s.codingOfferSave},
		{"GET /coding/{project}/sources/{source}/consent", s.codingConsentForm},
		{"POST /coding/{project}/sources/{source}/consent", s.codingConsentWithdraw},
		{"GET /rounds/{id}/research", s.roundResearch},
		{"POST /rounds/{id}/research/{offer}/ledger", s.roundResearchToLedger},

		// The codebook and memos on sources and codes
		// (handlers_coding_codebook.go, handlers_coding_memos.go).
		{"GET /coding/{project}/codebook", s.codingCodebook},
		{"GET /coding/{project}/codebook.qdc", s.codingCodebookQDC},
		{"POST /coding/{project}/codebook/preset", s.codingPresetAdd},
		{"GET /coding/{project}/codes/new", s.codingCodeForm},
		{"POST /coding/{project}/codes", s.codingCodeSave},
		{"GET /coding/{project}/codes/{code}", s.codingCodeForm},
		{"POST /coding/{project}/codes/{code}", s.codingCodeSave},
		{"POST /coding/{project}/codes/{code}/move", s.codingCodeMove},
		{"GET /coding/{project}/codes/{code}/memos", s.codingMemos(qda.MemoOnCode)},
		{"POST /coding/{project}/codes/{code}/memos", s.codingMemosSave(qda.MemoOnCode)},
		{"GET /coding/{project}/sources/{source}/memos", s.codingMemos(qda.MemoOnSource)},
		{"POST /coding/{project}/sources/{source}/memos", s.codingMemosSave(qda.MemoOnSource)},
	}
}

// codingFlash are this area's confirmations, shown after post/redirect/get.
var codingFlash = map[string]string{
	"coding-created":     "Coding project started, with the Social Practice Theory codebook.",
	"source-added":       "Source added and consent recorded.",
	"coder-added":        "The coder is added. They can start coding now.",
	"memo-saved":         "Your memo is saved with your coding.",
	"coding-saved":       "Your coding of these units is saved.",
	"span-coded":         "The selected words are coded.",
	"coding-decided":     "The agreed codes for that unit are saved.",
	"coding-submitted":   "Your coding is submitted. It can no longer change, and you can compare it with the other coders' once they submit theirs.",
	"segment-offered":    "The segment is offered to the round, under its theme.",
	"consent-withdrawn":  "Consent withdrawal recorded. Nothing from that source is shown to any round now.",
	"research-in-ledger": "The research is in the ledger as something people said.",
	"code-added":         "The code is added to the codebook.",
	"code-changed":       "The code is changed. Coding done with it keeps it.",
	"code-moved":         "The code is moved.",
	"preset-added":       "The life domains and the risk and protective factors are added to the codebook.",
	"memo-kept":          "Your memo is kept.",
}

// codingPages are the area's typed pages, for the template test (page_test.go).
var codingPages = []pageType{codingListPage, codingNewPage, codingShowPage, codingSourceNewPage, codingSourcePage, codingComparePage,
	codingSegmentsPage, codingTablesPage, codingImportPage, codingImportedPage, codingMemoPage,
	codingOffersPage, codingOfferPage, codingConsentPage, roundResearchPage, codingTranscriptsPage,
	codingCodebookPage, codingCodePage, codingMemosPage}
