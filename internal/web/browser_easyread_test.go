package web_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// TestBrowserEasyRead (JavaScript off): Robin, who asked for Easy Read, on a
// 390 × 844 screen: the round page's first action card is wholly on the
// first screen, its picture left of its words, text at least 19 px, nothing
// scrolls sideways; axe checks the member's pages in Easy Read. Sky then
// changes each display setting and the computed styles change with it; with
// the device set to dark, pages turn dark unless Sky chose light. With
// COPROD_SCREENS set (a folder), screenshots of the round page and the vote
// at 390 and 1280 px are saved there for people to look at.
func TestBrowserEasyRead(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	base := "/rounds/" + ids.round
	opts := browser.Options{NoJS: true}
	dir := os.Getenv("COPROD_SCREENS")

	mem := browser.Start(t, s.URL, opts)
	mem.As("member")
	mem.Do(chromedp.EmulateViewport(390, 844))
	signIn(mem, "member@demo.test", demo.Password)
	mem.Visit(base)
	mustSee(t, mem, "What you can do now", "About this group")
	num := func(b *browser.Browser, expr string) float64 {
		t.Helper()
		v, err := strconv.ParseFloat(b.Eval(expr), 64)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
	if bottom := num(mem, `String(document.querySelector('.action-card').getBoundingClientRect().bottom)`); bottom > 844 {
		t.Errorf("the first action card ends at %.0f px, below the first screen (844 px)", bottom)
	}
	if side := mem.Eval(`(() => { const a = document.querySelector('.action-card a'); const img = a.querySelector('img').getBoundingClientRect();
		const w = a.querySelector('span').getBoundingClientRect(); return String(w.left >= img.right); })()`); side != "true" {
		t.Error("the card's picture is not left of its words")
	}
	if size := num(mem, `String(parseFloat(getComputedStyle(document.querySelector('main p')).fontSize))`); size < 19 {
		t.Errorf("Easy Read text is %.1f px at 390 px; at least 19 px", size)
	}
	if lh := num(mem, `(() => { const s = getComputedStyle(document.body); return String(parseFloat(s.lineHeight) / parseFloat(s.fontSize)); })()`); lh < 1.49 {
		t.Errorf("Easy Read line spacing %.2f, want 1.5", lh)
	}
	if w := num(mem, `String(document.documentElement.scrollWidth)`); w > 390 {
		t.Errorf("the round page is %.0f px wide at 390 px", w)
	}
	mem.AxeOnce(base)
	if dir != "" {
		mem.SaveScreenshot(390, 844, filepath.Join(dir, "easy-read-round-390.png"))
		mem.SaveScreenshot(1280, 900, filepath.Join(dir, "easy-read-round-1280.png"))
		mem.Do(chromedp.EmulateViewport(390, 844))
	}
	mem.Visit(base + "/vision")
	mustSee(t, mem, "You have 5 dots left.", "Add a dot")
	mem.AxeOnce(base + "/vision")
	if dir != "" {
		mem.SaveScreenshot(390, 844, filepath.Join(dir, "easy-read-vote-390.png"))
		mem.SaveScreenshot(1280, 900, filepath.Join(dir, "easy-read-vote-1280.png"))
		mem.Do(chromedp.EmulateViewport(390, 844))
	}
	keySubmitAt(t, mem, `//button[starts-with(normalize-space(.), "Add a dot")]`)
	mustSee(t, mem, "You have 4 dots left.", "Your dots have been placed.")
	mem.Visit(base + "/decisions")
	for _, l := range mem.Links() {
		if i := strings.Index(l, base+"/decisions/"); i >= 0 && !strings.HasSuffix(l, "/new") {
			mem.Visit(l[i:])
			mem.AxeOnce(l[i:])
			break
		}
	}
	mem.Visit("/account/display")
	mem.AxeOnce("/account/display")

	// Each setting, with and without: Sky starts from the defaults.
	sky := browser.Start(t, s.URL, opts)
	sky.As("member2")
	signIn(sky, "member2@demo.test", demo.Password)
	style := func(expr string) string { t.Helper(); sky.Visit("/account"); return sky.Eval(expr) }
	save := func(id string) {
		t.Helper()
		sky.Visit("/account/display")
		keyTick(sky, "#"+id)
		keySubmit(t, sky, "Save display settings")
		mustSee(t, sky, "Your display settings are saved.")
	}
	checks := []struct {
		setting, choose, undo, expr string
	}{
		{"text size 150%", "text_size-150", "text_size", `getComputedStyle(document.documentElement).fontSize`},
		{"wide line spacing", "spacing-wide", "spacing", `(() => { const s = getComputedStyle(document.body); return (parseFloat(s.lineHeight) / parseFloat(s.fontSize)).toFixed(2); })()`},
		{"high contrast", "contrast-high", "contrast", `getComputedStyle(document.body).color`},
		{"dark colours", "scheme-dark", "scheme", `getComputedStyle(document.body).backgroundColor`},
		{"Easy Read", "easy_read-on", "easy_read", `getComputedStyle(document.querySelector('main p')).fontSize`},
	}
	want := map[string][2]string{
		"text size 150%":    {"16px", "24px"},
		"wide line spacing": {"1.50", "1.80"},
		"high contrast":     {"rgb(11, 12, 12)", "rgb(0, 0, 0)"},
		"dark colours":      {"rgb(255, 255, 255)", "rgb(17, 17, 17)"},
		"Easy Read":         {"19px", "20px"},
	}
	for _, c := range checks {
		before := style(c.expr)
		save(c.choose)
		after := style(c.expr)
		if w := want[c.setting]; before != w[0] || after != w[1] {
			t.Errorf("%s: computed %q then %q, want %q then %q", c.setting, before, after, w[0], w[1])
		}
		save(c.undo)
	}
	save("motion-reduce")
	if cls := style(`document.documentElement.className`); cls != "motion-reduce" {
		t.Errorf("reduce movement: <html class=%q>", cls)
	}
	save("motion")
	// The device says dark: pages follow it, unless light was chosen.
	sky.Do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia,
			emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
		return err
	}))
	if bg := style(`getComputedStyle(document.body).backgroundColor`); bg != "rgb(17, 17, 17)" {
		t.Errorf("the device prefers dark: background %q", bg)
	}
	save("scheme-light")
	if bg := style(`getComputedStyle(document.body).backgroundColor`); bg != "rgb(255, 255, 255)" {
		t.Errorf("light chosen on a dark device: background %q", bg)
	}
	sky.AxeOnce("/account")
}
