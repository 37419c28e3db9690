package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
)

// TestLedgerStaffPagesRefuseAndKeepFiles asks the ledger's staff pages as
// a visitor, as someone outside the item's organisations and for items
// that do not exist, then adds a file as evidence, downloads it, and
// withdraws the item.
func TestLedgerStaffPagesRefuseAndKeepFiles(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	fac := s.client(t)
	fac.loginAs("facilitator")
	r := fac.get("/ledger/items/new")
	ulo := regexp.MustCompile(`value="([a-z2-7]{26})"[^>]*><label for="[^"]+">Voices Together`).FindStringSubmatch(r.Body)
	if ulo == nil {
		t.Fatalf("no Voices Together choice on the form:\n%s", r.Body)
	}
	r = fac.post("/ledger/items", url.Values{"said": {"Nobody tells us when the clinic moves"}, "source": {"session"}, "said_on": {"3 November 2026"},
		"org_ids": {ulo[1]}})
	wantStatus(t, r, http.StatusSeeOther, "recording voice")
	page := strings.Split(r.Header.Get("Location"), "?")[0]

	// A visitor is sent to sign in and back, before anything is looked up.
	anon := s.client(t)
	for _, p := range []string{"/ledger", "/ledger/import", page, page + "/commitment", page + "/verdict", page + "/evidence/none/file", "/ledger/items/none"} {
		r := anon.get(p)
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/login?next="+url.QueryEscape(p) {
			t.Errorf("visitor at %s: %d to %q", p, r.StatusCode, r.Header.Get("Location"))
		}
	}
	// No such item: not found, whatever the page.
	for _, p := range []string{"/ledger/items/none", "/ledger/items/none/commitment", "/ledger/items/none/verdict", page + "/evidence/none/file"} {
		wantStatus(t, fac.get(p), http.StatusNotFound, p)
	}
	// Outside the item's organisations: refused, and nothing withdrawn.
	prov := s.client(t)
	prov.loginAs("provider")
	wantStatus(t, prov.get(page), http.StatusForbidden, "provider at the item")
	wantStatus(t, prov.get(page+"/status"), http.StatusForbidden, "provider at the status form")
	wantStatus(t, prov.post(page+"/withdraw", nil), http.StatusForbidden, "provider withdrawing")
	// Staff are not the group: they cannot judge it.
	r = fac.get(page + "/verdict")
	wantStatus(t, r, http.StatusForbidden, "facilitator's verdict")
	wantContains(t, r, "facilitator's verdict", "Only members of the lived experience group")

	// A file as evidence: required for the kind, then kept for staff.
	r = fac.postFiles(page+"/evidence", url.Values{"kind": {"file"}}, nil)
	wantStatus(t, r, http.StatusUnprocessableEntity, "file evidence without a file")
	wantContains(t, r, "file evidence without a file", `href="#file"`)
	minutes := []byte("Minutes: the clinic moves on 1 March; letters go out in February.")
	r = fac.postFiles(page+"/evidence", url.Values{"kind": {"file"}, "text": {"Meeting minutes"}}, map[upload][]byte{{"file", "minutes 3 Nov.txt"}: minutes})
	wantStatus(t, r, http.StatusSeeOther, "file evidence")
	if loc := r.Header.Get("Location"); loc != page+"?done=evidence-added" {
		t.Errorf("after evidence: to %q", loc)
	}
	r = fac.get(page)
	link := regexp.MustCompile(`href="(` + page + `/evidence/[^/"]+/file)">Download minutes 3 Nov.txt</a>`).FindStringSubmatch(r.Body)
	if link == nil {
		t.Fatalf("no download link on the item page:\n%s", r.Body)
	}
	r = fac.get(link[1])
	wantStatus(t, r, http.StatusOK, "download")
	if r.Body != string(minutes) || r.Header.Get("Content-Disposition") != `attachment; filename="minutes_3_Nov.txt"` {
		t.Errorf("download: %q as %q", r.Body, r.Header.Get("Content-Disposition"))
	}
	wantStatus(t, prov.get(link[1]), http.StatusForbidden, "provider downloading")

	r = fac.post(page+"/withdraw", nil)
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != page+"?done=voice-withdrawn" {
		t.Fatalf("withdrawing: %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	wantContains(t, fac.get(page), "withdrawn item", "Consent withdrawn.")
}
