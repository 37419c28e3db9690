package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

var demoRoles = []string{"admin", "commissioner", "facilitator", "member", "provider", "evaluator", "researcher"}

func signIn(b *browser.Browser, email, password string) {
	b.As(email)
	b.Visit("/login")
	b.Fill("email", email)
	b.Fill("password", password)
	b.Submit("Sign in")
}

// TestBrowserEveryPagePassesAxe crawls the site anonymously with
// JavaScript off, running axe on each page shape, then signs in as every
// demo role and runs axe on their home and account pages and on the error
// states of the sign-in, password and admin forms.
func TestBrowserEveryPagePassesAxe(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	t.Run("anonymous", func(t *testing.T) {
		b := browser.Start(t, s.URL, browser.Options{NoJS: true})
		visited := b.Crawl("/", 40, b.AxeOnce)
		for _, want := range []string{"/", "/login", "/accessibility"} {
			if !contains(visited, want) {
				t.Errorf("anonymous crawl did not reach %s: %v", want, visited)
			}
		}
		b.Visit("/no/such/page")
		b.Axe()
		// The sign-in form's error state: summary linked to fields.
		signIn(b, "", "")
		if !strings.Contains(b.HTML(), "There is a problem") {
			t.Fatal("no error summary after an empty sign-in")
		}
		b.Axe()
	})
	for _, role := range demoRoles {
		t.Run(role, func(t *testing.T) {
			b := browser.Start(t, s.URL, browser.Options{NoJS: true})
			signIn(b, role+"@demo.test", demo.Password)
			if p := b.Path(); p != "/" {
				t.Fatalf("after signing in as %s: at %s", role, p)
			}
			// Axe on the two pages every person meets, as that person (their
			// home differs by role); that every page they may open is
			// reached by links, with axe on each page shape, is
			// TestBrowserFollowLinksFromHome's, for every account, over HTTP.
			b.AxeOnce("/")
			b.Visit("/account")
			b.AxeOnce("/account")
			if role == "admin" {
				adminErrorStates(t, b)
			}
			b.Visit("/account/password")
			b.Submit("Change password")
			b.Axe()
			t.Logf("%s: axe passed on %d pages", role, b.Checked)
		})
	}
}

// adminErrorStates submits each admin form empty and checks the result.
func adminErrorStates(t *testing.T, b *browser.Browser) {
	t.Helper()
	for _, f := range []struct{ path, button string }{
		{"/admin/organisations/new", "Add organisation"},
		{"/admin/invitations/new", "Create invitation"},
	} {
		b.Visit(f.path)
		b.Submit(f.button)
		if !strings.Contains(b.HTML(), "There is a problem") {
			t.Errorf("%s: no error summary after an empty submission", f.path)
		}
		b.Axe()
	}
	b.Visit("/admin/audit?since=yesterday")
	b.Axe()
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// TestBrowserFlowsWithoutJavaScript runs sign-in, the admin's work and
// accepting an invitation with JavaScript switched off.
func TestBrowserFlowsWithoutJavaScript(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	b := browser.Start(t, s.URL, browser.Options{NoJS: true})
	signIn(b, "admin@demo.test", "not the password")
	if !strings.Contains(b.Text(".error-summary"), "not right") {
		t.Fatal("wrong password: no error shown")
	}
	signIn(b, "admin@demo.test", demo.Password)
	if b.Path() != "/" || !strings.Contains(b.Text("header"), "Signed in as") {
		t.Fatalf("sign-in without JavaScript: at %s", b.Path())
	}
	b.Visit("/admin/organisations/new")
	b.Fill("name", "Deaf Voices North")
	b.Do(chromedp.Click(chromedp.CSS("#kind-user_led")))
	b.Submit("Add organisation")
	if !strings.HasPrefix(b.Path(), "/admin/organisations/") || b.Text("h1") != "Deaf Voices North" {
		t.Fatalf("after creating an organisation: at %s", b.Path())
	}
	b.Axe()
	b.Visit("/admin/invitations/new")
	b.Fill("email", "ash@example.org")
	b.Fill("display_name", "Ash")
	b.Submit("Create invitation")
	link := b.Eval(`document.querySelector('#invite-link').value`)
	if !strings.Contains(link, "/invite/") {
		t.Fatalf("invitation link = %q", link)
	}
	b.Axe()
	b.Submit("Sign out")
	if !strings.HasPrefix(b.Path(), "/login") || !strings.Contains(b.HTML(), "You have signed out") {
		t.Fatalf("after signing out: at %s", b.Path())
	}

	guest := browser.Start(t, s.URL, browser.Options{NoJS: true})
	guest.Visit(link)
	guest.Axe()
	guest.Fill("password", "ash's long passphrase")
	guest.Fill("password_confirm", "ash's long passphrase")
	guest.Submit("Create account")
	if guest.Path() != "/?done=welcome" || !strings.Contains(guest.Text("header"), "Ash") {
		t.Fatalf("after accepting: at %s", guest.Path())
	}
}

// TestBrowserKeyboardSkipLink checks the first Tab lands on the skip link
// and following it moves focus to the main content.
func TestBrowserKeyboardSkipLink(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	b := browser.Start(t, s.URL, browser.Options{})
	b.Visit("/")
	b.Do(chromedp.KeyEvent("\t"))
	if got := b.Eval(`document.activeElement.textContent`); got != "Skip to main content" {
		t.Fatalf("first Tab focuses %q", got)
	}
	b.Do(chromedp.KeyEvent("\r"))
	if got := b.Eval(`document.activeElement.id`); got != "main" {
		t.Fatalf("after the skip link, focus is on #%s", got)
	}
}
