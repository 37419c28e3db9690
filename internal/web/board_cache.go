package web

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
)

// The public board meets bursts (a council meeting, a news story), and
// every page of it costs several queries and a template. So each page is
// rendered once per state of the database and kept, with a compressed
// copy, until something changes. "Something changed" is the audit head
// (store.AuditHead): every change appends an audit event in its own
// transaction, so the head moves with every write the board shows, on
// every instance sharing the database. A kept page serves a request only
// if it was rendered from a head no older than the one the request read;
// and since flags (overdue, waiting for a verdict) change with the date,
// only on the day it was rendered. Entity tags are hashes of the bytes,
// so they stay strong even where two renders of one head could differ.

// defaultBoardCacheBytes bounds the memory kept pages use, all together.
const defaultBoardCacheBytes = 32 << 20

// boardPages are the kept pages and the marker that says when they are out
// of date.
type boardPages struct {
	cache  *boardCache
	marker *markerReader
}

func newBoardPages(cfg Config) *boardPages {
	return &boardPages{cache: newBoardCache(cfg.BoardCacheBytes), marker: &markerReader{read: cfg.Store.AuditHead}}
}

// boardView says how one of the board's addresses is kept.
type boardView struct {
	// params are the query parameters the page reads; the others are
	// dropped before it is rendered, so they neither change the page nor
	// make new entries.
	params []string
	// personal pages show who is signed in: only the anonymous page is kept.
	personal bool
	// absolute pages write full links, so the scheme and host are part of the key.
	absolute bool
	// hourly pages change with the clock as well as with writes (a
	// referral waiting for first contact passes its time standard at any
	// hour), so the UK hour is part of the key: a kept copy lasts an hour
	// at most.
	hourly bool
}

var (
	boardFilters    = []string{"theme", "org", "round", "status", "flag"}
	boardListView   = boardView{params: slices.Concat(boardFilters, []string{"after", "done"}), personal: true}
	boardJSONView   = boardView{params: slices.Concat(boardFilters, []string{"after", "limit"}), absolute: true}
	boardCSVView    = boardView{params: boardFilters, absolute: true}
	boardFeedView   = boardView{absolute: true}
	boardItemView   = boardView{params: []string{"done"}, personal: true}
	boardRoundsView = boardView{personal: true}
)

// normalised keeps the parameters the page reads, their first values only,
// empty ones dropped, in a fixed order.
func (v boardView) normalised(q url.Values) string {
	n := url.Values{}
	for _, k := range v.params {
		if x := q.Get(k); x != "" {
			n.Set(k, x)
		}
	}
	return n.Encode()
}

// cachedBoard serves one of the board's pages from the cache, rendering it
// with render when the kept copy is missing or out of date. render writes
// the page, or returns an error and writes nothing; only a whole 200 is
// kept, and a render's error is returned to serve.
func (s *Server) cachedBoard(w http.ResponseWriter, r *http.Request, v boardView, render handler) error {
	if v.personal && principal(r).SignedIn() {
		return render(w, r)
	}
	marker, err := s.boards.marker.marker(r.Context())
	if r.Context().Err() != nil { // the reader left
		return nil
	}
	if err != nil {
		s.log.Error("reading the board's change marker", "err", err)
		return render(w, r)
	}
	query := v.normalised(r.URL.Query())
	key := r.URL.Path + "?" + query
	if v.absolute {
		key += " " + s.baseURL(r)
	}
	if v.hourly {
		key += " " + s.cfg.Now().In(round.London).Format("15")
	}
	// The page is rendered from the key alone: the address as normalised.
	u := *r.URL
	u.RawQuery = query
	r = r.WithContext(r.Context())
	r.URL = &u
	e, mine := s.boards.cache.claim(key, boardVersion{marker, ledger.Today(s.cfg.Now())})
	if mine {
		rec, page, err := s.boards.cache.render(w, r, e, render)
		if err != nil {
			return err
		}
		if page == nil {
			if !rec.spilled {
				rec.replay()
			}
			return nil
		}
	} else {
		select {
		case <-e.ready:
		case <-r.Context().Done():
			return nil
		}
		if e.page == nil { // the render was not kept: render for this request alone
			return render(w, r)
		}
	}
	e.page.serve(w, r)
	return nil
}

// boardVersion is what a kept page was rendered from.
type boardVersion struct {
	marker int64
	day    string
}

// covers reports whether a page rendered at v may answer a request that
// read the marker want: rendered no earlier, on the same day.
func (v boardVersion) covers(want boardVersion) bool {
	return v.day == want.day && v.marker >= want.marker
}

// keptPage is a rendered page ready to send again.
type keptPage struct {
	header      http.Header
	body, gz    []byte // gz is nil when compression does not make it smaller
	etag, gzTag string
}

func keep(rec *pageRecorder) *keptPage {
	p := &keptPage{header: rec.header.Clone(), body: bytes.Clone(rec.body.Bytes())}
	p.header.Del("Cache-Control") // pages set no-store; kept ones say how to revalidate
	p.etag = strongTag(p.body)
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(p.body)
	zw.Close()
	if gz.Len() < len(p.body) {
		p.gz, p.gzTag = gz.Bytes(), strongTag(gz.Bytes())
	}
	return p
}

// strongTag is an entity tag from the bytes themselves, so instances that
// render the same page give it the same tag, and different bytes never
// share one.
func strongTag(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

func (p *keptPage) size() int { return len(p.body) + len(p.gz) }

// serve answers a request from the kept page: 304 when the client holds
// it already, compressed when the client accepts gzip.
func (p *keptPage) serve(w http.ResponseWriter, r *http.Request) {
	body, tag := p.body, p.etag
	zip := p.gz != nil && acceptsGzip(r.Header.Get("Accept-Encoding"))
	if zip {
		body, tag = p.gz, p.gzTag
	}
	h := w.Header()
	for k, v := range p.header {
		h[k] = v
	}
	h.Set("ETag", tag)
	h.Set("Cache-Control", "no-cache") // keep it, but ask each time whether it changed
	h.Add("Vary", "Accept-Encoding")
	if tagMatches(r.Header.Get("If-None-Match"), tag) {
		h.Del("Content-Type")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if zip {
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

// tagMatches applies If-None-Match: any listed tag equal to ours, weak or
// not (RFC 9110 compares weakly here), or "*".
func tagMatches(header, tag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == tag {
			return true
		}
	}
	return false
}

// acceptsGzip reads Accept-Encoding: gzip named, or "*", with a weight
// above zero; a gzip entry of its own overrides "*".
func acceptsGzip(header string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "*" {
			continue
		}
		ok := true
		for _, p := range strings.Split(params, ";") {
			if k, q, found := strings.Cut(strings.TrimSpace(p), "="); found && strings.EqualFold(k, "q") {
				w, err := strconv.ParseFloat(strings.TrimSpace(q), 64)
				ok = err == nil && w > 0
			}
		}
		if coding == "gzip" {
			return ok
		}
		star = ok
	}
	return star
}

// boardCache keeps rendered pages by key, least recently used first out
// once their bytes pass the bound. Each entry is rendered by one request;
// the others asking for the same page meanwhile wait for it.
type boardCache struct {
	maxBytes int

	mu      sync.Mutex
	bytes   int
	entries map[string]*list.Element // of *boardEntry
	lru     list.List                // most recently used at the front
}

type boardEntry struct {
	key     string
	version boardVersion
	ready   chan struct{} // closed once rendered
	page    *keptPage     // nil if the render was not kept
}

func newBoardCache(maxBytes int) *boardCache {
	if maxBytes <= 0 {
		maxBytes = defaultBoardCacheBytes
	}
	return &boardCache{maxBytes: maxBytes, entries: map[string]*list.Element{}}
}

// entryLimit is the largest page kept: an eighth of the whole, so one
// export cannot push out everything else.
func (c *boardCache) entryLimit() int { return c.maxBytes / 8 }

// claim returns the entry for key that covers want, and whether the caller
// must render it (then call fill); otherwise the caller waits for ready.
func (c *boardCache) claim(key string, want boardVersion) (*boardEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok {
		e := el.Value.(*boardEntry)
		if e.version.covers(want) {
			c.lru.MoveToFront(el)
			return e, false
		}
		c.remove(el)
	}
	e := &boardEntry{key: key, version: want, ready: make(chan struct{})}
	c.entries[key] = c.lru.PushFront(e)
	return e, true
}

// render renders e's page for the request r, keeping it if it is whole.
// Whatever happens, a panic included, e is filled, so nobody waits for it
// for ever.
func (c *boardCache) render(w http.ResponseWriter, r *http.Request, e *boardEntry, render handler) (rec *pageRecorder, page *keptPage, err error) {
	rec = newPageRecorder(w, c.entryLimit())
	defer func() { c.fill(e, page) }()
	if err = render(rec, r); err == nil && rec.keepable() {
		page = keep(rec)
	}
	return rec, page, err
}

// fill stores what the render produced (nil: nothing to keep) and wakes
// the requests waiting for it.
func (c *boardCache) fill(e *boardEntry, page *keptPage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e.page = page
	close(e.ready)
	el, ok := c.entries[e.key]
	if !ok || el.Value != e { // pushed out, or replaced by a newer render
		return
	}
	if page == nil {
		c.remove(el)
		return
	}
	c.bytes += c.cost(e)
	for c.bytes > c.maxBytes && c.lru.Len() > 1 {
		c.remove(c.lru.Back())
	}
}

func (c *boardCache) remove(el *list.Element) {
	e := el.Value.(*boardEntry)
	c.lru.Remove(el)
	delete(c.entries, e.key)
	if e.page != nil {
		c.bytes -= c.cost(e)
	}
}

// cost counts an entry's bytes, its key included, since keys come from
// addresses anyone can make up.
func (c *boardCache) cost(e *boardEntry) int { return len(e.key) + e.page.size() }
