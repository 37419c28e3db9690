package web

import (
	"time"

	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

// myInformation is the member's download: every field named in plain
// English, so the file reads without a key. Codes are given with their
// meaning beside them.
type myInformation struct {
	About     string            `json:"about_this_file"`
	MadeAt    time.Time         `json:"made_at"`
	Round     string            `json:"round"`
	RoundID   string            `json:"round_id"`
	You       myRecord          `json:"about_you"`
	Consent   []myConsentNow    `json:"your_consent_now"`
	History   []myConsentChange `json:"your_consent_history"`
	Sessions  []mySession       `json:"sessions_you_came_to"`
	Payments  []myPaymentLine   `json:"payments_to_you"`
	Stories   []myStory         `json:"your_stories"`
	Factors   []myFactor        `json:"what_you_said_helps_or_harms"`
	MeToos    []myMeToo         `json:"what_you_said_me_too_to"`
	Feedback  []myFeedback      `json:"your_feedback_on_services"`
	Vision    []myStatement     `json:"your_vision_statements"`
	Votes     []myVote          `json:"your_dots_on_vision_statements"`
	Said      []mySaying        `json:"what_you_said_that_is_tracked"`
	Responses []myAnswer        `json:"your_responses_to_proposals"`
}

type myRecord struct {
	MemberID      string    `json:"your_member_id"`
	ChosenName    string    `json:"the_name_you_chose_for_the_group"`
	RealName      string    `json:"your_real_name"`
	Email         string    `json:"your_contact_email"`
	Phone         string    `json:"your_contact_phone"`
	AccessNeeds   []string  `json:"your_reasonable_adjustments"`
	AccessDetails string    `json:"your_access_needs_in_detail"`
	Formats       []string  `json:"formats_you_prefer"`
	JoinedAt      time.Time `json:"joined_the_group_at"`
}

type myConsentNow struct {
	Purpose string `json:"what_for"`
	Now     string `json:"now"`
}

type myConsentChange struct {
	Purpose    string    `json:"what_for"`
	Decision   string    `json:"decision"`
	RecordedAt time.Time `json:"recorded_at"`
	ByYou      bool      `json:"recorded_by_you"`
}

type mySession struct {
	StartsAt time.Time `json:"starts_at"`
	Place    string    `json:"place"`
	Online   string    `json:"online_link"`
	Did      []string  `json:"what_the_group_did"`
}

type myPaymentLine struct {
	Session time.Time `json:"for_the_session_on"`
	Pence   int64     `json:"amount_in_pence"`
	Amount  string    `json:"amount"`
	Method  string    `json:"how_it_was_paid"`
	PaidOn  string    `json:"paid_on"`
}

type myStep struct {
	Number   int    `json:"step"`
	Where    string `json:"where_you_went_or_who_you_saw"`
	Happened string `json:"what_happened"`
	Felt     string `json:"how_it_felt"`
	Helped   string `json:"what_helped"`
	Hurt     string `json:"what_hurt"`
}

type myStory struct {
	ID        string    `json:"story_id"`
	Title     string    `json:"title"`
	Text      string    `json:"your_story"`
	EasyRead  string    `json:"easy_read_summary"`
	SharedAt  time.Time `json:"shared_at"`
	Pathway   []myStep  `json:"your_pathway"`
	OthersSee bool      `json:"others_in_the_group_can_see_it"`
}

type myFactor struct {
	ID        string    `json:"factor_id"`
	Kind      string    `json:"helps_or_harms"`
	Part      string    `json:"part_of_life"`
	What      string    `json:"what_it_is"`
	MeToo     int       `json:"people_who_said_me_too"`
	AddedAt   time.Time `json:"added_at"`
	OthersSee bool      `json:"others_in_the_group_can_see_it"`
}

type myMeToo struct {
	FactorID string    `json:"factor_id"`
	What     string    `json:"what_it_is"`
	At       time.Time `json:"said_at"`
}

type myFeedback struct {
	ID      string         `json:"feedback_id"`
	Service string         `json:"service"`
	Ratings map[string]int `json:"your_ratings_out_of_5"`
	Comment string         `json:"your_comment"`
	At      time.Time      `json:"given_at"`
}

type myStatement struct {
	ID     string    `json:"statement_id"`
	Text   string    `json:"your_statement"`
	At     time.Time `json:"added_at"`
	Behind []string  `json:"what_is_behind_it"`
}

type myVote struct {
	StatementID string `json:"statement_id"`
	Statement   string `json:"statement"`
	Dots        int    `json:"your_dots"`
}

type mySaying struct {
	ItemID string `json:"ledger_item_id"`
	Said   string `json:"what_you_said"`
	SaidOn string `json:"said_on"`
	Status string `json:"where_it_has_got_to"`
}

type myAnswer struct {
	ProposalID string    `json:"proposal_id"`
	Proposal   string    `json:"proposal"`
	Answer     string    `json:"your_answer"`
	Reason     string    `json:"your_reason"`
	At         time.Time `json:"answered_at"`
	InPerson   string    `json:"given_in_person_on"`
}

// consentNow says a purpose's state in words.
func consentNow(c round.Consent, p round.ConsentPurpose) string {
	switch {
	case c.Given[p]:
		return "given"
	case c.Withdrawn[p]:
		return "withdrawn"
	}
	return "not given"
}

// myExport turns the member's information into the download.
func myExport(rd *round.Round, m *evidence.Mine, now time.Time) myInformation {
	me := m.Member
	x := myInformation{
		About: "Everything the commissioning round “" + rd.Title + "” holds about you as a member of its lived experience group. " +
			"Only you and the round's facilitators can see all of it.",
		MadeAt: now.UTC(), Round: rd.Title, RoundID: rd.ID,
		You: myRecord{MemberID: me.ID, ChosenName: me.Pseudonym, RealName: me.RealName, Email: me.ContactEmail, Phone: me.ContactPhone,
			AccessNeeds: orEmpty(round.Labels(round.Adjustments, me.Adjustments)), AccessDetails: me.AdjustmentNotes,
			Formats: orEmpty(round.Labels(round.Formats, me.Formats)), JoinedAt: me.CreatedAt},
		Consent: []myConsentNow{}, History: []myConsentChange{}, Sessions: []mySession{}, Payments: []myPaymentLine{},
		Stories: []myStory{}, Factors: []myFactor{}, MeToos: []myMeToo{}, Feedback: []myFeedback{}, Vision: []myStatement{},
		Votes: []myVote{}, Said: []mySaying{}, Responses: []myAnswer{},
	}
	for _, p := range round.ConsentPurposes {
		x.Consent = append(x.Consent, myConsentNow{Purpose: p.Label(), Now: consentNow(me.Consent, p)})
	}
	for _, c := range m.Consent {
		d := "withdrawn"
		if c.Given {
			d = "given"
		}
		x.History = append(x.History, myConsentChange{Purpose: c.Purpose.Label(), Decision: d, RecordedAt: c.RecordedAt, ByYou: c.RecordedBy == me.UserID})
	}
	for _, s := range m.Sessions {
		x.Sessions = append(x.Sessions, mySession{StartsAt: s.StartsAt, Place: s.Place, Online: s.OnlineLink, Did: orEmpty(round.Labels(round.Activities, s.Activities))})
	}
	for _, p := range m.Payments {
		x.Payments = append(x.Payments, myPaymentLine{Session: p.SessionStartsAt, Pence: p.AmountPence, Amount: round.FormatPence(p.AmountPence),
			Method: optionText(round.PaymentMethods, p.Method), PaidOn: p.PaidOn})
	}
	for _, s := range m.Stories {
		st := myStory{ID: s.ID, Title: s.Title, Text: s.Body, EasyRead: s.EasyRead, SharedAt: s.CreatedAt, Pathway: []myStep{}, OthersSee: !s.Author.Hidden}
		for _, p := range s.Steps {
			st.Pathway = append(st.Pathway, myStep{Number: p.Position, Where: p.Touchpoint, Happened: p.WhatHappened, Felt: p.Feeling.Label(), Helped: p.Helped, Hurt: p.Hurt})
		}
		x.Stories = append(x.Stories, st)
	}
	for _, f := range m.Factors {
		x.Factors = append(x.Factors, myFactor{ID: f.ID, Kind: f.KindLabel(), Part: f.DomainLabel(), What: f.Description, MeToo: f.MeToo,
			AddedAt: f.CreatedAt, OthersSee: !f.Author.Hidden})
	}
	for _, t := range m.MeToos {
		x.MeToos = append(x.MeToos, myMeToo{FactorID: t.FactorID, What: t.Description, At: t.At})
	}
	for _, f := range m.Feedback {
		ratings := map[string]int{}
		for _, r := range f.RatingList() {
			ratings[r.Label] = r.Score
		}
		x.Feedback = append(x.Feedback, myFeedback{ID: f.ID, Service: f.ServiceName, Ratings: ratings, Comment: f.Comment, At: f.CreatedAt})
	}
	for _, v := range m.Vision {
		st := myStatement{ID: v.ID, Text: v.Body, At: v.CreatedAt, Behind: []string{}}
		for _, l := range v.Links {
			st.Behind = append(st.Behind, l.Title)
		}
		x.Vision = append(x.Vision, st)
	}
	for _, v := range m.Votes {
		x.Votes = append(x.Votes, myVote{StatementID: v.StatementID, Statement: v.Statement, Dots: v.Dots})
	}
	for _, s := range m.Said {
		x.Said = append(x.Said, mySaying{ItemID: s.ItemID, Said: s.Said, SaidOn: s.SaidOn, Status: s.Status})
	}
	for _, r := range m.Responses {
		x.Responses = append(x.Responses, myAnswer{ProposalID: r.ProposalID, Proposal: r.ProposalTitle, Answer: r.Answer.Label(),
			Reason: r.Reason, At: r.RespondedAt, InPerson: r.GivenOn})
	}
	return x
}

// orEmpty makes a missing list an empty one, so the file shows [] rather than null.
func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// optionText is a stored key's label, or the key when it is not in the list.
func optionText(opts []round.Option, key string) string {
	if l := round.Labels(opts, []string{key}); len(l) == 1 {
		return l[0]
	}
	return key
}
