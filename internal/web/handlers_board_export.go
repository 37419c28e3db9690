package web

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/csvcell"
	"github.com/coprod/coprod/internal/ledger"
)

// boardRecord is one item in the open data: nothing personal, by design —
// only the group name someone agreed to be shown by, and organisations.
type boardRecord struct {
	ID             string           `json:"id"`
	URL            string           `json:"url"`
	Said           string           `json:"said"`
	EasyRead       string           `json:"easy_read,omitempty"`
	SaidOn         string           `json:"said_on"`
	SaidBy         string           `json:"said_by"`
	Source         string           `json:"source"`
	Round          *boardRef        `json:"round"`
	Organisations  []boardRef       `json:"organisations"`
	Themes         []string         `json:"themes"`
	Status         string           `json:"status"`
	NotDoingReason string           `json:"not_doing_reason,omitempty"`
	Commitment     *boardCommitment `json:"commitment"`
	DoneOn         string           `json:"done_on,omitempty"`
	EvidenceCount  int              `json:"evidence_count"`
	Flags          []ledger.Flag    `json:"flags"`
	Verdict        *string          `json:"verdict"`
	VerdictCount   int              `json:"verdict_count"`
	Updated        time.Time        `json:"updated"`
}

type boardRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type boardCommitment struct {
	Owner       string `json:"owner_organisation"`
	What        string `json:"what"`
	DueOn       string `json:"due_on"`
	CommittedOn string `json:"committed_on"`
	Indicator   string `json:"indicator,omitempty"`
}

func (s *Server) boardRecord(base string, it flaggedItem) boardRecord {
	rec := boardRecord{ID: it.ID, URL: base + "/board/items/" + it.ID, Said: it.Said, EasyRead: it.EasyRead, SaidOn: it.SaidOn,
		SaidBy: it.SaidBy, Source: string(it.Source), Themes: it.Themes, Status: string(it.Status), NotDoingReason: it.NotDoingReason,
		DoneOn: it.DoneOn, EvidenceCount: it.EvidenceCount, Flags: it.Flags, VerdictCount: it.VerdictCount, Updated: it.UpdatedAt,
		Organisations: []boardRef{}}
	if rec.Themes == nil {
		rec.Themes = []string{}
	}
	if rec.Flags == nil {
		rec.Flags = []ledger.Flag{}
	}
	if it.RoundID != "" {
		rec.Round = &boardRef{ID: it.RoundID, Name: it.RoundTitle}
	}
	for _, o := range it.Orgs {
		rec.Organisations = append(rec.Organisations, boardRef{ID: o.ID, Name: o.Name})
	}
	if c := it.Commitment; c != nil {
		rec.Commitment = &boardCommitment{Owner: c.OwnerOrgName, What: c.What, DueOn: c.DueOn, CommittedOn: c.CommittedOn, Indicator: c.Indicator}
	}
	if it.Verdict != "" {
		v := string(it.Verdict)
		rec.Verdict = &v
	}
	return rec
}

// boardJSON is the board as open data: one page of items (up to 200) with
// the same filters as the page, the address of the next page, and the
// figures.
func (s *Server) boardJSON(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewBoard, auth.Object{}); err != nil {
		return err
	}
	return s.cachedBoard(w, r, boardJSONView, s.boardJSONPage)
}

// boardJSONPage answers its own errors in JSON, as open-data clients
// expect, rather than as an HTML page.
func (s *Server) boardJSONPage(w http.ResponseWriter, r *http.Request) error {
	ctx, q := r.Context(), r.URL.Query()
	bq := boardQuery(q)
	bq.Limit, _ = strconv.Atoi(q.Get("limit"))
	page, err := s.store.BoardItems(ctx, bq)
	if err != nil {
		s.jsonError(w, r, err)
		return nil
	}
	all, orgs, rounds, err := s.store.BoardStats(ctx)
	if err != nil {
		s.jsonError(w, r, err)
		return nil
	}
	base := s.baseURL(r)
	out := struct {
		Items []boardRecord `json:"items"`
		Next  *string       `json:"next"`
		Stats jsonStats     `json:"stats"`
		ByOrg []jsonStats   `json:"by_organisation"`
		ByRnd []jsonStats   `json:"by_round"`
		Flags []jsonFlag    `json:"flags"`
	}{Items: []boardRecord{}, Stats: statsJSON(ledger.ScopeStats{Kind: "all", Stats: all})}
	for _, it := range s.flagged(page.Items) {
		out.Items = append(out.Items, s.boardRecord(base, it))
	}
	if next := boardNext(q, page.Next); next != nil {
		if l := q.Get("limit"); l != "" {
			next.Set("limit", l)
		}
		u := base + "/board.json?" + next.Encode()
		out.Next = &u
	}
	for _, o := range orgs {
		out.ByOrg = append(out.ByOrg, statsJSON(o))
	}
	for _, rd := range rounds {
		out.ByRnd = append(out.ByRnd, statsJSON(rd))
	}
	for _, f := range ledger.AllFlags {
		out.Flags = append(out.Flags, jsonFlag{f, f.Label(), f.Explanation()})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*") // open data
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		s.log.Error("writing the board's JSON", "err", err)
		dropFromCache(w)
	}
	return nil
}

type jsonFlag struct {
	Flag        ledger.Flag `json:"flag"`
	Label       string      `json:"label"`
	Explanation string      `json:"explanation"`
}

// jsonStats are one scope's figures; a rate is null with nothing to divide.
type jsonStats struct {
	ID                 string   `json:"id,omitempty"`
	Name               string   `json:"name,omitempty"`
	Items              int      `json:"items"`
	Committed          int      `json:"committed"`
	Done               int      `json:"done"`
	DoneWithEvidence   int      `json:"done_with_evidence"`
	Judged             int      `json:"judged"`
	Changed            int      `json:"judged_changed"`
	CommitmentRate     *float64 `json:"commitment_rate"`
	EvidenceRate       *float64 `json:"done_with_evidence_rate"`
	ChangedRate        *float64 `json:"judged_changed_rate"`
	MedianDaysToCommit *float64 `json:"median_days_to_commitment"`
	MedianDaysToDone   *float64 `json:"median_days_to_done"`
}

func statsJSON(sc ledger.ScopeStats) jsonStats {
	st := sc.Stats
	rate := func(r ledger.Rate) *float64 {
		if r.Whole == 0 {
			return nil
		}
		f := float64(r.Part) / float64(r.Whole)
		return &f
	}
	median := func(m ledger.Median) *float64 {
		if !m.OK {
			return nil
		}
		f := m.Days()
		return &f
	}
	return jsonStats{ID: sc.ID, Name: sc.Name, Items: st.Items, Committed: st.Committed, Done: st.Done, DoneWithEvidence: st.DoneWithEvidence,
		Judged: st.Judged, Changed: st.Changed, CommitmentRate: rate(st.CommitmentRate()), EvidenceRate: rate(st.EvidenceRate()),
		ChangedRate: rate(st.ChangedRate()), MedianDaysToCommit: median(st.MedianDaysToCommit()), MedianDaysToDone: median(st.MedianDaysToDone())}
}

func (s *Server) jsonError(w http.ResponseWriter, r *http.Request, err error) {
	code := statusFor[apperr.Code(err)]
	if code == http.StatusInternalServerError {
		s.log.Error("internal error", "path", r.URL.Path, "err", err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": apperr.Message(err)})
}

// boardCSVColumns are the spreadsheet's columns.
var boardCSVColumns = []string{"id", "url", "said", "said_on", "said_by", "source", "round", "organisations", "themes", "status",
	"not_doing_reason", "commitment", "owner_organisation", "due_on", "committed_on", "done_on", "evidence_count", "flags", "verdict", "verdict_count"}

// boardCSV streams every item matching the filters, a page at a time, so
// the export of a large board never sits in memory.
func (s *Server) boardCSV(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewBoard, auth.Object{}); err != nil {
		return err
	}
	return s.cachedBoard(w, r, boardCSVView, s.boardCSVFile)
}

func (s *Server) boardCSVFile(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	bq := boardQuery(r.URL.Query())
	bq.Limit = 200
	page, err := s.store.BoardItems(ctx, bq)
	if err != nil {
		return err
	}
	download(w, "text/csv; charset=utf-8", "coprod-board.csv")
	cw := csvcell.NewWriter(w)
	cw.Write(boardCSVColumns)
	base := s.baseURL(r)
	for {
		for _, it := range s.flagged(page.Items) {
			rec := s.boardRecord(base, it)
			var orgs, flags []string
			for _, o := range rec.Organisations {
				orgs = append(orgs, o.Name)
			}
			for _, f := range rec.Flags {
				flags = append(flags, string(f))
			}
			row := []string{rec.ID, rec.URL, rec.Said, rec.SaidOn, rec.SaidBy, rec.Source, "", strings.Join(orgs, "; "),
				strings.Join(rec.Themes, "; "), rec.Status, rec.NotDoingReason, "", "", "", "", rec.DoneOn,
				strconv.Itoa(rec.EvidenceCount), strings.Join(flags, " "), "", strconv.Itoa(rec.VerdictCount)}
			if rec.Round != nil {
				row[6] = rec.Round.Name
			}
			if c := rec.Commitment; c != nil {
				row[11], row[12], row[13], row[14] = c.What, c.Owner, c.DueOn, c.CommittedOn
			}
			if rec.Verdict != nil {
				row[18] = *rec.Verdict
			}
			cw.Write(row)
		}
		if page.Next == "" {
			break
		}
		bq.After = page.Next
		if page, err = s.store.BoardItems(ctx, bq); err != nil {
			s.log.Error("board CSV cut short", "err", err)
			dropFromCache(w)
			break
		}
	}
	cw.Flush()
	return nil
}

// The Atom feed (RFC 4287) of the most recently changed items.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	Title   string    `xml:"title"`
	ID      string    `xml:"id"`
	Updated string    `xml:"updated"`
	Link    atomLink  `xml:"link"`
	Summary atomText  `xml:"summary"`
	Cats    []atomCat `xml:"category"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomCat struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

func (s *Server) boardFeed(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewBoard, auth.Object{}); err != nil {
		return err
	}
	return s.cachedBoard(w, r, boardFeedView, s.boardFeedFile)
}

func (s *Server) boardFeedFile(w http.ResponseWriter, r *http.Request) error {
	items, err := s.store.RecentlyUpdated(r.Context(), 50)
	if err != nil {
		return err
	}
	base := s.baseURL(r)
	f := atomFeed{Title: "Coprod: you said, we did, did it change?", ID: base + "/board", Author: atomPerson{"Coprod"},
		Updated: s.cfg.Now().UTC().Format(time.RFC3339),
		Links:   []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + "/board/feed.atom"}, {Rel: "alternate", Type: "text/html", Href: base + "/board"}}}
	if len(items) > 0 {
		f.Updated = items[0].UpdatedAt.UTC().Format(time.RFC3339)
	}
	if e, ok, err := s.checkpointEntry(r, base); err != nil {
		return err
	} else if ok {
		f.Entries = append(f.Entries, e)
	}
	for _, it := range s.flagged(items) {
		title := it.Said
		if r := []rune(title); len(r) > 80 {
			title = string(r[:79]) + "…"
		}
		summary := "Said: " + it.Said + "\nStatus: " + it.Status.Label()
		if it.Commitment != nil {
			summary += "\nPromised by " + it.Commitment.OwnerOrgName + ": " + it.Commitment.What + " (due " + it.Commitment.DueOn + ")"
		}
		summary += "\nDid it change? " + verdictText(it.Verdict)
		e := atomEntry{Title: it.Status.Label() + ": " + title, ID: base + "/board/items/" + it.ID, Updated: it.UpdatedAt.UTC().Format(time.RFC3339),
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: base + "/board/items/" + it.ID}, Summary: atomText{"text", summary}}
		e.Cats = append(e.Cats, atomCat{Term: "status:" + string(it.Status), Label: it.Status.Label()})
		for _, fl := range it.Flags {
			e.Cats = append(e.Cats, atomCat{Term: "flag:" + string(fl), Label: fl.Label()})
		}
		f.Entries = append(f.Entries, e)
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		s.log.Error("writing the feed", "err", err)
		dropFromCache(w)
	}
	return nil
}

func verdictText(v ledger.Verdict) string {
	if v == "" {
		return "No verdict yet"
	}
	return v.Label()
}
