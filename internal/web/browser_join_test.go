package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// TestBrowserJoinWithoutJavaScript: with JavaScript off, a facilitator
// invites someone and sees the invitations waiting; the person, with no
// account, joins with the code from the sign-in page's link, meeting the
// form's problems first. axe checks the invitation, its link and code, the
// pending list, the code form, the joining form and its errors.
func TestBrowserJoinWithoutJavaScript(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	opts := browser.Options{NoJS: true}

	fac := browser.Start(t, s.URL, opts)
	signIn(fac, "facilitator@demo.test", demo.Password)
	fac.Visit("/rounds/" + ids.round + "/invitations/new")
	fac.Submit("Create invitation link")
	mustSee(t, fac, "There is a problem", `href="#for_name"`, `href="#role"`)
	fac.Axe()
	fac.Fill("for_name", "Kai (Tuesday group)")
	fac.Do(chromedp.Click(chromedp.CSS("#role-member")))
	fac.Submit("Create invitation link")
	fac.Axe()
	code := fac.Text("#invite-code")
	if len(code) != 9 || code[4] != '-' {
		t.Fatalf("invitation code = %q", code)
	}
	fac.Visit("/rounds/" + ids.round + "/invitations")
	mustSee(t, fac, "Kai (Tuesday group)", "Re-issue", "Withdraw")
	fac.Axe()

	kai := browser.Start(t, s.URL, opts)
	kai.Visit("/login")
	kai.Do(chromedp.Click(chromedp.Search(`//a[normalize-space(.)="Join with a code"]`)))
	if kai.Path() != "/join" {
		t.Fatalf("following 'Join with a code': at %s", kai.Path())
	}
	kai.Axe()
	kai.Fill("code", strings.ToLower(code))
	kai.Submit("Continue")
	mustSee(t, kai, "Make your account", "Group member")
	kai.Submit("Join the round")
	mustSee(t, kai, "There is a problem", `href="#display_name"`, `href="#pseudonym"`, `href="#take_part"`)
	kai.Axe()
	kai.Fill("display_name", "Kai Jones")
	kai.Fill("email", "kai@example.org")
	kai.Fill("password", "kai's long passphrase")
	kai.Fill("password_confirm", "kai's long passphrase")
	kai.Fill("pseudonym", "Kai J")
	kai.Do(chromedp.Click(chromedp.CSS("#take_part")))
	kai.Submit("Join the round")
	if kai.Path() != "/rounds/"+ids.round+"?done=joined-new" {
		t.Fatalf("after joining: at %s", kai.Path())
	}
	mustSee(t, kai, "Your account is ready and you have joined the round.")
}
