package measure

import (
	"fmt"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
)

// maxProblems caps how many problems one InputError keeps, so a file of a
// million bad rows produces a readable message and bounded memory.
const maxProblems = 50

// Problem is one thing wrong with some input: a field named by its JSON
// path (indicators[2].curve.full_at, indexes from 0) or a line of a CSV
// file (Line > 0), and a message in plain English.
type Problem struct {
	Field   string
	Line    int
	Message string
}

// InputError lists every problem found in one input, so people can fix
// them all in one go rather than one per attempt. Source names the input
// ("profile.json", "reports.csv") and prefixes each line of Error, in the
// file:line: form editors and terminals recognise. It unwraps to an
// apperr Invalid error whose fields are the problems, so the web can link
// an error summary to each field or row.
type InputError struct {
	Source   string
	Problems []Problem
	Omitted  int // problems found beyond maxProblems
}

func (e *InputError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.format(e.Source))
	}
	if e.Omitted > 0 {
		fmt.Fprintf(&b, "\n%s: and %d more problems", e.source(), e.Omitted)
	}
	return b.String()
}

func (e *InputError) source() string {
	if e.Source == "" {
		return "input"
	}
	return e.Source
}

func (p Problem) format(source string) string {
	var b strings.Builder
	if source != "" {
		b.WriteString(source)
	}
	switch {
	case p.Line > 0:
		fmt.Fprintf(&b, ":%d: ", p.Line)
	case p.Field != "" && source != "":
		b.WriteString(": " + p.Field + ": ")
	case p.Field != "":
		b.WriteString(p.Field + ": ")
	case source != "":
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Unwrap makes apperr.Code report Invalid and apperr.FieldsOf list the
// problems (a CSV line becomes the field "line 7").
func (e *InputError) Unwrap() error {
	fs := make([]apperr.FieldError, len(e.Problems))
	for i, p := range e.Problems {
		f := p.Field
		if p.Line > 0 {
			f = fmt.Sprintf("line %d", p.Line)
		}
		fs[i] = apperr.FieldError{Field: f, Message: p.Message}
	}
	err := apperr.Fields(fs)
	if err == nil {
		return nil
	}
	ae := err.(*apperr.Error)
	ae.Message = e.Problems[0].format(e.Source)
	return ae
}

// problems collects Problems for an InputError.
type problems struct {
	list    []Problem
	omitted int
}

func (ps *problems) add(field, format string, args ...any) {
	ps.addProblem(Problem{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (ps *problems) addLine(line int, format string, args ...any) {
	ps.addProblem(Problem{Line: line, Message: fmt.Sprintf(format, args...)})
}

func (ps *problems) addProblem(p Problem) {
	if len(ps.list) >= maxProblems {
		ps.omitted++
		return
	}
	ps.list = append(ps.list, p)
}

// err returns nil when nothing was wrong.
func (ps *problems) err(source string) error {
	if len(ps.list) == 0 {
		return nil
	}
	return &InputError{Source: source, Problems: ps.list, Omitted: ps.omitted}
}
