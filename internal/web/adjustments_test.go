package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/adjustment"
	"github.com/coprod/coprod/internal/adjustment/fhirtest"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// demoRegister is Robin's register in the demo: the Easy Read letters
// (shared with Riverside Community Support) first, then the rest.
func demoRegister(t *testing.T, s *testServer, role string) []adjustment.Entry {
	t.Helper()
	u, err := s.DB.UserByEmail(context.Background(), role+"@demo.test")
	if err != nil {
		t.Fatal(err)
	}
	es, err := s.DB.MyAdjustments(audit.WithActor(context.Background(), u.ID))
	if err != nil || len(es) == 0 {
		t.Fatalf("%s's register: %v %v", role, es, err)
	}
	return es
}

func flagsIn(t *testing.T, body string) []string {
	t.Helper()
	var b struct {
		ResourceType string
		Entry        []struct {
			Resource struct {
				ResourceType string
				Code         struct{ Text string }
			}
		}
	}
	if err := json.Unmarshal([]byte(body), &b); err != nil || b.ResourceType != "Bundle" {
		t.Fatalf("not a FHIR bundle: %v\n%s", err, body)
	}
	var out []string
	for _, e := range b.Entry {
		out = append(out, e.Resource.ResourceType+": "+e.Resource.Code.Text)
	}
	return out
}

// TestAdjustmentRegisterOverHTTP: Robin reads and changes their own
// register and downloads what they share; the provider they share with
// reads it; the facilitator keeps it; Robin withdraws consent and it leaves
// the provider's list and every export; everyone else is told there is no
// such page. On both engines.
func TestAdjustmentRegisterOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		mine := demoRegister(t, s, "member")
		var letters, support adjustment.Entry
		for _, e := range mine {
			switch e.Category {
			case "information_format":
				letters = e
			case "additional_support":
				support = e
			}
		}
		if letters.ID == "" || support.ID == "" || !letters.Shared() || support.Share {
			t.Fatalf("demo register: %+v", mine)
		}
		memberReg := "/rounds/" + letters.RoundID + "/members/" + letters.MemberID + "/adjustments"

		robin := s.client(t)
		robin.loginAs("member")
		wantContains(t, robin.get("/account"), "account", `href="/adjustments"`)
		r := robin.get("/adjustments")
		wantStatus(t, r, http.StatusOK, "my register")
		wantContains(t, r, "my register", "Send letters in Easy Read, and phone me the day before an appointment.",
			"Yes, with Riverside Community Support", "Let my support worker come with me to appointments.",
			`href="/adjustments/new?member=`+letters.MemberID+`"`, `href="/adjustments/fhir.json"`)
		// Robin's register as the group's facilitators see it, without the
		// facilitators' member page (which Robin may not open).
		wantContains(t, r, "my register", `href="`+memberReg+`"`)
		r = robin.get(memberReg)
		wantStatus(t, r, http.StatusOK, "Robin's own register in the group")
		if strings.Contains(r.Body, `href="/rounds/`+letters.RoundID+`/members/`+letters.MemberID+`"`) {
			t.Error("Robin is offered the facilitators' member page")
		}
		r = robin.get("/adjustments/fhir.json")
		wantStatus(t, r, http.StatusOK, "my FHIR export")
		if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/fhir+json") {
			t.Errorf("content type %q", ct)
		}
		if got := flagsIn(t, r.Body); len(got) != 1 || got[0] != "Flag: Send letters in Easy Read, and phone me the day before an appointment." {
			t.Errorf("exported %q", got)
		}
		// The demo member's export is a valid R4 Bundle of Flags.
		if probs := fhirtest.Bundle([]byte(r.Body)); len(probs) > 0 {
			t.Errorf("Robin's export is not valid FHIR R4: %q", probs)
		}

		prov := s.client(t)
		prov.loginAs("provider")
		wantContains(t, prov.get("/account"), "provider's account", `href="/adjustments/shared"`)
		r = prov.get("/adjustments/shared")
		wantContains(t, r, "shared list", "Send letters in Easy Read", `href="/adjustments/`+letters.ID+`"`)
		if strings.Contains(r.Body, "support worker") || strings.Contains(r.Body, "quiet room") {
			t.Errorf("the provider sees what was not shared:\n%s", r.Body)
		}
		r = prov.get("/adjustments/" + letters.ID)
		wantStatus(t, r, http.StatusOK, "provider reading the entry")
		if strings.Contains(r.Body, "History") || strings.Contains(r.Body, "/edit") {
			t.Errorf("the provider sees the history or the change link")
		}

		fac := s.client(t)
		fac.loginAs("facilitator")
		wantContains(t, fac.get("/rounds/"+letters.RoundID+"/members/"+letters.MemberID), "member page", `href="`+memberReg+`"`)
		r = fac.get(memberReg)
		wantStatus(t, r, http.StatusOK, "facilitator's view of the register")
		wantContains(t, r, "facilitator's view", "Reasonable adjustments: Robin", "Send letters in Easy Read", "support worker")
		r = fac.get("/adjustments/" + letters.ID)
		wantContains(t, r, "entry with history", "<th scope=\"row\">2</th>", "<th scope=\"row\">1</th>", "Send letters in Easy Read.</td>")

		// A form with mistakes comes back with every problem linked.
		r = fac.post("/adjustments", url.Values{"member": {letters.MemberID}, "need": {"x"}, "share": {"yes"}, "review_on": {"soon"}})
		wantStatus(t, r, http.StatusUnprocessableEntity, "form with mistakes")
		wantContains(t, r, "form with mistakes", `href="#category"`, `href="#details"`, `href="#share_org"`, `href="#review_on"`)

		// Robin stops sharing: gone from the provider's list, its page and
		// Robin's export.
		form := url.Values{"category": {letters.Category}, "need": {letters.Need}, "details": {letters.Details},
			"share": {"no"}, "share_org": {letters.ShareOrgID}, "review_on": {letters.ReviewOn}}
		r = robin.post("/adjustments/"+letters.ID, form)
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/adjustments/"+letters.ID+"?done=adjustment-saved" {
			t.Fatalf("withdrawing consent: %d %s\n%s", r.StatusCode, r.Header.Get("Location"), r.Body)
		}
		if r := prov.get("/adjustments/shared"); strings.Contains(r.Body, "Send letters") {
			t.Error("still on the provider's list after consent was withdrawn")
		}
		wantStatus(t, prov.get("/adjustments/"+letters.ID), http.StatusNotFound, "provider after consent withdrawn")
		if got := flagsIn(t, robin.get("/adjustments/fhir.json").Body); len(got) != 0 {
			t.Errorf("exported after consent withdrawn: %q", got)
		}
		if got := flagsIn(t, fac.get(memberReg+"/fhir.json").Body); len(got) != 0 {
			t.Errorf("facilitator's export after consent withdrawn: %q", got)
		}

		// Ending keeps it, marked.
		r = fac.post("/adjustments/"+support.ID+"/end", nil)
		wantStatus(t, r, http.StatusSeeOther, "ending")
		wantContains(t, robin.get("/adjustments/"+support.ID), "ended entry", "No longer needed")

		// Nobody else: the same "not found" as for no such entry.
		for _, role := range []string{"admin", "commissioner", "evaluator", "researcher", "member2", "provider"} {
			c := s.client(t)
			c.loginAs(role)
			for _, path := range []string{memberReg, memberReg + "/fhir.json", "/adjustments/" + support.ID,
				"/adjustments/" + support.ID + "/edit", "/adjustments/new?member=" + letters.MemberID} {
				wantStatus(t, c.get(path), http.StatusNotFound, role+" "+path)
			}
			wantStatus(t, c.post("/adjustments/"+support.ID, form), http.StatusNotFound, role+" changing")
		}
		if r := s.client(t).get("/adjustments"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
			t.Errorf("visitor: %d %s", r.StatusCode, r.Header.Get("Location"))
		}
	})
}
