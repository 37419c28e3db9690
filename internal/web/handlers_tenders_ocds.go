package web

import (
	"encoding/json"
	"net/http"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/tender"
)

// tenderOCDS downloads the tender's OCDS 1.1 release package, built by the
// same code as "coprod export ocds --tender ID" (tender.OCDSPackage), for
// the round's commissioners to publish.
func (s *Server) tenderOCDS(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionExportTenders)
	if err != nil {
		return err
	}
	p, err := tender.OCDSPackage(r.Context(), s.store, []tender.Tender{*t}, tender.DefaultOCIDPrefix,
		s.baseURL(r)+"/tenders/"+t.ID+"/ocds.json", s.cfg.Now())
	if err != nil {
		return err
	}
	download(w, "application/json; charset=utf-8", "ocds-"+t.ID+".json")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(p) // the headers are sent: a failed write means the reader has gone
	return nil
}
