package web_test

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// TestBrowserMeasuresChainAndReporting, with scripts off: follows the chain
// from a vision statement to a contract's payment and back again by its
// links; reports values as the provider through the form, error summary
// first; and runs axe on every page of the area each role reaches, form
// errors included.
func TestBrowserMeasuresChainAndReporting(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	rid, sid, cid := demoMeasureIDs(t, s)
	base := "/rounds/" + rid
	opts := browser.Options{NoJS: true}
	follow := func(b *browser.Browser, text string) {
		t.Helper()
		href := b.Eval(`(Array.from(document.querySelectorAll('main a')).find(a => a.textContent.trim() === ` + jsString(text) + `) || {}).href || ''`)
		if href == "" {
			t.Fatalf("on %s: no link %q", b.Path(), text)
		}
		b.Visit(href)
	}

	t.Run("chain both ways", func(t *testing.T) {
		b := browser.Start(t, s.URL, opts)
		signIn(b, "facilitator@demo.test", demo.Password)
		b.Visit(base + "/chain")
		b.Axe()
		mustSee(t, b, "I get help the same day when I am in crisis")
		follow(b, "Help the same day in a crisis") // vision statement → measure
		if !strings.HasPrefix(b.Path(), base+"/measures/") {
			t.Fatalf("after following the measure: at %s", b.Path())
		}
		b.Axe()
		mustSee(t, b, "Signed off by the group, by the decision \"Sign off the measure: Help the same day in a crisis\"", "See the group's decision", "Indicator I1 of")
		follow(b, demo.DemoContract) // measure → contract indicator and payment
		if b.Path() != "/contracts/"+cid {
			t.Fatalf("after following the contract: at %s", b.Path())
		}
		b.Axe()
		mustSee(t, b, "£13,275.00", "I1: Help the same day in a crisis", "Chain back:")
		follow(b, "“I get help the same day when I am in crisis”") // payment → back to the vision statement
		if !strings.HasPrefix(b.Path(), base+"/chain") {
			t.Fatalf("following the chain back: at %s", b.Path())
		}
		b.Visit(base + "/specs/" + sid + "/versions/2")
		b.Axe()
		mustSee(t, b, "Chain:", "→ contract", "Signed off by the group, by the decision \"Sign off version 2 of the service specification\"")
		b.Visit(base + "/specs/" + sid + "/compare?a=1&b=2")
		b.Axe()
		mustSee(t, b, "[added: ", "[removed: ")
	})

	t.Run("provider reports without JavaScript", func(t *testing.T) {
		b := browser.Start(t, s.URL, opts)
		signIn(b, "provider@demo.test", demo.Password)
		b.Visit("/contracts")
		b.Axe()
		follow(b, demo.DemoContract)
		b.Axe()
		follow(b, "Report values")
		b.Axe()
		b.Submit("Report these values")
		if !strings.Contains(b.Text(".error-summary"), "Select the period") {
			t.Fatal("empty report: no error summary")
		}
		b.Axe()
		b.Eval(`(document.querySelector('#period').value = '2027-Q4')`)
		b.Fill("value_I1", "70")
		b.Fill("value_I3", "30")
		b.Submit("Report these values")
		if !strings.HasPrefix(b.Path(), "/contracts/"+cid) {
			t.Fatalf("after reporting: at %s", b.Path())
		}
		// Q4: I1 70 earns half of £3,000; I3 30 is within the 56-day band
		// (50% of £2,250); I2 is still missing.
		mustSee(t, b, "Values reported", "£1,500.00", "£1,125.00", "£15,900.00")
		b.Axe()
		b.Visit("/contracts/" + cid + "/report")
		b.Submit("Upload and report")
		if !strings.Contains(b.Text(".error-summary"), "Choose a CSV file") {
			t.Fatal("empty upload: no error summary")
		}
		b.Axe()
	})

	t.Run("every page of the area passes axe", func(t *testing.T) {
		for _, email := range []string{"commissioner@demo.test", "member@demo.test"} {
			b := browser.Start(t, s.URL, opts)
			signIn(b, email, demo.Password)
			visited := b.Crawl("/contracts", 60, func(p string) {
				if strings.Contains(p, "/measures") || strings.Contains(p, "/specs") || strings.Contains(p, "/contracts") || strings.Contains(p, "/chain") {
					b.AxeOnce(p)
				}
			})
			if len(visited) < 8 {
				t.Fatalf("%s reached only %v", email, visited)
			}
		}
		b := browser.Start(t, s.URL, opts)
		signIn(b, "commissioner@demo.test", demo.Password)
		for _, form := range []struct{ path, button string }{
			{base + "/measures/new", "Save the measure"},
			{base + "/contracts/new", "Save the contract"},
			{base + "/specs/" + sid + "/versions/new", "Save this version"},
			{"/contracts/" + cid + "/profile", "Save the payment profile"},
		} {
			b.Visit(form.path)
			b.Axe()
			if form.path == base+"/specs/"+sid+"/versions/new" {
				continue // a valid version would be saved
			}
			if strings.HasSuffix(form.path, "/profile") {
				b.Fill("at_risk_percent", "lots") // the rest is the saved profile, which is valid
			}
			b.Submit(form.button)
			if b.Text(".error-summary") == "" {
				t.Fatalf("%s: no error summary", form.path)
			}
			b.Axe()
		}
	})
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
