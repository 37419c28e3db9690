package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/web"
)

// Issue 14: the accessibility statement had no contact details and no
// enforcement procedure. The operator's contact is shown (with the
// demonstration's own, or honest words, when none is set), with the EHRC
// and EASS procedure for England, Scotland and Wales, the Equality
// Commission for Northern Ireland, and the date of the last review.
func TestAccessibilityStatementHasContactAndEnforcement(t *testing.T) {
	t.Parallel()
	enforcement := []string{
		"Enforcement procedure",
		"Equality and Human Rights Commission (EHRC)",
		"Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018",
		`<a href="https://www.equalityadvisoryservice.com/">contact the Equality Advisory and Support Service (EASS)</a>`,
		`<a href="https://www.equalityni.org/Home">contact the Equality Commission for Northern Ireland</a>`,
		"This statement was last reviewed on ",
		"We will reply within 5 working days",
	}
	cases := []struct {
		name      string
		configure func(*web.Config)
		want      []string
		not       []string
	}{
		{"configured", func(c *web.Config) {
			c.Demo = false
			c.Accessibility = web.AccessibilityContact{Organisation: "Avon Vale ICB", Email: "access@avonvale.example", Phone: "0117 496 0123",
				Hours: "Monday to Friday, 9am to 5pm", Address: "Accessibility team, 1 Quay Street, Bristol BS1 1AA"}
		}, []string{"run by Avon Vale ICB", `<a href="mailto:access@avonvale.example">access@avonvale.example</a>`,
			"phone 0117 496 0123 (Monday to Friday, 9am to 5pm)", "Accessibility team<br>1 Quay Street<br>Bristol BS1 1AA"},
			[]string{"has not published one"}},
		{"demo default", func(*web.Config) {}, []string{`href="mailto:accessibility@demo.test"`, "0117 496 0000"}, nil},
		{"not configured", func(c *web.Config) { c.Demo = false },
			[]string{"There is no email address or phone number for this yet: the organisation that runs this service has not published one."}, []string{"mailto:"}},
	}
	for _, c := range cases {
		s := newConfiguredServer(t, store.SQLite, c.configure)
		r := s.client(t).get("/accessibility")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", c.name, r.StatusCode)
		}
		body := strings.ReplaceAll(r.Body, "&#34;", `"`)
		for _, w := range append(c.want, enforcement...) {
			if !strings.Contains(body, w) {
				t.Errorf("%s: the statement lacks %q", c.name, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(body, w) {
				t.Errorf("%s: the statement says %q", c.name, w)
			}
		}
	}
}
