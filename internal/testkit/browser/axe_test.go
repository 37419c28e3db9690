package browser

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// recorder is a test that keeps the errors reported to it, so that a test
// can check what Axe reports.
type recorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	errs := r.errs
	r.errs = nil
	return errs
}

// pagesServer serves small pages under a strict Content-Security-Policy,
// titled with word and the path: those under /bad have an image without a
// text alternative, the others pass axe.
func pagesServer(word string) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'self'")
		img := ""
		if strings.HasPrefix(r.URL.Path, "/bad") {
			img = `<img src="/static/chart.png">`
		}
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>%s %s</title></head><body><main><h1>%s %s</h1>%s</main></body></html>`,
			word, r.URL.Path, word, r.URL.Path, img)
	}))
}

// axe-core is sent to Chromium once per browser and runs in every document
// after it, with page scripts on or off and under a strict
// Content-Security-Policy: each new page is checked (an image without a
// text alternative is reported on every page that has one, and a page
// without one passes), and the browser's first page too.
func TestAxeChecksEveryNewDocument(t *testing.T) {
	t.Parallel()
	srv := pagesServer("Page")
	defer srv.Close()
	for _, noJS := range []bool{false, true} {
		t.Run(fmt.Sprintf("scripts off %v", noJS), func(t *testing.T) {
			rec := &recorder{TB: t}
			b := Start(rec, srv.URL, Options{NoJS: noJS})
			for _, p := range []string{"/bad/1", "/good/1", "/bad/2", "/bad/3", "/good/2"} {
				b.Visit(p)
				b.Axe()
				errs := rec.take()
				if strings.HasPrefix(p, "/bad") != (len(errs) == 1 && strings.Contains(errs[0], "image-alt")) {
					t.Errorf("axe on %s reported %q", p, errs)
				}
			}
			if b.Checked != 5 || b.injects != 1 {
				t.Errorf("axe checked %d pages and was sent %d times, want 5 and once", b.Checked, b.injects)
			}
		})
	}
}

// A document axe has passed is not checked again, in this browser or
// another, at the same viewport, with page scripts on or off; one that
// failed is checked, and reported, every time; at another viewport the
// document is checked afresh.
func TestAxePassesADocumentOnce(t *testing.T) {
	t.Parallel()
	srv := pagesServer("Once")
	defer srv.Close()
	rec := &recorder{TB: t}
	first, second := Start(rec, srv.URL, Options{}), Start(rec, srv.URL, Options{})
	for _, b := range []*Browser{first, first, second} {
		b.Visit("/good")
		b.Axe()
		b.Visit("/bad")
		b.Axe()
		if errs := rec.take(); len(errs) != 1 || !strings.Contains(errs[0], "image-alt") {
			t.Errorf("axe on /bad reported %q", errs)
		}
	}
	if first.axeRuns != 3 || first.axeRepeats != 1 || first.Checked != 4 {
		t.Errorf("first browser: axe ran %d times and found %d repeats in %d checks, want 3, 1 and 4", first.axeRuns, first.axeRepeats, first.Checked)
	}
	if second.axeRuns != 1 || second.axeRepeats != 1 {
		t.Errorf("second browser: axe ran %d times and found %d repeats, want 1 and 1", second.axeRuns, second.axeRepeats)
	}
	noJS := Start(rec, srv.URL, Options{NoJS: true})
	noJS.Visit("/good")
	noJS.Axe()
	if noJS.axeRuns != 0 || noJS.axeRepeats != 1 {
		t.Errorf("with scripts off: axe ran %d times and found %d repeats, want 0 and 1", noJS.axeRuns, noJS.axeRepeats)
	}
	noJS.Do(chromedp.EmulateViewport(390, 844))
	noJS.Axe()
	if noJS.axeRuns != 1 || rec.take() != nil {
		t.Errorf("at another viewport the document was not checked afresh: %d runs", noJS.axeRuns)
	}
}
