package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/qualitycheck"
	"github.com/coprod/coprod/internal/round"
)

// The checklist, one question a page: a picture, the question in Easy
// Read, and three picture answers that need no typing; "what we saw" waits
// behind a disclosure and is optional. Then the provider's answer to one
// point of a finished report.

var (
	qcQuestionPage = page[qcQuestionData]{"qc_question"}
	qcReplyPage    = page[qcReplyData]{"qc_reply"}
)

type qcQuestionData struct {
	R        *qualitycheck.Report
	Q        qualitycheck.Question
	Place    string // "3 of 8"
	Last     bool
	Answers  []round.Option
	Previous string // the question before, "" for the first
}

type qcReplyData struct {
	R     *qualitycheck.Report
	Line  qualitycheck.Line
	Place string
}

// qcAnswers are the checklist's answers as choices; their values draw
// their pictures (ideaPictures).
func qcAnswers() []round.Option {
	out := make([]round.Option, len(qualitycheck.Answers))
	for i, a := range qualitycheck.Answers {
		out[i] = round.Option{Key: string(a), Label: a.Label()}
	}
	return out
}

// qcLine loads a check the reader may see and one of its questions.
func (s *Server) qcLine(r *http.Request) (*qualitycheck.Report, qualitycheck.Line, int, error) {
	rep, err := s.store.QualityCheck(r.Context(), r.PathValue("qid"))
	if err != nil {
		return nil, qualitycheck.Line{}, 0, err
	}
	_, i, ok := qualitycheck.QuestionAt(r.PathValue("q"))
	if !ok {
		return nil, qualitycheck.Line{}, 0, apperr.Errorf(apperr.NotFound, "There is no such question on the checklist.")
	}
	return rep, rep.Lines()[i], i, nil
}

func place(i int) string {
	return strconv.Itoa(i+1) + " of " + strconv.Itoa(len(qualitycheck.Checklist))
}

func (s *Server) qcQuestionForm(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs []apperr.FieldError) error {
	rep, line, i, err := s.qcLine(r)
	if err != nil {
		return err
	}
	if rep.Reported() {
		return apperr.Errorf(apperr.Conflict, "This report is finished and with the provider: it cannot be changed.")
	}
	if form == nil {
		form = url.Values{}
		if line.Point != nil {
			form.Set("answer", string(line.Point.Answer))
			form.Set("saw", line.Point.Saw)
		}
	}
	d := qcQuestionData{R: rep, Q: line.Question, Place: place(i), Last: i == len(qualitycheck.Checklist)-1, Answers: qcAnswers()}
	if i > 0 {
		d.Previous = qualitycheck.Checklist[i-1].Key
	}
	return qcQuestionPage.show(s, w, r, status, view{Title: line.EasyRead, Form: form, Errors: errs}, d)
}

func (s *Server) qcQuestion(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	return s.qcQuestionForm(w, r, http.StatusOK, nil, nil)
}

// qcAnswer keeps the answer and goes on to the next question not yet
// answered, or back to the check once all are.
func (s *Server) qcAnswer(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	_ = r.ParseForm()
	f := r.PostForm
	id, q := r.PathValue("qid"), r.PathValue("q")
	err := s.store.AnswerChecklist(r.Context(), id, qualitycheck.NewAnswer{Question: q, Answer: qualitycheck.Answer(f.Get("answer")), Saw: f.Get("saw")})
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.qcQuestionForm(w, r, status, f, errs) })
	}
	rep, err := s.store.QualityCheck(r.Context(), id)
	if err != nil {
		return err
	}
	_, i, _ := qualitycheck.QuestionAt(q)
	for _, l := range append(rep.Lines()[i+1:], rep.Lines()[:i]...) {
		if l.Point == nil {
			http.Redirect(w, r, "/quality-checks/"+id+"/questions/"+l.Key, http.StatusSeeOther)
			return nil
		}
	}
	http.Redirect(w, r, "/quality-checks/"+id+"?done=answered#checklist", http.StatusSeeOther)
	return nil
}

func (s *Server) qcReplyForm(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	return s.qcReplyShow(w, r, http.StatusOK, nil, nil)
}

func (s *Server) qcReplyShow(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs []apperr.FieldError) error {
	rep, line, i, err := s.qcLine(r)
	if err != nil {
		return err
	}
	if !rep.Reported() || line.Point == nil {
		return apperr.Errorf(apperr.NotFound, "There is no such point in the report.")
	}
	// Only the provider visited answers; the checkers read the answers on
	// the check's page.
	if err := allow(r, auth.ActionAnswerQualityCheck, auth.Object{Type: auth.ScopeOrganisation, ID: rep.ProviderID}); err != nil {
		return err
	}
	if form == nil {
		form = url.Values{"reply": {line.Point.Reply}}
	}
	return qcReplyPage.show(s, w, r, status, view{Title: "Answer a point of the report", Form: form, Errors: errs},
		qcReplyData{R: rep, Line: line, Place: place(i)})
}

func (s *Server) qcReply(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	_ = r.ParseForm()
	f := r.PostForm
	id := r.PathValue("qid")
	if err := s.store.ReplyToPoint(r.Context(), id, qualitycheck.NewReply{Question: r.PathValue("q"), Reply: f.Get("reply")}); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.qcReplyShow(w, r, status, f, errs) })
	}
	http.Redirect(w, r, "/quality-checks/"+id+"?done=replied#plain", http.StatusSeeOther)
	return nil
}
