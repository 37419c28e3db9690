// Package notify turns what happened (the audit log, which every state
// change writes in its own transaction) into notifications for the people it
// concerns: who is told, what they are told in plain English and in Easy
// Read, and the email that carries it. It is pure: the store resolves who
// the audiences are and keeps the notifications and the outbox; a mail
// sender (notify/smtpmail) delivers.
package notify

import (
	"time"
)

// Kind is what a notification is about.
type Kind string

const (
	ProposalOpened    Kind = "proposal_opened"    // the group is asked a question: its members
	ProposalDecided   Kind = "proposal_decided"   // the group's answer is counted: its members
	ScoringAsked      Kind = "scoring_asked"      // an evaluator is put on a panel
	ModerationReady   Kind = "moderation_ready"   // every evaluator on a panel has submitted: its chair
	ModerationOpen    Kind = "moderation_open"    // the chair opened moderation: the panel
	QuestionAnswered  Kind = "question_answered"  // a clarification answered to all bidders
	TenderAwarded     Kind = "tender_awarded"     // bidders and the group that holds the stake
	CommitmentGiven   Kind = "commitment_given"   // an organisation promised something: its people
	CommitmentOverdue Kind = "commitment_overdue" // a promise is past its date: its owner
	VerdictRequested  Kind = "verdict_requested"  // something is done: the group says if it changed
	ReportsDue        Kind = "reports_due"        // a contract with indicators: the provider reports
	Invited           Kind = "invited"            // an invitation to someone who has an account
	StageMoved        Kind = "stage_moved"        // the round moved on: its members
	SessionPlanned    Kind = "session_planned"    // a group meeting is planned: its members
)

// Kinds lists every kind, in the order the preferences page shows them.
var Kinds = []Kind{ProposalOpened, ProposalDecided, VerdictRequested, SessionPlanned, StageMoved, ScoringAsked,
	ModerationReady, ModerationOpen, QuestionAnswered, TenderAwarded, CommitmentGiven, CommitmentOverdue, ReportsDue, Invited}

// IsTask reports whether the notification asks the person to do something
// (rather than telling them news); the email's subject says which.
func (k Kind) IsTask() bool {
	switch k {
	case ProposalOpened, ScoringAsked, ModerationReady, ModerationOpen, CommitmentGiven, CommitmentOverdue,
		VerdictRequested, ReportsDue, Invited:
		return true
	}
	return false
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Notification is one message to one person, as kept and listed.
type Notification struct {
	ID       int64
	UserID   string
	Kind     Kind
	Text     Text
	Link     string // a path in the service, "" for none
	Created  time.Time
	ReadAt   *time.Time
	EventSeq int64 // the audit event it came from, 0 for a time-based one
}

// Unread reports whether the person has not marked it read.
func (n Notification) Unread() bool { return n.ReadAt == nil }

// Text is a notification's words, in both formats.
type Text struct {
	Plain    string // plain English: one or two sentences
	EasyRead string // Easy Read: short sentences, everyday words
}

// For returns the wording for a person's preferred format.
func (t Text) For(easyRead bool) string {
	if easyRead && t.EasyRead != "" {
		return t.EasyRead
	}
	return t.Plain
}

// Page is one page of a person's notifications, newest first.
type Page struct {
	Items  []Notification
	Unread int
	Total  int
	// Before is the id to pass for the next (older) page; 0 when there is none.
	Before int64
}
