package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// ledgerWorld is a commissioner, a user-led organisation, a round with two
// members (Robin named, Kai not) and a commissioner who owns commitments.
type ledgerWorld struct {
	icb, ulo        *auth.Organisation
	rd              *round.Round
	owner           *auth.User
	robin, kai      string // member ids
	robinU, outside *auth.User
}

func newLedgerWorld(t *testing.T, db *store.DB) *ledgerWorld {
	t.Helper()
	w := &ledgerWorld{}
	var err error
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	w.icb, err = db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Avon ICB", Kind: auth.KindCommissioner})
	must(err)
	w.ulo, err = db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Young Voices", Kind: auth.KindUserLed})
	must(err)
	w.owner, err = db.CreateUser(ctx, "owner@example.org", "Olu Owner", "x")
	must(err)
	must(db.AddMember(ctx, w.owner.ID, w.icb.ID))
	w.robinU, err = db.CreateUser(ctx, "robin@example.org", "Robin Real", "x")
	must(err)
	w.outside, err = db.CreateUser(ctx, "outside@example.org", "Out Side", "x")
	must(err)
	n := round.NewRound{OrgID: w.icb.ID, Title: "CYP mental health", CareArea: "Young people's mental health",
		Purpose: round.PurposeBoth, Stake: "20", StartsOn: "2026-09-01", EndsOn: "2027-08-31"}
	must(n.Validate())
	w.rd, err = db.CreateRound(ctx, n, w.owner.ID)
	must(err)
	all := []round.ConsentPurpose{round.ConsentTakePart, round.ConsentSharePseudonym, round.ConsentQuote}
	m, err := db.AddRoundMember(ctx, w.rd.ID, round.NewMember{UserID: w.robinU.ID, Pseudonym: "Robin", RealName: "Robin Real", ContactEmail: "robin@example.org", Consents: all})
	must(err)
	w.robin = m.ID
	m, err = db.AddRoundMember(ctx, w.rd.ID, round.NewMember{Pseudonym: "Kai", RealName: "Kai Hidden", ContactEmail: "kai@example.org",
		Consents: []round.ConsentPurpose{round.ConsentTakePart}})
	must(err)
	w.kai = m.ID
	return w
}

func (w *ledgerWorld) item(t *testing.T, db *store.DB, said, saidOn, member string, themes ...string) string {
	t.Helper()
	n := ledger.NewItem{Said: said, Source: ledger.SourceSession, SaidOn: saidOn, RoundID: w.rd.ID, MemberID: member,
		OrgIDs: []string{w.icb.ID, w.ulo.ID}, Themes: themes, Today: "2027-12-31"}
	if err := n.Validate(); err != nil {
		t.Fatal(err)
	}
	it, err := db.CreateItem(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	return it.ID
}

func (w *ledgerWorld) commit(t *testing.T, db *store.DB, id, what, due, on string) {
	t.Helper()
	c := ledger.NewCommitment{OwnerOrgID: w.icb.ID, OwnerUserID: w.owner.ID, What: what, DueOn: due, CommittedOn: on, Today: "2027-12-31"}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := db.Commit(ctx, id, c); err != nil {
		t.Fatal(err)
	}
}

func setStatus(t *testing.T, db *store.DB, id string, s ledger.Status, on string) {
	t.Helper()
	c := ledger.StatusChange{Status: s, On: on, Reason: "The service closed", Today: "2027-12-31"}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := db.SetStatus(ctx, id, c); err != nil {
		t.Fatal(err)
	}
}

func ids(p ledger.Page) string {
	var out []string
	for _, it := range p.Items {
		out = append(out, it.Said)
	}
	return strings.Join(out, "|")
}

func TestLedgerCountsFlagsAndPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { now = now.Add(time.Second); return now }
		w := newLedgerWorld(t, db)
		actor := audit.WithActor(ctx, w.owner.ID)

		// Five items, worked by hand (today is 1 June 2027):
		//   A said 1 Jan by Robin: committed 11 Jan (10 days), due 1 Mar, done 31 Jan (30 days), evidence, verdict changed
		//   B said 1 Jan by the group: committed 2 Jan (1 day), "review" wording, due 1 May, in progress → overdue, vague
		//   C said 1 Feb by Kai: committed 1 Feb (0 days), done 1 Feb (0 days), no evidence → no-evidence; done > 90 days → no-verdict
		//   D said 1 Feb by the group: open
		//   E said 2 Feb by the group: not doing (never committed)
		a := w.item(t, db, "A: nobody called back", "2027-01-01", w.robin, "Crisis care")
		b := w.item(t, db, "B: the wait is too long", "2027-01-01", "", "Waiting")
		c := w.item(t, db, "C: no interpreter", "2027-02-01", w.kai, "Access")
		d := w.item(t, db, "D: letters are confusing", "2027-02-01", "", "Access")
		e := w.item(t, db, "E: the clinic is too far", "2027-02-02", "")
		w.commit(t, db, a, "Answer every crisis call-back within 4 hours", "2027-03-01", "2027-01-11")
		setStatus(t, db, a, ledger.StatusDone, "2027-01-31")
		if err := db.AddEvidence(actor, a, ledger.NewEvidence{Kind: ledger.EvidenceText, Text: "Call-back log for February"}); err != nil {
			t.Fatal(err)
		}
		if err := db.RecordVerdict(actor, a, ledger.NewVerdict{Verdict: ledger.VerdictChanged, Comment: "Yes"}, ledger.VerdictBy{UserID: w.robinU.ID, MemberID: w.robin}); err != nil {
			t.Fatal(err)
		}
		w.commit(t, db, b, "We will review waiting times", "2027-05-01", "2027-01-02")
		setStatus(t, db, b, ledger.StatusInProgress, "2027-02-01")
		w.commit(t, db, c, "Book a BSL interpreter for every first appointment", "2027-02-01", "2027-02-01")
		setStatus(t, db, c, ledger.StatusDone, "2027-02-01")
		setStatus(t, db, e, ledger.StatusNotDoing, "2027-02-03")
		_ = d

		all, byOrg, byRound, err := db.BoardStats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// 5 items; committed A, B, C = 3; done A, C = 2, with evidence A = 1;
		// judged A = 1, changed 1. Days to commit 10, 1, 0 → median 1;
		// days to done 30, 0 → median 15.
		if all.Items != 5 || all.Committed != 3 || all.Done != 2 || all.DoneWithEvidence != 1 || all.Judged != 1 || all.Changed != 1 {
			t.Fatalf("stats = %+v", all)
		}
		if all.MedianDaysToCommit().String() != "1 day" || all.MedianDaysToDone().String() != "15 days" {
			t.Fatalf("medians = %s, %s", all.MedianDaysToCommit(), all.MedianDaysToDone())
		}
		if len(byOrg) != 2 || byOrg[0].Name != "Avon ICB" || byOrg[0].Stats.Items != 5 || len(byRound) != 1 || byRound[0].Stats.Committed != 3 {
			t.Fatalf("by org %+v, by round %+v", byOrg, byRound)
		}

		// Flags as filters, each firing exactly where worked out above.
		for flag, want := range map[ledger.Flag]string{
			ledger.FlagOverdue:    "B: the wait is too long",
			ledger.FlagVague:      "B: the wait is too long",
			ledger.FlagNoEvidence: "C: no interpreter",
			ledger.FlagNoVerdict:  "C: no interpreter",
		} {
			p, err := db.BoardItems(ctx, ledger.Query{Flag: flag})
			if err != nil || ids(p) != want {
				t.Errorf("flag %s: %q, %v; want %q", flag, ids(p), err, want)
			}
		}
		// Keyset pages of two, newest said first, ties broken by id.
		p1, err := db.BoardItems(ctx, ledger.Query{Limit: 2})
		if err != nil || len(p1.Items) != 2 || p1.Items[0].Said != "E: the clinic is too far" || p1.Next == "" {
			t.Fatalf("page 1 = %q %v", ids(p1), err)
		}
		p2, _ := db.BoardItems(ctx, ledger.Query{Limit: 2, After: p1.Next})
		p3, _ := db.BoardItems(ctx, ledger.Query{Limit: 2, After: p2.Next})
		if len(p2.Items) != 2 || len(p3.Items) != 1 || p3.Next != "" {
			t.Fatalf("pages 2, 3 = %q / %q", ids(p2), ids(p3))
		}
		seen := map[string]bool{}
		for _, p := range []ledger.Page{p1, p2, p3} {
			for _, it := range p.Items {
				seen[it.Said] = true
			}
		}
		if len(seen) != 5 {
			t.Fatalf("pages repeat or skip items: %v", seen)
		}
		if _, err := db.BoardItems(ctx, ledger.Query{After: "2027-01-01.x'--"}); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("forged cursor: %v", err)
		}
		// Filters by theme, organisation, status and round, alone and together.
		if p, _ := db.BoardItems(ctx, ledger.Query{Theme: "Access"}); ids(p) != "C: no interpreter|D: letters are confusing" && ids(p) != "D: letters are confusing|C: no interpreter" {
			t.Errorf("theme Access = %q", ids(p))
		}
		if p, _ := db.BoardItems(ctx, ledger.Query{OrgID: w.ulo.ID, Theme: "Access", Status: ledger.StatusOpen}); ids(p) != "D: letters are confusing" {
			t.Errorf("org + theme + status = %q", ids(p))
		}
		if p, _ := db.BoardItems(ctx, ledger.Query{RoundID: w.rd.ID, Status: ledger.StatusNotDoing}); ids(p) != "E: the clinic is too far" {
			t.Errorf("round + not doing = %q", ids(p))
		}
		themes, _ := db.BoardThemes(ctx)
		if strings.Join(themes, ",") != "Access,Crisis care,Waiting" {
			t.Errorf("themes = %v", themes)
		}

		// Attribution: Robin agreed to be named, Kai did not.
		ia, _ := db.LedgerItem(ctx, a, ledger.Public)
		ic, _ := db.LedgerItem(ctx, c, ledger.Public)
		if ia.SaidBy != "Robin" || ic.SaidBy != round.Anonymous || ia.Commitment.OwnerName != "" || ia.Commitment.OwnerOrgName != "Avon ICB" ||
			len(ia.Verdicts) != 1 || ia.Verdicts[0].By != "Robin" || ia.Verdicts[0].UserID != "" {
			t.Fatalf("public A = %+v, C said by %q", ia, ic.SaidBy)
		}
		if staff, _ := db.LedgerItem(ctx, a, ledger.Staff); staff.Commitment.OwnerName != "Olu Owner" {
			t.Fatalf("staff see the owner: %+v", staff.Commitment)
		}

		// Robin withdraws taking part: A disappears from the board and the
		// counts, and Robin's verdict with it.
		if err := db.RecordConsent(ctx, w.rd.ID, w.robin, round.ConsentTakePart, false); err != nil {
			t.Fatal(err)
		}
		if _, err := db.LedgerItem(ctx, a, ledger.Public); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("withdrawn item in public: %v", err)
		}
		all, _, _, _ = db.BoardStats(ctx)
		if all.Items != 4 || all.Committed != 2 || all.Done != 1 || all.DoneWithEvidence != 0 || all.Judged != 0 || all.MedianDaysToDone().String() != "0 days" {
			t.Fatalf("after withdrawal: %+v", all)
		}
		if p, _ := db.BoardItems(ctx, ledger.Query{Theme: "Crisis care"}); len(p.Items) != 0 {
			t.Fatalf("withdrawn item by theme: %q", ids(p))
		}
		if themes, _ := db.BoardThemes(ctx); strings.Join(themes, ",") != "Access,Waiting" {
			t.Errorf("themes after withdrawal = %v", themes)
		}
		staff, err := db.LedgerItem(ctx, a, ledger.Staff)
		if err != nil || !staff.Withdrawn || staff.Said != "" {
			t.Fatalf("staff view of a withdrawn item: %+v %v", staff, err)
		}
		// Consent given again brings it back, counts and all.
		if err := db.RecordConsent(ctx, w.rd.ID, w.robin, round.ConsentTakePart, true); err != nil {
			t.Fatal(err)
		}
		if all, _, _, _ = db.BoardStats(ctx); all.Items != 5 || all.Changed != 1 {
			t.Fatalf("after consent given again: %+v", all)
		}
		// An item withdrawn on its own leaves for good.
		if err := db.WithdrawItem(actor, d); err != nil {
			t.Fatal(err)
		}
		if all, _, _, _ = db.BoardStats(ctx); all.Items != 4 {
			t.Fatalf("after withdrawing D: %+v", all)
		}
		if err := db.WithdrawItem(actor, d); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("withdrawing twice: %v", err)
		}
	})
}

func TestLedgerStatusRulesAndVerdicts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { now = now.Add(time.Second); return now }
		w := newLedgerWorld(t, db)
		id := w.item(t, db, "The wait is too long", "2027-05-01", "")
		if err := db.SetStatus(ctx, id, ledger.StatusChange{Status: ledger.StatusDone, On: "2027-05-02"}); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("done without a commitment: %v", err)
		}
		if err := db.RecordVerdict(ctx, id, ledger.NewVerdict{Verdict: ledger.VerdictChanged, Comment: "x"}, ledger.VerdictBy{UserID: w.robinU.ID, MemberID: w.robin}); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("verdict on an open item: %v", err)
		}
		c := ledger.NewCommitment{OwnerOrgID: w.icb.ID, OwnerUserID: w.outside.ID, What: "Halve the wait to 9 weeks", DueOn: "2027-09-01", Today: "2027-06-01"}
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		if err := db.Commit(ctx, id, c); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("owner outside the organisation: %v", err)
		}
		w.commit(t, db, id, "Halve the wait to 9 weeks", "2027-09-01", "2027-05-03")
		setStatus(t, db, id, ledger.StatusDone, "2027-05-20")
		// Two members disagree: shown as mixed, never averaged; a member
		// changing their mind replaces their verdict.
		by := ledger.VerdictBy{UserID: w.robinU.ID, MemberID: w.robin}
		for _, v := range []ledger.Verdict{ledger.VerdictNotChanged, ledger.VerdictChanged} {
			if err := db.RecordVerdict(ctx, id, ledger.NewVerdict{Verdict: v, Comment: "Robin says " + string(v)}, by); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.RecordVerdict(ctx, id, ledger.NewVerdict{Verdict: ledger.VerdictNotChanged, Comment: "Still waiting"}, ledger.VerdictBy{UserID: w.outside.ID}); err != nil {
			t.Fatal(err)
		}
		it, err := db.LedgerItem(ctx, id, ledger.Public)
		if err != nil || it.Verdict != ledger.VerdictMixed || len(it.Verdicts) != 2 || it.Verdicts[0].Comment != "Robin says changed" || it.Verdicts[1].By != round.Anonymous {
			t.Fatalf("verdicts = %+v %v", it, err)
		}
		all, _, _, _ := db.BoardStats(ctx)
		if all.Judged != 1 || all.Changed != 0 {
			t.Fatalf("a mixed verdict is judged, not changed: %+v", all)
		}
		// Reopening clears the done date; not doing needs its reason.
		setStatus(t, db, id, ledger.StatusInProgress, "2027-05-25")
		if all, _, _, _ = db.BoardStats(ctx); all.Done != 0 || len(all.DaysToDone) != 0 && all.MedianDaysToDone().OK {
			t.Fatalf("after reopening: %+v", all)
		}
		setStatus(t, db, id, ledger.StatusNotDoing, "2027-05-26")
		it, _ = db.LedgerItem(ctx, id, ledger.Staff)
		if it.Status != ledger.StatusNotDoing || it.NotDoingReason != "The service closed" || it.Vague {
			t.Fatalf("not doing: %+v", it)
		}
	})
}
