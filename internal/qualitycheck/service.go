package qualitycheck

import (
	"context"

	"github.com/coprod/coprod/internal/round"
)

// Service is what the store implements for quality checks. Each method
// takes the acting user from the context. A check is seen by its ULO's
// quality checkers and facilitators, and, once the report is finished, by
// the provider visited; anyone else is told there is no such check.
type Service interface {
	// Checkers are the people holding the quality checker role in a ULO,
	// for planning a visit.
	Checkers(ctx context.Context, uloID string) ([]Person, error)
	PlanCheck(ctx context.Context, n NewCheck) (*Check, error)
	// QualityChecks lists the checks the actor may see, newest visit first.
	QualityChecks(ctx context.Context) ([]Check, error)
	QualityCheck(ctx context.Context, id string) (*Report, error)
	// AnswerChecklist keeps (or changes) one answer while the report is
	// not finished.
	AnswerChecklist(ctx context.Context, checkID string, n NewAnswer) error
	// FinishReport sends the report to the provider once every question
	// is answered, and makes each "needs to change" point a voice item.
	FinishReport(ctx context.Context, checkID string) error
	// ReplyToPoint is the provider's answer to one point of the report.
	ReplyToPoint(ctx context.Context, checkID string, n NewReply) error
	// PayChecker records an involvement payment to a checker for the visit.
	PayChecker(ctx context.Context, checkID string, n round.NewPayment) error
	CheckPayments(ctx context.Context, checkID string) ([]Payment, error)
}

// Payment is an involvement payment to a checker for a visit.
type Payment struct {
	ID          string
	Checker     Person
	AmountPence int64
	Method      string // a key of round.PaymentMethods
	PaidOn      string // YYYY-MM-DD
}
