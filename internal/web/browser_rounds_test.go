package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// keySubmit presses a form's button with the keyboard (focus, then Enter)
// and waits for the response page, so flows are proven without a mouse.
func keySubmit(t *testing.T, b *browser.Browser, text string) {
	t.Helper()
	b.MarkDocument()
	b.Do(chromedp.Focus(chromedp.Search(`//button[normalize-space(.)="`+text+`"]`)), chromedp.KeyEvent("\r"))
	b.AwaitNewDocument("pressing " + text)
}

// keyFollow follows a link with the keyboard.
func keyFollow(t *testing.T, b *browser.Browser, text string) {
	t.Helper()
	b.MarkDocument()
	b.Do(chromedp.Focus(chromedp.Search(`//a[normalize-space(.)="`+text+`"]`)), chromedp.KeyEvent("\r"))
	b.AwaitNewDocument("following " + text)
}

// keyTick ticks a checkbox or chooses a radio with the space bar.
func keyTick(b *browser.Browser, sel string) {
	b.Do(chromedp.Focus(chromedp.CSS(sel)), chromedp.KeyEvent(" "))
}

// keyChoose picks a select's option by typing its first letters.
func keyChoose(b *browser.Browser, id, typed string) {
	b.Do(chromedp.Focus(chromedp.CSS("#"+id)), chromedp.KeyEvent(typed))
}

func mustSee(t *testing.T, b *browser.Browser, want ...string) {
	t.Helper()
	html := b.HTML()
	for _, w := range want {
		if !strings.Contains(html, w) {
			t.Fatalf("on %s: %q not found", b.Path(), w)
		}
	}
}

// TestBrowserRoundFlowByKeyboardWithoutJavaScript runs the whole first half
// of the cycle with JavaScript off, using only the keyboard, and checks
// every page on the way with axe: open a round, commit and publish the
// stake, try to lower it alone (the group decides), invite, join, add a member with
// consent, run a session, move stages (refused skip, then in order), add a
// story with a pathway, a factor, a service, import feedback with errors,
// give feedback, add a vision statement and vote with dots.
func TestBrowserRoundFlowByKeyboardWithoutJavaScript(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	opts := browser.Options{NoJS: true}
	com := browser.Start(t, s.URL, opts)
	signIn(com, "commissioner@demo.test", demo.Password)
	com.Visit("/rounds")
	com.Axe()
	keyFollow(t, com, "Open a round")
	keySubmit(t, com, "Open the round")
	mustSee(t, com, "There is a problem", `href="#title"`, `href="#stake"`)
	com.Axe()
	com.Fill("title", "Short breaks for adults with a learning disability")
	com.Fill("care_area", "Short breaks and respite in Bristol")
	keyTick(com, "#purpose-both")
	com.Fill("stake", "15.5")
	com.Fill("starts_on", "1 April 2027")
	com.Fill("ends_on", "31 March 2028")
	keySubmit(t, com, "Open the round")
	if !strings.HasSuffix(com.Path(), "?done=round-created") {
		t.Fatalf("after opening: at %s", com.Path())
	}
	roundPath := strings.TrimSuffix(com.Path(), "?done=round-created")
	mustSee(t, com, "15.5%", "not yet published", `aria-current="step"`)
	com.Axe()
	keySubmit(t, com, "Publish the round and lock the stake")
	mustSee(t, com, "The stake is now locked", "locked since")
	keyFollow(t, com, "Change the stake")
	com.Axe()
	com.Fill("stake", "10")
	keySubmit(t, com, "Change the stake")
	mustSee(t, com, "The group decides this: start a proposal to lower the stake.", `href="#stake"`, "Start a proposal to lower the stake")
	com.Axe()
	com.Visit(roundPath)
	mustSee(t, com, "15.5%")

	invite := func(roleID string) string {
		com.Visit(roundPath + "/invitations/new")
		com.Fill("for_name", "Someone new")
		keyTick(com, "#"+roleID)
		keySubmit(t, com, "Create invitation link")
		com.Axe()
		link := com.Eval(`document.querySelector('#invite-link').value`)
		if !strings.Contains(link, "/invite/round/") {
			t.Fatalf("invitation link = %q", link)
		}
		return link
	}
	facLink, memLink := invite("role-facilitator"), invite("role-member")

	fac := browser.Start(t, s.URL, opts)
	signIn(fac, "facilitator@demo.test", demo.Password)
	fac.Visit(facLink)
	fac.Axe()
	keySubmit(t, fac, "Join the round")
	mustSee(t, fac, "You have joined the round")

	mem := browser.Start(t, s.URL, opts)
	signIn(mem, "member@demo.test", demo.Password)
	mem.Visit(memLink)
	keySubmit(t, mem, "Join the round")
	mustSee(t, mem, "There is a problem", `href="#take_part"`)
	mem.Axe()
	mem.Fill("pseudonym", "Jo")
	keyTick(mem, "#take_part")
	keySubmit(t, mem, "Join the round")
	mustSee(t, mem, "You have joined the round")

	// The facilitator adds a member with consent, then records a withdrawal.
	fac.Visit(roundPath + "/members/new")
	fac.Axe()
	fac.Fill("pseudonym", "Lee")
	fac.Fill("real_name", "Lee Hidden")
	fac.Fill("contact_email", "lee@example.net")
	keyTick(fac, "#adjustments-bespoke")
	keyTick(fac, "#formats")
	keyTick(fac, "#consent")
	keyTick(fac, "#consent-share_anonymised")
	keySubmit(t, fac, "Add member")
	mustSee(t, fac, "Member added", "lee@example.net", "Bespoke", "Easy Read")
	fac.Axe()
	keyTick(fac, "#purpose-quote")
	keyTick(fac, "#decision-withdrawn")
	keySubmit(t, fac, "Record consent")
	mustSee(t, fac, "Consent recorded", "Quote what I say, withdrawn")

	// A session with attendance and an involvement payment.
	fac.Visit(roundPath + "/sessions/new")
	fac.Fill("date", "14 January 2027")
	fac.Fill("time", "18:30")
	fac.Fill("place", "Trinity Centre, Bristol")
	keyTick(fac, "#activities")
	keySubmit(t, fac, "Add session")
	mustSee(t, fac, "Session added", "Getting to know each other")
	fac.Axe()
	keyTick(fac, `input[name="attended"]`)
	keySubmit(t, fac, "Save attendance")
	mustSee(t, fac, "Attendance saved")
	keyChoose(fac, "member_id", "Jo")
	fac.Fill("amount", "25")
	keyTick(fac, "#method")
	fac.Fill("paid_on", "15 January 2027")
	keySubmit(t, fac, "Record payment")
	mustSee(t, fac, "Payment recorded", "£25.00")
	fac.Visit(roundPath + "/sessions")
	fac.Axe()

	// Stages: a skip without a reason is refused; moving in order works.
	fac.Visit(roundPath + "/stage")
	fac.Axe()
	keyChoose(fac, "stage", "Stories")
	keySubmit(t, fac, "Move the round")
	mustSee(t, fac, "Say why the round is skipping Group", `href="#reason"`)
	fac.Axe()
	for _, next := range []string{"Group", "Stories"} {
		fac.Visit(roundPath + "/stage")
		if got := fac.Eval(`document.querySelector('#stage').selectedOptions[0].text`); got != next {
			t.Fatalf("the next stage offered is %q, want %q", got, next)
		}
		keySubmit(t, fac, "Move the round")
		mustSee(t, fac, "Stage changed")
	}

	// The member shares a story and maps a step of the pathway, one
	// question a page: a skipped question is asked again, Back keeps answers.
	mem.Visit(roundPath)
	keyFollow(t, mem, "Tell your story")
	mustSee(t, mem, "Share a story, question 1 of 2", "What would you like to call your story?")
	mem.Axe()
	keySubmit(t, mem, "Continue")
	mustSee(t, mem, "There is a problem", `href="#title"`)
	mem.Axe()
	mem.Fill("title", "Respite that never came")
	keySubmit(t, mem, "Continue")
	mem.Fill("body", "We waited two years for a short break.")
	keySubmit(t, mem, "Back")
	if got := mem.Eval(`document.querySelector('#title').value`); got != "Respite that never came" {
		t.Fatalf("after Back, the title is %q", got)
	}
	keySubmit(t, mem, "Continue")
	if got := mem.Eval(`document.querySelector('#body').value`); got != "We waited two years for a short break." {
		t.Fatalf("the story was not kept: %q", got)
	}
	// The story is the last question: Easy Read is written by the
	// facilitator for the group, never asked of the member.
	mem.Axe()
	keySubmit(t, mem, "Save story")
	mustSee(t, mem, "Story saved", "This story is by Jo", "Not shared", "Only you and the facilitators can see this.")
	mem.Axe()
	keyFollow(t, mem, "Add a step") // Jo is Robin, who reads Easy Read
	mem.Axe()
	mem.Fill("touchpoint", "Social worker")
	keySubmit(t, mem, "Continue")
	mem.Fill("what_happened", "Assessed us and put us on a list")
	keySubmit(t, mem, "Continue")
	mem.Axe()
	keyTick(mem, "#feeling-2")
	keySubmit(t, mem, "Continue")
	keySubmit(t, mem, "Continue")
	mem.Fill("hurt", "Nobody said how long")
	keySubmit(t, mem, "Continue")
	keyTick(mem, "#then-done")
	keySubmit(t, mem, "Add step")
	mustSee(t, mem, "Step added", "Bad (2 out of 5)", "Nobody said how long")
	mem.Visit(roundPath + "/stories")
	mem.Axe()

	mem.Visit(roundPath + "/factors/new")
	keyTick(mem, "#kind")
	keySubmit(t, mem, "Continue")
	keyTick(mem, "#domain-home")
	keySubmit(t, mem, "Continue")
	mem.Fill("description", "A break that lets the whole family rest")
	keySubmit(t, mem, "Continue")
	mem.Axe()
	keyChoose(mem, "story_id", "Respite")
	keySubmit(t, mem, "Add")
	mustSee(t, mem, "Factor added", "A break that lets the whole family rest", "Read the story behind it")
	mem.Axe()

	// The commissioner adds a service and imports feedback from a file
	// with a bad row: previewed first, imported only as its valid rows.
	com.Visit(roundPath + "/services/new")
	com.Axe()
	com.Fill("name", "Oak House short breaks")
	com.Fill("provider", "Brightpath Care Partnership")
	keyTick(com, "#type-council")
	keySubmit(t, com, "Add service")
	mustSee(t, com, "Service added")
	com.Axe()
	file := filepath.Join(t.TempDir(), "feedback.csv")
	os.WriteFile(file, []byte("service,listened,access,waiting,choice,information,comment\nOak House short breaks,4,3,2,,,Friendly staff\nNowhere Lodge,3,,,,,\n"), 0o600)
	com.Visit(roundPath + "/services/import")
	com.Axe()
	com.Do(chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{file}))
	keySubmit(t, com, "Check the file")
	mustSee(t, com, "Nothing has been saved yet", "There is no service called “Nowhere Lodge” in this round", "Not imported")
	com.Axe()
	keySubmit(t, com, "Import 1 row")
	mustSee(t, com, "Tick the box to import only the valid rows")
	com.Axe()
	keyTick(com, "#valid_only")
	keySubmit(t, com, "Import 1 row")
	mustSee(t, com, "Feedback imported")
	com.Axe()

	mem.Visit(roundPath + "/services")
	keyFollow(t, mem, "Oak House short breaks")
	keyFollow(t, mem, "Give feedback on Oak House short breaks")
	keySubmit(t, mem, "Continue")
	mustSee(t, mem, "Listened to me: choose a score, or that you would rather not rate it")
	mem.Axe()
	keyTick(mem, "#rating_listened-5")
	keySubmit(t, mem, "Continue")
	for _, d := range []string{"access", "waiting", "choice", "information"} {
		keyTick(mem, "#rating_"+d+"-none")
		keySubmit(t, mem, "Continue")
	}
	mem.Fill("comment", "They knew my son by name")
	keySubmit(t, mem, "Save feedback")
	mustSee(t, mem, "Feedback saved", "Listened to me: 5 out of 5", "They knew my son by name", "Imported feedback")
	mem.Axe()

	// Vision: a statement linked to the story, then a dot vote.
	mem.Visit(roundPath + "/vision/new")
	mem.Fill("body", "We want breaks")
	keySubmit(t, mem, "Continue")
	mustSee(t, mem, "Start the statement with “I”")
	mem.Axe()
	mem.Fill("body", "I choose when my family has a break")
	keySubmit(t, mem, "Continue")
	mem.Axe()
	keyTick(mem, `input[name="links"]`)
	keySubmit(t, mem, "Add statement")
	mustSee(t, mem, "Statement added", "Respite that never came")
	fac.Visit(roundPath + "/vision")
	keyTick(fac, "#voting-open")
	keySubmit(t, fac, "Update voting")
	mustSee(t, fac, "Voting updated")
	fac.Axe()
	// Dots are placed with "Add a dot" and "Take a dot away" buttons, one
	// form each: TestBrowserEasyRead presses them with axe, and
	// TestDotVotingByButtons counts them over HTTP.
	mem.Visit(roundPath + "/vision")
	mem.Axe()
	fac.Visit(roundPath + "/vision")
	keyTick(fac, "#voting-closed")
	keySubmit(t, fac, "Update voting")
	mustSee(t, fac, "Voting updated")

	fac.Visit(roundPath + "/themes")
	fac.Fill("name", "Family life")
	keySubmit(t, fac, "Add theme")
	keyChoose(fac, "item", "Story")
	keySubmit(t, fac, "Add theme to it")
	mustSee(t, fac, "Theme added to the item", "<th scope=\"row\">Family life</th><td>1</td>")
	fac.Axe()
}

// TestBrowserRoundPagesPassAxe runs axe with JavaScript off on the demo
// round's overview as each of the people who work in it, then on the error
// states of the round's forms as the person who fills each in.
func TestBrowserRoundPagesPassAxe(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	base := "/rounds/" + ids.round
	for _, role := range []string{"facilitator", "member", "commissioner", "evaluator"} {
		t.Run(role, func(t *testing.T) {
			b := browser.Start(t, s.URL, browser.Options{NoJS: true})
			signIn(b, role+"@demo.test", demo.Password)
			// Axe on the round's overview as this person (it differs by
			// role); every page of the round they may open is reached by
			// links, with axe on each page shape, in
			// TestBrowserFollowLinksFromHome, for every account.
			b.Visit(base)
			b.AxeOnce(base)
			forms := map[string][]struct{ path, button string }{
				"facilitator": {{base + "/members/new", "Add member"}, {base + "/sessions/new", "Add session"}, {base + "/themes", "Add theme"},
					{base + "/stories/new", "Continue"}, {base + "/members/" + ids.raeMember, "Record consent"}},
				"member": {{base + "/factors/new", "Continue"}, {base + "/vision/new", "Continue"}, {base + "/stories/new", "Continue"},
					{base + "/services/" + ids.crisisLine + "/feedback/new", "Continue"}},
				"commissioner": {{base + "/services/new", "Add service"}, {base + "/decisions/new", "Put it to the group"}, {base + "/services/import", "Check the file"},
					{"/rounds/new", "Open the round"}},
			}[role]
			for _, f := range forms {
				b.Visit(f.path)
				b.Submit(f.button)
				if !strings.Contains(b.HTML(), "There is a problem") {
					t.Errorf("%s: no problem shown after an empty submission", f.path)
				}
				b.Axe()
			}
			t.Logf("%s: axe passed on %d pages", role, b.Checked)
		})
	}
}
