package web

import (
	"encoding/csv"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
)

// auditFilter reads the log's filters from the query string, with a field
// error for each date that does not parse.
func auditFilter(q url.Values) (audit.Filter, []apperr.FieldError) {
	f := audit.Filter{ActorID: q.Get("actor"), Action: q.Get("action"), ObjectType: q.Get("object_type"), ObjectID: q.Get("object_id"), Limit: 50}
	var errs []apperr.FieldError
	day := func(field string) time.Time {
		v := strings.TrimSpace(q.Get(field))
		if v == "" {
			return time.Time{}
		}
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			errs = append(errs, apperr.FieldError{Field: field, Message: "Enter the date as year-month-day, for example 2026-11-25"})
		}
		return t
	}
	f.Since = day("since")
	if until := day("until"); !until.IsZero() {
		f.Until = until.Add(24 * time.Hour) // the whole of the last day
	}
	if b, err := strconv.ParseInt(q.Get("before"), 10, 64); err == nil && b > 0 {
		f.BeforeSeq = b
	}
	return f, errs
}

type auditData struct {
	Events []audit.Event
	Next   url.Values
	CSV    url.Values
}

func (s *Server) adminAudit(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionViewAudit, auth.Object{}) {
		return
	}
	q := r.URL.Query()
	f, errs := auditFilter(q)
	var d auditData
	if len(errs) == 0 {
		evs, err := s.store.AuditEvents(r.Context(), f)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		d.Events = evs
		if len(evs) == f.Limit {
			next := cloneValues(q)
			next.Set("before", strconv.FormatInt(evs[len(evs)-1].Seq, 10))
			d.Next = next
		}
		d.CSV = cloneValues(q)
		d.CSV.Del("before")
	}
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "admin_audit", view{Title: "Audit log", Form: q, Errors: errs, Data: d})
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
func (s *Server) adminAuditCSV(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionViewAudit, auth.Object{}) {
		return
	}
	f, errs := auditFilter(r.URL.Query())
	if len(errs) > 0 {
		s.fail(w, r, apperr.Errorf(apperr.Invalid, "%s", errs[0].Message))
		return
	}
	f.Limit = 500
	download(w, "text/csv; charset=utf-8", "coprod-audit.csv")
	cw := csv.NewWriter(w)
	cw.Write([]string{"seq", "time", "actor_id", "action", "object_type", "object_id", "details", "prev_hash", "hash"})
	for {
		evs, err := s.store.AuditEvents(r.Context(), f)
		if err != nil {
			s.log.Error("audit export stopped", "err", err)
			return
		}
		for _, e := range evs {
			cw.Write([]string{strconv.FormatInt(e.Seq, 10), e.Time.Format(time.RFC3339Nano), e.ActorID, e.Action, e.ObjectType, e.ObjectID,
				detailsText(e.Details), e.PrevHash, e.Hash})
		}
		if len(evs) < f.Limit {
			break
		}
		f.BeforeSeq = evs[len(evs)-1].Seq
	}
	cw.Flush()
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
