package notify

import (
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/readability"
)

func ev(action, objType, objID string, d map[string]string) audit.Event {
	return audit.Event{Seq: 7, Action: action, ObjectType: objType, ObjectID: objID, Details: d}
}

func TestFromEvent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		e        audit.Event
		kind     Kind
		audience []Audience
		link     string
	}{
		{ev("proposal.create", "proposal", "p1", map[string]string{"round_id": "r1", "title": "Lower the stake"}),
			ProposalOpened, []Audience{{Kind: RoundMembers, ID: "r1"}}, "/rounds/r1/decisions/p1"},
		{ev("tender.panel_add", "tender", "t1", map[string]string{"user_id": "u9", "panel": "lived_experience"}),
			ScoringAsked, []Audience{{Kind: OneUser, ID: "u9"}}, "/tenders/t1/score"},
		{ev("tender.scores_submit", "tender", "t1", map[string]string{"evaluator_id": "u9", "panel": "lived_experience"}),
			ModerationReady, []Audience{{Kind: PanelChairs, ID: "t1", Panel: "lived_experience"}}, "/tenders/t1/moderation"},
		{ev("tender.moderation_open", "tender", "t1", map[string]string{"panel": "commissioner"}),
			ModerationOpen, []Audience{{Kind: TenderPanel, ID: "t1", Panel: "commissioner"}}, "/tenders/t1/score"},
		{ev("tender.question_answer", "tender", "t1", map[string]string{"question_id": "q1", "public": "true"}),
			QuestionAnswered, []Audience{{Kind: TenderBidders, ID: "t1"}}, "/tenders/t1/questions"},
		{ev("tender.question_answer", "tender", "t1", map[string]string{"question_id": "q1", "public": "false"}),
			QuestionAnswered, []Audience{{Kind: QuestionAsker, ID: "q1"}}, "/tenders/t1/questions"},
		{ev("tender.award", "tender", "t1", nil),
			TenderAwarded, []Audience{{Kind: TenderBidders, ID: "t1"}, {Kind: RoundMembers}}, "/tenders/t1"},
		{ev("ledger.commit", "ledger_item", "i1", map[string]string{"owner_org_id": "o1", "owner_user_id": ""}),
			CommitmentGiven, []Audience{{Kind: ItemOwners, ID: "i1"}}, "/ledger/items/i1"},
		{ev("ledger.status", "ledger_item", "i1", map[string]string{"status": "done"}),
			VerdictRequested, []Audience{{Kind: RoundMembers}}, "/ledger/items/i1/verdict"},
		{ev("contract.create", "contract", "c1", map[string]string{"round_id": "r1", "provider_org_id": "o2"}),
			ReportsDue, []Audience{{Kind: OrgPeople, ID: "o2"}}, "/contracts/c1"},
		{ev("invitation.create", "invitation", "v1", map[string]string{"email": "kai@example.net"}),
			Invited, []Audience{{Kind: EmailAccount, ID: "kai@example.net"}}, ""},
		{ev("round.invitation_create", "round", "r1", map[string]string{"invitation_id": "v2", "role": "member"}),
			Invited, []Audience{{Kind: RoundInvitee, ID: "v2"}}, "/join"},
		{ev("round.invitation_reissue", "round", "r1", map[string]string{"invitation_id": "v2", "role": "member"}),
			Invited, []Audience{{Kind: RoundInvitee, ID: "v2"}}, "/join"},
		{ev("round.stage", "round", "r1", map[string]string{"from": "group", "to": "stories"}),
			StageMoved, []Audience{{Kind: RoundMembers, ID: "r1"}}, "/rounds/r1"},
		{ev("round.session_create", "round_session", "s1", map[string]string{"round_id": "r1", "starts_at": "2027-06-10T17:30:00Z"}),
			SessionPlanned, []Audience{{Kind: RoundMembers, ID: "r1"}}, "/rounds/r1/sessions/s1"},
	} {
		p, ok := FromEvent(tc.e)
		if !ok {
			t.Errorf("%s: no plan", tc.e.Action)
			continue
		}
		if p.Kind != tc.kind {
			t.Errorf("%s: kind %s, want %s", tc.e.Action, p.Kind, tc.kind)
		}
		if len(p.Audiences) != len(tc.audience) {
			t.Errorf("%s: audiences %+v, want %+v", tc.e.Action, p.Audiences, tc.audience)
		} else {
			for i := range tc.audience {
				if p.Audiences[i] != tc.audience[i] {
					t.Errorf("%s: audience %d %+v, want %+v", tc.e.Action, i, p.Audiences[i], tc.audience[i])
				}
			}
		}
		if p.RoundID == "" && (tc.kind == ProposalOpened || tc.kind == StageMoved || tc.kind == SessionPlanned) {
			t.Errorf("%s: no round", tc.e.Action)
		}
		if p.TenderID == "" && strings.HasPrefix(tc.e.Action, "tender.") {
			t.Errorf("%s: no tender", tc.e.Action)
		}
		if p.RoundID == "" && tc.kind == ProposalDecided {
			p.RoundID = "r1"
		}
		if got := p.Link(); got != tc.link {
			t.Errorf("%s: link %q, want %q", tc.e.Action, got, tc.link)
		}
	}
	// Events nobody is told about, and ones whose details say there is nothing to tell.
	for _, e := range []audit.Event{
		ev("session.create", "user", "u1", nil),
		ev("story.create", "story", "s1", map[string]string{"round_id": "r1"}),
		ev("proposal.close", "proposal", "p1", map[string]string{"status": "withdrawn"}),
		ev("ledger.status", "ledger_item", "i1", map[string]string{"status": "in_progress"}),
		ev("ledger.commit", "ledger_item", "i1", map[string]string{"owner_org_id": "", "owner_user_id": ""}),
	} {
		if p, ok := FromEvent(e); ok {
			t.Errorf("%s %v: planned %+v", e.Action, e.Details, p)
		}
	}
	p, _ := FromEvent(ev("round.session_create", "round_session", "s1", map[string]string{"round_id": "r1", "starts_at": "2027-06-10T17:30:00Z"}))
	if !p.Facts.When.Equal(time.Date(2027, 6, 10, 17, 30, 0, 0, time.UTC)) {
		t.Errorf("session time %v", p.Facts.When)
	}
}

// Every kind has words in both formats; the Easy Read words pass the
// readability package's Easy Read rules (sentences of at most 15 words, no
// jargon, short words), with the rules listed here set aside for a reason.
func TestComposeEasyRead(t *testing.T) {
	t.Parallel()
	allowed := map[string]string{
		readability.RuleLongWords: "names of things people see in the product: 'decision', 'organisation', 'meeting' are the words on its pages",
		// The product's own name and titles are quoted, not sentences to simplify.
		readability.RuleUnexpandedAcronym: "none expected; kept so a title in capitals does not fail",
	}
	f := Facts{RoundTitle: "Mental health", TenderTitle: "Crisis support", ProposalTitle: "Lower the stake",
		Stage: "stories", When: time.Date(2027, 6, 10, 17, 30, 0, 0, time.UTC), DueOn: "2027-01-31", Passed: true}
	for _, k := range Kinds {
		txt := Compose(k, f)
		if txt.Plain == "" || txt.EasyRead == "" || txt.Plain == txt.EasyRead {
			t.Errorf("%s: %+v", k, txt)
		}
		rep := readability.AnalyzeText(txt.EasyRead, readability.EasyRead())
		for _, is := range rep.Issues {
			if _, ok := allowed[is.Rule]; !ok {
				t.Errorf("%s Easy Read %q: %s %q: %s", k, txt.EasyRead, is.Rule, is.Text, is.Message)
			}
		}
		plain := readability.AnalyzeText(txt.Plain, readability.Plain())
		for _, is := range plain.Issues {
			if is.Rule == readability.RuleSentenceTooLong || is.Rule == readability.RuleJargon {
				t.Errorf("%s plain %q: %s %q", k, txt.Plain, is.Rule, is.Text)
			}
		}
		if k.Label() == string(k) || k.LinkLabel() == "Open" {
			t.Errorf("%s has no label", k)
		}
	}
	// Times in UK time with the weekday: 17:30 UTC in June is 18:30 in London.
	if got := Compose(SessionPlanned, f).Plain; !strings.Contains(got, "Thursday 10 June 2027 at 18:30") {
		t.Errorf("session: %q", got)
	}
	if got := Compose(SessionPlanned, f).EasyRead; !strings.Contains(got, "at 6:30pm") {
		t.Errorf("session, Easy Read: %q", got)
	}
	if got := Compose(CommitmentOverdue, f).EasyRead; !strings.Contains(got, "31 January 2027") {
		t.Errorf("overdue: %q", got)
	}
	if got := Compose(ProposalDecided, Facts{ProposalTitle: "X"}).Plain; !strings.Contains(got, "did not agree") {
		t.Errorf("not passed: %q", got)
	}
}

func TestSubjectsSayNothingPersonal(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, k := range Kinds {
		seen[Subject(k)] = true
	}
	// Only the fixed subjects are ever used, whatever the facts.
	for s := range seen {
		if s != SubjectTask && s != SubjectNews {
			t.Errorf("subject %q", s)
		}
	}
	if Subject(ProposalOpened) != "You have a new task in Coprod" || Subject(TenderAwarded) != "There is news for you in Coprod" {
		t.Error("task and news subjects")
	}
}

func TestEmailBytes(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Easy Read ünïcode “quotes” ", 10)
	m := Email{From: "Coprod <noreply@coprod.example>", To: "kai@example.net", Subject: SubjectTask, Body: long + "\nline two\n",
		MessageID: MessageID("abc", "Coprod <noreply@coprod.example>"), Date: time.Date(2027, 1, 2, 3, 4, 5, 0, time.UTC)}
	b := string(m.Bytes())
	head, body, ok := strings.Cut(b, "\r\n\r\n")
	if !ok {
		t.Fatal("no blank line between header and body")
	}
	for _, want := range []string{"From: Coprod <noreply@coprod.example>", "To: kai@example.net", "Subject: You have a new task in Coprod",
		"Date: Sat, 02 Jan 2027 03:04:05 +0000", "Message-ID: <notify.abc@coprod.example>", "Content-Transfer-Encoding: quoted-printable"} {
		if !strings.Contains(head, want+"\r\n") {
			t.Errorf("header lacks %q:\n%s", want, head)
		}
	}
	for _, l := range strings.Split(body, "\r\n") {
		if len(l) > 76 {
			t.Errorf("body line of %d characters", len(l))
		}
		if strings.Contains(l, "\n") {
			t.Error("bare line feed in body")
		}
	}
	if MessageID("abc", "not an address") != "<notify.abc@coprod.invalid>" {
		t.Error(MessageID("abc", "not an address"))
	}
}

func TestDigestGroupsByKind(t *testing.T) {
	t.Parallel()
	at := time.Date(2027, 6, 10, 9, 0, 0, 0, time.UTC)
	items := []Notification{
		{Kind: TenderAwarded, Text: Compose(TenderAwarded, Facts{TenderTitle: "Crisis support"}), Link: "/tenders/t1", Created: at},
		{Kind: ProposalOpened, Text: Compose(ProposalOpened, Facts{ProposalTitle: "B"}), Link: "/rounds/r/decisions/b", Created: at.Add(time.Hour)},
		{Kind: ProposalOpened, Text: Compose(ProposalOpened, Facts{ProposalTitle: "A"}), Link: "/rounds/r/decisions/a", Created: at},
	}
	d := Digest(items, false, "https://coprod.example/")
	iOpen := strings.Index(d, ProposalOpened.Label()+" (2)")
	iA, iB := strings.Index(d, "“A”"), strings.Index(d, "“B”")
	iAward := strings.Index(d, TenderAwarded.Label()+" (1)")
	if iOpen < 0 || iAward < 0 || !(iOpen < iA && iA < iB && iB < iAward) {
		t.Errorf("groups out of order (%d %d %d %d):\n%s", iOpen, iA, iB, iAward, d)
	}
	if !strings.Contains(d, "https://coprod.example/tenders/t1\n") || !strings.Contains(d, "(3 in all)") {
		t.Errorf("links or count missing:\n%s", d)
	}
	er := Digest(items, true, "")
	if !strings.Contains(er, "You have 3 new things") || strings.Contains(er, "http") || !strings.Contains(er, "Sign in to Coprod") {
		t.Errorf("Easy Read digest without a base address:\n%s", er)
	}
}

func TestBackoffAndClassify(t *testing.T) {
	t.Parallel()
	want := []time.Duration{time.Minute, 5 * time.Minute, 15 * time.Minute, time.Hour, 2 * time.Hour, 4 * time.Hour, 8 * time.Hour, 12 * time.Hour, 12 * time.Hour}
	for i, w := range want {
		if got := Backoff(i + 1); got != w {
			t.Errorf("attempt %d: %v, want %v", i+1, got, w)
		}
	}
	for _, tc := range []struct {
		err     error
		attempt int
		want    Outcome
	}{
		{nil, 1, Sent},
		{&SendError{Code: 451}, 1, Retry},
		{&SendError{Code: 451}, MaxAttempts, Failed},
		{&SendError{Code: 554}, 1, Failed},
		{&SendError{Uncertain: true}, 1, Unknown},
		{&SendError{}, 3, Retry},
	} {
		if got := Classify(tc.err, tc.attempt); got != tc.want {
			t.Errorf("%v at %d: %s, want %s", tc.err, tc.attempt, got, tc.want)
		}
	}
}

func TestPrefs(t *testing.T) {
	t.Parallel()
	for _, bad := range []Prefs{{Email: "weekly"}, {Email: EmailEach, Format: "braille"}, {}} {
		if bad.Validate() == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	if err := (Prefs{Email: EmailDaily, Format: FormatEasyRead}).Validate(); err != nil {
		t.Error(err)
	}
	if (Prefs{}).Effective() != DefaultChoice || (Prefs{Email: EmailNone}).Effective() != EmailNone {
		t.Error("effective choice")
	}
	if !(Prefs{}).EasyRead(true) || (Prefs{}).EasyRead(false) || (Prefs{Format: FormatPlain}).EasyRead(true) || !(Prefs{Format: FormatEasyRead}).EasyRead(false) {
		t.Error("format")
	}
}
