package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestCodingMemoOverHTTP: a coder writes a memo on a sentence they coded,
// the memo survives a change of the sentence's codes, and is refused on a
// sentence they have not coded, when too long, to someone who does not
// code the project, and once their coding is submitted.
func TestCodingMemoOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ctx := context.Background()
		lead := s.client(t)
		lead.loginAs("researcher")
		_, project := s.startCodingProject(t, lead, "Memos")
		base := "/coding/" + project
		if r := lead.post(base+"/sources", url.Values{"title": {"Narrative 1"}, "text": {"One. Two. Three."}, "units": {"sentences"},
			"consent_note": {"Written consent"}, "consent_confirmed": {"yes"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("source = %d %s", r.StatusCode, r.Body)
		}
		sources, _ := s.DB.Sources(ctx, project)
		codes, _ := s.DB.Codes(ctx, project)
		id := map[string]string{}
		for _, c := range codes {
			id[c.Name] = c.ID
		}
		src := base + "/sources/" + sources[0].ID
		memo := src + "/units/0/memo"
		if r := lead.post(src, url.Values{"page": {"1"}, "unit": {"0", "1", "2"}, "u0": {id["Materials"]}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("code = %d %s", r.StatusCode, r.Body)
		}
		if p := lead.get(src); !strings.Contains(p.Body, `<a href="`+memo+`">Memo on sentence 1</a>`) || strings.Contains(p.Body, "Memo on sentence 2") {
			t.Fatalf("the source page links memos only on coded sentences:\n%s", p.Body)
		}
		if p := lead.get(memo); p.StatusCode != http.StatusOK || !strings.Contains(p.Body, "Your codes: Materials.") || !strings.Contains(p.Body, `<textarea`) {
			t.Fatalf("memo page = %d\n%s", p.StatusCode, p.Body)
		}
		const note = "The ramp is a material; unsure whether it also carries a meaning."
		if r := lead.post(memo, url.Values{"memo": {note}}); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != src+"?page=1&done=memo-saved" {
			t.Fatalf("save memo = %d %s", r.StatusCode, r.Header.Get("Location"))
		}
		// Changing the sentence's codes keeps the memo.
		if r := lead.post(src, url.Values{"page": {"1"}, "unit": {"0"}, "u0": {id["Materials"], id["Meanings"]}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("recode = %d", r.StatusCode)
		}
		if p := lead.get(memo); !strings.Contains(p.Body, ">"+note+"</textarea>") || !strings.Contains(p.Body, "Your codes: Materials, Meanings.") {
			t.Fatalf("after recoding, the memo page = %d:\n%s", p.StatusCode, p.Body)
		}
		me, _ := s.DB.UserByEmail(ctx, "researcher@demo.test")
		segs, err := s.DB.Segments(audit.WithActor(ctx, me.ID), project, me.ID)
		if err != nil || len(segs) != 1 || segs[0].Memo != note {
			t.Fatalf("stored segments %+v, %v", segs, err)
		}

		if p := lead.get(src + "/units/1/memo"); !strings.Contains(p.Body, "You have not coded this sentence yet") || strings.Contains(p.Body, "<textarea") {
			t.Errorf("memo page of an uncoded sentence:\n%s", p.Body)
		}
		for _, c := range []struct {
			path, memo string
			msg        string
		}{
			{src + "/units/1/memo", "A note", "Code this part of the source first"},
			{memo, strings.Repeat("x", 5001), "The memo must be 5,000 characters or fewer"},
		} {
			r := lead.post(c.path, url.Values{"memo": {c.memo}})
			if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#memo"`) || !strings.Contains(r.Body, c.msg) {
				t.Errorf("memo on %s = %d, want 422 and %q", c.path, r.StatusCode, c.msg)
			}
		}
		if r := lead.get(src + "/units/9/memo"); r.StatusCode != http.StatusNotFound {
			t.Errorf("a sentence the source lacks = %d", r.StatusCode)
		}
		admin := s.client(t)
		admin.loginAs("admin")
		if r := admin.post(memo, url.Values{"memo": {"Not mine"}}); r.StatusCode != http.StatusForbidden {
			t.Errorf("a non-coder's memo = %d", r.StatusCode)
		}
		if r := admin.get("/admin/audit?action=qda_segment.memo"); strings.Count(r.Body, "<td>qda_segment.memo</td>") != 1 {
			t.Errorf("audit of memos: %d rows", strings.Count(r.Body, "<td>qda_segment.memo</td>"))
		}
		if r := lead.post(base+"/submit", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("submit = %d", r.StatusCode)
		}
		if r := lead.post(memo, url.Values{"memo": {"Too late"}}); r.StatusCode != http.StatusConflict {
			t.Errorf("memo after submitting = %d", r.StatusCode)
		}
		if p := lead.get(memo); !strings.Contains(p.Body, "your memo cannot change") || !strings.Contains(p.Body, note) {
			t.Errorf("sealed memo page:\n%s", p.Body)
		}
	})
}
