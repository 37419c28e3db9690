package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/web"
)

// readCounter counts the store reads the board's pages are made from, so a
// test can tell a kept page from a freshly rendered one.
type readCounter struct {
	web.Store
	reads atomic.Int64
}

func (c *readCounter) BoardItems(ctx context.Context, q ledger.Query) (ledger.Page, error) {
	c.reads.Add(1)
	return c.Store.BoardItems(ctx, q)
}

func (c *readCounter) BoardStats(ctx context.Context) (ledger.Stats, []ledger.ScopeStats, []ledger.ScopeStats, error) {
	c.reads.Add(1)
	return c.Store.BoardStats(ctx)
}

func (c *readCounter) RecentlyUpdated(ctx context.Context, limit int) ([]ledger.Item, error) {
	c.reads.Add(1)
	return c.Store.RecentlyUpdated(ctx, limit)
}

func (c *readCounter) LedgerItem(ctx context.Context, id string, a ledger.Audience) (*ledger.Item, error) {
	c.reads.Add(1)
	return c.Store.LedgerItem(ctx, id, a)
}

func countingServer(t *testing.T, engine store.Engine, cacheBytes int) (*testServer, *readCounter) {
	var rc *readCounter
	s := newConfiguredServer(t, engine, func(cfg *web.Config) {
		rc = &readCounter{Store: cfg.Store}
		cfg.Store, cfg.BoardCacheBytes = rc, cacheBytes
	})
	return s, rc
}

// raw gets a path with the given request headers, as sent: the client
// neither asks for compression nor undoes it.
func raw(t *testing.T, s *testServer, path string, header ...string) response {
	t.Helper()
	req, _ := http.NewRequest("GET", s.URL+path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := (&http.Client{Transport: &http.Transport{DisableCompression: true}}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{res, string(b)}
}

func gunzip(t *testing.T, b string) string {
	t.Helper()
	zr, err := gzip.NewReader(strings.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

type boardJSON struct {
	Items []struct {
		ID         string          `json:"id"`
		Said       string          `json:"said"`
		Status     string          `json:"status"`
		Commitment json.RawMessage `json:"commitment"`
	} `json:"items"`
}

func TestBoardPagesAreKeptUntilAWrite(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s, rc := countingServer(t, engine, 0)
		var board boardJSON // the first page of /board
		if err := json.Unmarshal([]byte(raw(t, s, "/board.json?limit=25").Body), &board); err != nil || len(board.Items) == 0 {
			t.Fatalf("board.json: %v %+v", err, board)
		}
		var open string // an item nobody has promised anything on yet
		for _, it := range board.Items {
			if it.Status == string(ledger.StatusOpen) {
				open = it.ID
				break
			}
		}
		if open == "" {
			t.Fatal("the demo board has no open item")
		}
		paths := []string{"/board", "/board?status=open", "/board.json", "/board.csv", "/board/feed.atom",
			"/board/items/" + open, "/board/items/" + open + "/easy-read"}
		etags := map[string]string{}
		bodies := map[string]string{}
		for _, p := range paths {
			first := raw(t, s, p)
			tag := first.Header.Get("ETag")
			if first.StatusCode != http.StatusOK || !strings.HasPrefix(tag, `"`) || first.Header.Get("Cache-Control") != "no-cache" ||
				first.Header.Get("Vary") != "Accept-Encoding" {
				t.Fatalf("%s: %d, ETag %q, Cache-Control %q, Vary %q", p, first.StatusCode, tag, first.Header.Get("Cache-Control"), first.Header.Get("Vary"))
			}
			// The second request is answered from the kept page: the store
			// is not asked again.
			before := rc.reads.Load()
			again := raw(t, s, p)
			if rc.reads.Load() != before || again.Body != first.Body || again.Header.Get("ETag") != tag {
				t.Errorf("%s: second request read the store %d times, same body %v, ETag %q then %q",
					p, rc.reads.Load()-before, again.Body == first.Body, tag, again.Header.Get("ETag"))
			}
			if nm := raw(t, s, p, "If-None-Match", `"other", `+tag); nm.StatusCode != http.StatusNotModified || nm.Body != "" {
				t.Errorf("%s with If-None-Match: %d, %d bytes", p, nm.StatusCode, len(nm.Body))
			}
			if nm := raw(t, s, p, "If-None-Match", `"other"`); nm.StatusCode != http.StatusOK || nm.Body != first.Body {
				t.Errorf("%s with another tag: %d", p, nm.StatusCode)
			}
			// Compressed, it is the same bytes, under a tag of its own.
			z := raw(t, s, p, "Accept-Encoding", "br;q=1.0, gzip;q=0.8")
			ztag := z.Header.Get("ETag")
			if z.Header.Get("Content-Encoding") != "gzip" || ztag == tag || ztag == "" || len(z.Body) >= len(first.Body) {
				t.Fatalf("%s compressed: Content-Encoding %q, ETag %q (plain %q), %d bytes of %d",
					p, z.Header.Get("Content-Encoding"), ztag, tag, len(z.Body), len(first.Body))
			}
			if gunzip(t, z.Body) != first.Body {
				t.Errorf("%s: the compressed page is not the page", p)
			}
			if nm := raw(t, s, p, "Accept-Encoding", "gzip", "If-None-Match", ztag); nm.StatusCode != http.StatusNotModified {
				t.Errorf("%s compressed with If-None-Match: %d", p, nm.StatusCode)
			}
			if plain := raw(t, s, p, "Accept-Encoding", "gzip;q=0, *"); plain.Header.Get("Content-Encoding") != "" || plain.Body != first.Body {
				t.Errorf("%s: gzip refused but sent %q", p, plain.Header.Get("Content-Encoding"))
			}
			etags[p], bodies[p] = tag, first.Body
		}

		// Parameters the page does not read, and their order, do not make
		// new pages.
		before := rc.reads.Load()
		if r := raw(t, s, "/board?utm_source=news&status=open&status=done&x="); r.Body != bodies["/board?status=open"] || rc.reads.Load() != before {
			t.Errorf("an address with unread parameters read the store %d times", rc.reads.Load()-before)
		}

		// A commitment, made through the store as any instance would make
		// it, changes every page that shows the item, at once.
		what := "Send every letter in Easy Read as well as standard print"
		owner, org := commissioner(t, s)
		n := ledger.NewCommitment{OwnerOrgID: org, OwnerUserID: owner, What: what, DueOn: "2099-01-31", Today: ledger.Today(s.now())}
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		if err := s.DB.Commit(audit.WithActor(context.Background(), ""), open, n); err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			r := raw(t, s, p, "If-None-Match", etags[p])
			if r.StatusCode != http.StatusOK || r.Header.Get("ETag") == etags[p] || r.Body == bodies[p] {
				t.Errorf("%s after a commitment: %d, ETag %q (was %q)", p, r.StatusCode, r.Header.Get("ETag"), etags[p])
			}
			if p != "/board?status=open" && !strings.Contains(r.Body, what) {
				t.Errorf("%s after a commitment does not show it", p)
			}
		}
		if r := raw(t, s, "/board?status=open"); strings.Contains(r.Body, "/board/items/"+open+`"`) {
			t.Error("the open items still list the item now committed")
		}

		// Tomorrow the flags may differ, with nothing written: pages are
		// made again.
		before = rc.reads.Load()
		s.advance(24 * time.Hour)
		raw(t, s, "/board.json")
		if rc.reads.Load() == before {
			t.Error("a page kept yesterday was served today")
		}
	})
}

// commissioner is the demo commissioner and their organisation, to own a
// commitment.
func commissioner(t *testing.T, s *testServer) (user, org string) {
	t.Helper()
	ctx := context.Background()
	u, err := s.DB.UserByEmail(ctx, "commissioner@demo.test")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := s.DB.MembershipsOf(ctx, u.ID)
	if err != nil || len(ms) == 0 {
		t.Fatalf("the commissioner's organisations: %v %v", ms, err)
	}
	return u.ID, ms[0].OrgID
}

// Consent withdrawn takes a person's words off the kept pages at once, and
// a signed-in person's page (which names them) is never kept or given to
// anyone else.
func TestBoardCacheHonoursConsentAndPeople(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s, _ := countingServer(t, engine, 0)
		ctx := context.Background()
		var board boardJSON
		json.Unmarshal([]byte(raw(t, s, "/board.json?limit=200").Body), &board)
		var said, member, roundID string
		for _, it := range board.Items {
			if full, err := s.DB.LedgerItem(ctx, it.ID, ledger.Staff); err == nil && full.MemberID != "" && full.RoundID != "" {
				said, member, roundID = it.Said, full.MemberID, full.RoundID
				break
			}
		}
		if member == "" {
			t.Fatal("no demo item said by a member")
		}
		for _, p := range []string{"/board", "/board.json", "/board.csv"} {
			if !strings.Contains(raw(t, s, p).Body, jsonOrHTML(p, said)) {
				t.Fatalf("%s does not show %q before consent is withdrawn", p, said)
			}
		}
		if err := s.DB.RecordConsent(audit.WithActor(ctx, ""), roundID, member, round.ConsentTakePart, false); err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"/board", "/board.json", "/board.csv"} {
			if strings.Contains(raw(t, s, p).Body, jsonOrHTML(p, said)) {
				t.Errorf("%s still shows %q after consent was withdrawn", p, said)
			}
		}

		anon := raw(t, s, "/board")
		c := s.client(t)
		c.loginAs("facilitator")
		mine := c.get("/board")
		if !strings.Contains(mine.Body, "Signed in as") || mine.Header.Get("ETag") != "" || mine.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("signed-in board: ETag %q, Cache-Control %q", mine.Header.Get("ETag"), mine.Header.Get("Cache-Control"))
		}
		if again := raw(t, s, "/board"); strings.Contains(again.Body, "Signed in as") || again.Body != anon.Body {
			t.Error("the anonymous board changed after a signed-in visit")
		}
	})
}

// jsonOrHTML is text as the page at path writes it.
func jsonOrHTML(path, text string) string {
	var b bytes.Buffer
	switch {
	case strings.HasSuffix(path, ".json"):
		enc := json.NewEncoder(&b)
		enc.Encode(text)
		return strings.Trim(strings.TrimSpace(b.String()), `"`)
	case strings.HasSuffix(path, ".csv"):
		return text
	}
	return strings.NewReplacer("&", "&amp;", "'", "&#39;", `"`, "&#34;", "<", "&lt;", ">", "&gt;").Replace(text)
}

// The kept pages are bounded: a page bigger than an eighth of the bound is
// never kept, and new pages push out the least recently used.
func TestBoardCacheIsBounded(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s, rc := countingServer(t, engine, 64<<10)
		kept := func(path string) bool {
			t.Helper()
			if r := raw(t, s, path); r.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d", path, r.StatusCode)
			}
			before := rc.reads.Load()
			raw(t, s, path)
			return rc.reads.Load() == before
		}
		if big := raw(t, s, "/board.json?limit=200"); len(big.Body) <= 8<<10 {
			t.Fatalf("the demo board.json is %d bytes, not more than an eighth of 64 KiB", len(big.Body))
		}
		if kept("/board.json?limit=200") {
			t.Error("a page bigger than an eighth of the bound was kept")
		}
		small := raw(t, s, "/board.json?theme=nothing-0")
		if len(small.Body) > 8<<10 {
			t.Fatalf("a board.json with no items is %d bytes", len(small.Body))
		}
		if !kept("/board.json?theme=nothing-0") {
			t.Fatal("a small page was not kept")
		}
		// Enough other pages to fill the bound twice over.
		for i := 1; i <= 2*(64<<10)/len(small.Body); i++ {
			raw(t, s, "/board.json?theme=nothing-"+strconv.Itoa(i))
		}
		before := rc.reads.Load()
		raw(t, s, "/board.json?theme=nothing-0")
		if rc.reads.Load() == before {
			t.Error("the least recently used page was still kept after the bound was passed twice")
		}
	})
}

// BenchmarkBoardKept is the cost of answering /board from a kept page
// through the whole handler, middleware included, without the network:
// what is left once the cache works (bench/board.sh measures it served).
func BenchmarkBoardKept(b *testing.B) {
	db := storetest.Open(b, store.SQLite)
	if err := demo.Seed(context.Background(), db); err != nil {
		b.Fatal(err)
	}
	h, err := web.New(web.Config{Store: db, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Demo: true})
	if err != nil {
		b.Fatal(err)
	}
	get := func() *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/board", nil))
		return w
	}
	if w := get(); w.Code != http.StatusOK {
		b.Fatalf("/board: %d", w.Code)
	}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			get()
		}
	})
}
