package evidence

import (
	"context"

	"github.com/coprod/coprod/internal/round"
)

// Service is what the faces need of a round's evidence; internal/store
// implements it. Every read takes the reader's Audience: for the Group,
// whatever a member who withdrew consent contributed is left out of lists,
// pages, searches, counts and exports alike.
type Service interface {
	AddStory(ctx context.Context, roundID string, n NewStory) (*Story, error)
	Stories(ctx context.Context, roundID string, a round.Audience, search, after string, limit int) (stories []Story, next string, err error)
	StoryByID(ctx context.Context, roundID, id string, a round.Audience) (*Story, error)
	AddStep(ctx context.Context, roundID, storyID string, s Step) error

	AddFactor(ctx context.Context, roundID string, n NewFactor) (*Factor, error)
	Factors(ctx context.Context, roundID string, a round.Audience, readerMemberID string) ([]Factor, error)
	EndorseFactor(ctx context.Context, roundID, factorID, memberID string) error

	AddService(ctx context.Context, roundID string, n NewService) (*LocalService, error)
	Services(ctx context.Context, roundID string, a round.Audience) ([]LocalService, error)
	ServiceByID(ctx context.Context, roundID, id string) (*LocalService, error)
	Feedback(ctx context.Context, roundID, serviceID string, a round.Audience) ([]Feedback, error)
	AddFeedback(ctx context.Context, roundID, serviceID string, n NewFeedback) error
	ImportFeedback(ctx context.Context, roundID string, rows []ImportRow) (int, error)

	AddStatement(ctx context.Context, roundID string, n NewStatement) (*Statement, error)
	Statements(ctx context.Context, roundID string, a round.Audience, readerMemberID string) ([]Statement, error)
	SetVoting(ctx context.Context, roundID string, v round.Voting, dots int) error
	CastVotes(ctx context.Context, roundID, memberID string, alloc map[string]int) error

	CreateTheme(ctx context.Context, roundID, name string) (*Theme, error)
	Themes(ctx context.Context, roundID string) ([]Theme, error)
	TagItem(ctx context.Context, roundID, themeID string, kind Kind, itemID string) error
	EvidenceMap(ctx context.Context, roundID string, a round.Audience) ([]MapRow, error)

	// A member's own (own.go, mine.go): userID is the acting user, whose
	// member record must be the author; facilitators use the methods above.
	EditOwnStory(ctx context.Context, roundID, storyID, userID string, n NewStory) error
	EditOwnFactor(ctx context.Context, roundID, factorID, userID string, n NewFactor) error
	EditOwnFeedback(ctx context.Context, roundID, feedbackID, userID string, n NewFeedback) error
	EditOwnStatement(ctx context.Context, roundID, statementID, userID, body string) error
	DeleteOwn(ctx context.Context, roundID string, kind Kind, itemID, userID string) error
	MyInformation(ctx context.Context, roundID, userID string) (*Mine, error)
	RecordOwnConsent(ctx context.Context, roundID, userID string, p round.ConsentPurpose, given bool) error
}
