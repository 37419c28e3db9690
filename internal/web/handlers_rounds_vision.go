package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

type visionData struct {
	Statements []evidence.Statement
	DotsLeft   int
}

func (s *Server) visionList(w http.ResponseWriter, r *http.Request) {
	s.visionPage(w, r, nil)
}

func (s *Server) visionPage(w http.ResponseWriter, r *http.Request, err error) {
	rd, ok := s.loadRound(w, r, auth.ActionViewRound)
	if !ok {
		return
	}
	p, e := s.newRoundPage(r, rd, nil)
	if e != nil {
		s.serverError(w, r, e)
		return
	}
	st, e := s.store.Statements(r.Context(), rd.ID, p.Audience, p.Acting)
	if e != nil {
		s.serverError(w, r, e)
		return
	}
	d := visionData{Statements: st, DotsLeft: rd.DotsPerMember}
	for _, x := range st {
		d.DotsLeft -= x.MyDots
	}
	if err != nil {
		s.roundFormError(w, r, err, "round_vision", "Vision", rd, d)
		return
	}
	p.Page = d
	s.render(w, r, http.StatusOK, "round_vision", view{Title: "Vision", Form: formValues(r), Data: p})
}

func (s *Server) statementNewForm(w http.ResponseWriter, r *http.Request) {
	s.contribute(w, r, s.statementQuestions, false)
}

func (s *Server) statementCreate(w http.ResponseWriter, r *http.Request) {
	s.contribute(w, r, s.statementQuestions, true)
}

// statementQuestions asks for an "I statement", then what lies behind it
// among the evidence the reader may see.
func (s *Server) statementQuestions(r *http.Request, p roundPage) questions {
	statement := func(a url.Values) evidence.NewStatement {
		n := evidence.NewStatement{MemberID: p.actingMember(a), Body: a.Get("body")}
		for _, l := range a["links"] {
			kind, id, _ := strings.Cut(l, ":")
			n.Links = append(n.Links, evidence.Link{Kind: evidence.Kind(kind), ID: id})
		}
		return n
	}
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
func (s *Server) votesCast(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionContribute)
	if !ok {
		return
	}
	_ = r.ParseForm()
	p, err := s.newRoundPage(r, rd, nil)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Acting == "" {
		s.fail(w, r, apperr.Errorf(apperr.Forbidden, "Only members of the group can place dots."))
		return
	}
	alloc := map[string]int{}
	var fs []apperr.FieldError
	for k, v := range r.PostForm {
		id, ok := strings.CutPrefix(k, "dots_")
		if !ok || strings.TrimSpace(v[0]) == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(v[0]))
		if err != nil {
			fs = append(fs, apperr.FieldError{Field: k, Message: "Enter the number of dots as a whole number, like 2"})
			continue
		}
		alloc[id] = n
	}
	err = apperr.Fields(fs)
	if err == nil {
		err = s.store.CastVotes(r.Context(), rd.ID, p.Acting, alloc)
	}
	if err != nil {
		s.visionPage(w, r, err)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/vision?done=votes-saved", http.StatusSeeOther)
}

// votingSet is the facilitator opening or closing the dot vote.
func (s *Server) votingSet(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionRunGroup)
	if !ok {
		return
	}
	_ = r.ParseForm()
	dots, err := strconv.Atoi(strings.TrimSpace(r.PostForm.Get("dots")))
	if err != nil {
		err = apperr.Fields([]apperr.FieldError{{Field: "dots", Message: "Enter the number of dots each member has, like 5"}})
	} else {
		err = s.store.SetVoting(r.Context(), rd.ID, round.Voting(r.PostForm.Get("voting")), dots)
	}
	if err != nil {
		s.visionPage(w, r, err)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/vision?done=voting-changed", http.StatusSeeOther)
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
func (s *Server) themeMap(w http.ResponseWriter, r *http.Request) {
	s.themePage(w, r, nil)
}

func (s *Server) themePage(w http.ResponseWriter, r *http.Request, err error) {
	rd, ok := s.loadRound(w, r, auth.ActionViewRound)
	if !ok {
		return
	}
	d := themeData{CanEdit: can(r, auth.ActionRunGroup, rd.ID), Kinds: evidence.Kinds}
	a, e := s.audience(r, rd.ID)
	if e == nil {
		d.Map, e = s.store.EvidenceMap(r.Context(), rd.ID, a)
	}
	if e == nil && d.CanEdit {
		d.Themes, d.Items, e = s.taggables(r, rd.ID, a)
	}
	if e != nil {
		s.serverError(w, r, e)
		return
	}
	if err != nil {
		s.roundFormError(w, r, err, "round_themes", "Themes and evidence map", rd, d)
		return
	}
	s.showRound(w, r, http.StatusOK, "round_themes", "Themes and evidence map", rd, d, nil)
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

func (s *Server) themeCreate(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionRunGroup)
	if !ok {
		return
	}
	_ = r.ParseForm()
	name, err := evidence.CheckThemeName(r.PostForm.Get("name"))
	if err == nil {
		_, err = s.store.CreateTheme(r.Context(), rd.ID, name)
	}
	if err != nil {
		s.themePage(w, r, err)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/themes?done=theme-added", http.StatusSeeOther)
}

func (s *Server) themeTag(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionRunGroup)
	if !ok {
		return
	}
	_ = r.ParseForm()
	kind, id, _ := strings.Cut(r.PostForm.Get("item"), ":")
	var err error
	if !evidence.TaggableKind(evidence.Kind(kind)) || id == "" {
		err = apperr.Fields([]apperr.FieldError{{Field: "item", Message: "Select what to put the theme on"}})
	} else {
		err = s.store.TagItem(r.Context(), rd.ID, r.PostForm.Get("theme_id"), evidence.Kind(kind), id)
	}
	if err != nil {
		s.themePage(w, r, err)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/themes?done=tagged", http.StatusSeeOther)
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
