// Package browser drives headless Chromium (chromedp) against a running
// Coprod for tests: visiting pages, filling forms, checking each page with
// axe-core, with JavaScript on or off. Later features add their pages to
// the same harness.
//
// It needs Debian's chromium-headless-shell or chromium (or CHROMIUM_PATH) and axe-core installed by
// .ci/npm-deps; without them tests skip, or fail when COPROD_TEST_STRICT=1.
package browser

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
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

	// Where the time went, logged when the test ends (go test -v).
	visits, axeRuns, axeRepeats, injects       int
	sinceStart, visitTime, axeTime, injectTime time.Duration
	started                                    time.Time
	axeLoaded                                  bool // axe-core runs in each new document
}

// chromiumPath prefers Chromium's headless shell (Debian's
// chromium-headless-shell): the same Blink and V8 without the desktop
// browser around them. In the keyboard flows it costs a sixth of the CPU
// time of the full browser in its headless mode (100 typed characters:
// 0.5 against 3.0 core-seconds), and a third less for a visit and an axe
// check.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM_PATH"); p != "" {
		return p
	}
	for _, name := range []string{"chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"} {
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

// shared is the one Chromium process that the tests of a test binary share.
// Starting Chromium costs about a second of CPU; each Browser instead gets
// its own BrowserContext in it (a fresh profile in all that matters: its
// own cookies, storage and cache), which costs a few milliseconds. The
// process stops when no Browser has used it for idleStop, or at Close, or
// with the test binary (chromedp's allocator has the kernel kill it).
var shared struct {
	mu     sync.Mutex
	ctx    context.Context // the browser's first context
	stop   func()
	dir    string
	users  int
	idle   *time.Timer
	gen    int // counts starts, so a stale idle timer stops nothing
	exe    string
	axe    string
	setup  sync.Once
	errMsg string
}

// idleStop is how long the shared Chromium waits for the next test before
// it stops: long enough to bridge the start of the next test's server.
const idleStop = 20 * time.Second

// browserFlags start Chromium headless with nothing running in the
// background that a test does not ask for.
func browserFlags(exe, dir string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(dir),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(1280, 900),
	}
}

// acquire returns the shared browser's context, starting Chromium if it is
// not running, and counts the caller as a user until release.
func acquire(t testing.TB) context.Context {
	t.Helper()
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.idle != nil {
		shared.idle.Stop()
		shared.idle = nil
	}
	if shared.ctx == nil {
		removeStaleProfiles()
		dir, err := os.MkdirTemp("", fmt.Sprintf("coprod-chromium-%d-", os.Getpid()))
		if err != nil {
			t.Fatal(err)
		}
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), browserFlags(shared.exe, dir)...)
		ctx, cancelCtx := chromedp.NewContext(actx)
		if err := chromedp.Do(ctx); err != nil {
			cancelCtx()
			cancelAlloc()
			os.RemoveAll(dir)
			t.Fatalf("starting Chromium (%s): %v", shared.exe, err)
		}
		shared.ctx, shared.dir = ctx, dir
		shared.stop = func() {
			// A graceful close, so that Chromium's helpers end with it.
			cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			chromedp.Cancel(cctx)
			cancel()
			cancelCtx()
			cancelAlloc()
			os.RemoveAll(dir)
		}
		shared.gen++
	}
	shared.users++
	return shared.ctx
}

// removeStaleProfiles removes the profile directories of test binaries
// that have ended (Chromium ends with them, but nothing removes its
// directory unless Close runs), named coprod-chromium-<pid>-*.
func removeStaleProfiles() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "coprod-chromium-*"))
	for _, d := range dirs {
		parts := strings.SplitN(filepath.Base(d), "-", 4)
		if len(parts) < 4 {
			continue
		}
		pid, err := strconv.Atoi(parts[2])
		if err != nil || pid == os.Getpid() {
			continue
		}
		if syscall.Kill(pid, 0) == syscall.ESRCH {
			os.RemoveAll(d)
		}
	}
}

// release counts a user out; the last one leaves Chromium running for
// idleStop, for the next test.
func release() {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	shared.users--
	if shared.users > 0 || shared.ctx == nil {
		return
	}
	gen := shared.gen
	shared.idle = time.AfterFunc(idleStop, func() {
		shared.mu.Lock()
		defer shared.mu.Unlock()
		if shared.users == 0 && shared.gen == gen && shared.ctx != nil {
			stopLocked()
		}
	})
}

func stopLocked() {
	shared.stop()
	shared.ctx, shared.stop = nil, nil
}

// Close stops the shared Chromium at once and removes its profile
// directory. A TestMain may call it after m.Run; without it Chromium stops
// when idle, or with the test binary.
func Close() {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.idle != nil {
		shared.idle.Stop()
		shared.idle = nil
	}
	if shared.ctx != nil {
		stopLocked()
	}
}

// Start opens a fresh browser: a new BrowserContext (empty cookies, storage
// and cache, like a new profile) with one tab, in the Chromium process the
// test binary shares.
func Start(t testing.TB, baseURL string, o Options) *Browser {
	t.Helper()
	shared.setup.Do(func() {
		shared.exe = chromiumPath()
		if shared.exe == "" {
			shared.errMsg = "Chromium not found"
			return
		}
		axeDir := testkit.NpmPackage(t, "axe-core")
		if axeDir == "" {
			shared.errMsg = "axe-core not installed"
			return
		}
		axe, err := os.ReadFile(filepath.Join(axeDir, "axe.min.js"))
		if err != nil {
			shared.errMsg = "reading axe-core: " + err.Error()
			return
		}
		shared.axe = string(axe)
	})
	switch shared.errMsg {
	case "":
	case "Chromium not found":
		storetest.SkipOrFail(t, "browser tests not run: Chromium not found", "install Debian's chromium-headless-shell (or chromium) or set CHROMIUM_PATH")
	case "axe-core not installed":
		storetest.SkipOrFail(t, "browser tests not run: axe-core not installed", "run .ci/npm-deps")
	default:
		t.Fatal(shared.errMsg)
	}
	parent := acquire(t)
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	b := &Browser{t: t, ctx: ctx, BaseURL: strings.TrimSuffix(baseURL, "/"), axe: shared.axe, noJS: o.NoJS, started: time.Now()}
	t.Cleanup(func() {
		t.Logf("browser: %v in all; %d visits %v; axe on %d pages %v (loading axe-core %d times %v; %d more pages were documents axe had passed)",
			time.Since(b.started).Round(time.Millisecond), b.visits, b.visitTime.Round(time.Millisecond),
			b.axeRuns, b.axeTime.Round(time.Millisecond), b.injects, b.injectTime.Round(time.Millisecond), b.axeRepeats)
		cancel()
		release()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a browser context in Chromium (%s): %v", shared.exe, err)
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
	start := time.Now()
	b.Do(chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body")))
	b.visits++
	b.visitTime += time.Since(start)
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
	b.MarkDocument()
	// A page may draw a control twice with one copy hidden (the header's
	// Sign out: once for wide screens, once behind Menu on a phone), and
	// chromedp waits for every match to be visible; click the first copy a
	// person can see.
	xp := fmt.Sprintf(`//button[normalize-space(.)=%q]`, buttonText)
	n := get(b, chromedp.EvaluateAsDevTools[int](fmt.Sprintf(`(() => {
		const r = document.evaluate(%q, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
		for (let i = 0; i < r.snapshotLength; i++) { if (r.snapshotItem(i).getClientRects().length > 0) return i + 1; }
		return 1;
	})()`, xp)))
	b.Do(chromedp.Click(chromedp.Search(fmt.Sprintf("(%s)[%d]", xp, n))))
	b.AwaitNewDocument(fmt.Sprintf("pressing %q", buttonText))
}

// MarkDocument tags the current document, so that AwaitNewDocument can
// tell when another has replaced it: the next one will not carry the tag.
func (b *Browser) MarkDocument() {
	b.t.Helper()
	_ = get(b, chromedp.EvaluateAsDevTools[bool](`window.__coprodOld = true`))
}

// AwaitNewDocument waits until a document other than the one MarkDocument
// tagged has loaded. Asking while the navigation replaces the document may
// fail ("Inspected target navigated or closed"): that is a reason to ask
// again, not a failure.
func (b *Browser) AwaitNewDocument(what string) {
	b.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !b.newDocumentLoaded() {
		if time.Now().After(deadline) {
			b.t.Fatalf("browser: %s on %s did not load a new page", what, b.lastURL)
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
// listing every violation. axe-core comes through the DevTools protocol,
// outside the page's Content-Security-Policy: sent once per browser and
// run by Chromium at the start of each new document (with page scripts on
// or off), so a check costs only axe.run.
func (b *Browser) Axe() {
	b.t.Helper()
	key := b.documentKey()
	if _, done := passedDocuments.Load(key); done {
		b.axeRepeats++
		b.Checked++
		return
	}
	if b.noJS {
		// axe itself is a script: allow scripts for the check only.
		b.setScripts(true)
		defer b.setScripts(false)
	}
	start := time.Now()
	defer func() { b.axeTime += time.Since(start); b.axeRuns++ }()
	// axe-core is half a megabyte of script, and sending it through
	// DevTools costs far more than running it: send it once per browser,
	// for Chromium to run in each new document (and in this one).
	if !b.axeLoaded {
		ctx, cancel := b.ctxWithTimeout()
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: b.axe, RunImmediately: &[]bool{true}[0]})
		cancel()
		if err != nil {
			b.t.Fatalf("browser: loading axe-core: %v", err)
		}
		b.axeLoaded = true
		b.injects++
		b.injectTime += time.Since(start)
	}
	if get(b, chromedp.EvaluateAsDevTools[bool](`typeof axe === 'object'`)) == false {
		// Not expected (RunImmediately covers the document open when axe
		// was registered), but a check must not fail for want of axe.
		s := time.Now()
		get(b, chromedp.EvaluateAsDevTools[bool](b.axe+`;true`))
		b.injects++
		b.injectTime += time.Since(s)
	}
	tags, _ := json.Marshal(AxeTags)
	script := `axe.run(document, {runOnly: {type: 'tag', values: ` + string(tags) + `}, resultTypes: ['violations']})
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
	if len(vs) == 0 {
		passedDocuments.Store(key, true)
	}
	b.Checked++
}

// passedDocuments holds a digest of each document axe has passed in this
// test process. axe's result is a function of the document, the style
// sheets (the same embedded files in every test server, with no rule that
// depends on scripting) and the viewport, so a document that is byte for
// byte one axe passed, at the same size, passes again: Axe counts it as
// checked without running axe. Whether page scripts were on does not
// matter beyond the markup: axe itself always runs with scripts on, and
// what page scripts changed, or a <noscript> that was drawn, is in the
// markup. Tests meet such repeats (the same page for the same person in
// two tests, or with scripts on and off), and axe costs about a third of a
// second of CPU a page.
var passedDocuments sync.Map

// documentKey digests the current document's markup with the viewport's size.
func (b *Browser) documentKey() string {
	doc := get(b, chromedp.EvaluateAsDevTools[string](`JSON.stringify([innerWidth, innerHeight, document.documentElement.outerHTML])`))
	sum := sha256.Sum256([]byte(doc))
	return hex.EncodeToString(sum[:])
}

// Eval evaluates a JavaScript expression through DevTools (it works with
// page scripts off) and returns its string result.
func (b *Browser) Eval(expr string) string {
	b.t.Helper()
	return get(b, chromedp.EvaluateAsDevTools[string](expr))
}
