package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/pictures"
	"github.com/coprod/coprod/internal/round"
)

// The pages of the vision and of the themes across the evidence; the
// vision's questions are round_question's.
var (
	roundVisionPage = page[roundPage[visionData]]{"round_vision"}
	roundThemesPage = page[roundPage[themeData]]{"round_themes"}
)

type visionData struct {
	Statements []evidence.Statement
	DotsLeft   int
	Pictures   map[string]string // the picture chosen for each statement that has one
}

func (s *Server) visionList(w http.ResponseWriter, r *http.Request) error {
	return s.visionPage(w, r, http.StatusOK, nil)
}

// visionPage shows the statements, with the dot vote's forms and any
// problems with what was posted to them.
func (s *Server) visionPage(w http.ResponseWriter, r *http.Request, status int, errs []apperr.FieldError) error {
	rd, err := s.roundFor(r, auth.ActionViewGroupContent)
	if err != nil {
		return err
	}
	p, err := newRoundPage[visionData](s, r, rd)
	if err != nil {
		return err
	}
	st, err := s.store.Statements(r.Context(), rd.ID, p.Audience, p.Acting)
	if err != nil {
		return err
	}
	p.Page = visionData{Statements: st, DotsLeft: rd.DotsPerMember}
	ids := make([]string, 0, len(st))
	for _, x := range st {
		p.Page.DotsLeft -= x.MyDots
		ids = append(ids, x.ID)
	}
	p.Page.Pictures = s.chosenPictures(r, pictures.KindVision, ids)
	return roundVisionPage.show(s, w, r, status, view{Title: "Vision", Errors: errs, Form: formValues(r)}, p)
}

func (s *Server) statementNewForm(w http.ResponseWriter, r *http.Request) error {
	return s.contribute(w, r, s.statementQuestions, false)
}

func (s *Server) statementCreate(w http.ResponseWriter, r *http.Request) error {
	return s.contribute(w, r, s.statementQuestions, true)
}

// statementQuestions asks for an "I statement", then what lies behind it
// among the evidence the reader may see.
func (s *Server) statementQuestions(r *http.Request, p roundPage[questionPage]) questions {
	statement := func(a url.Values) evidence.NewStatement { return newStatementForm(a, p.actingMember(a)) }
	list := append(memberQuestion(p, "Whose statement is it?"),
		question{Name: "body", Title: "What would good support be like for you?", Hint: "Start with “I”, for example: I choose who supports me", Kind: "text"})
	behind := question{Name: "links", Title: "What is behind it?", Hint: "Choose any stories, factors or services it comes from.", Kind: "checkbox", Optional: true}
	// The choices are only what the reader may see; a failure to list them
	// only drops the question.
	if stories, err := s.visibleStories(r, p.Round.ID, p.Audience); err == nil {
		for _, x := range stories {
			behind.Options = append(behind.Options, round.Option{Key: "story:" + x.ID, Label: "Story: " + x.Title})
		}
	}
	if factors, err := s.store.Factors(r.Context(), p.Round.ID, p.Audience, ""); err == nil {
		for _, x := range factors {
			behind.Options = append(behind.Options, round.Option{Key: "factor:" + x.ID, Label: "Factor: " + x.Description})
		}
	}
	if svcs, err := s.store.Services(r.Context(), p.Round.ID, p.Audience); err == nil {
		for _, x := range svcs {
			behind.Options = append(behind.Options, round.Option{Key: "service:" + x.ID, Label: "Service: " + x.Name})
		}
	}
	if len(behind.Options) > 0 {
		list = append(list, behind)
	}
	return questions{Caption: "Add an “I statement” to the vision", Action: "/rounds/" + p.Round.ID + "/vision", Button: "Add statement", List: list,
		check: func(a url.Values) error { n := statement(a); return n.Validate() },
		save: func(a url.Values) (string, error) {
			n := statement(a)
			if err := n.Validate(); err != nil {
				return "", err
			}
			_, err := s.store.AddStatement(r.Context(), p.Round.ID, n)
			return "/rounds/" + p.Round.ID + "/vision?done=statement-added", err
		}}
}

// votesCast places the reading member's dots: one number per statement.
func (s *Server) votesCast(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionContribute)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	a, err := s.audience(r, rd.ID)
	if err != nil {
		return err
	}
	if a.Self == "" {
		return apperr.Errorf(apperr.Forbidden, "Only members of the group can place dots.")
	}
	alloc, err := dotsForm(r.PostForm)
	if err == nil {
		err = s.store.CastVotes(r.Context(), rd.ID, a.Self, alloc)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.visionPage(w, r, status, errs) })
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/vision?done=votes-saved", http.StatusSeeOther)
	return nil
}

// votingSet is the facilitator opening or closing the dot vote.
func (s *Server) votingSet(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionRunGroup)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	voting, dots, err := votingForm(r.PostForm)
	if err == nil {
		err = s.store.SetVoting(r.Context(), rd.ID, voting, dots)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.visionPage(w, r, status, errs) })
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/vision?done=voting-changed", http.StatusSeeOther)
	return nil
}

type themeData struct {
	Map     []evidence.MapRow
	Themes  []evidence.Theme
	Items   []taggable
	CanEdit bool
	Kinds   []evidence.Kind
}

// taggable is an item a theme can be put on, as "kind:id" with a label.
type taggable struct{ Value, Label string }

// themeMap is the evidence map: themes × kinds of evidence, with counts
// that respect consent, and, for facilitators, forms to build it.
func (s *Server) themeMap(w http.ResponseWriter, r *http.Request) error {
	return s.themePage(w, r, http.StatusOK, nil)
}

func (s *Server) themePage(w http.ResponseWriter, r *http.Request, status int, errs []apperr.FieldError) error {
	rd, err := s.roundFor(r, auth.ActionViewRound)
	if err != nil {
		return err
	}
	p, err := newRoundPage[themeData](s, r, rd)
	if err != nil {
		return err
	}
	d := &p.Page
	d.CanEdit, d.Kinds = p.Can.Group, evidence.Kinds
	if d.Map, err = s.store.EvidenceMap(r.Context(), rd.ID, p.Audience); err != nil {
		return err
	}
	if d.CanEdit {
		if d.Themes, d.Items, err = s.taggables(r, rd.ID, p.Audience); err != nil {
			return err
		}
	}
	return roundThemesPage.show(s, w, r, status, view{Title: "Themes", Errors: errs, Form: formValues(r)}, p)
}

// taggables lists the themes and every item the reader may tag.
func (s *Server) taggables(r *http.Request, roundID string, a round.Audience) ([]evidence.Theme, []taggable, error) {
	themes, err := s.store.Themes(r.Context(), roundID)
	if err != nil {
		return nil, nil, err
	}
	var items []taggable
	stories, err := s.visibleStories(r, roundID, a)
	if err != nil {
		return nil, nil, err
	}
	for _, x := range stories {
		items = append(items, taggable{"story:" + x.ID, "Story: " + x.Title})
	}
	factors, err := s.store.Factors(r.Context(), roundID, a, "")
	if err != nil {
		return nil, nil, err
	}
	for _, x := range factors {
		items = append(items, taggable{"factor:" + x.ID, "Factor: " + x.Description})
	}
	svcs, err := s.store.Services(r.Context(), roundID, a)
	if err != nil {
		return nil, nil, err
	}
	for _, x := range svcs {
		items = append(items, taggable{"service:" + x.ID, "Service: " + x.Name})
		fb, err := s.store.Feedback(r.Context(), roundID, x.ID, a)
		if err != nil {
			return nil, nil, err
		}
		for _, f := range fb {
			items = append(items, taggable{"feedback:" + f.ID, "Feedback on " + x.Name + ": " + feedbackSummary(f)})
		}
	}
	st, err := s.store.Statements(r.Context(), roundID, a, "")
	if err != nil {
		return nil, nil, err
	}
	for _, x := range st {
		items = append(items, taggable{"vision:" + x.ID, "Vision: " + x.Body})
	}
	return themes, items, nil
}

func (s *Server) themeCreate(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionRunGroup)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	name, err := evidence.CheckThemeName(r.PostForm.Get("name"))
	if err == nil {
		_, err = s.store.CreateTheme(r.Context(), rd.ID, name)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.themePage(w, r, status, errs) })
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/themes?done=theme-added", http.StatusSeeOther)
	return nil
}

func (s *Server) themeTag(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionRunGroup)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	kind, id, err := tagForm(r.PostForm)
	if err == nil {
		err = s.store.TagItem(r.Context(), rd.ID, r.PostForm.Get("theme_id"), kind, id)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error { return s.themePage(w, r, status, errs) })
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/themes?done=tagged", http.StatusSeeOther)
	return nil
}

// feedbackSummary names a piece of feedback in a list: its comment, or its
// ratings when it has none.
func feedbackSummary(f evidence.Feedback) string {
	if f.Comment != "" {
		return f.Comment
	}
	var parts []string
	for _, r := range f.RatingList() {
		parts = append(parts, r.Label+" "+strconv.Itoa(r.Score)+" out of 5")
	}
	return strings.Join(parts, ", ")
}
