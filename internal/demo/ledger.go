package demo

import (
	"context"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
)

// WithdrawnVoice is what one demo voice item said before the person who
// said it withdrew consent: it must never appear in public.
const WithdrawnVoice = "My social worker told my school about my self-harm without asking me"

// Organisation keys for demo voice items: the demo round's two, and the
// North Shire ones from Seed.
const (
	orgRoundICB = "round-icb"
	orgRoundULO = "round-ulo"
)

type demoVerdict struct {
	who     string // the demo member's group name: Robin or Sky
	verdict ledger.Verdict
	comment string
}

// demoVoice is one voice item and what happened to it. Days are counted
// back from the day the demo is seeded, so the flags stay true whenever
// the demo runs: ago is when it was said, due is days from today
// (negative: in the past), done is days ago.
type demoVoice struct {
	said, easyRead string
	source         ledger.Source
	ago            int
	member         string // group name, or "" for the group
	inRound        bool
	orgs           []string
	themes         []string
	commit         string
	indicator      string // the demo contract's indicator the commitment links to, if any
	commitAfter    int    // days after it was said
	due            int
	status         ledger.Status
	done           int
	reason         string
	actions        []string
	evidence       []ledger.NewEvidence
	verdicts       []demoVerdict
	withdrawn      bool
}

var roundOrgs = []string{orgRoundICB, orgRoundULO}

var textEvidence = func(s string) []ledger.NewEvidence { return []ledger.NewEvidence{{Kind: ledger.EvidenceText, Text: s}} }

var demoVoices = []demoVoice{
	// Done, with evidence and verdicts of every kind.
	{said: "I waited nine months for CAMHS with nobody checking on me", easyRead: "I waited a long time. Nobody called me.", source: ledger.SourceStory, ago: 300, member: "Robin", inRound: true, orgs: roundOrgs, themes: []string{"Waiting", "Being listened to"},
		commit: "Phone every young person on the CAMHS waiting list every 4 weeks until their first appointment", commitAfter: 14, due: -120, status: ledger.StatusDone, done: 150,
		actions:  []string{"Two wellbeing practitioners recruited to make the calls", "Calls started for all 412 young people on the list"},
		evidence: textEvidence("CYP-7 waiting list contact every 28 days: 96% from April to June"),
		verdicts: []demoVerdict{{"Robin", ledger.VerdictChanged, "My cousin gets a call every month now. She knows she has not been forgotten."}, {"Sky", ledger.VerdictChanged, "Friends on the list say the calls help."}}},
	{said: "The crisis line promised a call back that never came", source: ledger.SourceSession, ago: 280, inRound: true, orgs: roundOrgs, themes: []string{"Crisis care"},
		commit: "Call back every crisis line caller within 1 hour, 24 hours a day", commitAfter: 20, due: -100, status: ledger.StatusDone, done: 120,
		indicator: "I1", // the demo contract's "Help the same day in a crisis", with its reported values as evidence
		actions:   []string{"Extra night staff on the crisis line from 10pm to 8am"}, evidence: []ledger.NewEvidence{{Kind: ledger.EvidenceIndicator, IndicatorID: "I1"}},
		verdicts: []demoVerdict{{"Robin", ledger.VerdictPartly, "Better at night. Weekends are still slow."}, {"Sky", ledger.VerdictNotChanged, "I still waited three hours on a Saturday."}}},
	{said: "No BSL interpreter at my first appointment", source: ledger.SourceFeedback, ago: 250, member: "Nia", inRound: true, orgs: roundOrgs, themes: []string{"Access"},
		commit: "Book a BSL interpreter for every first appointment when a referral asks for one, within 5 working days", commitAfter: 5, due: -150, status: ledger.StatusDone, done: 160,
		evidence: []ledger.NewEvidence{{Kind: ledger.EvidenceLink, URL: "https://www.example.org/avon-vale/interpreting-policy", Text: "Interpreting policy, updated"}},
		verdicts: []demoVerdict{{"Robin", ledger.VerdictNotChanged, "Nia says she still had to ask twice."}}},
	{said: "Teachers punish you for leaving class instead of asking what is wrong", source: ledger.SourceStory, ago: 200, member: "Ash", inRound: true, orgs: roundOrgs, themes: []string{"School"},
		commit: "Give every secondary school in Bristol a trained mental health lead by September", commitAfter: 30, due: -20, status: ledger.StatusDone, done: 25,
		evidence: textEvidence("List of 31 schools with a named, trained lead"), verdicts: []demoVerdict{{"Sky", ledger.VerdictTooEarly, "The leads only started this term."}}},
	{said: "Support stops the day you turn 18", source: ledger.SourceSurvey, ago: 190, inRound: true, orgs: roundOrgs, themes: []string{"Moving to adult services"},
		commit: "Keep the same worker until age 25 for anyone who asks, with a joint plan from age 17 and a half", commitAfter: 40, due: -30, status: ledger.StatusDone, done: 60,
		evidence: textEvidence("Transition protocol signed by both trusts"), verdicts: []demoVerdict{{"Robin", ledger.VerdictPartly, "It exists, but not everyone is told about it."}}},
	// Done without evidence (no-evidence), and done long ago with no verdict (no-verdict).
	{said: "The waiting room at Riverside is loud and bright", source: ledger.SourceFeedback, ago: 240, member: "Ollie", inRound: true, orgs: roundOrgs, themes: []string{"Access"},
		commit: "Open a quiet waiting room at Riverside clinic with dimmable lights by the end of May", commitAfter: 10, due: -140, status: ledger.StatusDone, done: 130},
	{said: "Letters from CAMHS are full of jargon", easyRead: "The letters are hard to read.", source: ledger.SourceSession, ago: 230, inRound: true, orgs: roundOrgs, themes: []string{"Information"},
		commit: "Rewrite the 6 standard CAMHS letters with the group and test them with 10 young people", commitAfter: 15, due: -110, status: ledger.StatusDone, done: 100,
		actions: []string{"Three letters rewritten at the group's session"}, evidence: textEvidence("The rewritten letters, before and after")},
	{said: "Nobody told me what happens after an assessment", source: ledger.SourceImport, ago: 160, orgs: []string{"icb", "ulo"}, themes: []string{"Information"},
		commit: "Give everyone a written plan on the day of their assessment, in the format they ask for", commitAfter: 12, due: -50, status: ledger.StatusDone, done: 40,
		verdicts: []demoVerdict{{"Robin", ledger.VerdictChanged, "I got my plan in Easy Read the same day."}}},
	// Overdue: due date passed, not done.
	{said: "Appointments are only in school hours", source: ledger.SourceSession, ago: 180, member: "Tam", inRound: true, orgs: roundOrgs, themes: []string{"Access"},
		commit: "Offer evening appointments until 8pm on 2 days a week at every CAMHS clinic", commitAfter: 21, due: -45, status: ledger.StatusInProgress,
		actions: []string{"Evening rota agreed at Riverside; other clinics not started"}},
	{said: "The bus to the clinic takes an hour and a half", source: ledger.SourceSurvey, ago: 170, inRound: true, orgs: roundOrgs, themes: []string{"Transport"},
		commit: "Refund bus and taxi fares for every appointment, paid on the day", commitAfter: 30, due: -10, status: ledger.StatusCommitted},
	{said: "Short breaks for disabled young people were cut", source: ledger.SourceImport, ago: 150, orgs: []string{"council", "ulo"}, themes: []string{"Short breaks"},
		commit: "Restore 400 short-break nights a year from April", commitAfter: 25, due: -60, status: ledger.StatusCommitted},
	// Vague: the wording promises no change.
	{said: "Online support is the only thing open at 2am", source: ledger.SourceStory, ago: 140, member: "Kai", inRound: true, orgs: roundOrgs, themes: []string{"Crisis care"},
		commit: "We will explore options for out-of-hours digital support", commitAfter: 20, due: 60, status: ledger.StatusCommitted},
	{said: "Young carers are not asked how they are", source: ledger.SourceSession, ago: 130, inRound: true, orgs: roundOrgs, themes: []string{"Carers"},
		commit: "Raise awareness of young carers among staff and consider a carers' lead", commitAfter: 15, due: 90, status: ledger.StatusInProgress,
		actions: []string{"Item on the staff newsletter"}},
	{said: "Personal health budgets take too long to agree", source: ledger.SourceImport, ago: 120, orgs: []string{"icb", "ulo"}, themes: []string{"Personal budgets"},
		commit: "Review the personal health budget process going forward", commitAfter: 30, due: -5, status: ledger.StatusInProgress},
	// Vague and done without evidence and no verdict: every masking flag at once.
	{said: "Staff change so often I never see the same person twice", source: ledger.SourceStory, ago: 290, member: "Robin", inRound: true, orgs: roundOrgs, themes: []string{"Being listened to"},
		commit: "Look into ways to improve continuity of care", commitAfter: 25, due: -200, status: ledger.StatusDone, done: 180},
	// Committed and on time.
	{said: "I want to meet other young people who get it", source: ledger.SourceSession, ago: 60, member: "Ollie", inRound: true, orgs: roundOrgs, themes: []string{"Peer support"},
		commit: "Fund a weekly peer support group in 3 areas of the city, run by young people, from January", commitAfter: 14, due: 45, status: ledger.StatusCommitted},
	{said: "Choose when, where and how I get support, in my own language", source: ledger.SourceSession, ago: 55, member: "Nia", inRound: true, orgs: roundOrgs, themes: []string{"Choice", "Access"},
		commit: "Let everyone choose between face to face, phone and video for every appointment, with interpreters for 12 languages", commitAfter: 10, due: 120, status: ledger.StatusInProgress,
		actions: []string{"Video appointments switched on at two clinics"}, verdicts: []demoVerdict{{"Sky", ledger.VerdictTooEarly, "Only just started."}}},
	{said: "School nurses are only there twice a term", source: ledger.SourceFeedback, ago: 50, member: "Ash", inRound: true, orgs: roundOrgs, themes: []string{"School"},
		commit: "Double school nurse drop-ins to every week in the 10 schools with the longest waits", commitAfter: 7, due: 100, status: ledger.StatusCommitted},
	{said: "Housing letters arrive with no Easy Read version", source: ledger.SourceImport, ago: 45, orgs: []string{"council", "ulo"}, themes: []string{"Information"},
		commit: "Send every housing letter in Easy Read when the tenant asks, from 1 March", commitAfter: 10, due: 80, status: ledger.StatusCommitted},
	// Not doing, with the reason.
	{said: "Open a CAMHS clinic in every secondary school", source: ledger.SourceSurvey, ago: 210, inRound: true, orgs: roundOrgs, themes: []string{"School"},
		status: ledger.StatusNotDoing, reason: "There are not enough clinicians for 40 clinics. Instead we are funding school mental health leads (see the item about teachers)."},
	{said: "Bring back the youth club on the estate", source: ledger.SourceImport, ago: 175, orgs: []string{"council", "ulo"}, themes: []string{"Community"},
		commit: "Reopen the youth club on Thursday evenings", commitAfter: 30, due: -30, status: ledger.StatusNotDoing,
		reason: "The building failed its fire safety check and cannot reopen. We are looking for another building with the young people who used it."},
	// Open: nothing promised yet.
	{said: "Receptionists should know what autism is", source: ledger.SourceSession, ago: 20, member: "Tam", inRound: true, orgs: roundOrgs, themes: []string{"Being listened to"}},
	{said: "I had to tell my story five times to five people", source: ledger.SourceStory, ago: 18, member: "Kai", inRound: true, orgs: roundOrgs, themes: []string{"Being listened to"}},
	{said: "The A&E waiting room is no place for someone in crisis", source: ledger.SourceStory, ago: 15, inRound: true, orgs: roundOrgs, themes: []string{"Crisis care"}},
	{said: "Wheelchair users cannot get into the Fishponds clinic", source: ledger.SourceFeedback, ago: 12, orgs: []string{"icb", "ulo"}, themes: []string{"Access"}},
	{said: "Carers' assessments take months", source: ledger.SourceSurvey, ago: 10, orgs: []string{"council", "ulo"}, themes: []string{"Carers"}},
	{said: "Text reminders would stop me missing appointments", source: ledger.SourceSession, ago: 8, member: "Sky", inRound: true, orgs: roundOrgs, themes: []string{"Information"}},
	{said: "Night buses do not go near the crisis café", source: ledger.SourceSession, ago: 5, inRound: true, orgs: roundOrgs, themes: []string{"Transport", "Crisis care"}},
	// More done items, so the figures have something to say.
	{said: "Information about medication side effects is hard to find", source: ledger.SourceImport, ago: 100, orgs: []string{"icb", "ulo"}, themes: []string{"Information"},
		commit: "Publish a one-page plain English sheet for each of the 20 most prescribed medicines", commitAfter: 20, due: -20, status: ledger.StatusDone, done: 30,
		evidence: textEvidence("20 sheets published and checked with the group"), verdicts: []demoVerdict{{"Robin", ledger.VerdictChanged, "Clear and short. I used one last week."}}},
	{said: "Direct payments stop when you go into hospital", source: ledger.SourceImport, ago: 95, orgs: []string{"council", "ulo"}, themes: []string{"Personal budgets"},
		commit: "Keep direct payments going for up to 4 weeks in hospital so personal assistants keep their jobs", commitAfter: 10, due: -40, status: ledger.StatusDone, done: 50,
		evidence: textEvidence("Direct payment continuity: 18 of 18 people last quarter")},
	// Withdrawn: never public.
	{said: WithdrawnVoice, source: ledger.SourceStory, ago: 70, member: "Rae", inRound: true, orgs: roundOrgs, themes: []string{"Being listened to"},
		commit: "Ask young people before sharing anything with their school, every time, and record their answer", commitAfter: 10, due: 30, status: ledger.StatusCommitted, withdrawn: true},
	{said: "Mental health first aid training for youth workers", source: ledger.SourceSession, ago: 65, inRound: true, orgs: roundOrgs, themes: []string{"Community"},
		commit: "Train 60 youth workers in mental health first aid by the summer", commitAfter: 5, due: 40, status: ledger.StatusInProgress,
		actions: []string{"First 20 youth workers trained"}, evidence: textEvidence("Attendance lists for the first 2 courses")},
}

// seedLedger records the demo's voice items and what happened to each,
// as the facilitator and commissioner would, so every status, flag and
// verdict is on the board.
func seedLedger(ctx context.Context, s Store) error {
	users := map[string]string{}
	for _, email := range []string{"commissioner@demo.test", "facilitator@demo.test", "member@demo.test", "member2@demo.test"} {
		u, err := s.UserByEmail(ctx, email)
		if err != nil {
			return err
		}
		users[email] = u.ID
	}
	commissioner := audit.WithActor(ctx, users["commissioner@demo.test"])
	facilitator := audit.WithActor(ctx, users["facilitator@demo.test"])
	orgNames, _, err := s.ListOrganisations(ctx, auth.ListQuery{Limit: 200})
	if err != nil {
		return err
	}
	byName := map[string]string{}
	for _, o := range orgNames {
		byName[o.Name] = o.ID
	}
	orgIDs := map[string]string{orgRoundICB: byName[demoICB], orgRoundULO: byName[demoULO]}
	for _, o := range orgs {
		orgIDs[o.key] = byName[o.name]
	}
	rounds, _, err := s.ListRounds(ctx, round.Query{All: true, Limit: 10})
	if err != nil || len(rounds) == 0 {
		return err
	}
	rd := rounds[0]
	// The demo contract, whose indicators commitments and evidence link to.
	var contractID string
	cs, err := s.Contracts(ctx, rd.ID)
	if err != nil {
		return err
	}
	for _, c := range cs {
		if c.Title == DemoContract {
			contractID = c.ID
		}
	}
	ms, err := s.RoundMembers(ctx, rd.ID, round.Facilitators)
	if err != nil {
		return err
	}
	members := map[string]round.Member{}
	for _, m := range ms {
		members[m.Pseudonym] = m
	}
	voters := map[string]string{"Robin": users["member@demo.test"], "Sky": users["member2@demo.test"]}

	now := time.Now().UTC()
	day := func(offset int) string { return now.AddDate(0, 0, offset).Format(ledger.DateLayout) }
	today := day(0)
	for _, v := range demoVoices {
		n := ledger.NewItem{Said: v.said, EasyRead: v.easyRead, Source: v.source, SaidOn: day(-v.ago), Themes: v.themes, Today: today}
		if v.inRound {
			n.RoundID = rd.ID
			n.MemberID = members[v.member].ID
		}
		for _, k := range v.orgs {
			n.OrgIDs = append(n.OrgIDs, orgIDs[k])
		}
		if err := n.Validate(); err != nil {
			return err
		}
		it, err := s.CreateItem(facilitator, n)
		if err != nil {
			return err
		}
		if v.commit != "" {
			c := ledger.NewCommitment{OwnerOrgID: orgIDs[v.orgs[0]], OwnerUserID: users["commissioner@demo.test"], What: v.commit,
				DueOn: day(v.due), CommittedOn: day(-v.ago + v.commitAfter), Today: today}
			if v.indicator != "" {
				c.ContractID, c.IndicatorID = contractID, v.indicator
			}
			if v.orgs[0] == "council" {
				c.OwnerOrgID = orgIDs["icb"] // the demo commissioner works for the ICB, which leads for the council too
			}
			if err := c.Validate(); err != nil {
				return err
			}
			if err := s.Commit(commissioner, it.ID, c); err != nil {
				return err
			}
		}
		for i, a := range v.actions {
			na := ledger.NewAction{What: a, On: day(-v.ago + v.commitAfter + 7*(i+1)), Today: today}
			if err := na.Validate(); err != nil {
				return err
			}
			if err := s.AddAction(commissioner, it.ID, na); err != nil {
				return err
			}
		}
		if v.status != "" && v.status != ledger.StatusCommitted {
			c := ledger.StatusChange{Status: v.status, Reason: v.reason, On: day(-v.done), Today: today}
			if err := c.Validate(); err != nil {
				return err
			}
			if err := s.SetStatus(commissioner, it.ID, c); err != nil {
				return err
			}
		}
		for _, e := range v.evidence {
			if e.Kind == ledger.EvidenceIndicator {
				e.ContractID = contractID
			}
			if err := e.Validate(); err != nil {
				return err
			}
			if err := s.AddEvidence(commissioner, it.ID, e); err != nil {
				return err
			}
		}
		for _, dv := range v.verdicts {
			by := ledger.VerdictBy{UserID: voters[dv.who]}
			if v.inRound {
				by.MemberID = members[dv.who].ID
			}
			if err := s.RecordVerdict(audit.WithActor(ctx, voters[dv.who]), it.ID, ledger.NewVerdict{Verdict: dv.verdict, Comment: dv.comment}, by); err != nil {
				return err
			}
		}
		if v.withdrawn {
			if err := s.WithdrawItem(facilitator, it.ID); err != nil {
				return err
			}
		}
	}
	return nil
}
