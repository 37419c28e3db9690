package demo

import (
	"context"
	"strings"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

// The demo round: a Bristol-area integrated care board commissioning
// children and young people's mental health with a user-led organisation
// facilitating, now at the Vision stage. One member, Rae, has withdrawn
// consent to share their story; only the facilitator sees it, or their
// contact details.
const (
	demoICB = "Avon Vale ICB (Bristol area)"
	demoULO = "Bristol Youth Forum (user-led organisation)"
	// PrivateContact is the withdrawn member's contact email, which only
	// the round's facilitator may ever see.
	PrivateContact = "private.contact@example.net"
	// WithdrawnStory is the title of the story whose sharing was withdrawn.
	WithdrawnStory = "Waiting for the crisis team"
)

// demoMember is one of the group's 8 members.
type demoMember struct {
	pseudonym, realName, email, login string // login: the demo account that is this member, if any
	adjustments, formats              []string
	consents                          []round.ConsentPurpose
}

var everything = []round.ConsentPurpose{round.ConsentTakePart, round.ConsentSharePseudonym, round.ConsentQuote, round.ConsentResearch}

var demoMembers = []demoMember{
	{"Robin", "Robin Adeyemi", "robin.a@example.org", "member@demo.test", []string{"information_format"}, []string{"easy_read"}, everything},
	{"Sky", "Skylar Morgan", "sky.m@example.org", "member2@demo.test", []string{"communication_support"}, []string{"plain_email"}, everything},
	{"Ash", "Ashley Khan", "ash.k@example.org", "", nil, nil, everything},
	{"Kai", "Kai Thompson", "kai.t@example.org", "", []string{"community_language"}, []string{"audio"}, []round.ConsentPurpose{round.ConsentTakePart, round.ConsentShareAnonymous}},
	{"Nia", "Nia Williams", "nia.w@example.org", "", []string{"communication_professional"}, []string{"bsl"}, everything},
	{"Ollie", "Oliver Price", "ollie.p@example.org", "", []string{"care_environment"}, []string{"large_print"}, everything},
	{"Tam", "Tamsin Hughes", "tam.h@example.org", "", nil, nil, everything},
	{"Rae", "Rae Whitfield", PrivateContact, "", []string{"contact_method"}, []string{"plain_email"}, everything},
}

// demoSessions: date, time, place, activities, paid.
var demoSessions = []struct {
	date, time, place string
	activities        []string
}{
	{"2026-09-10", "17:30", "The Vassall Centre, Fishponds, Bristol", []string{"getting_to_know"}},
	{"2026-09-24", "17:30", "The Vassall Centre, Fishponds, Bristol", []string{"life_stories"}},
	{"2026-10-08", "17:30", "", []string{"life_stories", "factors"}},
	{"2026-10-22", "17:30", "The Vassall Centre, Fishponds, Bristol", []string{"existing_services"}},
	{"2026-11-05", "17:30", "", []string{"existing_services", "vision"}},
	{"2026-11-19", "17:30", "The Vassall Centre, Fishponds, Bristol", []string{"vision", "coprocurement_training"}},
}

type demoStep struct {
	where, what  string
	feeling      evidence.Feeling
	helped, hurt string
}

var demoStories = []struct {
	member, title, body, easyRead string
	steps                         []demoStep
}{
	{"Robin", "Finding someone who listened",
		"When I was 14 I stopped going to school. My mum took me to the GP, who referred me to CAMHS. The letter said the wait was 9 months. In the end a youth worker at the community centre was the first person who really listened.",
		"I stopped going to school.\nI waited a long time for help.\nA youth worker listened to me.",
		[]demoStep{
			{"GP surgery", "The GP listened for 10 minutes and made a referral.", 3, "She believed me.", "It was rushed."},
			{"CAMHS waiting list", "I waited 9 months with no contact.", 1, "", "Nobody checked on me."},
			{"Youth centre", "A youth worker met me every week.", 5, "Same person every time. I could text her.", ""},
		}},
	{"Ash", "School was the hardest part",
		"Teachers saw me as badly behaved, not struggling. The school nurse was kind but could only see me twice a term.",
		"", []demoStep{
			{"School", "I was put in isolation for leaving class.", 1, "", "Nobody asked why."},
			{"School nurse", "The nurse gave me a card to leave class when I needed to.", 4, "Being trusted.", "Only two visits a term."},
		}},
	{"Kai", "Online support at night",
		"Most of my bad times are at night. The online counselling chat was the only thing open at 2am.",
		"", []demoStep{
			{"Online counselling chat", "I chatted with a counsellor at 2am.", 4, "It was open when I needed it.", "I had to explain everything again each time."},
		}},
	{"Rae", WithdrawnStory,
		"I called the crisis line three times in one night and was told someone would call back. Nobody did until the next afternoon.",
		"", []demoStep{
			{"Crisis line", "I was told the team would call back.", 1, "", "Waiting all night alone."},
			{"A&E", "My dad took me to A&E in the end.", 2, "A nurse sat with me.", "Eight hours in a busy waiting room."},
		}},
}

var demoFactors = []struct {
	member, kind, domain, description string
	story                             string // title of the story it comes from
	meToo                             []string
}{
	{"Robin", "protective", "relationships", "Having one trusted adult who knows me and does not change", "Finding someone who listened", []string{"Ash", "Nia", "Tam", "Sky"}},
	{"Ash", "risk", "work_learning", "Being punished at school instead of asked what is wrong", "School was the hardest part", []string{"Ollie", "Kai"}},
	{"Kai", "protective", "community", "Support that is open in the evening and at night", "", []string{"Rae", "Sky", "Robin"}},
	{"Nia", "risk", "choice_control", "Having no say in when or how appointments happen", "", []string{"Tam"}},
	{"Rae", "risk", "safety", "Being left alone when I said I was not safe", WithdrawnStory, []string{"Kai", "Ash"}},
	{"Ollie", "protective", "identity", "Meeting other young people who get it", "", []string{"Robin", "Nia", "Sky", "Tam", "Ash"}},
}

var demoServices = []struct {
	name, provider, typ string
	feedback            []struct {
		member  string
		ratings map[string]int
		comment string
	}
}{
	{"Riverside CAMHS clinic", "Avon Vale NHS Foundation Trust", "nhs", []struct {
		member  string
		ratings map[string]int
		comment string
	}{
		{"Robin", map[string]int{"listened": 3, "waiting": 1, "information": 2}, "Good once you get in. The wait is far too long."},
		{"Nia", map[string]int{"listened": 2, "access": 2, "choice": 1}, "No BSL interpreter at my first appointment."},
	}},
	{"Night-time online counselling chat", "Open Door Online (charity)", "online", []struct {
		member  string
		ratings map[string]int
		comment string
	}{
		{"Kai", map[string]int{"listened": 4, "access": 5, "waiting": 4}, "Open when nothing else is."},
	}},
	{"School wellbeing team", "Bristol schools partnership", "school", []struct {
		member  string
		ratings map[string]int
		comment string
	}{
		{"Ash", map[string]int{"listened": 4, "access": 2}, "Kind, but only there two days a week."},
	}},
	{"Crisis line (24 hours)", "Avon Vale NHS Foundation Trust", "nhs", []struct {
		member  string
		ratings map[string]int
		comment string
	}{
		{"Rae", map[string]int{"listened": 2, "waiting": 1}, "Promised call-backs did not happen."},
	}},
}

// demoImport is peer feedback gathered on paper at a youth forum, imported
// as a file; its last row has a problem, so the import keeps the valid rows.
const demoImport = `service,listened,access,waiting,choice,information,comment
Riverside CAMHS clinic,2,,1,,2,Nobody told me what happens next
School wellbeing team,5,3,,4,,The drop-in at lunch is brilliant
Night-time online counselling chat,4,5,,,4,
Youth Club on Mars,3,,,,,`

var demoVision = []struct {
	member, body string
	stories      []string
	services     []string
	votes        map[string]int // pseudonym → dots
}{
	{"Ash", "I get help the same day when I am in crisis", []string{WithdrawnStory, "Online support at night"}, []string{"Crisis line (24 hours)"},
		map[string]int{"Ash": 2, "Kai": 3, "Nia": 1, "Tam": 2, "Rae": 3}},
	{"Robin", "I see the same person each time, who knows my story", []string{"Finding someone who listened"}, nil,
		map[string]int{"Ash": 1, "Sky": 2, "Ollie": 2, "Tam": 1}},
	{"Nia", "I choose when, where and how I get support, in my own language", nil, []string{"Riverside CAMHS clinic"},
		map[string]int{"Nia": 4, "Kai": 1, "Rae": 1}},
	{"Sky", "I am asked what is wrong, not punished for it", []string{"School was the hardest part"}, []string{"School wellbeing team"},
		map[string]int{"Ash": 2, "Sky": 3, "Ollie": 1, "Tam": 2}},
	{"Ollie", "I meet other young people who understand", nil, nil,
		map[string]int{"Ollie": 2, "Kai": 1, "Rae": 1}},
}

var demoThemes = []struct {
	name  string
	items []string // "kind:title" of what carries the theme
}{
	{"Crisis care", []string{"story:" + WithdrawnStory, "story:Online support at night", "service:Crisis line (24 hours)", "vision:I get help the same day when I am in crisis"}},
	{"Being listened to", []string{"story:Finding someone who listened", "factor:Having one trusted adult who knows me and does not change", "vision:I see the same person each time, who knows my story"}},
	{"School", []string{"story:School was the hardest part", "factor:Being punished at school instead of asked what is wrong", "service:School wellbeing team"}},
}

// seedRounds writes the demo round, acting as the demo commissioner and
// facilitator so the audit log reads as it would in real use.
func seedRounds(ctx context.Context, s Store) error {
	users := map[string]string{}
	for _, email := range []string{"commissioner@demo.test", "facilitator@demo.test", "member@demo.test", "member2@demo.test",
		"provider@demo.test", "evaluator@demo.test", "researcher@demo.test"} {
		u, err := s.UserByEmail(ctx, email)
		if err != nil {
			return err
		}
		users[email] = u.ID
	}
	commissioner := audit.WithActor(ctx, users["commissioner@demo.test"])
	facilitator := audit.WithActor(ctx, users["facilitator@demo.test"])

	icb, err := s.CreateOrganisation(ctx, auth.NewOrganisation{Name: demoICB, Kind: auth.KindCommissioner})
	if err != nil {
		return err
	}
	ulo, err := s.CreateOrganisation(ctx, auth.NewOrganisation{Name: demoULO, Kind: auth.KindUserLed})
	if err != nil {
		return err
	}
	for _, m := range []struct{ email, org string }{{"commissioner@demo.test", icb.ID}, {"facilitator@demo.test", ulo.ID}} {
		if err := s.AddMember(ctx, users[m.email], m.org); err != nil {
			return err
		}
	}
	if _, err := s.Assign(ctx, auth.Assignment{UserID: users["commissioner@demo.test"], Role: auth.RoleCommissioner, ScopeType: auth.ScopeOrganisation, ScopeID: icb.ID}); err != nil {
		return err
	}

	n := round.NewRound{OrgID: icb.ID, Title: "Children and young people's mental health",
		CareArea: "Mental health support for children and young people aged 11 to 25 in Bristol", Purpose: round.PurposeBoth,
		Stake: "20", StartsOn: "2026-09-01", EndsOn: "2027-08-31"}
	if err := n.Validate(); err != nil {
		return err
	}
	rd, err := s.CreateRound(commissioner, n, users["commissioner@demo.test"])
	if err != nil {
		return err
	}
	if err := s.PublishRound(commissioner, rd.ID); err != nil {
		return err
	}
	for _, p := range []struct {
		email string
		role  auth.Role
	}{{"facilitator@demo.test", round.RoleFacilitator}, {"member@demo.test", round.RoleMember}, {"member2@demo.test", round.RoleMember},
		// provider@demo.test bids in the round's tenders, so is no observer of its group.
		{"evaluator@demo.test", round.RoleObserver}, {"researcher@demo.test", round.RoleObserver}} {
		if _, err := s.Assign(commissioner, auth.Assignment{UserID: users[p.email], Role: p.role, ScopeType: auth.ScopeRound, ScopeID: rd.ID}); err != nil {
			return err
		}
	}

	members := map[string]string{}
	for _, m := range demoMembers {
		nm := round.NewMember{UserID: users[m.login], Pseudonym: m.pseudonym, RealName: m.realName, ContactEmail: m.email,
			Adjustments: m.adjustments, Formats: m.formats, Consents: m.consents}
		if err := nm.Validate(); err != nil {
			return err
		}
		created, err := s.AddRoundMember(facilitator, rd.ID, nm)
		if err != nil {
			return err
		}
		members[m.pseudonym] = created.ID
	}
	for _, stage := range []round.Stage{round.StageGroup, round.StageStories, round.StageFactors, round.StageServices, round.StageVision} {
		if err := s.MoveStage(facilitator, rd.ID, stage, ""); err != nil {
			return err
		}
	}

	for i, ds := range demoSessions {
		ns := round.NewSession{Date: ds.date, Time: ds.time, Place: ds.place, Activities: ds.activities,
			AccessArrangements: "Step-free access, quiet room, BSL interpreter booked"}
		if ds.place == "" {
			ns.OnlineLink = "https://meet.example.org/bristol-youth-forum"
			ns.AccessArrangements = "Live captions on; chat open for anyone who prefers to type"
		}
		if err := ns.Validate(); err != nil {
			return err
		}
		ss, err := s.CreateGroupSession(facilitator, rd.ID, ns)
		if err != nil {
			return err
		}
		// Everyone came except, in turn, one person each session.
		var came []string
		for j, m := range demoMembers {
			if j != i {
				came = append(came, members[m.pseudonym])
			}
		}
		if err := s.SetAttendance(facilitator, rd.ID, ss.ID, came); err != nil {
			return err
		}
		for _, id := range came[:3] {
			p := round.NewPayment{MemberID: id, Amount: "25.00", Method: "bank_transfer", PaidOn: ds.date}
			if err := p.Validate(); err != nil {
				return err
			}
			if err := s.AddPayment(facilitator, rd.ID, ss.ID, p); err != nil {
				return err
			}
		}
	}

	stories := map[string]string{}
	for _, ds := range demoStories {
		st, err := s.AddStory(facilitator, rd.ID, evidence.NewStory{MemberID: members[ds.member], Title: ds.title, Body: ds.body, EasyRead: ds.easyRead})
		if err != nil {
			return err
		}
		stories[ds.title] = st.ID
		for _, step := range ds.steps {
			if err := s.AddStep(facilitator, rd.ID, st.ID, evidence.Step{Touchpoint: step.where, WhatHappened: step.what, Feeling: step.feeling, Helped: step.helped, Hurt: step.hurt}); err != nil {
				return err
			}
		}
	}
	factors := map[string]string{}
	for _, df := range demoFactors {
		f, err := s.AddFactor(facilitator, rd.ID, evidence.NewFactor{MemberID: members[df.member], Kind: df.kind, Domain: df.domain,
			Description: df.description, StoryID: stories[df.story]})
		if err != nil {
			return err
		}
		factors[df.description] = f.ID
		for _, who := range df.meToo {
			if err := s.EndorseFactor(facilitator, rd.ID, f.ID, members[who]); err != nil {
				return err
			}
		}
	}
	services := map[string]string{}
	for _, dsv := range demoServices {
		sv, err := s.AddService(commissioner, rd.ID, evidence.NewService{Name: dsv.name, Provider: dsv.provider, Type: dsv.typ})
		if err != nil {
			return err
		}
		services[dsv.name] = sv.ID
		for _, fb := range dsv.feedback {
			if err := s.AddFeedback(facilitator, rd.ID, sv.ID, evidence.NewFeedback{MemberID: members[fb.member], Ratings: fb.ratings, Comment: fb.comment}); err != nil {
				return err
			}
		}
	}
	rows, err := evidence.ParseFeedbackCSV(strings.NewReader(demoImport), services)
	if err != nil {
		return err
	}
	if _, err := s.ImportFeedback(facilitator, rd.ID, rows); err != nil {
		return err
	}
	statements := map[string]string{}
	for _, dv := range demoVision {
		ns := evidence.NewStatement{MemberID: members[dv.member], Body: dv.body}
		for _, t := range dv.stories {
			ns.Links = append(ns.Links, evidence.Link{Kind: evidence.KindStory, ID: stories[t]})
		}
		for _, name := range dv.services {
			ns.Links = append(ns.Links, evidence.Link{Kind: evidence.KindService, ID: services[name]})
		}
		st, err := s.AddStatement(facilitator, rd.ID, ns)
		if err != nil {
			return err
		}
		statements[dv.body] = st.ID
	}
	if err := s.SetVoting(facilitator, rd.ID, round.VotingOpen, 5); err != nil {
		return err
	}
	ballots := map[string]map[string]int{}
	for _, dv := range demoVision {
		for who, dots := range dv.votes {
			if ballots[who] == nil {
				ballots[who] = map[string]int{}
			}
			ballots[who][statements[dv.body]] = dots
		}
	}
	for who, b := range ballots {
		if err := s.CastVotes(facilitator, rd.ID, members[who], b); err != nil {
			return err
		}
	}
	ids := map[string]map[string]string{"story": stories, "factor": factors, "service": services, "vision": statements}
	for _, dt := range demoThemes {
		th, err := s.CreateTheme(facilitator, rd.ID, dt.name)
		if err != nil {
			return err
		}
		for _, item := range dt.items {
			kind, title, _ := strings.Cut(item, ":")
			if err := s.TagItem(facilitator, rd.ID, th.ID, evidence.Kind(kind), ids[kind][title]); err != nil {
				return err
			}
		}
	}
	// Rae withdrew consent to share their story after the October session.
	return s.RecordConsent(facilitator, rd.ID, members["Rae"], round.ConsentSharePseudonym, false)
}
