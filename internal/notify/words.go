package notify

import (
	"time"

	"github.com/coprod/coprod/internal/round"
)

// Compose writes a notification's words from its kind and facts, in plain
// English and in Easy Read (short sentences, everyday words, one idea a
// sentence). Titles are named where the person can see them anyway; the
// words never name another person.
func Compose(k Kind, f Facts) Text {
	rt := orDefault(f.RoundTitle, "your round")
	tt := orDefault(f.TenderTitle, "a tender")
	pt := orDefault(f.ProposalTitle, "a question")
	switch k {
	case ProposalOpened:
		return Text{
			Plain:    "Your group has been asked to decide “" + pt + "” in " + rt + ". Please give your answer.",
			EasyRead: "Your group has a new question to decide. The question is “" + pt + "”. Please give your answer.",
		}
	case ProposalDecided:
		if f.Passed {
			return Text{
				Plain:    "Your group agreed “" + pt + "” in " + rt + ".",
				EasyRead: "Your group made a decision. The group agreed to “" + pt + "”.",
			}
		}
		return Text{
			Plain:    "Your group did not agree “" + pt + "” in " + rt + ".",
			EasyRead: "Your group made a decision. The group did not agree to “" + pt + "”.",
		}
	case ScoringAsked:
		return Text{
			Plain:    "You have been asked to score the bids for " + tt + ". Declare any conflicts of interest first.",
			EasyRead: "You are on the panel for " + tt + ". Please tell us if you know any bidder. Then give your scores.",
		}
	case ModerationReady:
		return Text{
			Plain:    "Every evaluator on your panel has submitted their scores for " + tt + ". You can open moderation.",
			EasyRead: "Everyone on your panel has given their scores. You can now start the meeting to agree scores.",
		}
	case ModerationOpen:
		return Text{
			Plain:    "Moderation is open for " + tt + ": the panel can now agree its scores.",
			EasyRead: "The meeting to agree scores has started. You can now see the other scores.",
		}
	case QuestionAnswered:
		return Text{
			Plain:    "A clarification question about " + tt + " has been answered.",
			EasyRead: "A question about " + tt + " has an answer. You can read it now.",
		}
	case TenderAwarded:
		return Text{
			Plain:    "The contract for " + tt + " has been awarded. You can see the outcome.",
			EasyRead: "We know who won the contract for " + tt + ". You can see the result now.",
		}
	case CommitmentGiven:
		return Text{
			Plain:    "Your organisation has made a commitment in response to what people said. Keep the group told of progress.",
			EasyRead: "Your organisation made a promise. Please tell the group what you do.",
		}
	case CommitmentOverdue:
		due := "its due date"
		if f.DueOn != "" {
			due = round.FormatDate(f.DueOn)
		}
		return Text{
			Plain:    "A commitment your organisation made was due on " + due + " and is not done yet.",
			EasyRead: "Your organisation made a promise. It was due on " + due + ". They have not finished it yet.",
		}
	case VerdictRequested:
		return Text{
			Plain:    "Something your group said has been acted on in " + rt + ". Tell us whether it changed things.",
			EasyRead: "Someone did something the group asked for. Did it make things better? Please tell us.",
		}
	case ReportsDue:
		return Text{
			Plain:    "Your organisation has a new contract in " + rt + ". You will report on its indicators: check the dates.",
			EasyRead: "Your organisation has a new contract. You need to send reports. Please check the dates.",
		}
	case Invited:
		if f.RoundTitle != "" {
			return Text{
				Plain:    "You have been invited to join " + f.RoundTitle + ". Use the link or the code you were given to accept.",
				EasyRead: "Someone asked you to join a group. Use your link or your code to say yes.",
			}
		}
		return Text{
			Plain:    "You have been invited to join an organisation in Coprod. Open the link in your invitation email to accept.",
			EasyRead: "Someone asked you to join a group. Open the link in your email to say yes.",
		}
	case StageMoved:
		stage := round.Stage(f.Stage).Label()
		if stage == "" {
			stage = "the next stage"
		}
		return Text{
			Plain:    rt + " has moved to its next stage: " + stage + ".",
			EasyRead: "Your group has moved on to the next step. The next step is " + stage + ".",
		}
	case SessionPlanned:
		when, easyWhen := "", ""
		if !f.When.IsZero() {
			when, easyWhen = " on "+FormatWhen(f.When), " on "+formatWhenEasy(f.When)
		}
		return Text{
			Plain:    "A group meeting has been planned for " + rt + when + ".",
			EasyRead: "There is a new group meeting" + easyWhen + ".",
		}
	}
	return Text{Plain: "Something has changed in Coprod.", EasyRead: "Something has changed. Please look."}
}

// FormatWhen shows a moment in UK time with the weekday: "Thursday 10 June 2027 at 18:30".
func FormatWhen(t time.Time) string {
	return t.In(round.London).Format("Monday 2 January 2006 at 15:04")
}

// formatWhenEasy is FormatWhen on the 12-hour clock, as Easy Read asks:
// "Thursday 10 June 2027 at 6:30pm".
func formatWhenEasy(t time.Time) string {
	return t.In(round.London).Format("Monday 2 January 2006 at 3:04pm")
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Label is the kind in words, for the preferences page.
func (k Kind) Label() string {
	switch k {
	case ProposalOpened:
		return "Your group is asked to decide something"
	case ProposalDecided:
		return "Your group's decision is counted"
	case VerdictRequested:
		return "Your group is asked whether something changed"
	case SessionPlanned:
		return "A group meeting is planned"
	case StageMoved:
		return "Your round moves to its next stage"
	case ScoringAsked:
		return "You are asked to score bids"
	case ModerationReady:
		return "All scores are in and you chair the panel"
	case ModerationOpen:
		return "Moderation opens on your panel"
	case QuestionAnswered:
		return "A clarification question is answered"
	case TenderAwarded:
		return "A tender you take part in is awarded"
	case CommitmentGiven:
		return "Your organisation makes a commitment"
	case CommitmentOverdue:
		return "A commitment you own is overdue"
	case ReportsDue:
		return "Your organisation has reports due on a contract"
	case Invited:
		return "You are invited to join"
	}
	return string(k)
}

// LinkLabel is the words of the link to what a notification is about.
func (k Kind) LinkLabel() string {
	switch k {
	case ProposalOpened, ProposalDecided:
		return "See the question"
	case ScoringAsked:
		return "Go to scoring"
	case ModerationReady:
		return "Go to moderation"
	case ModerationOpen:
		return "See the scores"
	case QuestionAnswered:
		return "Read the answers"
	case TenderAwarded:
		return "See the tender"
	case CommitmentGiven, CommitmentOverdue:
		return "See the commitment"
	case VerdictRequested:
		return "Say whether it changed"
	case ReportsDue:
		return "See the contract"
	case StageMoved:
		return "See the round"
	case SessionPlanned:
		return "See the meeting"
	case Invited:
		return "Join with a code"
	}
	return "Open"
}
