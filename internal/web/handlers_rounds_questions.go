package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

// Participants fill things in one question a page. A questions flow shows
// its questions in turn, carrying earlier answers in hidden fields (so it
// works without JavaScript or server-side state), checks each answer as it
// is given with the domain's own validation, and saves only after the last.

// question is one page of a participant's form.
type question struct {
	Name     string // the form field it asks for
	Title    string // the question, which is the page's heading
	Hint     string
	Kind     string // "text", "textarea", "radio", "checkbox" or "select"
	Options  []round.Option
	Optional bool // shown in the heading, so people know they can skip it
}

// questions is a participant's form as a series of questions.
type questions struct {
	Caption string // what the whole form is for, above each question
	Action  string // where every page posts
	Button  string // the last page's button
	List    []question
	// check validates all the answers so far; its field errors are matched
	// to questions by name.
	check func(url.Values) error
	// save stores the answers and returns where to go next.
	save func(url.Values) (string, error)
}

// roundQuestionPage is one question of a flow, on its own page.
var roundQuestionPage = page[roundPage[questionPage]]{"round_question"}

// questionPage is the Data.Page of round_question.html.
type questionPage struct {
	Caption, Action, Button string
	Index, Number, Total    int
	Describe                string // ids of the hint and error, for aria-describedby
	Q                       question
	Choices                 choiceArgs
	Hidden                  []hiddenField
}

type hiddenField struct{ Name, Value string }

// Last reports whether this is the flow's last question.
func (p questionPage) Last() bool { return p.Number == p.Total }

// showQuestion renders question i with the answers so far and any errors for it.
func (s *Server) showQuestion(w http.ResponseWriter, r *http.Request, status int, p roundPage[questionPage], qs questions, i int, answers url.Values, errs []apperr.FieldError) error {
	q := qs.List[i]
	pg := questionPage{Caption: qs.Caption, Action: qs.Action, Button: qs.Button, Index: i, Number: i + 1, Total: len(qs.List), Q: q}
	var ids []string
	if q.Hint != "" {
		ids = append(ids, q.Name+"-hint")
	}
	if len(errs) > 0 {
		ids = append(ids, q.Name+"-error")
	}
	pg.Describe = strings.Join(ids, " ")
	if q.Kind == "radio" || q.Kind == "checkbox" {
		pg.Choices = choiceList(answers, errs, q.Name, q.Title, q.Kind, q.Hint, q.Options)
	}
	for _, other := range qs.List {
		if other.Name == q.Name {
			continue
		}
		for _, v := range answers[other.Name] {
			pg.Hidden = append(pg.Hidden, hiddenField{other.Name, v})
		}
	}
	p.Page = pg
	return roundQuestionPage.show(s, w, r, status, view{Title: q.Title, Errors: errs, Form: answers}, p)
}

// askQuestions runs a flow: its first question on GET, the answer to the
// current one on POST.
func (s *Server) askQuestions(w http.ResponseWriter, r *http.Request, p roundPage[questionPage], qs questions, answering bool) error {
	if answering {
		return s.answerQuestion(w, r, p, qs)
	}
	return s.showQuestion(w, r, http.StatusOK, p, qs, 0, url.Values{}, nil)
}

// answerQuestion handles one page's answer: back, the same question again
// with its problem, the next question, or, after the last, saving.
func (s *Server) answerQuestion(w http.ResponseWriter, r *http.Request, p roundPage[questionPage], qs questions) error {
	_ = r.ParseForm()
	answers := url.Values{}
	for _, q := range qs.List {
		if vs, ok := r.PostForm[q.Name]; ok {
			answers[q.Name] = vs
		}
	}
	i, err := strconv.Atoi(r.PostForm.Get("q"))
	if err != nil || i < 0 || i >= len(qs.List) {
		i = 0
	}
	if r.PostForm.Get("go") == "back" && i > 0 {
		return s.showQuestion(w, r, http.StatusOK, p, qs, i-1, answers, nil)
	}
	// The first question up to this one with a problem is shown again.
	fs := apperr.FieldsOf(qs.check(answers))
	for j := 0; j <= i; j++ {
		if errs := errorsFor(fs, qs.List[j].Name); len(errs) > 0 {
			return s.showQuestion(w, r, http.StatusUnprocessableEntity, p, qs, j, answers, errs)
		}
	}
	if i+1 < len(qs.List) {
		return s.showQuestion(w, r, http.StatusOK, p, qs, i+1, answers, nil)
	}
	next, err := qs.save(answers)
	if err != nil {
		fs := apperr.FieldsOf(err)
		for j, q := range qs.List {
			if errs := errorsFor(fs, q.Name); len(errs) > 0 {
				return s.showQuestion(w, r, statusFor[apperr.Code(err)], p, qs, j, answers, errs)
			}
		}
		return err
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func errorsFor(fs []apperr.FieldError, name string) []apperr.FieldError {
	var out []apperr.FieldError
	for _, f := range fs {
		if f.Field == name {
			out = append(out, f)
		}
	}
	return out
}

// memberQuestion is the first question when a facilitator enters something
// for a member; members themselves are never asked.
func memberQuestion(p roundPage[questionPage], title string) []question {
	if !p.Facilitator() {
		return nil
	}
	q := question{Name: "member_id", Title: title, Kind: "select"}
	for _, m := range p.Members {
		q.Options = append(q.Options, round.Option{Key: m.ID, Label: m.Pseudonym})
	}
	return []question{q}
}

// contribute runs a participant's questions flow in a round: the first
// question on GET, the answer to the current one on POST.
func (s *Server) contribute(w http.ResponseWriter, r *http.Request, build func(*http.Request, roundPage[questionPage]) questions, answering bool) error {
	rd, err := s.roundFor(r, auth.ActionContribute)
	if err != nil {
		return err
	}
	p, err := newRoundPage[questionPage](s, r, rd)
	if err != nil {
		return err
	}
	return s.askQuestions(w, r, p, build(r, p), answering)
}
