package web

// ledgerRoutes are the accountability ledger's staff pages: they record
// voice, respond to it, and let the group say whether it changed. The
// public board has its own table (routes_board.go).
func (s *Server) ledgerRoutes() []route {
	return []route{
		{"GET /ledger", s.ledgerDashboard},
		{"GET /ledger/items/new", s.ledgerNewForm},
		{"POST /ledger/items", s.ledgerCreate},
		{"GET /ledger/import", s.ledgerImportForm},
		{"POST /ledger/import", s.heavy(s.ledgerImportPreview)},
		{"POST /ledger/import/confirm", s.ledgerImportConfirm},
		{"GET /ledger/items/{id}", s.ledgerItem},
		{"GET /ledger/items/{id}/commitment", s.ledgerCommitForm},
		{"POST /ledger/items/{id}/commitment", s.ledgerCommit},
		{"GET /ledger/items/{id}/status", s.ledgerStatusForm},
		{"POST /ledger/items/{id}/status", s.ledgerStatus},
		{"GET /ledger/items/{id}/actions/new", s.ledgerActionForm},
		{"POST /ledger/items/{id}/actions", s.ledgerAction},
		{"GET /ledger/items/{id}/evidence/new", s.ledgerEvidenceForm},
		{"POST /ledger/items/{id}/evidence", s.ledgerEvidence},
		{"GET /ledger/items/{id}/evidence/{eid}/file", s.ledgerEvidenceFile},
		{"GET /ledger/items/{id}/verdict", s.ledgerVerdictForm},
		{"POST /ledger/items/{id}/verdict", s.ledgerVerdict},
		{"POST /ledger/items/{id}/withdraw", s.ledgerWithdraw},
	}
}

// ledgerPages are the area's typed pages, for the template test (page_test.go).
var ledgerPages = []pageType{ledgerDashboardPage, ledgerNewPage, ledgerItemPage, ledgerImportPage, ledgerImportPreviewPage,
	ledgerCommitPage, ledgerStatusPage, ledgerActionPage, ledgerEvidencePage, ledgerVerdictPage}
