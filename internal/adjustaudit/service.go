package adjustaudit

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
)

// Audit is one audit of one service against one template. A re-audit
// names the audit it repeats (Previous), so the two can be compared.
type Audit struct {
	ID, OrgID, OrgName string
	Template           string // a key of Templates
	Service            string // the service audited, in words: "Riverside GP practice"
	Period             string // when, in words: "April to June 2026"
	PreviousID         string // "" for a first audit
	CreatedAt          time.Time
}

// NewAudit is what is entered to start an audit.
type NewAudit struct {
	OrgID, Template, Service, Period, PreviousID string
}

// Validate tidies the input and returns every problem at once.
func (n *NewAudit) Validate() error {
	n.Service, n.Period = strings.TrimSpace(n.Service), strings.TrimSpace(n.Period)
	var fs []apperr.FieldError
	add := func(f, m string) { fs = append(fs, apperr.FieldError{Field: f, Message: m}) }
	if _, ok := TemplateByKey(n.Template); !ok {
		add("template", "Select what the audit checks")
	}
	if n.Service == "" || utf8.RuneCountInString(n.Service) > 200 {
		add("service", "Enter the service audited, in 200 characters or fewer")
	}
	if n.Period == "" || utf8.RuneCountInString(n.Period) > 100 {
		add("period", "Enter when the audit looks at, in 100 characters or fewer, for example April to June 2026")
	}
	return apperr.Fields(fs)
}

// StoredCase is a case as the store keeps it: its answers and the evidence
// for each.
type StoredCase struct {
	Case
	ID       string
	Evidence map[string]string
}

// NewCase is one case entered: a pseudonymous label and, per criterion of
// the template, an answer and what was seen.
type NewCase struct {
	Label    string
	Answers  map[string]Answer
	Evidence map[string]string
}

// Validate checks a case against its template: every criterion answered
// with one of the four answers; the label not a name (the form asks for a
// case number or code).
func (n *NewCase) Validate(t Template) error {
	n.Label = strings.TrimSpace(n.Label)
	var fs []apperr.FieldError
	add := func(f, m string) { fs = append(fs, apperr.FieldError{Field: f, Message: m}) }
	if n.Label == "" || utf8.RuneCountInString(n.Label) > 40 {
		add("label", "Enter a case number or code, in 40 characters or fewer (never a name)")
	}
	for _, c := range t.Criteria {
		if !n.Answers[c.Key].Valid() {
			add("answer_"+c.Key, "Select an answer for: "+c.Question)
		}
		if e := strings.TrimSpace(n.Evidence[c.Key]); utf8.RuneCountInString(e) > 1000 {
			add("evidence_"+c.Key, "What you saw must be 1,000 characters or fewer")
		}
	}
	return apperr.Fields(fs)
}

// Published is an audit as the public sees it: its cases' answers, without
// their labels or what was seen, for aggregate figures only (each
// suppressed below MinPublic cases).
type Published struct {
	Audit
	Cases []Case
}

// Service is what the store implements for audits. Each method takes the
// acting user from the context; the audit team is the auditing
// organisation's facilitators and researchers (auth.ActionRunAdjustmentAudits).
type Service interface {
	CreateAudit(ctx context.Context, n NewAudit) (*Audit, error)
	AdjustmentAudits(ctx context.Context, orgIDs []string) ([]Audit, error)
	AdjustmentAudit(ctx context.Context, id string) (*Audit, error)
	AddCase(ctx context.Context, auditID string, n NewCase) error
	Cases(ctx context.Context, auditID string) ([]StoredCase, error)
	// PublishedAudits is every audit with its cases' answers only, for the
	// public board's aggregates.
	PublishedAudits(ctx context.Context) ([]Published, error)
}
