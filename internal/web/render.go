package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

//go:embed templates
var templateFS embed.FS

// pageSet holds every page, each parsed once at start with the layout.
type pageSet struct{ byName map[string]*template.Template }

func parsePages(st *staticFiles) (*pageSet, error) {
	funcs := template.FuncMap{
		"static":     st.URL,
		"fieldError": fieldError,
		"date":       londonDate,
		"datetime":   londonDateTime,
		"isoTime":    func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"orgKinds":   func() []auth.OrgKind { return auth.OrgKinds },
		"roles":      func() []auth.Role { return auth.Roles },
		"roleLabel":  func(r auth.Role) string { return r.Label() },
		"kindLabel":  func(k auth.OrgKind) string { return k.Label() },
		"query":      func(v url.Values) template.URL { return template.URL(v.Encode()) },
		"details":    detailsText,
		"add":        func(a, b int) int { return a + b },
		"list":       func(items ...string) []string { return items },
		"field": func(v view, name, label, typ, autocomplete, hint string) fieldArgs {
			return fieldArgs{V: v, Name: name, Label: label, Type: typ, Autocomplete: autocomplete, Hint: hint}
		},
	}
	for name, f := range pictureFuncs(st) {
		funcs[name] = f
	}
	for name, f := range roundFuncs {
		funcs[name] = f
	}
	for name, f := range tenderFuncs {
		funcs[name] = f
	}
	for name, f := range measureFuncs {
		funcs[name] = f
	}
	funcs["easyReadCheck"] = easyReadCheck
	base, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout/*.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	ps := &pageSet{byName: map[string]*template.Template{}}
	for _, n := range names {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, n)
		if err != nil {
			return nil, err
		}
		ps.byName[strings.TrimSuffix(path.Base(n), ".html")] = t
	}
	return ps, nil
}

// londonDateTime shows a moment in UK time with its weekday, on the 24-hour
// clock people enter times on: "Thursday 10 June 2027 at 18:30".
func londonDateTime(t time.Time) string {
	return t.In(round.London).Format("Monday 2 January 2006 at 15:04")
}

// londonDate is the UK date of a moment: "10 June 2027". A date kept as
// midnight UTC is the same day in the UK.
func londonDate(t time.Time) string { return t.In(round.London).Format("2 January 2006") }

// view is what every page template gets.
type view struct {
	Title     string
	Principal *auth.Principal
	Path      string
	Demo      bool
	Flash     string
	Errors    []apperr.FieldError
	Form      url.Values
	Data      any
	// Display is the <html> classes of the reader's display settings and
	// EasyRead whether the page is in Easy Read (handlers_display.go).
	Display  string
	EasyRead bool
	Nav      []navLink // the main navigation and the page's breadcrumbs (nav.go)
	Crumbs   []navLink
	Unread   int // the signed-in person's unread notifications, for the header (handlers_notifications.go)
}

// fieldArgs is what the "field" template needs to draw one input.
type fieldArgs struct {
	V                                     view
	Name, Label, Type, Autocomplete, Hint string
}

// fieldError returns the message for one field, for the inline error.
func fieldError(errs []apperr.FieldError, field string) string {
	for _, e := range errs {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// draw writes a page. The page is rendered to a buffer first, so a
// template failure becomes an error (and a clean error page), not half a page.
func (s *Server) draw(w http.ResponseWriter, r *http.Request, status int, name string, v view) error {
	t, ok := s.pages.byName[name]
	if !ok {
		return fmt.Errorf("no page template %q", name)
	}
	v.Principal, v.Path, v.Demo = principal(r), r.URL.Path, s.cfg.Demo
	v.Display, v.EasyRead = s.displayFor(r)
	v.Nav, v.Crumbs = s.navFor(r, status, v.Title)
	v.Unread = s.unreadNotifications(r)
	if v.Flash == "" {
		v.Flash = flashMessages[r.URL.Query().Get("done")]
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		return fmt.Errorf("rendering %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
	return nil
}

// flashMessages are the confirmations shown after post/redirect/get, keyed
// by the ?done= value so no message text travels in URLs: the shell's and
// every area's.
var flashMessages = mergeFlash(shellFlash, accountFlash, roundFlash, ledgerFlash, measureFlash, studyFlash, codingFlash, tenderFlash, notificationFlash, displayFlash, easyReadFlash, findingsFlash, peerFlash, trainingFlash, pathwayFlash, adjustmentFlash, raAuditFlash)

// mergeFlash joins the areas' confirmations; a key used by two areas is a
// programming error, caught when the package loads.
func mergeFlash(tables ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, t := range tables {
		for k, v := range t {
			if _, dup := out[k]; dup {
				panic("web: two confirmations for ?done=" + k)
			}
			out[k] = v
		}
	}
	return out
}

// shellFlash are the confirmations of signing in, accounts and administration.
var shellFlash = map[string]string{
	"signed-out":       "You have signed out.",
	"password-changed": "Your password has been changed. Other devices have been signed out.",
	"org-created":      "Organisation created.",
	"member-added":     "Member added.",
	"welcome":          "Your account is ready. Welcome to Coprod.",
	"check-saved":      "Check saved to the library.",
}

// statusFor is the one table from error codes to HTTP statuses.
var statusFor = map[string]int{
	apperr.Invalid:      http.StatusUnprocessableEntity,
	apperr.NotFound:     http.StatusNotFound,
	apperr.Conflict:     http.StatusConflict,
	apperr.Unauthorized: http.StatusUnauthorized,
	apperr.Forbidden:    http.StatusForbidden,
	apperr.RateLimited:  http.StatusTooManyRequests,
	apperr.Unavailable:  http.StatusServiceUnavailable,
	apperr.Internal:     http.StatusInternalServerError,
}

// fail shows err as a page: a visitor who must sign in is sent to sign in
// and back; an application error shows its message at its status; any
// other error is logged and shown as a generic one.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := apperr.Code(err)
	switch code {
	case apperr.Internal:
		s.serverError(w, r, err)
		return
	case apperr.Unauthorized:
		http.Redirect(w, r, "/login?next="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	title := map[string]string{apperr.NotFound: "Page not found", apperr.Forbidden: "You do not have access to this page",
		apperr.RateLimited: "Too many attempts", apperr.Unavailable: "The service is busy"}[code]
	if title == "" {
		title = "There is a problem"
	}
	if err := errorPage.show(s, w, r, statusFor[code], view{Title: title}, apperr.Message(err)); err != nil {
		s.serverError(w, r, err)
	}
}

func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	if err != nil {
		s.log.Error("internal error", "path", r.URL.Path, "err", err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	// Plain markup with no template: rendering may be what failed.
	fmt.Fprint(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sorry, there is a problem with the service – Coprod</title></head>`+
		`<body><a href="#main">Skip to main content</a><header><p>Coprod</p></header><main id="main"><h1>Sorry, there is a problem with the service</h1>`+
		`<p>Try again later. Anything you saved before this has been kept.</p><p><a href="/">Go to the start page</a></p></main></body></html>`)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) { s.fail(w, r, errNotFound) }

func (s *Server) crossOriginDenied(w http.ResponseWriter, r *http.Request) {
	s.log.Warn("cross-origin request refused", "method", r.Method, "path", r.URL.Path, "origin", r.Header.Get("Origin"))
	if err := errorPage.show(s, w, r, http.StatusForbidden, view{Title: "This form was sent from another website"},
		"For your safety, Coprod only accepts forms sent from its own pages. Go back to the page, reload it, and try again."); err != nil {
		s.serverError(w, r, err)
	}
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

// safeNext returns a local path to go to after signing in; anything that
// could lead off-site becomes "/".
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

// download sets the headers of a file the browser saves rather than shows.
// filename must be safe in a quoted header value (see safeFileName).
func download(w http.ResponseWriter, contentType, filename string) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
}

// safeFileName keeps a download name to letters, digits and . - _ so it
// cannot break out of its header.
func safeFileName(s string) string {
	b := []rune(s)
	for i, c := range b {
		if !(c == '.' || c == '-' || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			b[i] = '_'
		}
	}
	if len(b) == 0 {
		return "evidence"
	}
	return string(b)
}
