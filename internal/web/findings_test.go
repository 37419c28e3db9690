package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	ooxml "github.com/coprod/coprod/internal/docx"
	"github.com/coprod/coprod/internal/findings"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/readability"
)

func findingsRound(t *testing.T, db *store.DB) string {
	t.Helper()
	rounds, _, err := db.ListRounds(context.Background(), round.Query{All: true})
	if err != nil || len(rounds) != 1 {
		t.Fatalf("demo rounds: %v", err)
	}
	return rounds[0].ID
}

// The demo's three documents as members get them: each as a page, a print
// page, large print and a Word document. The Word documents open (the
// package is complete), and read back by the product's own DOCX reader
// they have no sentence longer than Easy Read allows.
func TestFindingsDemoDocuments(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		srv := newTestServer(t, engine)
		id := findingsRound(t, srv.DB)
		c := srv.client(t)
		c.loginAs("member")
		list := c.get("/rounds/" + id + "/findings")
		if list.StatusCode != http.StatusOK {
			t.Fatalf("list: %d", list.StatusCode)
		}
		for _, k := range findings.Kinds {
			base := "/rounds/" + id + "/findings/" + string(k)
			if !strings.Contains(list.Body, `href="`+base+`"`) || !strings.Contains(list.Body, k.Title()) {
				t.Errorf("the list lacks %s", k.Title())
			}
			page := c.get(base)
			if page.StatusCode != http.StatusOK || strings.Contains(page.Body, "This is the draft") || !strings.Contains(page.Body, `class="er-pic"`) {
				t.Errorf("%s page: %d", k, page.StatusCode)
			}
			if p := c.get(base + "/print?size=large"); p.StatusCode != http.StatusOK || !strings.Contains(p.Body, "findings-print") || !strings.Contains(p.Body, "findings-large") {
				t.Errorf("%s large print: %d", k, p.StatusCode)
			}
			for _, q := range []string{"", "?size=large"} {
				w := c.get(base + "/word" + q)
				if w.StatusCode != http.StatusOK || w.Header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" ||
					!strings.Contains(w.Header.Get("Content-Disposition"), ".docx") {
					t.Fatalf("%s word%s: %d %s", k, q, w.StatusCode, w.Header)
				}
				data := []byte(w.Body)
				if err := ooxml.Check(data); err != nil {
					t.Errorf("%s word%s: %v", k, q, err)
				}
				if !strings.Contains(w.Body, "word/media/") {
					t.Errorf("%s word%s has no pictures", k, q)
				}
				rep, err := readability.Analyze(data, readability.FormatDOCX, readability.EasyRead())
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(rep.Text, k.Title()) {
					t.Errorf("%s: the title is not in the document", k)
				}
				for _, is := range rep.Issues {
					if is.Rule == readability.RuleSentenceTooLong {
						t.Errorf("%s word%s: sentence too long: %q", k, q, is.Text)
					}
				}
			}
		}
	})
}

// Who may do what, route by route: members read released versions only,
// the commissioner lead reads them too, facilitators read drafts, edit,
// refresh and release; observers, providers, researchers and the
// administrator get 403, and visitors are sent to sign in.
func TestFindingsPermissions(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		srv := newTestServer(t, engine)
		id := findingsRound(t, srv.DB)
		// "Did it change?" goes back to a draft nobody has released.
		if err := srv.DB.ExecRaw(context.Background(), "UPDATE findings_documents SET released = '', released_by = '', released_at = NULL WHERE kind = 'did-it-change'"); err != nil {
			t.Fatal(err)
		}
		base := "/rounds/" + id + "/findings"
		told, draft := base+"/"+string(findings.KindToldUs), base+"/"+string(findings.KindDidChange)
		reads := []string{base, told, told + "/print", told + "/word"}
		draftReads := []string{draft, draft + "/print", draft + "/word"}
		posts := []string{told + "/edit", told + "/refresh", told + "/release"}
		for _, c := range []struct {
			role               string
			read, draft, write int
		}{
			{"member", 200, 404, 403},
			{"member2", 200, 404, 403},
			{"commissioner", 200, 404, 403},
			{"facilitator", 200, 200, 303},
			{"evaluator", 403, 403, 403}, // an observer of the round
			{"provider", 403, 403, 403},
			{"researcher", 403, 403, 403},
			{"admin", 403, 403, 403},
			{"", 303, 303, 303}, // a visitor: sign in first
		} {
			cl := srv.client(t)
			if c.role != "" {
				cl.loginAs(c.role)
			}
			for _, p := range reads {
				if got := cl.get(p).StatusCode; got != c.read {
					t.Errorf("%s GET %s: %d, want %d", c.role, p, got, c.read)
				}
			}
			for _, p := range draftReads {
				if got := cl.get(p).StatusCode; got != c.draft {
					t.Errorf("%s GET %s (not released): %d, want %d", c.role, p, got, c.draft)
				}
			}
			wantEdit := c.write
			if wantEdit == 303 {
				wantEdit = 200
				if c.role == "" {
					wantEdit = 303
				}
			}
			if got := cl.get(told + "/edit").StatusCode; got != wantEdit {
				t.Errorf("%s GET edit: %d, want %d", c.role, got, wantEdit)
			}
			for _, p := range posts {
				form := url.Values{}
				if strings.HasSuffix(p, "/edit") {
					form = currentEdit(t, srv, id, findings.KindToldUs)
				}
				if got := cl.post(p, form).StatusCode; got != c.write {
					t.Errorf("%s POST %s: %d, want %d", c.role, p, got, c.write)
				}
			}
			list := cl.get(base)
			if c.read == 200 && strings.Contains(list.Body, findings.KindDidChange.Title()) != (c.role == "facilitator") {
				t.Errorf("%s: the list shows the unreleased document: %v", c.role, c.role != "facilitator")
			}
		}
		if r := srv.client(t); true {
			r.loginAs("member")
			if got := r.get(base + "/no-such-document").StatusCode; got != 404 {
				t.Errorf("unknown document: %d", got)
			}
		}
	})
}

// currentEdit is the edit form for the draft as it is, every point kept.
func currentEdit(t *testing.T, srv *testServer, roundID string, k findings.Kind) url.Values {
	t.Helper()
	st, err := srv.DB.FindingsDocument(context.Background(), roundID, k)
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{}
	n := 0
	for _, s := range st.Draft.Sections {
		for _, p := range s.Points {
			f := strconv.Itoa(n)
			form.Set("key_"+f, p.Key)
			form.Set("text_"+f, p.Text)
			form.Set("picture_"+f, p.Picture)
			if p.Include {
				form.Set("include_"+f, "yes")
			}
			n++
		}
	}
	form.Set("points", strconv.Itoa(n))
	return form
}

// A facilitator changes a point and leaves one out: members keep the
// released version until it is given to them again; a point with no words
// comes back with an error summary linking to its box; the checker's
// findings sit beside each box.
func TestFindingsEditAndRelease(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		srv := newTestServer(t, engine)
		id := findingsRound(t, srv.DB)
		path := "/rounds/" + id + "/findings/" + string(findings.KindWillChange)
		fac, mem := srv.client(t), srv.client(t)
		fac.loginAs("facilitator")
		mem.loginAs("member")

		form := currentEdit(t, srv, id, findings.KindWillChange)
		before := mem.get(path).Body
		first := form.Get("text_0")
		if !strings.Contains(before, strings.Split(first, "\n")[0]) {
			t.Fatalf("the member's page lacks the first point %q", first)
		}
		form.Set("text_0", "We will check you get help on the same day.")
		form.Set("picture_0", "phone")
		form.Del("include_1")
		second := strings.Split(form.Get("text_1"), "\n")[0]
		if r := fac.post(path+"/edit", form); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != path+"?done=findings-saved" {
			t.Fatalf("edit: %d %s", r.StatusCode, r.Header.Get("Location"))
		}
		draft := fac.get(path + "?done=findings-saved").Body
		if !strings.Contains(draft, "We will check you get help on the same day.") || !strings.Contains(draft, "This is the draft") ||
			!strings.Contains(draft, "Your changes are saved.") {
			t.Errorf("the facilitator sees the draft with the change")
		}
		if after := mem.get(path).Body; strings.Contains(after, "We will check you get help") || !strings.Contains(after, second) {
			t.Errorf("the member still has the released version")
		}
		if r := fac.post(path+"/release", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("release: %d", r.StatusCode)
		}
		after := mem.get(path).Body
		if !strings.Contains(after, "We will check you get help on the same day.") || strings.Count(after, second) != strings.Count(before, second)-1 {
			t.Errorf("after release the member sees the change and not the point left out")
		}

		bad := currentEdit(t, srv, id, findings.KindWillChange)
		bad.Set("text_0", "  ")
		bad.Set("text_2", "We will check this and we will also look at how long people wait and what happens next.")
		r := fac.post(path+"/edit", bad)
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#text_0"`) ||
			!strings.Contains(r.Body, "Write the words for point 1, or leave it out") {
			t.Errorf("an empty included point: %d", r.StatusCode)
		}
		if !strings.Contains(r.Body, "how long people wait") || !strings.Contains(r.Body, "Easy Read checker:") ||
			!strings.Contains(r.Body, "words") {
			t.Errorf("the form keeps what was typed and shows the checker")
		}
		if !strings.Contains(fac.get(path+"/edit").Body, "Easy Read checker") {
			t.Errorf("the edit form shows the checker beside each box")
		}
	})
}

// Easy Read is written for the group, not by it: a member sharing a story
// is never asked for an Easy Read summary (nor when changing their own);
// the facilitator entering one for a member is.
func TestMembersAreNotAskedForEasyRead(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, store.SQLite)
	id := findingsRound(t, srv.DB)
	mem, fac := srv.client(t), srv.client(t)
	mem.loginAs("member")
	fac.loginAs("facilitator")
	story := url.Values{"title": {"My bus"}, "body": {"The bus was late."}}
	pages := []string{mem.get("/rounds/" + id + "/stories/new").Body}
	for i := 0; i < 2; i++ {
		form := url.Values{"q": {strconv.Itoa(i)}}
		for k, v := range story {
			form[k] = v
		}
		pages = append(pages, mem.post("/rounds/"+id+"/stories", form).Body)
	}
	for i, p := range pages {
		if strings.Contains(p, `id="easy_read"`) || strings.Contains(p, "Easy Read summary") {
			t.Errorf("the member's story page %d asks for Easy Read", i)
		}
	}
	members, err := srv.DB.RoundMembers(context.Background(), id, round.Facilitators)
	if err != nil || len(members) == 0 {
		t.Fatal(err)
	}
	form := url.Values{"q": {"2"}, "member_id": {members[0].ID}}
	for k, v := range story {
		form[k] = v
	}
	if r := fac.post("/rounds/"+id+"/stories", form); !strings.Contains(r.Body, "Easy Read summary of the story") {
		t.Errorf("the facilitator is offered the Easy Read summary to write: %d", r.StatusCode)
	}
	mine, err := srv.DB.MyInformation(context.Background(), id, userID(t, srv, "member@demo.test"))
	if err != nil || len(mine.Stories) == 0 {
		t.Fatalf("Robin's stories: %v", err)
	}
	edit := mem.get("/rounds/" + id + "/mine/story/" + mine.Stories[0].ID + "/edit").Body
	if strings.Contains(edit, "<textarea") && strings.Contains(edit, `id="easy_read"`) {
		t.Errorf("the member's own story form asks for Easy Read")
	}
}

func userID(t *testing.T, srv *testServer, email string) string {
	t.Helper()
	u, err := srv.DB.UserByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// Where staff write Easy Read for the group, the form shows what the Easy
// Read checker found beside the box when it comes back: a measure, a
// proposal and a voice item, each sent with another field missing and an
// Easy Read sentence of 18 words (Easy Read allows 15).
func TestEasyReadCheckerBesideStaffBoxes(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, store.SQLite)
	id := findingsRound(t, srv.DB)
	long := "We will ask every young person who comes to the crisis team what happened and how they felt."
	com := srv.client(t)
	com.loginAs("commissioner")
	for _, c := range []struct{ path string }{
		{"/rounds/" + id + "/measures"},
		{"/rounds/" + id + "/decisions"},
		{"/ledger/items"},
	} {
		r := com.post(c.path, url.Values{"easy_read": {long}})
		if r.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d", c.path, r.StatusCode)
			continue
		}
		if !strings.Contains(r.Body, "Easy Read checker:</strong>") || !strings.Contains(r.Body, "18 words") {
			t.Errorf("%s: the checker's findings are not beside the box", c.path)
		}
	}
	if r := com.post("/rounds/"+id+"/measures", url.Values{"easy_read": {"We ask you."}}); !strings.Contains(r.Body, "Easy Read checker: no problems found.") {
		t.Errorf("a short Easy Read text: no problems")
	}
}

// The findings pages a member reaches pass the Easy Read profile like the
// other member pages (easyread_pages_test.go, same reviewed list): no
// sentence over 15 words, no jargon, no long words.
func TestFindingsPagesPassEasyRead(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, store.SQLite)
	base := "/rounds/" + findingsRound(t, srv.DB) + "/findings"
	robin := srv.client(t)
	robin.loginAs("member")
	pages := []string{base}
	for _, k := range findings.Kinds {
		pages = append(pages, base+"/"+string(k))
	}
	for _, p := range pages {
		body := robin.get(p).Body
		start, end := strings.Index(body, "<main"), strings.Index(body, "</main>")
		if start < 0 || end < start {
			t.Fatalf("%s: no main content", p)
		}
		main := theirWords.ReplaceAllString(body[start:end+len("</main>")], "")
		r, err := readability.Analyze([]byte(main), readability.FormatHTML, readability.EasyRead())
		if err != nil {
			t.Fatal(err)
		}
		for _, is := range r.Issues {
			switch is.Rule {
			case readability.RuleSentenceTooLong, readability.RuleJargon, readability.RuleLongWords:
			default:
				continue
			}
			if _, ok := easyReadAllowed[strings.ToLower(is.Text)]; ok && is.Rule != readability.RuleSentenceTooLong {
				continue
			}
			t.Errorf("%s: %s: %q", p, is.Rule, is.Text)
		}
	}
}
