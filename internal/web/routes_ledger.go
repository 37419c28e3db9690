package web

import "net/http"

// ledgerRoutes are the accountability ledger's pages: the public board and
// its exports (no sign-in), and the staff pages that record voice, respond
// to it, and let the group say whether it changed.
func (s *Server) ledgerRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /board", s.board)
	mux.HandleFunc("GET /board/items/{id}", s.boardItem)
	mux.HandleFunc("GET /board/items/{id}/easy-read", s.boardItemEasyRead)
	mux.HandleFunc("GET /board.json", s.boardJSON)
	mux.HandleFunc("GET /board.csv", s.boardCSV)
	mux.HandleFunc("GET /board/feed.atom", s.boardFeed)

	mux.HandleFunc("GET /ledger", s.ledgerDashboard)
	mux.HandleFunc("GET /ledger/items/new", s.ledgerNewForm)
	mux.HandleFunc("POST /ledger/items", s.ledgerCreate)
	mux.HandleFunc("GET /ledger/import", s.ledgerImportForm)
	mux.HandleFunc("POST /ledger/import", s.ledgerImportPreview)
	mux.HandleFunc("POST /ledger/import/confirm", s.ledgerImportConfirm)
	mux.HandleFunc("GET /ledger/items/{id}", s.ledgerItem)
	mux.HandleFunc("GET /ledger/items/{id}/commitment", s.ledgerCommitForm)
	mux.HandleFunc("POST /ledger/items/{id}/commitment", s.ledgerCommit)
	mux.HandleFunc("GET /ledger/items/{id}/status", s.ledgerStatusForm)
	mux.HandleFunc("POST /ledger/items/{id}/status", s.ledgerStatus)
	mux.HandleFunc("GET /ledger/items/{id}/actions/new", s.ledgerActionForm)
	mux.HandleFunc("POST /ledger/items/{id}/actions", s.ledgerAction)
	mux.HandleFunc("GET /ledger/items/{id}/evidence/new", s.ledgerEvidenceForm)
	mux.HandleFunc("POST /ledger/items/{id}/evidence", s.ledgerEvidence)
	mux.HandleFunc("GET /ledger/items/{id}/evidence/{eid}/file", s.ledgerEvidenceFile)
	mux.HandleFunc("GET /ledger/items/{id}/verdict", s.ledgerVerdictForm)
	mux.HandleFunc("POST /ledger/items/{id}/verdict", s.ledgerVerdict)
	mux.HandleFunc("POST /ledger/items/{id}/withdraw", s.ledgerWithdraw)
}
