package web_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// TestBrowserTenderPagesPassAxe signs in as everyone who takes part in the
// demo tenders and runs axe, as each of them, on each tender's page and the
// first sub-pages it links to.
func TestBrowserTenderPagesPassAxe(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	tenders, _, err := s.DB.ListPublishedTenders(context.Background(), "", 10)
	if err != nil || len(tenders) < 2 {
		t.Fatalf("demo tenders: %d, %v", len(tenders), err)
	}
	for _, who := range []string{"commissioner", "provider", "bidder2", "evaluator", "evaluator2", "chair", "chair2"} {
		t.Run(who, func(t *testing.T) {
			b := browser.Start(t, s.URL, browser.Options{NoJS: true})
			signIn(b, who+"@demo.test", demo.Password)
			tenderPages := 0
			for _, td := range tenders {
				// The tender's own page and the first two of its sub-pages
				// it links to (ITT, bids, scoring, moderation, result) as
				// this person; every tender page of every account is
				// reached, with axe on each shape, by
				// TestBrowserFollowLinksFromHome.
				own := "/tenders/" + td.ID
				b.Visit(own)
				b.AxeOnce(own)
				tenderPages++
				var subPages []string
				for _, l := range b.Links() {
					if p := strings.TrimPrefix(l, s.URL); strings.HasPrefix(p, own+"/") && !contains(subPages, p) {
						subPages = append(subPages, p)
					}
				}
				for _, p := range subPages[:min(2, len(subPages))] {
					b.Visit(p)
					b.AxeOnce(p)
					tenderPages++
				}
			}
			if tenderPages < 2*len(tenders) {
				t.Fatalf("%s reached only %d tender pages", who, tenderPages)
			}
			t.Logf("%s: axe passed on %d pages, %d of them tender pages", who, b.Checked, tenderPages)
		})
	}
}

// TestBrowserBidPageStatesPassAxe runs axe, with JavaScript off, on the
// bid page's states the journey test does not reach: a file attached
// (its download link and its own "Remove" form), a refused file with its
// error, and the notice of an amendment published since the bid was saved.
func TestBrowserBidPageStatesPassAxe(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	tn := publishedTestTender(t, s)
	tp := "/tenders/" + tn.ID
	prov := s.client(t)
	prov.loginAs("provider")
	answers := url.Values{"answer-Q1": {"We will deliver."}, "answer-Q2": {"With the group."}, "price": {"120000"}, "action": {"save"}}
	if r := prov.postFiles(tp+"/bid", answers, map[upload][]byte{{"file-Q1", "budget.pdf"}: attachPDF}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving with a file: %d", r.StatusCode)
	}
	s.advance(time.Minute)
	lead := s.client(t)
	lead.loginAs("commissioner")
	f := ittFormFor(s)
	f.Set("reason", "Q1 now asks about weekends")
	if r := lead.post(tp+"/itt", f); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("amend: %d %s", r.StatusCode, r.Body)
	}

	b := browser.Start(t, s.URL, browser.Options{NoJS: true})
	signIn(b, "provider@demo.test", demo.Password)
	b.Visit(tp + "/bid")
	mustSee(t, b, "The invitation to tender has changed since you last saved your bid", "Q1 now asks about weekends", "Remove budget.pdf")
	b.Axe()
	// A refused file, chosen and sent from the page: the error summary and
	// the field's error.
	exe := filepath.Join(t.TempDir(), "tool.exe")
	if err := os.WriteFile(exe, []byte("MZ\x90\x00"), 0o600); err != nil {
		t.Fatal(err)
	}
	b.Do(chromedp.SetUploadFiles(chromedp.CSS("#file-Q2"), []string{exe}))
	keySubmit(t, b, "Save as draft")
	mustSee(t, b, "There is a problem", "tool.exe is not a file type we accept", `href="#file-Q2"`)
	b.Axe()
}
