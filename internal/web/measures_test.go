package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/cli/paymentscli"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// demoMeasureIDs finds the demo round, its specification and contract.
func demoMeasureIDs(t *testing.T, s *testServer) (roundID, specID, contractID string) {
	t.Helper()
	ctx := context.Background()
	rounds, _, err := s.DB.ListRounds(ctx, round.Query{All: true, Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rounds {
		if r.Title == "Children and young people's mental health" {
			roundID = r.ID
		}
	}
	specs, err := s.DB.Specifications(ctx, roundID)
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range specs {
		if sp.Title == demo.DemoSpecification {
			specID = sp.ID
		}
	}
	cs, err := s.DB.Contracts(ctx, roundID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Title == demo.DemoContract {
			contractID = c.ID
		}
	}
	if specID == "" || contractID == "" {
		t.Fatalf("demo specifications %+v, contracts %+v", specs, cs)
	}
	return roundID, specID, contractID
}

func wantStatus(t *testing.T, r response, want int, what string) {
	t.Helper()
	if r.StatusCode != want {
		t.Fatalf("%s: status %d, want %d\n%s", what, r.StatusCode, want, r.Body)
	}
}

func wantContains(t *testing.T, r response, what string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(r.Body, w) {
			t.Fatalf("%s: %q not found in\n%s", what, w, r.Body)
		}
	}
}

var dataPence = regexp.MustCompile(`id="([A-Za-z0-9-]+)"[^>]*data-pence="(-?\d+)"`)

// pagePence reads every amount the contract page marks with data-pence, by id.
func pagePence(body string) map[string]int64 {
	out := map[string]int64{}
	for _, m := range dataPence.FindAllStringSubmatch(body, -1) {
		n, _ := strconv.ParseInt(m[2], 10, 64)
		out[m[1]] = n
	}
	return out
}

// TestContractPageMatchesPaymentsCalc checks the contract page against the
// hand-worked demo payments and against "coprod payments calc" run on the
// page's own profile.json and reports.csv downloads: the same engine gives
// the same pence everywhere.
func TestContractPageMatchesPaymentsCalc(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, contractPageMatchesPaymentsCalc)
}

func contractPageMatchesPaymentsCalc(t *testing.T, engine store.Engine) {
	s := newTestServer(t, engine)
	_, _, cid := demoMeasureIDs(t, s)
	c := s.client(t)
	c.loginAs("commissioner")
	page := c.get("/contracts/" + cid)
	wantStatus(t, page, http.StatusOK, "contract page")
	wantContains(t, page, "contract page", "£13,275.00", "Good", "Requires improvement", "Inadequate", "Not rated", "<svg role=\"img\"",
		"Missing</strong>: no report", "I get help the same day when I am in crisis")
	got := pagePence(page.Body)
	// Hand-worked in internal/demo/measures.go.
	for id, want := range map[string]int64{"total": demo.DemoContractTotal, "period-0": 60_000, "period-1": 517_500, "period-2": 750_000,
		"period-3": 0, "pay-0-I1": 60_000, "pay-1-I1": 180_000, "pay-1-I3": 112_500, "pay-2-I3": 225_000, "pay-3-I2": 0} {
		if got[id] != want {
			t.Errorf("%s = %d pence on the page, want %d", id, got[id], want)
		}
	}

	dir := t.TempDir()
	prof, reps := c.get("/contracts/"+cid+"/profile.json"), c.get("/contracts/"+cid+"/reports.csv")
	wantStatus(t, prof, http.StatusOK, "profile.json")
	wantStatus(t, reps, http.StatusOK, "reports.csv")
	os.WriteFile(filepath.Join(dir, "profile.json"), []byte(prof.Body), 0o600)
	os.WriteFile(filepath.Join(dir, "reports.csv"), []byte(reps.Body), 0o600)
	var out, errOut bytes.Buffer
	if code := paymentscli.Run([]string{"calc", "--profile", filepath.Join(dir, "profile.json"), "--reports", filepath.Join(dir, "reports.csv"),
		"--format", "json"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("payments calc: %d %s", code, errOut.String())
	}
	var calc struct {
		TotalPence int64 `json:"total_pence"`
		Periods    []struct {
			TotalPence int64  `json:"total_pence"`
			Rating     string `json:"rating"`
			Indicators []struct {
				ID           string `json:"id"`
				Status       string `json:"status"`
				PaymentPence int64  `json:"payment_pence"`
			} `json:"indicators"`
		} `json:"periods"`
	}
	if err := json.Unmarshal(out.Bytes(), &calc); err != nil {
		t.Fatal(err)
	}
	if calc.TotalPence != got["total"] || len(calc.Periods) != 4 {
		t.Fatalf("calc total %d, page %d", calc.TotalPence, got["total"])
	}
	cells := 0
	for i, p := range calc.Periods {
		if p.TotalPence != got["period-"+strconv.Itoa(i)] {
			t.Errorf("period %d: calc %d, page %d", i, p.TotalPence, got["period-"+strconv.Itoa(i)])
		}
		for _, ind := range p.Indicators {
			cells++
			if id := "pay-" + strconv.Itoa(i) + "-" + ind.ID; ind.PaymentPence != got[id] {
				t.Errorf("%s: calc %d, page %d", id, ind.PaymentPence, got[id])
			}
		}
	}
	if cells != 12 || calc.Periods[3].Indicators[0].Status != "missing" || calc.Periods[2].Rating != string(measure.Good) {
		t.Fatalf("calc = %+v", calc)
	}
}

// TestMeasuresPermissionsAndForms walks the area as each demo role: who may
// write, read and report, the forms' error summaries, sign-off (only by
// the group's decision: no role has a route that signs anything off), the
// comparison and the exports.
func TestMeasuresPermissionsAndForms(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	rid, sid, cid := demoMeasureIDs(t, s)
	base := "/rounds/" + rid

	com := s.client(t)
	com.loginAs("commissioner")
	wantContains(t, com.get(base+"/measures"), "measures list", "Write a measure", "Help the same day in a crisis", "Draft")
	bad := com.post(base+"/measures", url.Values{"kind": {"outcome"}, "target": {"lots"}})
	wantStatus(t, bad, http.StatusUnprocessableEntity, "empty measure")
	wantContains(t, bad, "empty measure", `href="#title"`, `href="#target"`, "The target must be a number")
	made := com.post(base+"/measures", url.Values{"kind": {"experience"}, "title": {"Felt listened to"},
		"plain_english": {"The share who felt listened to."}, "easy_read": {"Did we listen to you?"},
		"question": {"Did you feel listened to?"}, "options": {"Yes\nNo"}, "positive": {"Yes"}, "frequency": {"quarterly"}, "target": {"85"}})
	wantStatus(t, made, http.StatusSeeOther, "draft measure")
	draft := strings.TrimSuffix(made.Header.Get("Location"), "?done=measure-added")
	wantContains(t, com.get(draft), "draft page", "Draft: not yet linked", "Before the group can sign it off", "Link the measure to the vision")
	wantStatus(t, com.post(draft+"/sign-off", nil), http.StatusNotFound, "commissioner signing off")

	mem := s.client(t)
	mem.loginAs("member")
	wantStatus(t, mem.get(base+"/measures/new"), http.StatusForbidden, "member writing a measure")
	wantStatus(t, mem.post(draft+"/sign-off", nil), http.StatusNotFound, "member signing off a draft")
	wantContains(t, mem.get(draft), "draft page for a member", "Before the group can sign it off", "Link the measure to the vision")

	// Linked to a vision statement, the same measure is signed off by the
	// group's decision, not by a button; versions the same way.
	chain := com.get(base + "/measures/new")
	vision := regexp.MustCompile(`value="(vision:[a-z0-9]+)"`).FindStringSubmatch(chain.Body)
	if vision == nil {
		t.Fatal("no vision statement to link to on the measure form")
	}
	linked := com.post(base+"/measures", url.Values{"kind": {"experience"}, "title": {"Felt listened to, linked"},
		"plain_english": {"The share who felt listened to."}, "easy_read": {"Did we listen to you?"}, "links": {vision[1]},
		"question": {"Did you feel listened to?"}, "options": {"Yes\nNo"}, "positive": {"Yes"}, "frequency": {"quarterly"}, "target": {"85"}})
	wantStatus(t, linked, http.StatusSeeOther, "linked measure")
	lpath := strings.TrimSuffix(linked.Header.Get("Location"), "?done=measure-added")
	lid := strings.TrimPrefix(lpath, base+"/measures/")
	wantContains(t, mem.get(lpath), "awaiting sign-off", "Waiting for the group to sign it off", "The group decides this: start a proposal",
		`href="`+base+`/decisions/new?kind=sign_off_measure&amp;subject=`+lid+`"`)
	wantStatus(t, mem.post(lpath+"/sign-off", nil), http.StatusNotFound, "member signing off")
	if m, _ := s.DB.MeasureByID(context.Background(), rid, lid); m.SignOff != nil {
		t.Fatalf("signed off without the group: %+v", m.SignOff)
	}
	pid := groupPasses(t, s, rid, round.NewProposal{Kind: round.KindSignOffMeasure, MeasureID: lid, Title: "Sign off: felt listened to"})
	signed := com.get(lpath)
	wantContains(t, signed, "signed-off measure", "Signed off by the group, by the decision &#34;Sign off: felt listened to&#34; on",
		`href="`+base+`/decisions/`+pid+`"`)
	if strings.Contains(signed.Body, "The group decides this") {
		t.Error("a signed-off measure still offers a proposal to sign it off")
	}
	wantContains(t, mem.get(base+"/specs/"+sid+"/versions/1"), "unsigned version", "Not yet signed off by the lived experience group",
		`href="`+base+`/decisions/new?kind=sign_off_spec&amp;subject=`+sid+`:1"`)
	wantStatus(t, mem.post(base+"/specs/"+sid+"/versions/1/sign-off", nil), http.StatusNotFound, "member signing off version 1")

	// A new version starts from the latest text; a draft cannot enter it.
	vf := com.get(base + "/specs/" + sid + "/versions/new")
	wantContains(t, vf, "version form", "Write version 3", "BSL and community language interpreters")
	dv := com.post(base+"/specs/"+sid+"/versions", url.Values{"aims": {"Help."}, "measures": {strings.TrimPrefix(draft, base+"/measures/")}})
	wantStatus(t, dv, http.StatusUnprocessableEntity, "draft into a version")
	wantContains(t, dv, "draft into a version", `href="#measures"`, "cannot enter the specification")
	v3 := com.post(base+"/specs/"+sid+"/versions", url.Values{"aims": {"Help the same day."}, "measures": {strings.TrimPrefix(lpath, base+"/measures/")}})
	wantStatus(t, v3, http.StatusSeeOther, "version 3")

	// A contract can adopt version 3 only once the group signs it off;
	// the form offers only signed-off versions and says why.
	cf := com.get(base + "/contracts/new")
	wantContains(t, cf, "contract form", `value="`+sid+`:2"`, "Not offered, because the group has not signed them off: ", "service specification, version 1; ")
	if strings.Contains(cf.Body, `value="`+sid+`:3"`) {
		t.Error("the contract form offers version 3, not signed off")
	}
	contract := url.Values{"title": {"Listening pilot"}, "provider_org_id": {s.orgID(t, "Riverside Community Support")},
		"starts_on": {"1 April 2027"}, "ends_on": {"31 March 2028"}, "value": {"10,000"}, "version": {sid + ":3"}}
	unsigned := com.post(base+"/contracts", contract)
	wantStatus(t, unsigned, http.StatusUnprocessableEntity, "contract on a version not signed off")
	wantContains(t, unsigned, "contract on a version not signed off", `href="#version"`, "Version 3 has not been signed off by the group")
	groupPasses(t, s, rid, round.NewProposal{Kind: round.KindSignOffSpec, SpecID: sid, SpecVersion: "3"})

	// A contract on version 3, then its profile: one indicator at 100%.
	nc := com.post(base+"/contracts", contract)
	wantStatus(t, nc, http.StatusSeeOther, "new contract")
	ppath := nc.Header.Get("Location")
	pform := com.get(ppath)
	wantContains(t, pform, "profile form", "I1: Felt listened to, linked", `value="85"`)
	saved := com.post(strings.TrimSuffix(ppath, "?done=contract-added"), url.Values{"at_risk_percent": {"5"}, "periods": {"2027-H1 31 October 2027\n2027-H2"},
		"weight_0": {"100"}, "curve_0": {"bands"}, "bands_0": {"70, 50\n85, 100"}})
	wantStatus(t, saved, http.StatusSeeOther, "profile")
	pc := com.get(strings.TrimSuffix(saved.Header.Get("Location"), "?done=profile-saved"))
	// £10,000 × 5% = £500 at risk, £250 a half year, nothing reported yet.
	wantContains(t, pc, "new contract page", "£500.00 over 2 periods", "Pays by bands: 50% when at or above 70; 100% when at or above 85.")

	fac := s.client(t)
	fac.loginAs("facilitator")
	wantStatus(t, fac.get(base+"/chain"), http.StatusOK, "facilitator reading the chain")
	wantStatus(t, fac.get(base+"/contracts/new"), http.StatusForbidden, "facilitator making a contract")
	wantStatus(t, fac.post(draft+"/sign-off", nil), http.StatusNotFound, "facilitator signing off")

	// The chain, forwards from the vision and back from the contract.
	ch := fac.get(base + "/chain")
	wantContains(t, ch, "chain", "I get help the same day when I am in crisis", "Help the same day in a crisis", "Indicator I1 of", "/contracts/"+cid)
	back := fac.get("/contracts/" + cid)
	wantContains(t, back, "contract chain back", "Chain back:", "“I see the same person each time, who knows my story”", base+"/measures/")

	// Comparison and exports of the specification.
	cmp := fac.get(base + "/specs/" + sid + "/compare?a=1&b=2")
	wantStatus(t, cmp, http.StatusOK, "compare")
	wantContains(t, cmp, "compare", "<del><span class=\"diff-marker\">[removed: </span>", "<ins><span class=\"diff-marker\">[added: </span>", "the same day in a crisis")
	md := fac.get(base + "/specs/" + sid + "/versions/2/markdown")
	wantContains(t, md, "markdown", "# "+demo.DemoSpecification, "Version 2, signed off by the group, by the decision \"Sign off version 2 of the service specification\"", "### Days to a first appointment", "- Motivated by")
	wantStatus(t, fac.get(base+"/specs/"+sid+"/compare?a=1&b=9"), http.StatusUnprocessableEntity, "compare with a missing version")

	// Reporting: only the contract's own provider.
	for _, role := range []string{"commissioner", "evaluator", "facilitator"} {
		c := s.client(t)
		c.loginAs(role)
		wantStatus(t, c.post("/contracts/"+cid+"/report", url.Values{"period": {"2027-Q4"}, "value_I1": {"90"}}), http.StatusForbidden, role+" reporting")
	}
	ctx := context.Background()
	orgs, _, _ := s.DB.ListOrganisations(ctx, auth.ListQuery{Search: "Brightpath", Limit: 5})
	hash, _ := auth.HashPassword(demo.Password)
	other, err := s.DB.CreateUser(ctx, "other.provider@example.org", "Other provider", hash)
	if err != nil || len(orgs) != 1 {
		t.Fatalf("other provider: %v %v", orgs, err)
	}
	s.DB.Assign(ctx, auth.Assignment{UserID: other.ID, Role: auth.RoleProvider, ScopeType: auth.ScopeOrganisation, ScopeID: orgs[0].ID})
	oc := s.client(t)
	if r := oc.login("other.provider@example.org", demo.Password); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("other provider login: %d", r.StatusCode)
	}
	wantStatus(t, oc.get("/contracts/"+cid), http.StatusForbidden, "another provider reading the contract")
	wantStatus(t, oc.post("/contracts/"+cid+"/report", url.Values{"period": {"2027-Q4"}, "value_I1": {"90"}}), http.StatusForbidden, "another provider reporting")

	prov := s.client(t)
	prov.loginAs("provider")
	wantStatus(t, prov.get(base+"/contracts/new"), http.StatusForbidden, "provider making a contract")
	wrong := prov.post("/contracts/"+cid+"/report", url.Values{"period": {""}, "value_I1": {"ninety"}})
	wantStatus(t, wrong, http.StatusUnprocessableEntity, "report with errors")
	wantContains(t, wrong, "report with errors", `href="#period"`, `href="#value_I1"`)
	csvBad := prov.postMultipart("/contracts/"+cid+"/report/csv", nil, "reports.csv",
		[]byte("period,indicator,value\n2027-Q4,I1,90\n2027-Q5,I2,80\n2027-Q4,I9,1\n2027-Q4,I3,lots\n"))
	wantStatus(t, csvBad, http.StatusUnprocessableEntity, "CSV with errors")
	wantContains(t, csvBad, "CSV with errors", "Line 3:", "Line 4:", "Line 5:", `href="#csv"`)
	before := pagePence(prov.get("/contracts/" + cid).Body)
	if before["period-3"] != 0 {
		t.Fatalf("a CSV with errors saved something: Q4 = %d", before["period-3"])
	}
	ok := prov.postMultipart("/contracts/"+cid+"/report/csv", nil, "reports.csv", []byte("period,indicator,value\n2027-Q4,I1,70\n2027-Q4,I2,75\n"))
	wantStatus(t, ok, http.StatusSeeOther, "good CSV")
	// Q4: I1 70 is half way from 60 to 80, 50% of £3,000 = £1,500; I2 75
	// meets its threshold, £2,250; I3 still missing. £3,750 in all.
	after := pagePence(prov.get("/contracts/" + cid).Body)
	if after["period-3"] != 375_000 || after["pay-3-I1"] != 150_000 || after["pay-3-I3"] != 0 || after["total"] != demo.DemoContractTotal+375_000 {
		t.Fatalf("after the CSV: %v", after)
	}

	// Late and missing flags: two years on, I3 of 2027-Q4 (due 30 April
	// 2028) is missing; reporting it then flags it late.
	s.advance(time.Until(time.Date(2028, 6, 1, 12, 0, 0, 0, time.UTC)))
	prov.loginAs("provider") // the session ended long ago
	wantContains(t, prov.get("/contracts/"+cid), "missing flag", "<strong>Missing</strong>: I3 for 2027-Q4, due Monday 1 May 2028 at 00:00")
	wantStatus(t, prov.post("/contracts/"+cid+"/report", url.Values{"period": {"2027-Q4"}, "value_I3": {"60"}}), http.StatusSeeOther, "late report")
	late := prov.get("/contracts/" + cid)
	wantContains(t, late, "late flag", "<strong>Late</strong>: I3 for 2027-Q4", "arrived Thursday 1 June 2028")
	if strings.Contains(late.Body, "<strong>Missing</strong>: I3") {
		t.Fatal("a report that arrived is still flagged missing")
	}

	// The profile cannot change once reported against; weights are checked.
	wantStatus(t, prov.get("/contracts/"+cid+"/profile"), http.StatusForbidden, "provider changing the profile")
	com.loginAs("commissioner")
	p := com.post("/contracts/"+cid+"/profile", url.Values{"at_risk_percent": {"2.5"}, "periods": {"2027-Q1 31 July 2027"},
		"weight_0": {"40"}, "curve_0": {"threshold"}, "target_0": {"80"}, "weight_1": {"30"}, "curve_1": {"threshold"}, "target_1": {"75"},
		"weight_2": {"20"}, "curve_2": {"threshold"}, "target_2": {"28"}})
	wantStatus(t, p, http.StatusUnprocessableEntity, "weights adding to 90")
	wantContains(t, p, "weights adding to 90", `href="#weight_0"`, "add up to 90, not 100")
}

// orgID finds an organisation by its exact name.
func (s *testServer) orgID(t *testing.T, name string) string {
	t.Helper()
	orgs, _, err := s.DB.ListOrganisations(context.Background(), auth.ListQuery{Search: name, Limit: 5})
	for _, o := range orgs {
		if o.Name == name {
			return o.ID
		}
	}
	t.Fatalf("no organisation %q: %v", name, err)
	return ""
}
