package store_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/notify"
	"github.com/coprod/coprod/internal/notify/smtpmail"
	"github.com/coprod/coprod/internal/notify/smtptest"
	"github.com/coprod/coprod/internal/notify/worker"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// clock is a settable clock shared by the store and the worker.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

type notifyFixture struct {
	db                                *store.DB
	clk                               *clock
	roundID                           string
	robin, sky, facilitator, provider string // user ids
	srv                               *smtptest.Server
	w                                 *worker.Worker
}

// newNotifyFixture opens a copy of the demo, derives the demo's own history
// with email off (as a service would that had no SMTP when it was seeded),
// and sets up a worker that mails through a test SMTP server.
func newNotifyFixture(t *testing.T, engine store.Engine) *notifyFixture {
	t.Helper()
	ctx := context.Background()
	db := storetest.OpenSeeded(t, engine, "demo", func(ctx context.Context, db *store.DB) error { return demo.Seed(ctx, db) })
	f := &notifyFixture{db: db, clk: &clock{t: time.Now().UTC().Truncate(time.Second)}}
	db.Now = f.clk.now
	for {
		n, err := db.DeriveNotifications(ctx, notify.MailOptions{}, 500)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	user := func(email string) string {
		u, err := db.UserByEmail(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		return u.ID
	}
	f.robin, f.sky, f.facilitator, f.provider = user("member@demo.test"), user("member2@demo.test"), user("facilitator@demo.test"), user("provider@demo.test")
	// Only Robin and Sky are emailed in these tests, so the scripted
	// replies of the SMTP server meet their emails and no others (the
	// demo's overdue commitments, for one, would email their owners).
	for _, l := range demo.Logins() {
		if l.Email != "member@demo.test" && l.Email != "member2@demo.test" {
			if err := db.SetNotificationPrefs(ctx, user(l.Email), notify.Prefs{Email: notify.EmailNone}); err != nil {
				t.Fatal(err)
			}
		}
	}
	rs, _, err := db.ListRounds(audit.WithActor(ctx, f.facilitator), round.Query{All: true})
	if err != nil || len(rs) == 0 {
		t.Fatalf("demo rounds: %v %d", err, len(rs))
	}
	for _, r := range rs {
		if r.Title == "Children and young people's mental health" {
			f.roundID = r.ID
		}
	}
	f.srv = smtptest.Start(t)
	sender, err := smtpmail.New(smtpmail.Config{Host: f.srv.Host, Port: f.srv.Port, From: "Coprod <noreply@coprod.example>",
		StartTLS: true, TLS: f.srv.ClientTLS(), Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	f.w = &worker.Worker{Store: db, Sender: sender, Mail: notify.MailOptions{From: "Coprod <noreply@coprod.example>",
		BaseURL: "https://coprod.example"}, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: f.clk.now}
	return f
}

// propose puts a question to the demo round's group as its facilitator.
func (f *notifyFixture) propose(t *testing.T, title string) *round.Proposal {
	t.Helper()
	now := f.clk.now()
	closes := now.Add(7 * 24 * time.Hour)
	p, err := f.db.CreateProposal(audit.WithActor(context.Background(), f.facilitator), f.roundID, round.NewProposal{
		Kind: round.KindQuestion, Title: title, PlainEnglish: "Where should the group meet in the new year?",
		EasyRead: "Where should we meet next year?", ProposedBy: f.facilitator,
		OpensDate: round.LondonDate(now), OpensTime: now.In(round.London).Format("15:04"),
		ClosesDate: round.LondonDate(closes), ClosesTime: closes.In(round.London).Format("15:04")})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (f *notifyFixture) step(t *testing.T) {
	t.Helper()
	if err := f.w.Step(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func unread(t *testing.T, db *store.DB, user string) []notify.Notification {
	t.Helper()
	pg, err := db.Notifications(context.Background(), user, 0, 200)
	if err != nil {
		t.Fatal(err)
	}
	var out []notify.Notification
	for _, n := range pg.Items {
		if n.Unread() {
			out = append(out, n)
		}
	}
	return out
}

// A proposal tells the round's two members who have accounts (Robin and
// Sky in the demo), not the facilitator who put it; Robin, whose
// preferred format is Easy Read, gets the Easy Read email; the subject
// names nothing; a temporary refusal is retried and the message is sent
// exactly once; deriving again adds nothing.
func TestNotifyEachEmailRetriedOnce(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		f := newNotifyFixture(t, engine)
		ctx := context.Background()
		if err := f.db.SetNotificationPrefs(ctx, f.sky, notify.Prefs{Email: notify.EmailNone}); err != nil {
			t.Fatal(err)
		}
		before := map[string]int{}
		for _, u := range []string{f.robin, f.sky, f.facilitator} {
			before[u] = len(unread(t, f.db, u))
		}
		f.srv.Reply("451 4.7.1 greylisted, try again later")
		p := f.propose(t, "Meeting place for 2027")
		f.step(t)

		for u, want := range map[string]int{f.robin: 1, f.sky: 1, f.facilitator: 0} {
			got := unread(t, f.db, u)
			if len(got)-before[u] != want {
				t.Errorf("user %s: %d new notifications, want %d", u, len(got)-before[u], want)
				continue
			}
			if want == 1 {
				n := got[0]
				if n.Kind != notify.ProposalOpened || n.Link != "/rounds/"+f.roundID+"/decisions/"+p.ID || !strings.Contains(n.Text.Plain, "“Meeting place for 2027”") {
					t.Errorf("notification %+v", n)
				}
			}
		}
		if c, err := f.db.UnreadNotifications(ctx, f.robin); err != nil || c != before[f.robin]+1 {
			t.Errorf("unread count %d %v, want %d", c, err, before[f.robin]+1)
		}
		// The first attempt was refused for now: nothing delivered yet.
		if f.srv.Attempts() != 1 || len(f.srv.Messages()) != 0 {
			t.Fatalf("after the 451: %d attempts, %d delivered", f.srv.Attempts(), len(f.srv.Messages()))
		}
		f.step(t) // too early to retry
		if f.srv.Attempts() != 1 {
			t.Fatalf("retried before the backoff: %d attempts", f.srv.Attempts())
		}
		f.clk.add(notify.Backoff(1) + time.Second)
		f.step(t)
		f.clk.add(time.Hour)
		f.step(t)
		msgs := f.srv.Messages()
		if f.srv.Attempts() != 2 || len(msgs) != 1 {
			t.Fatalf("%d attempts, %d delivered; want 2 attempts and exactly one message", f.srv.Attempts(), len(msgs))
		}
		m := msgs[0]
		robin, _ := f.db.UserByEmail(ctx, "member@demo.test")
		if len(m.To) != 1 || m.To[0] != robin.Email || !m.TLS {
			t.Errorf("sent to %v, TLS %v", m.To, m.TLS)
		}
		if got := m.Header("Subject"); got != notify.SubjectTask {
			t.Errorf("subject %q", got)
		}
		body := m.Body()
		if !strings.Contains(body, "Your group has a new question to decide.") ||
			!strings.Contains(body, "https://coprod.example/rounds/"+f.roundID+"/decisions/"+p.ID) {
			t.Errorf("Robin's email is not the Easy Read one with the link:\n%s", body)
		}
		for _, personal := range []string{"Robin", "Meeting place", "mental health"} {
			if strings.Contains(m.Header("Subject"), personal) {
				t.Errorf("subject names %q", personal)
			}
		}
		if !strings.HasPrefix(m.Header("Message-ID"), "<notify.") {
			t.Errorf("Message-ID %q", m.Header("Message-ID"))
		}
		// The cursor moved with the notifications: deriving again adds none.
		if n, err := f.db.DeriveNotifications(ctx, f.w.Mail, 500); err != nil || n != 0 {
			t.Errorf("derive again: %d %v", n, err)
		}
		if got := len(unread(t, f.db, f.robin)); got != before[f.robin]+1 {
			t.Errorf("after deriving again Robin has %d unread, want %d", got, before[f.robin]+1)
		}
	})
}

// A permanent refusal stops: the email is not tried again and the
// operator sees it. "None" sends nothing; the daily summary groups the
// day's notifications into one email, sent once.
func TestNotifyPermanentFailureNoneAndDigest(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		f := newNotifyFixture(t, engine)
		ctx := context.Background()
		// 07:00 UK time: before the summary hour.
		day := f.clk.now().In(round.London)
		f.clk.mu.Lock()
		f.clk.t = time.Date(day.Year(), day.Month(), day.Day(), notify.DigestHour-1, 0, 0, 0, round.London).Add(24 * time.Hour).UTC()
		f.clk.mu.Unlock()
		if err := f.db.SetNotificationPrefs(ctx, f.robin, notify.Prefs{Email: notify.EmailEach, Format: notify.FormatPlain}); err != nil {
			t.Fatal(err)
		}
		if err := f.db.SetNotificationPrefs(ctx, f.sky, notify.Prefs{Email: notify.EmailDaily}); err != nil {
			t.Fatal(err)
		}
		f.srv.Reply("550 5.1.1 mailbox unavailable")
		f.propose(t, "First question")
		f.propose(t, "Second question")
		f.step(t)
		// Robin: two emails, the first refused for good.
		msgs := f.srv.Messages()
		if f.srv.Attempts() != 2 || len(msgs) != 1 {
			t.Fatalf("%d attempts, %d delivered; want 2 and 1", f.srv.Attempts(), len(msgs))
		}
		if !strings.Contains(msgs[0].Body(), "Your group has been asked to decide") {
			t.Errorf("Robin chose plain English:\n%s", msgs[0].Body())
		}
		probs, err := f.db.EmailProblems(ctx, 10)
		if err != nil || len(probs) != 1 || probs[0].Status != "failed" || probs[0].Attempts != 1 || !strings.Contains(probs[0].LastError, "550") {
			t.Fatalf("problems %+v %v", probs, err)
		}
		f.clk.add(2 * time.Hour) // 09:00: past the summary hour, and past any backoff
		f.step(t)
		msgs = f.srv.Messages()
		if f.srv.Attempts() != 3 || len(msgs) != 2 {
			t.Fatalf("after the summary hour: %d attempts, %d delivered; want 3 and 2 (the refused one not retried, one summary)", f.srv.Attempts(), len(msgs))
		}
		d := msgs[1]
		sky, _ := f.db.UserByEmail(ctx, "member2@demo.test")
		if d.To[0] != sky.Email || d.Header("Subject") != notify.SubjectDigest {
			t.Fatalf("summary to %v, subject %q", d.To, d.Header("Subject"))
		}
		body := d.Body()
		if !strings.Contains(body, notify.ProposalOpened.Label()+" (2)") || !strings.Contains(body, "“First question”") ||
			!strings.Contains(body, "“Second question”") || strings.Index(body, "First") > strings.Index(body, "Second") {
			t.Errorf("summary does not group the two questions in order:\n%s", body)
		}
		// Later the same day: no second summary, even with something new.
		f.propose(t, "Third question")
		f.clk.add(time.Hour)
		f.step(t)
		if n := len(f.srv.Messages()); n != 3 { // Robin's email for the third only
			t.Errorf("%d delivered, want 3", n)
		}
		// None: nothing at all.
		if err := f.db.SetNotificationPrefs(ctx, f.robin, notify.Prefs{Email: notify.EmailNone}); err != nil {
			t.Fatal(err)
		}
		if err := f.db.SetNotificationPrefs(ctx, f.sky, notify.Prefs{Email: notify.EmailNone}); err != nil {
			t.Fatal(err)
		}
		f.propose(t, "Fourth question")
		f.clk.add(24 * time.Hour)
		f.step(t)
		if n := len(f.srv.Messages()); n != 3 || f.srv.Attempts() != 4 {
			t.Errorf("with none chosen: %d delivered, %d attempts; want 3 and 4", n, f.srv.Attempts())
		}
		if got := unread(t, f.db, f.sky); len(got) == 0 || !strings.Contains(got[0].Text.Plain, "Fourth question") {
			t.Error("in-product notifications stop with email none")
		}
	})
}

// A process that stopped while sending leaves the email claimed: it is
// marked unknown, never sent again. A reply lost after the whole message
// was sent is unknown too.
func TestNotifyUncertainNeverResent(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		f := newNotifyFixture(t, engine)
		ctx := context.Background()
		if err := f.db.SetNotificationPrefs(ctx, f.sky, notify.Prefs{Email: notify.EmailNone}); err != nil {
			t.Fatal(err)
		}
		f.propose(t, "A question")
		if _, err := f.db.DeriveNotifications(ctx, notify.MailOptions{Enabled: true, From: f.w.Mail.From}, 100); err != nil {
			t.Fatal(err)
		}
		// A claim whose process died.
		it, err := f.db.ClaimEmail(ctx)
		if err != nil || it == nil {
			t.Fatalf("claim: %v %v", it, err)
		}
		if again, err := f.db.ClaimEmail(ctx); err != nil || again != nil {
			t.Fatalf("a claimed email was claimed twice: %v %v", again, err)
		}
		f.clk.add(notify.ClaimLease + time.Minute)
		f.step(t)
		if f.srv.Attempts() != 0 {
			t.Fatalf("an interrupted email was sent again")
		}
		probs, err := f.db.EmailProblems(ctx, 10)
		if err != nil || len(probs) != 1 || probs[0].Status != "unknown" || probs[0].ID != it.ID {
			t.Fatalf("problems %+v %v", probs, err)
		}
		// The process's late report changes nothing.
		if err := f.db.FinishEmail(ctx, it.ID, notify.Sent, ""); err != nil {
			t.Fatal(err)
		}
		// The server takes the whole message and hangs up without answering.
		f.srv.Reply("drop")
		f.propose(t, "Another question")
		f.step(t)
		f.clk.add(24 * time.Hour)
		f.step(t)
		if f.srv.Attempts() != 1 {
			t.Fatalf("%d attempts, want 1: an unanswered message is never resent", f.srv.Attempts())
		}
		probs, _ = f.db.EmailProblems(ctx, 10)
		if len(probs) != 2 || probs[0].Status != "unknown" || probs[1].Status != "unknown" {
			t.Errorf("problems %+v", probs)
		}
	})
}

// Marking read: one's own only, and all at once; pages go newest first.
func TestNotificationsReadAndPages(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		f := newNotifyFixture(t, engine)
		ctx := context.Background()
		if err := f.db.MarkAllNotificationsRead(ctx, f.robin); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"Q1", "Q2", "Q3"} {
			f.propose(t, q)
		}
		if _, err := f.db.DeriveNotifications(ctx, notify.MailOptions{}, 100); err != nil {
			t.Fatal(err)
		}
		pg, err := f.db.Notifications(ctx, f.robin, 0, 2)
		if err != nil || len(pg.Items) != 2 || pg.Unread != 3 || pg.Before == 0 {
			t.Fatalf("first page %+v %v", pg, err)
		}
		if !strings.Contains(pg.Items[0].Text.Plain, "“Q3”") || !strings.Contains(pg.Items[1].Text.Plain, "“Q2”") {
			t.Errorf("not newest first: %q, %q", pg.Items[0].Text.Plain, pg.Items[1].Text.Plain)
		}
		next, err := f.db.Notifications(ctx, f.robin, pg.Before, 2)
		if err != nil || len(next.Items) == 0 || !strings.Contains(next.Items[0].Text.Plain, "“Q1”") {
			t.Fatalf("second page %+v %v", next, err)
		}
		if err := f.db.MarkNotificationRead(ctx, f.sky, pg.Items[0].ID); err == nil {
			t.Error("Sky marked Robin's notification read")
		}
		if err := f.db.MarkNotificationRead(ctx, f.robin, pg.Items[0].ID); err != nil {
			t.Fatal(err)
		}
		if c, _ := f.db.UnreadNotifications(ctx, f.robin); c != 2 {
			t.Errorf("unread %d, want 2", c)
		}
		if err := f.db.MarkAllNotificationsRead(ctx, f.robin); err != nil {
			t.Fatal(err)
		}
		if c, _ := f.db.UnreadNotifications(ctx, f.robin); c != 0 {
			t.Errorf("unread %d after marking all, want 0", c)
		}
		if err := f.db.SetNotificationPrefs(ctx, f.robin, notify.Prefs{Email: "weekly"}); err == nil {
			t.Error("an unknown choice was saved")
		}
		// A round invitation to an address that has an account tells that
		// account, with the way in: the code page.
		researcher, err := f.db.UserByEmail(ctx, "researcher@demo.test")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.db.IssueRoundInvitation(audit.WithActor(ctx, f.facilitator), f.roundID,
			round.NewInvitation{Role: round.RoleMember, ForName: "Morgan", Email: "Researcher@Demo.test"}, 24*time.Hour); err != nil {
			t.Fatal(err)
		}
		if _, err := f.db.DeriveNotifications(ctx, notify.MailOptions{}, 100); err != nil {
			t.Fatal(err)
		}
		inv, err := f.db.Notifications(ctx, researcher.ID, 0, 1)
		if err != nil || len(inv.Items) != 1 || inv.Items[0].Kind != notify.Invited || inv.Items[0].Link != "/join" ||
			!strings.Contains(inv.Items[0].Text.Plain, "Children and young people's mental health") {
			t.Errorf("invitee's notification %+v %v", inv.Items, err)
		}
		p, easy, err := f.db.NotificationPrefs(ctx, f.robin)
		if err != nil || p.Email != "" || !easy {
			t.Errorf("Robin's prefs %+v easy %v %v: the demo lists Easy Read among Robin's formats", p, easy, err)
		}
	})
}
