package web_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/cli/tendercli"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestTenderResultEqualsCLI downloads each demo tender's result as JSON,
// with the two files "coprod tender score" reads (itt.json and scores.csv),
// runs the CLI on those files, and expects the web's result byte for byte;
// the result page shows the same totals. The awarded tender has a joint
// criterion, a minimum score, a tie-break rule and totals that are not
// finite decimals (10215/118), so the files carry everything the engine
// needs. On both engines.
func TestTenderResultEqualsCLI(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		_, _, ts := demoTenders(t, s)
		lead := s.client(t)
		lead.loginAs("commissioner")
		compared := 0
		for _, tn := range ts {
			base := "/tenders/" + tn.ID
			res := lead.get(base + "/result.json")
			if !tn.Awarded && res.StatusCode == http.StatusConflict {
				// In moderation: the lived experience panel has not agreed
				// its scores, so there is no result, and the CLI agrees.
				if !strings.Contains(res.Body, "There is no result yet") {
					t.Errorf("%s: result.json without a result: %s", tn.Title, res.Body)
				}
				code, _, stderr := runCLI(t, lead, base)
				if code == 0 || !strings.Contains(stderr, "scores.csv") {
					t.Errorf("%s: the CLI scored a tender the web has no result for: exit %d\n%s", tn.Title, code, stderr)
				}
				continue
			}
			if res.StatusCode != http.StatusOK || res.Header.Get("Content-Disposition") == "" {
				t.Fatalf("%s: result.json: %d %s", tn.Title, res.StatusCode, res.Body)
			}
			code, stdout, stderr := runCLI(t, lead, base)
			if code != 0 {
				t.Fatalf("%s: coprod tender score exit %d\n%s", tn.Title, code, stderr)
			}
			if stdout != res.Body {
				t.Fatalf("%s: the CLI's result differs from the web's\nCLI:\n%s\nweb:\n%s", tn.Title, stdout, res.Body)
			}
			var rep struct {
				Winner *string `json:"winner"`
				Bids   []struct {
					ID    string          `json:"id"`
					Rank  *int            `json:"rank"`
					Total json.RawMessage `json:"total"`
				} `json:"bids"`
			}
			if err := json.Unmarshal([]byte(res.Body), &rep); err != nil || rep.Winner == nil || len(rep.Bids) != 2 {
				t.Fatalf("%s: result.json: %v\n%s", tn.Title, err, res.Body)
			}
			page := lead.get(base + "/result")
			for _, b := range rep.Bids {
				if !strings.Contains(page.Body, "<td>"+string(b.Total)+"</td>") {
					t.Errorf("%s: the result page does not show bid %s's total %s", tn.Title, b.ID, b.Total)
				}
			}
			compared++
		}
		if compared != 1 {
			t.Fatalf("compared %d tenders, want the awarded one", compared)
		}

		// The files are the result's: whoever may not see the result
		// may not download them either. The group that holds the stake
		// may, once the contract is awarded.
		for _, tn := range ts {
			for _, role := range []string{"provider", "evaluator", "member"} {
				c := s.client(t)
				c.loginAs(role)
				want := http.StatusForbidden
				if role == "member" && tn.Awarded {
					want = http.StatusOK
				}
				for _, p := range []string{"/result.json", "/result/itt.json", "/result/scores.csv"} {
					if r := c.get("/tenders/" + tn.ID + p); r.StatusCode != want {
						t.Errorf("%s: %s GET %s = %d, want %d", tn.Title, role, p, r.StatusCode, want)
					}
				}
			}
		}
	})
}

// runCLI downloads a tender's itt.json and scores.csv and runs
// "coprod tender score --format json" on them.
func runCLI(t *testing.T, c *client, base string) (int, string, string) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{"/result/itt.json": "itt.json", "/result/scores.csv": "scores.csv"}
	for path, name := range files {
		r := c.get(base + path)
		if r.StatusCode != http.StatusOK {
			t.Fatalf("GET %s%s = %d %s", base, path, r.StatusCode, r.Body)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(r.Body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	code := tendercli.Run([]string{"score", "--itt", filepath.Join(dir, "itt.json"), "--scores", filepath.Join(dir, "scores.csv"), "--format", "json"},
		strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}
