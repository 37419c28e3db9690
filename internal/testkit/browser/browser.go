// Package browser drives headless Chromium (chromedp) against a running
// Coprod for tests: visiting pages, filling forms, checking each page with
// axe-core, with JavaScript on or off. Later features add their pages to
// the same harness.
//
// It needs Debian's chromium (or CHROMIUM_PATH) and axe-core installed by
// .ci/npm-deps; without them tests skip, or fail when COPROD_TEST_STRICT=1.
package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/testkit"
)

// AxeTags are the rule sets every page must pass with zero violations.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// Browser is one headless Chromium tab with a base URL.
type Browser struct {
	t       testing.TB
	ctx     context.Context
	BaseURL string
	axe     string
	noJS    bool
	lastURL string

	// Checked counts the pages axe has checked, for tests to assert coverage.
	Checked int
	// who the browser is signed in as, for AxeOnce ("" for a visitor).
	who string
}

func chromiumPath() string {
	if p := os.Getenv("CHROMIUM_PATH"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Options change how the browser starts.
type Options struct {
	// NoJS disables JavaScript in pages, to prove flows work without it.
	NoJS bool
}

// Start launches a fresh headless browser with an empty profile.
func Start(t testing.TB, baseURL string, o Options) *Browser {
	t.Helper()
	exe := chromiumPath()
	if exe == "" {
		storetest.SkipOrFail(t, "browser tests not run: Chromium not found", "install Debian's chromium or set CHROMIUM_PATH")
	}
	axeDir := testkit.NpmPackage(t, "axe-core")
	if axeDir == "" {
		storetest.SkipOrFail(t, "browser tests not run: axe-core not installed", "run .ci/npm-deps")
	}
	axe, err := os.ReadFile(filepath.Join(axeDir, "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	b := &Browser{t: t, ctx: ctx, BaseURL: strings.TrimSuffix(baseURL, "/"), axe: string(axe), noJS: o.NoJS}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium (%s): %v", exe, err)
	}
	if o.NoJS {
		b.setScripts(false)
	}
	return b
}

// ctxWithTimeout bounds each browser step so a stuck page fails the test.
func (b *Browser) ctxWithTimeout() (context.Context, context.CancelFunc) {
	return context.WithTimeout(b.ctx, 30*time.Second)
}

// Do runs chromedp steps, failing the test on error.
func (b *Browser) Do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := b.ctxWithTimeout()
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("browser on %s: %v", b.lastURL, err)
	}
}

// get runs one chromedp action that returns a value.
func get[T any](b *Browser, a chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := b.ctxWithTimeout()
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.t.Fatalf("browser on %s: %v", b.lastURL, err)
	}
	return v
}

func (b *Browser) setScripts(enabled bool) {
	b.t.Helper()
	ctx, cancel := b.ctxWithTimeout()
	defer cancel()
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !enabled}); err != nil {
		b.t.Fatalf("browser: switching scripts: %v", err)
	}
}

// Visit opens a path (or a full URL) and waits for the page to load.
func (b *Browser) Visit(path string) {
	b.t.Helper()
	url := path
	if strings.HasPrefix(path, "/") {
		url = b.BaseURL + path
	}
	b.lastURL = url
	b.Do(chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body")))
}

// Fill types into the field with the given id, replacing what is there.
func (b *Browser) Fill(id, value string) {
	b.t.Helper()
	sel := chromedp.CSS("#" + id)
	// Emptied through DevTools: chromedp's Clear fails on an empty
	// textarea, and its SetValue needs page scripts, which may be off.
	_ = get(b, chromedp.EvaluateAsDevTools[string](fmt.Sprintf(`document.querySelector(%q).value = ""`, "#"+id)))
	b.Do(chromedp.SendKeys(sel, value))
}

// Submit clicks the button with the given text and waits until the form's
// response has replaced the page.
func (b *Browser) Submit(buttonText string) {
	b.t.Helper()
	// Tag the current document; the next one will not carry the tag.
	_ = get(b, chromedp.EvaluateAsDevTools[bool](`window.__coprodOld = true`))
	b.Do(chromedp.Click(chromedp.Search(fmt.Sprintf(`//button[normalize-space(.)=%q]`, buttonText))))
	deadline := time.Now().Add(15 * time.Second)
	for !b.newDocumentLoaded() {
		if time.Now().After(deadline) {
			b.t.Fatalf("browser: pressing %q on %s did not load a new page", buttonText, b.lastURL)
		}
		time.Sleep(25 * time.Millisecond)
	}
	b.lastURL = b.BaseURL + b.Path()
}

func (b *Browser) newDocumentLoaded() bool {
	ctx, cancel := b.ctxWithTimeout()
	defer cancel()
	state, err := chromedp.Run(ctx, chromedp.EvaluateAsDevTools[string](`window.__coprodOld ? 'old' : document.readyState`))
	return err == nil && state == "complete"
}

// Path returns the current URL's path and query.
func (b *Browser) Path() string {
	b.t.Helper()
	return strings.TrimPrefix(get(b, chromedp.Location()), b.BaseURL)
}

// Text returns the visible text of the first element matching a CSS selector.
func (b *Browser) Text(sel string) string {
	b.t.Helper()
	return get(b, chromedp.Text(chromedp.CSS(sel)))
}

// HTML returns the page's full markup.
func (b *Browser) HTML() string {
	b.t.Helper()
	return get(b, chromedp.OuterHTML(chromedp.CSS("html")))
}

// Links returns the href of every link on the page, as absolute URLs.
func (b *Browser) Links() []string {
	b.t.Helper()
	return get(b, chromedp.EvaluateAsDevTools[[]string](`Array.from(document.querySelectorAll('a[href]')).map(a => a.href)`))
}

// Violation is one axe-core rule failure.
type Violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// Axe runs axe-core on the current page with AxeTags and fails the test
// listing every violation. axe runs through the DevTools protocol, outside
// the page's Content-Security-Policy.
func (b *Browser) Axe() {
	b.t.Helper()
	if b.noJS {
		// axe itself is a script: allow scripts for the check only.
		b.setScripts(true)
		defer b.setScripts(false)
	}
	tags, _ := json.Marshal(AxeTags)
	script := b.axe + `;axe.run(document, {runOnly: {type: 'tag', values: ` + string(tags) + `}, resultTypes: ['violations']})
		.then(r => JSON.stringify(r.violations))`
	out := get(b, chromedp.EvaluateAsDevTools[string](script, chromedp.EvalAwaitPromise))
	var vs []Violation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		b.t.Fatalf("axe output: %v: %s", err, out)
	}
	for _, v := range vs {
		for _, n := range v.Nodes {
			b.t.Errorf("axe on %s: %s (%s): %s at %v: %s", b.lastURL, v.ID, v.Impact, v.Help, n.Target, n.HTML)
		}
	}
	b.Checked++
}

// Eval evaluates a JavaScript expression through DevTools (it works with
// page scripts off) and returns its string result.
func (b *Browser) Eval(expr string) string {
	b.t.Helper()
	return get(b, chromedp.EvaluateAsDevTools[string](expr))
}
