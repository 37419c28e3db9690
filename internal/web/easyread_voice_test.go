package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/store"
)

// TestVoiceItemPicture: the facilitator and the commissioner choose the
// picture for a voice item of the demo round from its page; members see it
// beside what was said where they judge the item (the verdict form, the
// board's full and Easy Read pages). A member, the provider and a visitor
// cannot choose; an unknown picture is refused with the error summary.
func TestVoiceItemPicture(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	id := demoItem(t, s, ledger.Query{Status: ledger.StatusInProgress}, "Appointments are only in school hours")
	item := "/ledger/items/" + id
	choose := item + "/picture"

	robin, fac, com := s.client(t), s.client(t), s.client(t)
	robin.loginAs("member")
	fac.loginAs("facilitator")
	com.loginAs("commissioner")

	// Before any choice, the member's pages show the default picture for
	// what people said.
	if m := picSrc.FindStringSubmatch(robin.get(item + "/verdict").Body); m == nil || m[2] != "A speech bubble" {
		t.Errorf("the verdict form's default picture: %v", m)
	}
	if !strings.Contains(fac.get(item).Body, `<a href="`+choose+`">Choose the picture members see beside this</a>`) {
		t.Error("the item's page does not link the chooser for the facilitator")
	}
	if strings.Contains(robin.get(item).Body, choose) {
		t.Error("the item's page links the chooser for a member")
	}
	r := fac.get(choose)
	if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "Appointments are only in school hours") ||
		!strings.Contains(r.Body, "thing the group said") || !strings.Contains(r.Body, `name="picture" value="school"`) {
		t.Fatalf("the chooser = %d", r.StatusCode)
	}
	if r := fac.post(choose, url.Values{"picture": {"castle"}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#picture"`) {
		t.Errorf("an unknown picture = %d", r.StatusCode)
	}
	if r := fac.post(choose, url.Values{"picture": {"school"}}); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != item+"?done=picture-chosen" {
		t.Fatalf("the facilitator choosing = %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	if !strings.Contains(fac.get(choose).Body, `value="school" checked`) {
		t.Error("the chooser does not show the chosen picture")
	}
	for _, p := range []string{item + "/verdict", "/board/items/" + id, "/board/items/" + id + "/easy-read", item} {
		body := robin.get(p).Body
		if p == item {
			body = fac.get(p).Body
		}
		said := strings.Index(body, "Appointments are only in school hours")
		m := picSrc.FindStringSubmatchIndex(body)
		if m == nil || said < 0 || body[m[4]:m[5]] != "A school" || m[0] > said {
			t.Errorf("%s: the chosen picture is not beside what was said (%v, said at %d)", p, m, said)
		}
	}
	// Anonymous readers of the board see it too: the choice moved the
	// audit head, so the kept page was drawn again.
	if m := picSrc.FindStringSubmatch(s.client(t).get("/board/items/" + id + "/easy-read").Body); m == nil || m[2] != "A school" {
		t.Errorf("a visitor's Easy Read page: %v", m)
	}

	// The commissioner of the round may change it; "No picture" takes it away.
	if r := com.post(choose, url.Values{"picture": {"time"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("the commissioner choosing = %d", r.StatusCode)
	}
	if m := picSrc.FindStringSubmatch(robin.get(item + "/verdict").Body); m == nil || m[2] != "A clock" {
		t.Errorf("after the commissioner's choice: %v", m)
	}
	if r := com.post(choose, url.Values{"picture": {""}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("no picture = %d", r.StatusCode)
	}
	if m := picSrc.FindStringSubmatch(robin.get(item + "/verdict").Body); m == nil || m[2] != "A speech bubble" {
		t.Errorf("after taking the picture away: %v", m)
	}

	provider := s.client(t)
	provider.loginAs("provider")
	for _, c := range []struct {
		name string
		who  *client
		want int
	}{
		{"a member", robin, http.StatusForbidden},
		{"the provider", provider, http.StatusForbidden},
	} {
		if r := c.who.get(choose); r.StatusCode != c.want {
			t.Errorf("%s opening the chooser = %d, want %d", c.name, r.StatusCode, c.want)
		}
		if r := c.who.post(choose, url.Values{"picture": {"home"}}); r.StatusCode != c.want {
			t.Errorf("%s choosing = %d, want %d", c.name, r.StatusCode, c.want)
		}
	}
	if r := s.client(t).post(choose, url.Values{"picture": {"home"}}); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
		t.Errorf("a visitor choosing = %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	if r := fac.get("/ledger/items/not-an-item/picture"); r.StatusCode != http.StatusNotFound {
		t.Errorf("an item that does not exist = %d", r.StatusCode)
	}
	if m := picSrc.FindStringSubmatch(robin.get(item + "/verdict").Body); m == nil || m[2] != "A speech bubble" {
		t.Errorf("a refused choice changed the picture: %v", m)
	}
}
