package ledger

import "context"

// Query selects items for the public board, a page at a time by keyset.
// Items are newest said first, except two flags whose own date orders
// them: overdue items by due date and items awaiting a verdict by done
// date, oldest first, so the longest-neglected come first.
type Query struct {
	Theme   string
	OrgID   string
	RoundID string
	Status  Status
	Flag    Flag
	After   string // the Next of the previous page
	Limit   int
}

// Page is one page of items and the cursor of the next ("" on the last).
type Page struct {
	Items []Item
	Next  string
}

// Audience is who an item is read for.
type Audience int

const (
	// Public is anyone, signed in or not: hidden items do not exist, and
	// nothing personal is filled in.
	Public Audience = iota
	// Staff are people with a role over the item's organisations or round:
	// they see hidden items marked, without the withdrawn words, and the
	// owner of each commitment by name.
	Staff
)

// Section is a list on the commissioner dashboard.
type Section string

const (
	SectionOverdue          Section = "overdue"
	SectionAwaitingEvidence Section = "awaiting-evidence"
	SectionAwaitingVerdict  Section = "awaiting-verdict"
)

// Sections lists the dashboard's sections in page order.
var Sections = []Section{SectionOverdue, SectionAwaitingEvidence, SectionAwaitingVerdict}

// Label is the section's heading.
func (s Section) Label() string {
	switch s {
	case SectionOverdue:
		return "Overdue"
	case SectionAwaitingEvidence:
		return "Done, awaiting evidence"
	case SectionAwaitingVerdict:
		return "Done, awaiting the group's verdict"
	}
	return ""
}

// DashboardQuery selects one section's items for the organisations and
// rounds a commissioner serves.
type DashboardQuery struct {
	Section  Section
	OrgIDs   []string
	RoundIDs []string
	All      bool // every organisation (platform administrators)
	After    string
	Limit    int
}

// VerdictBy says who gives a verdict: the user, and their membership of
// the round's group when the item has a round.
type VerdictBy struct {
	UserID    string
	MemberID  string // "" when judged as a member of a user-led organisation
	Pseudonym string
	Named     bool // the member agreed to be shown by their group name
}

// Service is what the faces need of the ledger; internal/store implements
// it. The acting user comes from audit.WithActor; every change is audited.
type Service interface {
	CreateItem(ctx context.Context, n NewItem) (*Item, error)
	ImportItems(ctx context.Context, items []NewItem) (int, error)
	LedgerItem(ctx context.Context, id string, a Audience) (*Item, error)
	WithdrawItem(ctx context.Context, id string) error

	// IndicatorOptions lists the indicators of the contracts an item
	// concerns: those of its round, and those its organisations hold.
	IndicatorOptions(ctx context.Context, itemID string) ([]IndicatorOption, error)
	Commit(ctx context.Context, itemID string, n NewCommitment) error
	SetStatus(ctx context.Context, itemID string, c StatusChange) error
	AddAction(ctx context.Context, itemID string, n NewAction) error
	AddEvidence(ctx context.Context, itemID string, n NewEvidence) error
	EvidenceFile(ctx context.Context, itemID, evidenceID string) (*Evidence, []byte, error)
	RecordVerdict(ctx context.Context, itemID string, n NewVerdict, by VerdictBy) error

	BoardItems(ctx context.Context, q Query) (Page, error)
	BoardStats(ctx context.Context) (all Stats, byOrg, byRound []ScopeStats, err error)
	BoardThemes(ctx context.Context) ([]string, error)
	RecentlyUpdated(ctx context.Context, limit int) ([]Item, error)
	Dashboard(ctx context.Context, q DashboardQuery) (Page, error)
}
