package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// computedContractID finds the demo's contract paid on computed indicators.
func computedContractID(t *testing.T, s *testServer) string {
	t.Helper()
	rounds, _, err := s.DB.ListRounds(context.Background(), round.Query{All: true, Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	for _, rd := range rounds {
		cs, err := s.DB.Contracts(context.Background(), rd.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			if c.Title == demo.DemoComputedContract {
				return c.ID
			}
		}
	}
	t.Fatal("no demo contract with computed indicators")
	return ""
}

// computedCell is one cell of an indicator's value in the payments table.
var computedCell = regexp.MustCompile(`<td>(I\d) [^<]*</td>\s*<td>(?:[0-9.]+ \(computed: (\d+) of (\d+)\)|<strong>No value</strong>[^<]*)</td>`)

// computedTotals adds up, per indicator, the parts and wholes counted in
// every period on a contract page.
func computedTotals(body string) map[string][2]int {
	out := map[string][2]int{}
	for _, m := range computedCell.FindAllStringSubmatch(body, -1) {
		part, _ := strconv.Atoi(m[2])
		whole, _ := strconv.Atoi(m[3])
		x := out[m[1]]
		out[m[1]] = [2]int{x[0] + part, x[1] + whole}
	}
	return out
}

// TestComputedIndicatorsOverHTTP: the demo's winter contract with
// Riverside takes both indicators from Coprod's records. Hand counts from
// the demo (internal/demo/peer.go and training.go), whatever day it runs:
//
//   - I1, crisis referrals to Voices Together offered support within 72
//     hours, over the three months: Robin (10 h) and Sam (6 h) within,
//     Kim (90 h) not, Alex waiting 80 h, over: 2 of 4.
//   - I2, Riverside's support workers trained so far (the last period
//     counts up to now): Dee, Eli and Gus of the 40 declared, 7.5%; on a
//     line from 0 to 25 that earns 30% of the indicator's £500 a month
//     (£60,000 × 5% ÷ 3 months ÷ 2 indicators): £150.00.
//   - Every role: Sam Okafor (service manager) too, 4 of the 44 declared.
func TestComputedIndicatorsOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		cid := computedContractID(t, s)
		path := "/contracts/" + cid
		com := s.client(t)
		com.loginAs("commissioner")
		page := com.get(path)
		wantStatus(t, page, http.StatusOK, "contract page")
		wantContains(t, page, "contract page", "Computed from Coprod's records, not typed", "(computed: 3 of 40)", `href="`+path+`/sources"`)
		if got := computedTotals(page.Body); got["I1"] != [2]int{2, 4} || got["I2"][1] != 3*40 {
			t.Errorf("computed over the periods: %v, want I1 2 of 4 and I2 out of 40 each month", got)
		}
		if got := pagePence(page.Body)["pay-2-I2"]; got != 15_000 {
			t.Errorf("the last month's I2 pays %d pence, want 15000", got)
		}

		// The provider types nothing for a computed indicator.
		prov := s.client(t)
		prov.loginAs("provider")
		if r := prov.get(path); strings.Contains(r.Body, `href="`+path+`/report"`) || strings.Contains(r.Body, `href="`+path+`/sources"`) {
			t.Errorf("the provider is offered to report values or change where they come from")
		}
		r := prov.get(path + "/report")
		wantStatus(t, r, http.StatusOK, "report form")
		wantContains(t, r, "report form", "is computed from Coprod's records, so there is nothing to type")
		if strings.Contains(r.Body, `name="value_I1"`) || strings.Contains(r.Body, `name="value_I2"`) {
			t.Errorf("the report form asks for a computed value")
		}

		// Only the round's commissioners say where the values come from.
		for _, role := range append(demoRoles, "") {
			c := s.client(t)
			want := http.StatusForbidden
			switch role {
			case "commissioner":
				want = http.StatusOK
			case "":
				want = http.StatusSeeOther
			}
			if role != "" {
				c.loginAs(role)
			}
			if r := c.get(path + "/sources"); r.StatusCode != want && !(want == http.StatusForbidden && r.StatusCode == http.StatusNotFound) {
				t.Errorf("%q GET sources: %d, want %d", role, r.StatusCode, want)
			}
			if role != "commissioner" {
				if r := c.post(path+"/sources", url.Values{"source_I1": {"reported"}, "source_I2": {"reported"}}); r.StatusCode == http.StatusSeeOther && role != "" {
					t.Errorf("%q changed where the values come from", role)
				}
			}
		}

		form := com.get(path + "/sources")
		wantContains(t, form, "sources form", `value="peer_within|`, `value="training_reach|||Support worker" checked`, "Voices Together")
		bad := com.post(path+"/sources", url.Values{"source_I1": {"peer_within|nobody|crisis|"}, "source_I2": {"reported"}})
		wantStatus(t, bad, http.StatusUnprocessableEntity, "a made-up offer")
		wantContains(t, bad, "a made-up offer", "that organisation has no peer support offer")

		r = com.post(path+"/sources", url.Values{"source_I1": {"reported"}, "source_I2": {"training_reach|||"}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("saving the sources: %d %s", r.StatusCode, r.Body)
		}
		page = com.get(path)
		wantContains(t, page, "contract page, every role", "(computed: 4 of 44)", "Missing</strong>: no report")
		if r := prov.get(path + "/report"); !strings.Contains(r.Body, `name="value_I1"`) || strings.Contains(r.Body, `name="value_I2"`) {
			t.Errorf("the report form after I1 went back to the provider")
		}
		if csv := com.get(path + "/reports.csv"); !strings.Contains(csv.Body, ",I2,9.090909") || strings.Contains(csv.Body, ",I1,") {
			t.Errorf("reports.csv does not hold the computed values the payments use:\n%s", csv.Body)
		}
	})
}
