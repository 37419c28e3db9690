package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/notify"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/testkit/browser"
)

// TestBrowserNotificationsWithoutJavaScript: with JavaScript off, a member
// reads their notifications, marks one read, and saves their choices from
// the account page; the administrator reads the emails not delivered. axe
// checks each of these pages.
func TestBrowserNotificationsWithoutJavaScript(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ctx := context.Background()
	// The demo's events, as the worker would tell them, and one email the
	// mail server refused, for the administrator's page.
	deriveAll(t, s.DB)
	facilitator, err := s.DB.UserByEmail(ctx, "facilitator@demo.test")
	if err != nil {
		t.Fatal(err)
	}
	now := s.now()
	closes := now.Add(7 * 24 * time.Hour)
	if _, err := s.DB.CreateProposal(audit.WithActor(ctx, facilitator.ID), findDemoRound(t, s).round, round.NewProposal{
		Kind: round.KindQuestion, Title: "Meeting place for 2027", PlainEnglish: "Where should the group meet next year?",
		EasyRead: "Where should we meet next year?", ProposedBy: facilitator.ID,
		OpensDate: round.LondonDate(now), OpensTime: now.In(round.London).Format("15:04"),
		ClosesDate: round.LondonDate(closes), ClosesTime: closes.In(round.London).Format("15:04")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB.DeriveNotifications(ctx, notify.MailOptions{Enabled: true, From: "noreply@coprod.example"}, 100); err != nil {
		t.Fatal(err)
	}
	if it, err := s.DB.ClaimEmail(ctx); err != nil || it == nil {
		t.Fatalf("no email queued for the group: %v", err)
	} else if err := s.DB.FinishEmail(ctx, it.ID, notify.Failed, "the mail server answered 550: mailbox unavailable"); err != nil {
		t.Fatal(err)
	}

	b := browser.Start(t, s.URL, browser.Options{NoJS: true})
	signIn(b, "member@demo.test", demo.Password)
	b.Visit("/notifications")
	if !strings.Contains(b.Text("main"), "Unread") || !strings.Contains(b.Text("header"), "Notifications") {
		t.Fatal("no unread notifications listed")
	}
	b.Axe()
	b.Submit("Mark all as read")
	if !strings.Contains(b.Text("main"), "All your notifications are marked as read.") {
		t.Fatalf("after marking all read: %q", b.Text("main"))
	}
	b.Axe()
	b.Visit("/account")
	b.Axe()
	b.Visit("/account/notifications")
	b.Axe()
	b.Submit("Save my choices")
	if !strings.Contains(b.Text("main"), "Your notification choices are saved.") {
		t.Fatal("choices not saved")
	}
	b.Submit("Sign out")

	signIn(b, "admin@demo.test", demo.Password)
	b.Visit("/admin/emails")
	if !strings.Contains(b.Text("main"), "mailbox unavailable") {
		t.Fatal("the refused email is not listed")
	}
	b.Axe()
}
