package web

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/csvcell"
)

var adminAuditPage = page[auditData]{"admin_audit"}

type auditData struct {
	Events []audit.Event
	Next   url.Values
	CSV    url.Values
}

func (s *Server) adminAudit(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewAudit, auth.Object{}); err != nil {
		return err
	}
	q := r.URL.Query()
	v := view{Title: "Audit log", Form: q}
	f, errs := auditFilter(q)
	if len(errs) > 0 {
		v.Errors = errs
		return adminAuditPage.show(s, w, r, http.StatusUnprocessableEntity, v, auditData{})
	}
	evs, err := s.store.AuditEvents(r.Context(), f)
	if err != nil {
		return err
	}
	d := auditData{Events: evs, CSV: cloneValues(q)}
	d.CSV.Del("before")
	if len(evs) == f.Limit {
		d.Next = cloneValues(q)
		d.Next.Set("before", strconv.FormatInt(evs[len(evs)-1].Seq, 10))
	}
	return adminAuditPage.show(s, w, r, http.StatusOK, v, d)
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// adminAuditCSV exports every event matching the filters, newest first,
// streamed a page at a time.
func (s *Server) adminAuditCSV(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewAudit, auth.Object{}); err != nil {
		return err
	}
	f, errs := auditFilter(r.URL.Query())
	if len(errs) > 0 {
		return apperr.Errorf(apperr.Invalid, "%s", errs[0].Message)
	}
	f.Limit = 500
	evs, err := s.store.AuditEvents(r.Context(), f)
	if err != nil {
		return err
	}
	download(w, "text/csv; charset=utf-8", "coprod-audit.csv")
	cw := csvcell.NewWriter(w)
	cw.Write([]string{"seq", "time", "actor_id", "action", "object_type", "object_id", "details", "prev_hash", "hash"})
	for {
		for _, e := range evs {
			cw.Write([]string{strconv.FormatInt(e.Seq, 10), e.Time.Format(time.RFC3339Nano), e.ActorID, e.Action, e.ObjectType, e.ObjectID,
				detailsText(e.Details), e.PrevHash, e.Hash})
		}
		if len(evs) < f.Limit {
			break
		}
		f.BeforeSeq = evs[len(evs)-1].Seq
		if evs, err = s.store.AuditEvents(r.Context(), f); err != nil {
			// The file has begun, so it cannot become an error page now.
			s.log.Error("audit export stopped", "err", err)
			return nil
		}
	}
	cw.Flush()
	return nil
}

// detailsText renders details as "key=value; …" sorted by key, for people.
func detailsText(d map[string]string) string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + d[k]
	}
	return strings.Join(parts, "; ")
}
