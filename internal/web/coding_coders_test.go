package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestCodingAddCoderOverHTTP: the demo researcher starts a project (they
// are its only coder) and adds Jordan Reid, a member of the research
// organisation, by name from the project page; the addition is audited.
// Adding Jordan again, or Priya Shah (a commissioner, not of the
// organisation), is refused with a message on the field; a group member
// and a commissioner may not add coders at all.
func TestCodingAddCoderOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ctx := context.Background()
		lead := s.client(t)
		lead.loginAs("researcher")
		lab, project := s.startCodingProject(t, lead, "Getting in")
		base := "/coding/" + project
		jordan, err := s.DB.UserByEmail(ctx, "second.coder@demo.test")
		if err != nil {
			t.Fatal(err)
		}
		priya, err := s.DB.UserByEmail(ctx, "commissioner@demo.test")
		if err != nil {
			t.Fatal(err)
		}
		// A third member, so the form stays for the refusals below.
		casey, err := s.DB.CreateUser(ctx, "casey@example.org", "Casey Brown", "")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DB.AddMember(ctx, casey.ID, lab); err != nil {
			t.Fatal(err)
		}
		page := lead.get(base)
		if page.StatusCode != http.StatusOK || !strings.Contains(page.Body, "<h3>Add a coder</h3>") ||
			!strings.Contains(page.Body, `<option value="`+jordan.ID+`">Jordan Reid</option>`) || strings.Contains(page.Body, "Jordan Reid: still coding") {
			t.Fatalf("project page = %d\n%s", page.StatusCode, page.Body)
		}
		if r := lead.post(base+"/coders", url.Values{"user_id": {jordan.ID}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("add = %d %s", r.StatusCode, r.Body)
		}
		page = lead.get(base + "?done=coder-added")
		for _, want := range []string{"The coder is added.", "Dr Morgan Lee: still coding", "Jordan Reid: still coding", "0 of 2 coders have submitted",
			`<option value="` + casey.ID + `">Casey Brown</option>`} {
			if !strings.Contains(page.Body, want) {
				t.Errorf("after adding, the page lacks %q", want)
			}
		}
		for _, c := range []struct {
			who    string
			status int
			msg    string
		}{
			{jordan.ID, http.StatusConflict, "Jordan Reid is already a coder of this project"},
			{priya.ID, http.StatusUnprocessableEntity, "Priya Shah is not a member of University of North Shire, Getting Things Changed study: choose a person from the organisation"},
			{"", http.StatusUnprocessableEntity, "Choose a person from the list"},
		} {
			r := lead.post(base+"/coders", url.Values{"user_id": {c.who}})
			if r.StatusCode != c.status || !strings.Contains(r.Body, `href="#user_id"`) || !strings.Contains(r.Body, `id="user_id-error"`) ||
				!strings.Contains(r.Body, c.msg) {
				t.Errorf("adding %q = %d, want %d and %q\n%s", c.who, r.StatusCode, c.status, c.msg, r.Body)
			}
		}
		for _, role := range []string{"member", "commissioner"} {
			c := s.client(t)
			c.loginAs(role)
			if r := c.post(base+"/coders", url.Values{"user_id": {priya.ID}}); r.StatusCode != http.StatusForbidden {
				t.Errorf("%s adding a coder = %d", role, r.StatusCode)
			}
		}
		if cs, err := s.DB.Coders(ctx, project); err != nil || len(cs) != 2 {
			t.Fatalf("coders %+v, %v", cs, err)
		}
		admin := s.client(t)
		admin.loginAs("admin")
		// The demo's own project added Jordan too: two additions in all.
		if r := admin.get("/admin/audit?action=qda_coder.add"); strings.Count(r.Body, "<td>qda_coder.add</td>") != 2 {
			t.Errorf("audit of coder additions: %d rows", strings.Count(r.Body, "<td>qda_coder.add</td>"))
		}
	})
}

// startCodingProject has lead start a blind coding project of the demo
// research organisation, and returns the organisation's id and the
// project's.
func (s *testServer) startCodingProject(t *testing.T, lead *client, title string) (lab, project string) {
	t.Helper()
	lab = s.orgID(t, "University of North Shire, Getting Things Changed study")
	r := lead.post("/coding", url.Values{"org_id": {lab}, "title": {title}, "blind": {"yes"}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("create = %d %s", r.StatusCode, r.Body)
	}
	return lab, strings.TrimPrefix(strings.Split(r.Header.Get("Location"), "?")[0], "/coding/")
}
