package web

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

// boardCheckpoint publishes the head of the audit log, signed with the
// operator's key (audit.Checkpoint). Anyone can keep the file and later run
// `coprod audit verify --checkpoint FILE` (or ask someone who can) to see
// that the record was not cut short or rewritten after it.
func (s *Server) boardCheckpoint(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewBoard, auth.Object{}); err != nil {
		return err
	}
	cp, err := s.store.AuditCheckpoint(r.Context())
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `inline; filename="coprod-checkpoint.json"`)
	w.Header().Set("Cache-Control", "no-cache")
	out, err := json.MarshalIndent(cp, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(out, '\n'))
	return err
}

// checkpointEntry is the feed's entry for the signed head of the log, so a
// feed reader keeps a checkpoint with every update; ok is false when the
// operator has set no audit key.
func (s *Server) checkpointEntry(r *http.Request, base string) (atomEntry, bool, error) {
	cp, err := s.store.AuditCheckpoint(r.Context())
	if apperr.Code(err) == apperr.NotFound {
		return atomEntry{}, false, nil
	}
	if err != nil {
		return atomEntry{}, false, err
	}
	js, err := json.MarshalIndent(cp, "", "  ")
	if err != nil {
		return atomEntry{}, false, err
	}
	seq := strconv.FormatInt(cp.Seq, 10)
	return atomEntry{Title: "Signed checkpoint of the record at event " + seq, ID: base + "/board/checkpoint/" + seq,
		Updated: cp.Time.UTC().Format(time.RFC3339),
		Link:    atomLink{Rel: "alternate", Type: "application/json", Href: base + "/board/checkpoint.json"},
		Summary: atomText{"text", string(js)}}, true, nil
}
