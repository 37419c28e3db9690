package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/refiqda"
	"github.com/coprod/coprod/internal/refiqda/refiqdatest"
	"github.com/coprod/coprod/internal/store"
)

// TestCodebookEditingAndMemosOverHTTP, on the demo project: the researcher
// adds a code under Materials (refused first without a name), changes it
// (refused a colour that is not #rrggbb), moves Materials below
// Competences, adds the life-domains preset (a second time refused), and
// downloads the codebook as a .qdc that reads back with every code; writes
// memos on a source and a code, which the project's .qdpx carries as notes;
// a group member is refused the codebook.
func TestCodebookEditingAndMemosOverHTTP(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	c := s.client(t)
	c.loginAs("researcher")
	base := demoCodingProject(t, c)
	project := strings.TrimPrefix(base, "/coding/")
	if r := c.get(base); !strings.Contains(r.Body, `href="`+base+`/codebook"`) || !strings.Contains(r.Body, "/memos\">Memos") {
		t.Fatal("the project page links neither the codebook nor memos on sources")
	}
	codeID := func(name string) string {
		t.Helper()
		codes, err := s.DB.Codes(context.Background(), project)
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range codes {
			if code.Name == name {
				return code.ID
			}
		}
		t.Fatalf("no code %q", name)
		return ""
	}
	materials := codeID("Materials")
	if r := c.post(base+"/codes", url.Values{"name": {""}, "parent_id": {materials}}); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Enter a name for the code") {
		t.Errorf("a code without a name = %d", r.StatusCode)
	}
	if r := c.post(base+"/codes", url.Values{"name": {"Ramps"}, "parent_id": {materials}, "definition": {"Ramps, fixed or portable."},
		"color": {"#aabbcc"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("add = %d %s", r.StatusCode, r.Body)
	}
	ramps := codeID("Ramps")
	if r := c.get(base + "/codes/" + ramps); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `selected>Under Materials</option>`) {
		t.Errorf("edit form = %d, or not under Materials", r.StatusCode)
	}
	if r := c.post(base+"/codes/"+ramps, url.Values{"name": {"Steps and ramps"}, "parent_id": {materials}, "color": {"red"}}); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Choose a colour as #") {
		t.Errorf("a colour by name = %d", r.StatusCode)
	}
	if r := c.post(base+"/codes/"+ramps, url.Values{"name": {"Steps and ramps"}, "parent_id": {materials}, "color": {"#AABBCC"},
		"when_not_to_use": {"Lifts: use Equipment and technology."}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit = %d %s", r.StatusCode, r.Body)
	}
	if r := c.post(base+"/codes/"+materials+"/move", url.Values{"direction": {"down"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("move = %d", r.StatusCode)
	}
	book := c.get(base + "/codebook")
	if book.StatusCode != http.StatusOK || !strings.Contains(book.Body, "Steps and ramps</h3>") || !strings.Contains(book.Body, "Not for: Lifts: use Equipment and technology.") ||
		strings.Index(book.Body, "Competences</h3>") > strings.Index(book.Body, "Materials</h3>") || !strings.Contains(book.Body, "Move Materials up") {
		t.Errorf("codebook after the changes = %d", book.StatusCode)
	}
	if r := c.post(base+"/codebook/preset", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("preset = %d", r.StatusCode)
	}
	if r := c.post(base+"/codebook/preset", nil); r.StatusCode != http.StatusConflict {
		t.Errorf("preset twice = %d", r.StatusCode)
	}
	qdc := c.get(base + "/codebook.qdc")
	cb, err := refiqda.ReadQDC([]byte(qdc.Body))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var count func([]refiqda.Code)
	count = func(cs []refiqda.Code) {
		for _, x := range cs {
			n++
			count(x.Children)
		}
	}
	count(cb.Codes)
	if n != 17+1+13 || cb.Codes[0].Name != "Competences" {
		t.Errorf(".qdc holds %d codes, first %q; want 31, Competences", n, cb.Codes[0].Name)
	}

	sources, _ := s.DB.Sources(context.Background(), project)
	for _, path := range []string{base + "/sources/" + sources[0].ID + "/memos", base + "/codes/" + ramps + "/memos"} {
		if r := c.post(path, url.Values{"memo": {strings.Repeat("x", 5001)}}); r.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: a memo too long = %d", path, r.StatusCode)
		}
		if r := c.post(path, url.Values{"memo": {"Compare with the policy excerpt."}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: memo = %d", path, r.StatusCode)
		}
		if r := c.get(path); !strings.Contains(r.Body, ">Compare with the policy excerpt.</textarea>") {
			t.Errorf("%s does not show the memo", path)
		}
	}
	// The memos go into the project's export as notes the source and the
	// code refer to, and the file still validates.
	exp := c.get(base + "/export.qdpx")
	p, err := refiqda.ReadQDPX(strings.NewReader(exp.Body), int64(len(exp.Body)))
	if err != nil {
		t.Fatal(err)
	}
	notes := map[string]string{}
	for _, n := range p.Notes {
		notes[n.GUID] = n.Text
	}
	var onCode []string
	var find func([]refiqda.Code)
	find = func(cs []refiqda.Code) {
		for _, x := range cs {
			if x.Name == "Steps and ramps" {
				onCode = x.NoteRefs
			}
			find(x.Children)
		}
	}
	find(p.Codes)
	if len(p.Sources[0].NoteRefs) != 1 || notes[p.Sources[0].NoteRefs[0]] != "Compare with the policy excerpt." ||
		len(onCode) != 1 || notes[onCode[0]] != "Compare with the policy excerpt." {
		t.Errorf("export: notes on the source %v, on the code %v", p.Sources[0].NoteRefs, onCode)
	}
	qde, err := refiqda.MarshalQDE(p, true)
	if err != nil {
		t.Fatal(err)
	}
	refiqdatest.Validate(t, qde)

	member := s.client(t)
	member.loginAs("member")
	if r := member.get(base + "/codebook"); r.StatusCode != http.StatusForbidden {
		t.Errorf("a member reads the codebook: %d", r.StatusCode)
	}
}
