package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// TestBrowserTenderPagesPassAxe signs in as everyone who takes part in the
// demo tenders and runs axe on every tender page each can reach.
func TestBrowserTenderPagesPassAxe(t *testing.T) {
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
				// Breadth first from the tender's own page reaches its
				// sub-pages (ITT, bids, scoring, moderation, result) first.
				for _, p := range b.Crawl("/tenders/"+td.ID, 25, func(string) { b.Axe() }) {
					if strings.HasPrefix(p, "/tenders/") {
						tenderPages++
					}
				}
			}
			if tenderPages < 2*len(tenders) {
				t.Fatalf("%s reached only %d tender pages", who, tenderPages)
			}
			t.Logf("%s: axe passed on %d pages, %d of them tender pages", who, b.Checked, tenderPages)
		})
	}
}
