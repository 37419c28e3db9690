package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"net/http"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/cli/spccli"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestIndicatorSPCChart draws the demo contract's indicator I1 (higher is
// better) as an XmR chart, on both engines. Its reports are 64, 72 and 81
// (2027-Q4 is not reported): mean 217/3 = 72.33, moving ranges 8 and 9,
// mean 8.5, limits 72.33 ± 2.66 × 8.5 = 72.33 ± 22.61: 49.72 and 94.94. No
// point is outside them, and three points are too few for the other rules.
// The page, its values.csv and "coprod spc" on that file agree.
func TestIndicatorSPCChart(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		cid := demoContractID(t, s)
		chart := "/contracts/" + cid + "/indicators/I1/chart"

		com := s.client(t)
		com.loginAs("commissioner")
		r := com.get("/contracts/" + cid)
		wantContains(t, r, "contract page", `href="`+chart+`"`)
		r = com.get(chart)
		wantStatus(t, r, http.StatusOK, "chart")
		wantContains(t, r, "chart", "Mean 72.33", "Upper limit 94.94", "Lower limit 49.72",
			"Not reported, so left out of the chart: 2027-Q4.", `<svg role="img"`,
			"<th scope=\"row\">2027-Q3</th><td>81</td><td>9</td><td>Common cause</td><td>none</td>",
			"With only 3 points the limits are not yet reliable")

		csv := com.get("/contracts/" + cid + "/indicators/I1/values.csv")
		wantStatus(t, csv, http.StatusOK, "values.csv")
		if csv.Body != "value\n64\n72\n81\n" {
			t.Errorf("values.csv = %q", csv.Body)
		}
		var out, errs bytes.Buffer
		if code := spccli.Run([]string{"--direction", "up", "--format", "json", "-"}, strings.NewReader(csv.Body), &out, &errs); code != 0 {
			t.Fatalf("coprod spc: %d %s", code, errs.String())
		}
		var got map[string]any
		dec := json.NewDecoder(&out)
		dec.UseNumber()
		if err := dec.Decode(&got); err != nil {
			t.Fatal(err)
		}
		if summary, _ := got["summary"].(string); summary == "" || !strings.Contains(r.Body, html.EscapeString(summary)) {
			t.Errorf("the page does not say what coprod spc says: %q", summary)
		}
		for k, want := range map[string]string{"mean": "72.333333", "upper_process_limit": "94.943333", "lower_process_limit": "49.723333"} {
			if n, _ := got[k].(json.Number); n.String() != want {
				t.Errorf("coprod spc %s = %v, want %s", k, got[k], want)
			}
		}

		// Lower is better for I3 (days to a first appointment): 90, 45, 27.
		r = com.get("/contracts/" + cid + "/indicators/I3/chart")
		wantContains(t, r, "I3 chart", "Lower is better", "coprod spc --direction down I3-values.csv")

		// Who may see the contract may see its charts and their values;
		// nobody else.
		// Every demo account holds a role in the round; an account with
		// none is the one refused.
		hash, _ := auth.HashPassword(demo.Password)
		if _, err := s.DB.CreateUser(context.Background(), "no.role@example.org", "No role", hash); err != nil {
			t.Fatal(err)
		}
		refused := 0
		for _, role := range []string{"admin", "commissioner", "facilitator", "member", "provider", "evaluator", "researcher", "no.role"} {
			c := s.client(t)
			if role == "no.role" {
				c.login("no.role@example.org", demo.Password)
			} else {
				c.loginAs(role)
			}
			want := c.get("/contracts/" + cid).StatusCode
			wantStatus(t, c.get(chart), want, role+" chart")
			wantStatus(t, c.get("/contracts/"+cid+"/indicators/I1/values.csv"), want, role+" values.csv")
			if want == http.StatusForbidden {
				refused++
			}
		}
		if refused == 0 {
			t.Error("no demo role is refused the contract: the test proves no refusal")
		}
		if r := s.client(t).get(chart); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
			t.Errorf("anonymous: %d %s", r.StatusCode, r.Header.Get("Location"))
		}
		wantStatus(t, com.get("/contracts/"+cid+"/indicators/NOPE/chart"), http.StatusNotFound, "unknown indicator")
	})
}
