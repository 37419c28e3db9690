package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/notify"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// deriveAll turns every audit event so far into notifications, as the
// worker would with email off.
func deriveAll(t *testing.T, db *store.DB) {
	t.Helper()
	for {
		n, err := db.DeriveNotifications(context.Background(), notify.MailOptions{}, 500)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
	}
}

var headerCount = regexp.MustCompile(`href="/notifications"[^>]*>Notifications <span class="nav-count">(\d+)<span class="visually-hidden"> unread`)

func TestNotificationsPages(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		srv := newTestServer(t, engine)
		ctx := context.Background()
		deriveAll(t, srv.DB)
		robin, err := srv.DB.UserByEmail(ctx, "member@demo.test")
		if err != nil {
			t.Fatal(err)
		}
		unread, err := srv.DB.UnreadNotifications(ctx, robin.ID)
		if err != nil || unread < 2 {
			t.Fatalf("Robin has %d unread notifications (%v); the demo puts questions to the group", unread, err)
		}

		// A visitor is sent to sign in; the operator's page is the administrator's.
		visitor := srv.client(t)
		if r := visitor.get("/notifications"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
			t.Errorf("visitor: %d %s", r.StatusCode, r.Header.Get("Location"))
		}

		member := srv.client(t)
		member.loginAs("member")
		r := member.get("/notifications")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("notifications: %d", r.StatusCode)
		}
		m := headerCount.FindStringSubmatch(r.Body)
		if m == nil || m[1] != strconv.Itoa(unread) {
			t.Fatalf("header count %v, want %d", m, unread)
		}
		// Robin's preferred format is Easy Read (the demo's group record), so
		// the words are the Easy Read ones of the demo's proposal.
		want := html.EscapeString("Your group has a new question to decide. The question is “Lower the group's stake to 15%”.")
		if !strings.Contains(r.Body, want) {
			t.Errorf("the demo's proposal is not listed in Easy Read:\n%s", r.Body)
		}
		if !strings.Contains(r.Body, "You have "+strconv.Itoa(unread)+" new things to read.") || !strings.Contains(r.Body, "<strong class=\"tag\">Unread</strong>") {
			t.Error("unread not said in words")
		}

		// Marking one read: the count goes down; another person cannot.
		pg, err := srv.DB.Notifications(ctx, robin.ID, 0, 1)
		if err != nil || len(pg.Items) != 1 {
			t.Fatal(pg, err)
		}
		id := strconv.FormatInt(pg.Items[0].ID, 10)
		sky := srv.client(t)
		sky.loginAs("member2")
		if r := sky.post("/notifications/"+id+"/read", nil); r.StatusCode != http.StatusNotFound {
			t.Errorf("Sky marking Robin's notification: %d", r.StatusCode)
		}
		if r := member.post("/notifications/"+id+"/read", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("mark read: %d", r.StatusCode)
		}
		r = member.get("/notifications?done=notification-read")
		if m := headerCount.FindStringSubmatch(r.Body); m == nil || m[1] != strconv.Itoa(unread-1) || !strings.Contains(r.Body, "Marked as read.") {
			t.Errorf("after marking one read: count %v", m)
		}
		if r := member.post("/notifications/read", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("mark all read: %d", r.StatusCode)
		}
		r = member.get("/notifications")
		if headerCount.MatchString(r.Body) || !strings.Contains(r.Body, "You have nothing new to read.") {
			t.Error("a count is shown after marking all read")
		}
		if r := member.get("/notifications?before=nonsense"); r.StatusCode != http.StatusNotFound {
			t.Errorf("a bad page address: %d", r.StatusCode)
		}

		// Choices: the default is an email each time; a saved choice shows;
		// an unknown one is refused with the error summary linking to it.
		r = member.get("/account/notifications")
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `value="each" checked`) || !strings.Contains(r.Body, "does not send emails at the moment") {
			t.Errorf("choices form: %d", r.StatusCode)
		}
		if r := member.post("/account/notifications", url.Values{"email": {"daily"}, "format": {"plain"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("save choices: %d %s", r.StatusCode, r.Body)
		}
		if p, _, err := srv.DB.NotificationPrefs(ctx, robin.ID); err != nil || p.Email != notify.EmailDaily || p.Format != notify.FormatPlain {
			t.Errorf("saved %+v %v", p, err)
		}
		r = member.get("/account/notifications")
		if !strings.Contains(r.Body, `value="daily" checked`) || !strings.Contains(r.Body, `value="plain" checked`) {
			t.Error("the saved choice is not shown")
		}
		r = member.post("/account/notifications", url.Values{"email": {"weekly"}, "format": {""}})
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `<a href="#email">`) || !strings.Contains(r.Body, `id="email"`) {
			t.Errorf("unknown choice: %d", r.StatusCode)
		}
		// Now in plain English.
		r = member.get("/notifications")
		if !strings.Contains(r.Body, html.EscapeString("Your group has been asked to decide “Lower the group's stake to 15%”")) {
			t.Error("plain English was chosen but not shown")
		}
		if r := member.get("/account"); !strings.Contains(r.Body, `href="/account/notifications"`) {
			t.Error("the account page does not link to the choices")
		}

		if r := member.get("/admin/emails"); r.StatusCode != http.StatusForbidden {
			t.Errorf("member on the emails page: %d", r.StatusCode)
		}
		admin := srv.client(t)
		admin.loginAs("admin")
		if r := admin.get("/admin/emails"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "There are no emails with problems.") {
			t.Errorf("admin on the emails page: %d", r.StatusCode)
		}
	})
}

// Every notification the demo's history gives each demo person links to a
// page that opens for them: nobody is sent to a refusal.
func TestNotificationLinksOpenForTheirReader(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		srv := newTestServer(t, engine)
		ctx := context.Background()
		deriveAll(t, srv.DB)
		if _, err := srv.DB.NotifyOverdue(ctx, notify.MailOptions{}); err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, l := range demo.Logins() {
			u, err := srv.DB.UserByEmail(ctx, l.Email)
			if err != nil {
				t.Fatal(err)
			}
			pg, err := srv.DB.Notifications(ctx, u.ID, 0, 200)
			if err != nil {
				t.Fatal(err)
			}
			c := srv.client(t)
			if r := c.login(l.Email, demo.Password); r.StatusCode != http.StatusSeeOther {
				t.Fatalf("signing in as %s: %d", l.Email, r.StatusCode)
			}
			seen := map[string]bool{}
			for _, n := range pg.Items {
				if n.Link == "" || seen[n.Link] {
					continue
				}
				seen[n.Link] = true
				total++
				if r := c.get(n.Link); r.StatusCode != http.StatusOK {
					t.Errorf("%s: %s (%s) answers %d", l.Email, n.Link, n.Kind, r.StatusCode)
				}
			}
		}
		if total < 10 {
			t.Errorf("only %d links checked: the demo's history should give its people more", total)
		}
	})
}
