package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/pictures"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
)

// htmlClass is the class attribute of a page's <html> element ("" for none).
func htmlClass(t *testing.T, body string) string {
	t.Helper()
	m := regexp.MustCompile(`<html lang="en"(?: class="([^"]*)")?>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no <html> element in %.200q", body)
	}
	return m[1]
}

// TestDisplaySettingsChangeThePage: the settings are saved on the account
// and every page then carries them as classes on <html> (the style sheet
// does the rest); a setting not offered is refused with the error summary;
// the header's Easy Read switch turns it on and off and goes back only to a
// page of this site. Robin asked the demo round for Easy Read, so Easy Read
// is on for Robin until Robin turns it off; Sky did not.
func TestDisplaySettingsChangeThePage(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	if r := s.client(t).get("/account/display"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
		t.Fatalf("a visitor's display settings = %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	sky := s.client(t)
	sky.loginAs("member2")
	r := sky.get("/account/display")
	if r.StatusCode != http.StatusOK || htmlClass(t, r.Body) != "" || !strings.Contains(r.Body, `id="text_size" name="text_size" value="100" checked`) {
		t.Fatalf("Sky's settings page = %d, class %q", r.StatusCode, htmlClass(t, r.Body))
	}
	if !strings.Contains(sky.get("/account").Body, `href="/account/display"`) {
		t.Error("the account page does not link to the display settings")
	}
	form := url.Values{"text_size": {"300"}, "spacing": {"wide"}, "contrast": {"high"}, "scheme": {"dark"}, "motion": {"reduce"}, "easy_read": {"auto"}}
	r = sky.post("/account/display", form)
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `<a href="#text_size">Choose a text size</a>`) ||
		!strings.Contains(r.Body, `id="spacing-wide" name="spacing" value="wide" checked`) {
		t.Fatalf("300%% = %d; the error summary or the answers given are missing", r.StatusCode)
	}
	form.Set("text_size", "150")
	if r := sky.post("/account/display", form); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/account/display?done=display-saved" {
		t.Fatalf("saving = %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	want := "text-150 spacing-wide contrast-high scheme-dark motion-reduce"
	for _, p := range []string{"/", "/account", "/account/display?done=display-saved"} {
		if got := htmlClass(t, sky.get(p).Body); got != want {
			t.Errorf("%s: <html class=%q>, want %q", p, got, want)
		}
	}
	if !strings.Contains(sky.get("/account/display?done=display-saved").Body, "Your display settings are saved.") {
		t.Error("no confirmation")
	}

	// The header's switch.
	if !strings.Contains(sky.get("/account").Body, `<button type="submit" class="link-button">Easy Read</button>`) {
		t.Error("no Easy Read switch in the header")
	}
	if r := sky.post("/account/easy-read", url.Values{"easy_read": {"on"}, "back": {"/account"}}); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/account" {
		t.Fatalf("switching Easy Read on = %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	r = sky.get("/account")
	if got := htmlClass(t, r.Body); got != want+" easy-read" || !strings.Contains(r.Body, "Turn Easy Read off") {
		t.Errorf("after switching on: class %q", got)
	}
	if r := sky.post("/account/easy-read", url.Values{"easy_read": {"off"}, "back": {"//evil.example/"}}); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/" {
		t.Errorf("back to another site: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	if got := htmlClass(t, sky.get("/").Body); got != want {
		t.Errorf("after switching off: class %q", got)
	}
	if r := sky.post("/account/easy-read", url.Values{"easy_read": {"maybe"}, "back": {"/"}}); r.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a switch to %q = %d", "maybe", r.StatusCode)
	}

	robin := s.client(t)
	robin.loginAs("member")
	if got := htmlClass(t, robin.get("/").Body); got != "easy-read" {
		t.Errorf("Robin, who asked for Easy Read: class %q", got)
	}
	robin.post("/account/easy-read", url.Values{"easy_read": {"off"}, "back": {"/"}})
	if got := htmlClass(t, robin.get("/").Body); got != "" {
		t.Errorf("Robin turned Easy Read off: class %q", got)
	}
	if r := s.client(t).post("/account/easy-read", url.Values{"easy_read": {"on"}}); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
		t.Errorf("a visitor's switch = %d", r.StatusCode)
	}
}

var picSrc = regexp.MustCompile(`<img class="er-pic" src="(/static/pictures/[^"]+\.svg)" alt="([^"]*)"`)

// TestMemberRoundPageAndPictures: a member's round page opens with "What
// you can do now", one card per action with its picture, before the round's
// details; others see the usual next steps. The pictures are served from
// the binary with a year's caching. A facilitator chooses a statement's
// picture (radios, no JavaScript); it then shows beside the statement; an
// unknown picture, a member, and a statement that is not the round's are
// refused.
func TestMemberRoundPageAndPictures(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	base := "/rounds/" + ids.round
	robin := s.client(t)
	robin.loginAs("member")
	page := robin.get(base).Body
	now, details := strings.Index(page, "What you can do now"), strings.Index(page, "About this group")
	if now < 0 || details < 0 || now > details {
		t.Fatalf("Robin's round page: 'What you can do now' at %d, the details at %d", now, details)
	}
	if !strings.Contains(page, `<li class="action-card"><a href="`+base+`/mine"><img class="er-pic"`) || strings.Contains(page, "What you can do next") {
		t.Error("the cards are not there, or the old list is shown as well")
	}
	m := picSrc.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no picture on Robin's round page")
	}
	r := robin.get(m[1])
	if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "image/svg+xml" ||
		r.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" || !strings.HasPrefix(r.Body, "<svg") {
		t.Fatalf("picture %s = %d %q %q", m[1], r.StatusCode, r.Header.Get("Content-Type"), r.Header.Get("Cache-Control"))
	}
	if a := s.client(t).get("/accessibility").Body; !strings.Contains(a, `<h2 id="pictures">Pictures</h2>`) ||
		!strings.Contains(a, `href="https://openmoji.org/">OpenMoji</a>`) || !strings.Contains(a, "https://creativecommons.org/licenses/by-sa/4.0/") {
		t.Error("the accessibility statement does not credit the pictures and their licence")
	}
	fac := s.client(t)
	fac.loginAs("facilitator")
	if strings.Contains(fac.get(base).Body, "What you can do now") {
		t.Error("a facilitator is shown a member's cards")
	}

	ctx := context.Background()
	st, err := s.DB.Statements(ctx, ids.round, round.Facilitators, "")
	if err != nil || len(st) == 0 {
		t.Fatalf("statements: %v", err)
	}
	choose := base + "/vision/" + st[0].ID + "/picture"
	r = fac.get(choose)
	if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `name="picture" value="home"`) || !strings.Contains(r.Body, st[0].Body) {
		t.Fatalf("the chooser = %d", r.StatusCode)
	}
	if r := fac.post(choose, url.Values{"picture": {"castle"}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#picture"`) {
		t.Errorf("an unknown picture = %d", r.StatusCode)
	}
	if r := fac.post(choose, url.Values{"picture": {"home"}}); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != base+"/vision?done=picture-chosen" {
		t.Fatalf("choosing = %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	vision := robin.get(base + "/vision").Body
	card := vision[strings.Index(vision, `id="st-`+st[0].ID+`"`):]
	if m := picSrc.FindStringSubmatch(card); m == nil || m[2] != "A house" {
		t.Errorf("the statement's picture: %v", m)
	}
	if r := fac.get(choose); !strings.Contains(r.Body, `value="home" checked`) {
		t.Error("the chooser does not show the chosen picture")
	}
	for _, c := range []struct {
		who  *client
		path string
		want int
	}{
		{robin, choose, http.StatusForbidden},
		{fac, base + "/vision/not-a-statement/picture", http.StatusNotFound},
		{fac, base + "/decisions/not-a-proposal/picture", http.StatusNotFound},
	} {
		if r := c.who.get(c.path); r.StatusCode != c.want {
			t.Errorf("GET %s = %d, want %d", c.path, r.StatusCode, c.want)
		}
	}
	if r := robin.post(choose, url.Values{"picture": {"home"}}); r.StatusCode != http.StatusForbidden {
		t.Errorf("a member choosing = %d", r.StatusCode)
	}

	// A measure's picture is chosen by whoever writes measures: the commissioner.
	ms, _, err := s.DB.Measures(ctx, ids.round, "", 10)
	if err != nil || len(ms) == 0 {
		t.Fatalf("measures: %v", err)
	}
	mpath := base + "/measures/" + ms[0].ID
	com := s.client(t)
	com.loginAs("commissioner")
	if r := com.post(mpath+"/picture", url.Values{"picture": {"doctor"}}); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != mpath+"?done=picture-chosen" {
		t.Fatalf("the commissioner choosing a measure's picture = %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	if m := picSrc.FindStringSubmatch(robin.get(mpath).Body); m == nil || m[2] != "A doctor" {
		t.Errorf("the measure's picture: %v", m)
	}
	if r := robin.get(mpath + "/picture"); r.StatusCode != http.StatusForbidden {
		t.Errorf("a member opening a measure's chooser = %d", r.StatusCode)
	}
}

var dotsLeft = regexp.MustCompile(`You have (\d+) dots? left\.`)

// TestDotVotingByButtons: in the demo Robin has placed none of 5 dots and
// Sky all 5 (internal/demo). Robin adds dots one button at a time and takes
// one away; Sky, with none left, is refused another, by the store's rule.
func TestDotVotingByButtons(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	base := "/rounds/" + ids.round
	robin := s.client(t)
	robin.loginAs("member")
	left := func(c *client) string {
		t.Helper()
		m := dotsLeft.FindStringSubmatch(c.get(base + "/vision").Body)
		if m == nil {
			t.Fatal("the dots left are not shown")
		}
		return m[1]
	}
	if got := left(robin); got != "5" {
		t.Fatalf("Robin has %s dots left, want 5", got)
	}
	st, _ := s.DB.Statements(context.Background(), ids.round, round.Facilitators, "")
	one, two := st[0].ID, st[1].ID
	step := func(c *client, id, change string) response {
		t.Helper()
		return c.post(base+"/vision/dots", url.Values{"statement": {id}, "change": {change}})
	}
	for _, id := range []string{one, one, two} {
		if r := step(robin, id, "add"); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != base+"/vision?done=votes-saved#st-"+id {
			t.Fatalf("adding a dot = %d %s", r.StatusCode, r.Header.Get("Location"))
		}
	}
	if r := step(robin, one, "take"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("taking a dot = %d", r.StatusCode)
	}
	if got := left(robin); got != "3" {
		t.Errorf("after 3 added and 1 taken: %s left, want 3", got)
	}
	page := robin.get(base + "/vision").Body
	if !strings.Contains(page[strings.Index(page, `id="st-`+one+`"`):], "Your dots: 1") {
		t.Error("the first statement does not show 1 dot")
	}
	if r := step(robin, one, "take"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("taking the last dot = %d", r.StatusCode)
	}
	if r := step(robin, one, "take"); r.StatusCode != http.StatusConflict {
		t.Errorf("taking a dot that is not there = %d", r.StatusCode)
	}
	for _, c := range []struct{ id, change string }{{"nope", "add"}, {one, "double"}} {
		if r := step(robin, c.id, c.change); r.StatusCode != http.StatusNotFound && r.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s %s = %d", c.id, c.change, r.StatusCode)
		}
	}

	sky := s.client(t)
	sky.loginAs("member2")
	if got := left(sky); got != "0" {
		t.Fatalf("Sky has %s dots left, want 0", got)
	}
	if strings.Contains(sky.get(base+"/vision").Body, "Add a dot") {
		t.Error("Sky, with no dots left, is offered Add a dot")
	}
	if r := step(sky, one, "add"); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "you have 5") {
		t.Errorf("a sixth dot = %d", r.StatusCode)
	}
	fac := s.client(t)
	fac.loginAs("facilitator")
	if r := step(fac, one, "add"); r.StatusCode != http.StatusForbidden {
		t.Errorf("a facilitator placing a dot = %d", r.StatusCode)
	}
}

// TestVerdictWithoutTyping: a member gives a verdict by choosing it and,
// if they like, a pictured reason, with nothing typed; the chosen reason's
// words are shown with the verdict; a reason not offered is refused.
func TestVerdictWithoutTyping(t *testing.T) {
	t.Parallel()
	for _, r := range ledger.VerdictReasons {
		if !pictures.Valid(r.Picture) {
			t.Errorf("reason %q: picture %q is not in the set", r.Key, r.Picture)
		}
	}
	s := newTestServer(t, store.SQLite)
	id := demoItem(t, s, ledger.Query{Status: ledger.StatusInProgress}, "Appointments are only in school hours")
	robin := s.client(t)
	robin.loginAs("member")
	form := robin.get("/ledger/items/" + id + "/verdict").Body
	if !strings.Contains(form, `name="reason" value="still-waiting"`) || !strings.Contains(form, `name="verdict" value="not_changed"`) ||
		strings.Count(form, `<img class="er-pic"`) < len(ledger.VerdictReasons)+4 {
		t.Fatal("the verdict form does not offer the pictured verdicts and reasons")
	}
	if r := robin.post("/ledger/items/"+id+"/verdict", url.Values{"verdict": {"not_changed"}, "reason": {"because"}}); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, `href="#reason"`) {
		t.Errorf("a reason not offered = %d", r.StatusCode)
	}
	if r := robin.post("/ledger/items/"+id+"/verdict", url.Values{"verdict": {"not_changed"}, "reason": {"still-waiting"}, "comment": {""}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("a verdict with a chosen reason and nothing typed = %d %s", r.StatusCode, r.Body)
	}
	if b := s.client(t).get("/board/items/" + id).Body; !strings.Contains(b, "I still wait too long") {
		t.Error("the chosen reason is not shown with the verdict")
	}
	sky := s.client(t)
	sky.loginAs("member2")
	if r := sky.post("/ledger/items/"+id+"/verdict", url.Values{"verdict": {"changed"}}); r.StatusCode != http.StatusSeeOther {
		t.Errorf("a verdict with no reason at all = %d", r.StatusCode)
	}
}
