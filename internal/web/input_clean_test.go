package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestTextThatIsNotTextIsRefused is issue 16's finding 4: invalid UTF-8
// (stored as bytes by SQLite, a 500 from PostgreSQL) and NUL are refused
// with a 422 that names the field, nothing is saved, and good text is
// stored in NFC on both engines.
func TestTextThatIsNotTextIsRefused(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		admin := s.client(t)
		admin.loginAs("admin")
		orgs := func() []auth.Organisation {
			os, _, err := s.DB.ListOrganisations(context.Background(), auth.ListQuery{Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			return os
		}
		before := len(orgs())
		for _, bad := range []string{"Group \xff\xfe of people", "Group\x00of people", "\xc3\x28"} {
			r := admin.post("/admin/organisations", url.Values{"name": {bad}, "kind": {"user_led"}})
			if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "“name” held characters that are not text") {
				t.Errorf("%q: %d, want 422 naming the field", bad, r.StatusCode)
			}
		}
		if n := len(orgs()); n != before {
			t.Errorf("%d organisations after refused forms, want %d", n, before)
		}
		if r := admin.get("/board?q=%FF%FE"); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "“q”") {
			t.Errorf("search with invalid UTF-8: %d", r.StatusCode)
		}

		// "Café" with the accent typed as a combining mark is stored as one character.
		decomposed := "Cafe\u0301 conversations"
		if r := admin.post("/admin/organisations", url.Values{"name": {decomposed}, "kind": {"user_led"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("good text: %d %s", r.StatusCode, r.Body)
		}
		found := false
		for _, o := range orgs() {
			if strings.HasPrefix(o.Name, "Caf") {
				found = true
				if o.Name != "Caf\u00e9 conversations" {
					t.Errorf("stored %q, want NFC %q", o.Name, "Caf\u00e9 conversations")
				}
			}
		}
		if !found {
			t.Error("the organisation was not stored")
		}
	})
}
