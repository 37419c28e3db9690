package evidence

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
)

// ServiceTypes are the kinds of existing service and support.
var ServiceTypes = []round.Option{
	{Key: "nhs", Label: "NHS service"},
	{Key: "council", Label: "Council service"},
	{Key: "voluntary", Label: "Charity or community group"},
	{Key: "school", Label: "School or college"},
	{Key: "peer", Label: "Peer support"},
	{Key: "online", Label: "Online or phone support"},
	{Key: "other", Label: "Other"},
}

// Dimensions are what peer feedback rates, each from 1 to 5.
var Dimensions = []round.Option{
	{Key: "listened", Label: "Listened to me"},
	{Key: "access", Label: "Easy to get to and use"},
	{Key: "waiting", Label: "Waiting time"},
	{Key: "choice", Label: "Choice and control"},
	{Key: "information", Label: "Information I could understand"},
}

// LocalService is an existing service or support in the care area.
type LocalService struct {
	ID        string
	RoundID   string
	Name      string
	Provider  string
	Type      string
	Feedback  int // pieces of feedback the reader may count
	CreatedAt time.Time
}

// TypeLabel names the service's type.
func (s LocalService) TypeLabel() string { return label(ServiceTypes, s.Type) }

// NewService is what a facilitator or commissioner enters.
type NewService struct {
	Name, Provider, Type string
}

// Validate normalises the input and returns every problem at once.
func (n *NewService) Validate() error {
	n.Name, n.Provider = strings.TrimSpace(n.Name), strings.TrimSpace(n.Provider)
	var fs []apperr.FieldError
	if m := required("the service's name", n.Name, 200); m != "" {
		fs = append(fs, apperr.FieldError{Field: "name", Message: m})
	}
	if m := required("who provides it", n.Provider, 200); m != "" {
		fs = append(fs, apperr.FieldError{Field: "provider", Message: m})
	}
	if !validOption(ServiceTypes, n.Type) {
		fs = append(fs, apperr.FieldError{Field: "type", Message: "Select the type of service"})
	}
	return apperr.Fields(fs)
}

// Feedback is one person's feedback on a service.
type Feedback struct {
	ID        string
	ServiceID string
	Source    string // "entered" or "imported"
	Author    Author // empty for imported feedback
	Ratings   map[string]int
	Comment   string
	CreatedAt time.Time
}

// Rating is one dimension's score for display, in dimension order.
type Rating struct {
	Label string
	Score int
}

// RatingList returns the ratings in dimension order, for display.
func (f Feedback) RatingList() []Rating {
	var out []Rating
	for _, d := range Dimensions {
		if s, ok := f.Ratings[d.Key]; ok {
			out = append(out, Rating{d.Label, s})
		}
	}
	return out
}

// NewFeedback is feedback entered by a member, or one imported row.
type NewFeedback struct {
	MemberID string // "" for imported feedback
	Ratings  map[string]int
	Comment  string
}

// Validate checks the feedback has a rating or a comment and that every
// rating is a known dimension scored 1 to 5.
func (n *NewFeedback) Validate() error {
	n.Comment = strings.TrimSpace(n.Comment)
	if ps := n.problems(); len(ps) > 0 {
		return apperr.Fields(ps)
	}
	return nil
}

func (n *NewFeedback) problems() []apperr.FieldError {
	var fs []apperr.FieldError
	for k, v := range n.Ratings {
		if !validOption(Dimensions, k) {
			fs = append(fs, apperr.FieldError{Field: "rating_" + k, Message: "Rate only the things listed"})
		} else if v < 1 || v > 5 {
			fs = append(fs, apperr.FieldError{Field: "rating_" + k, Message: label(Dimensions, k) + ": choose a score from 1 to 5"})
		}
	}
	if len(n.Ratings) == 0 && n.Comment == "" {
		fs = append(fs, apperr.FieldError{Field: "comment", Message: "Give at least one rating or a comment"})
	}
	if m := optional("the comment", n.Comment, 5000); m != "" {
		fs = append(fs, apperr.FieldError{Field: "comment", Message: m})
	}
	return fs
}

// ImportRow is one data row of a feedback file, with its problems.
type ImportRow struct {
	Line      int // line in the file, counting the header as line 1
	Service   string
	ServiceID string
	Feedback  NewFeedback
	Problems  []string
}

// Valid reports whether the row can be imported.
func (r ImportRow) Valid() bool { return len(r.Problems) == 0 }

// ImportHeader is the header a feedback file must start with.
func ImportHeader() []string {
	h := []string{"service"}
	for _, d := range Dimensions {
		h = append(h, d.Key)
	}
	return append(h, "comment")
}

// MaxImportRows bounds one import, so a preview stays readable.
const MaxImportRows = 1000

// ParseFeedbackCSV reads a feedback file into rows, each with every problem
// found, matching service names (case-insensitively) to serviceIDs. Nothing
// is saved here: the caller shows the preview and imports on confirmation.
func ParseFeedbackCSV(r io.Reader, serviceIDs map[string]string) ([]ImportRow, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, apperr.Errorf(apperr.Invalid, "The file is empty. It needs a header row: %s", strings.Join(ImportHeader(), ","))
	} else if err != nil {
		return nil, apperr.Errorf(apperr.Invalid, "The file is not a CSV file we can read: %v", err)
	}
	want := ImportHeader()
	if len(head) != len(want) || !sameHeader(head, want) {
		return nil, apperr.Errorf(apperr.Invalid, "The first row must be the header: %s", strings.Join(want, ","))
	}
	byName := map[string]string{}
	for name, id := range serviceIDs {
		byName[strings.ToLower(strings.TrimSpace(name))] = id
	}
	var rows []ImportRow
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if len(rows) == MaxImportRows {
			return nil, apperr.Errorf(apperr.Invalid, "The file has more than %d rows. Split it into smaller files.", MaxImportRows)
		}
		row := ImportRow{Line: line, Feedback: NewFeedback{Ratings: map[string]int{}}}
		if err != nil {
			row.Problems = []string{"This row cannot be read: check its quotes"}
			rows = append(rows, row)
			continue
		}
		if len(rec) != len(want) {
			row.Problems = []string{"This row has " + strconv.Itoa(len(rec)) + " columns; it needs " + strconv.Itoa(len(want))}
			rows = append(rows, row)
			continue
		}
		row.Service = strings.TrimSpace(rec[0])
		if row.Service == "" {
			row.Problems = append(row.Problems, "The service name is missing")
		} else if row.ServiceID = byName[strings.ToLower(row.Service)]; row.ServiceID == "" {
			row.Problems = append(row.Problems, "There is no service called “"+row.Service+"” in this round")
		}
		for i, d := range Dimensions {
			v := strings.TrimSpace(rec[1+i])
			if v == "" {
				continue
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 5 {
				row.Problems = append(row.Problems, d.Label+": “"+v+"” is not a score from 1 to 5")
				continue
			}
			row.Feedback.Ratings[d.Key] = n
		}
		row.Feedback.Comment = strings.TrimSpace(rec[len(rec)-1])
		if len(row.Problems) == 0 {
			for _, p := range row.Feedback.problems() {
				row.Problems = append(row.Problems, p.Message)
			}
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil, apperr.Errorf(apperr.Invalid, "The file has a header but no feedback rows")
	}
	return rows, nil
}

func sameHeader(got, want []string) bool {
	for i := range want {
		if strings.ToLower(strings.TrimSpace(strings.TrimPrefix(got[i], "\ufeff"))) != want[i] {
			return false
		}
	}
	return true
}
