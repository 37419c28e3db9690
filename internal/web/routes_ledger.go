package web

// ledgerRoutes are the accountability ledger's pages: the public board and
// its exports (no sign-in), and the staff pages that record voice, respond
// to it, and let the group say whether it changed.
func (s *Server) ledgerRoutes() []route {
	return []route{
		{"GET /ledger", legacy(s.ledgerDashboard)},
		{"GET /ledger/items/new", legacy(s.ledgerNewForm)},
		{"POST /ledger/items", legacy(s.ledgerCreate)},
		{"GET /ledger/import", legacy(s.ledgerImportForm)},
		{"POST /ledger/import", legacy(s.ledgerImportPreview)},
		{"POST /ledger/import/confirm", legacy(s.ledgerImportConfirm)},
		{"GET /ledger/items/{id}", legacy(s.ledgerItem)},
		{"GET /ledger/items/{id}/commitment", legacy(s.ledgerCommitForm)},
		{"POST /ledger/items/{id}/commitment", legacy(s.ledgerCommit)},
		{"GET /ledger/items/{id}/status", legacy(s.ledgerStatusForm)},
		{"POST /ledger/items/{id}/status", legacy(s.ledgerStatus)},
		{"GET /ledger/items/{id}/actions/new", legacy(s.ledgerActionForm)},
		{"POST /ledger/items/{id}/actions", legacy(s.ledgerAction)},
		{"GET /ledger/items/{id}/evidence/new", legacy(s.ledgerEvidenceForm)},
		{"POST /ledger/items/{id}/evidence", legacy(s.ledgerEvidence)},
		{"GET /ledger/items/{id}/evidence/{eid}/file", legacy(s.ledgerEvidenceFile)},
		{"GET /ledger/items/{id}/verdict", legacy(s.ledgerVerdictForm)},
		{"POST /ledger/items/{id}/verdict", legacy(s.ledgerVerdict)},
		{"POST /ledger/items/{id}/withdraw", legacy(s.ledgerWithdraw)},
	}
}

// ledgerPages are the area's typed pages, for the template test (page_test.go).
var ledgerPages = []pageType{}
