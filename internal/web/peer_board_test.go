package web_test

import (
	"context"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/peer"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestPeerBoardSuppression: the public figures and their spreadsheet hide
// every number from 1 to 4 and what would give one away.
//
// The demo has 4 crisis referrals (Robin contacted after 10 hours, Sam after
// 6, Kim after 90, Alex waiting 80 hours and over the 72-hour standard) and
// 3 at diagnosis. Six more crisis referrals, each contacted 2 hours after it
// arrived, make 10 crisis referrals: 9 contacted, whose hours in order are
// 2 2 2 2 2 2 6 10 90 (median 2.0; 90th percentile the ⌈8.1⌉ = 9th, 90.0);
// 10 due, 8 within the standard, so 2 late: the share is hidden; 1 overdue
// is hidden; 2 took up support of 2 who answered: hidden. Diagnosis: 3.
func TestPeerBoardSuppression(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		srv := newTestServer(t, engine)
		org, _ := peerDemo(t, srv)
		ctx := context.Background()
		visitor := srv.client(t)

		// As seeded, every crisis and diagnosis figure is too small to show.
		r := visitor.get("/board/peer")
		if r.StatusCode != http.StatusOK || strings.Count(r.Body, "fewer than 5") < 2 {
			t.Fatalf("board: %d\n%s", r.StatusCode, r.Body)
		}
		// The page and the spreadsheet are kept in the board's cache until a
		// write: asked again with their tags, nothing is sent.
		for _, p := range []string{"/board/peer", "/board/peer.csv"} {
			tag := raw(t, srv, p).Header.Get("ETag")
			if nm := raw(t, srv, p, "If-None-Match", tag); tag == "" || nm.StatusCode != http.StatusNotModified {
				t.Errorf("%s is not kept: ETag %q, asked again %d", p, tag, nm.StatusCode)
			}
		}
		for i := range 6 {
			n := peer.NewReferral{OrgID: org, Trigger: peer.TriggerCrisis, Source: peer.SourceSelf, Name: "Extra", ContactWay: peer.ContactPhone,
				Contact: "07700 900123", Consent: true}
			at := srv.now().Add(-48 * time.Hour).Add(time.Duration(i) * time.Minute)
			id, err := srv.DB.CreateReferral(ctx, n, "", at)
			if err != nil {
				t.Fatal(err)
			}
			if err := srv.DB.FirstContact(ctx, id, at.Add(2*time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
		r = visitor.get("/board/peer")
		if !strings.Contains(r.Body, "<td>10</td>") || !strings.Contains(r.Body, "2.0 hours, 90.0 hours") {
			t.Errorf("crisis figures not shown:\n%s", r.Body)
		}
		for _, small := range []string{"8 of 10", "(2 of 2)", "<td>1</td>", "<td>3</td>"} {
			if strings.Contains(r.Body, small) {
				t.Errorf("the board shows %q", small)
			}
		}
		csvRes := visitor.get("/board/peer.csv")
		if csvRes.StatusCode != http.StatusOK || !strings.HasPrefix(csvRes.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("csv: %d %s", csvRes.StatusCode, csvRes.Header.Get("Content-Type"))
		}
		rows, err := csv.NewReader(strings.NewReader(csvRes.Body)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]string{
			//                 standard     referrals within   overdue          hours         working days  uptake
			"A crisis":        {"72 hours", "10", "hidden", "fewer than 5", "2.0", "90.0"},
			"A new diagnosis": {"10 working days", "fewer than 5", "hidden", "0", "hidden", "hidden"},
		}
		seen := 0
		for _, row := range rows[1:] {
			w, ok := want[row[1]]
			if !ok {
				continue
			}
			seen++
			if got := append(row[2:6:6], row[6], row[7]); strings.Join(got, "|") != strings.Join(w, "|") {
				t.Errorf("%s: %v, want %v", row[1], got, w)
			}
			if row[1] == "A crisis" && (row[10] != "hidden" || row[15] != "fewer than 5") {
				t.Errorf("%s: uptake %q, ended by discharge %q", row[1], row[10], row[15])
			}
		}
		if seen != 2 || len(rows[0]) != 17 {
			t.Errorf("rows: %v", rows)
		}
		if r := visitor.get("/board"); !strings.Contains(r.Body, `href="/board/peer"`) {
			t.Error("the board does not link the peer support figures")
		}
	})
}
