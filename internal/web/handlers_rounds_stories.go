package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

// The pages of the group's stories; their questions are round_question's.
var (
	roundStoriesPage = page[roundPage[listData[evidence.Story]]]{"round_stories"}
	roundStoryPage   = page[roundPage[storyData]]{"round_story"}
)

func (s *Server) storyList(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionViewGroupContent)
	if err != nil {
		return err
	}
	p, err := newRoundPage[listData[evidence.Story]](s, r, rd)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	stories, next, err := s.store.Stories(r.Context(), rd.ID, p.Audience, q.Get("q"), q.Get("after"), 20)
	if err != nil {
		return err
	}
	p.Page = listData[evidence.Story]{Items: stories, Search: q.Get("q"), Next: nextPage(r, next), First: q.Get("after") == ""}
	return roundStoriesPage.show(s, w, r, http.StatusOK, view{Title: "Stories", Form: formValues(r)}, p)
}

// storyQuestions asks for a story one question a page.
func (s *Server) storyQuestions(r *http.Request, p roundPage[questionPage]) questions {
	list := append(memberQuestion(p, "Whose story is it?"),
		question{Name: "title", Title: "What would you like to call your story?", Kind: "text"},
		question{Name: "body", Title: "Tell us your story", Hint: "Write as much or as little as you like. Only you and the facilitators see it until you agree to share it.", Kind: "textarea"})
	if p.Facilitator() {
		// Easy Read is written for the group, never asked of a member
		// sharing their story: the facilitator may add it.
		list = append(list, question{Name: "easy_read", Title: "Easy Read summary of the story (you write this for the group)",
			Hint: "Short sentences, one idea each, at most 15 words", Kind: "textarea", Optional: true})
	}
	return questions{Caption: "Share a story", Action: "/rounds/" + p.Round.ID + "/stories", Button: "Save story",
		List:  list,
		check: func(a url.Values) error { n := newStoryForm(a, p.actingMember(a)); return n.Validate() },
		save: func(a url.Values) (string, error) {
			n := newStoryForm(a, p.actingMember(a))
			if err := n.Validate(); err != nil {
				return "", err
			}
			st, err := s.store.AddStory(r.Context(), p.Round.ID, n)
			if err != nil {
				return "", err
			}
			return "/rounds/" + p.Round.ID + "/stories/" + st.ID + "?done=story-added", nil
		}}
}

func (s *Server) storyNewForm(w http.ResponseWriter, r *http.Request) error {
	return s.contribute(w, r, s.storyQuestions, false)
}

func (s *Server) storyCreate(w http.ResponseWriter, r *http.Request) error {
	return s.contribute(w, r, s.storyQuestions, true)
}

type storyData struct {
	Story  *evidence.Story
	CanAdd bool // the reader may add steps: their own story, or a facilitator
}

// ownStory loads the story in the path for a change: a facilitator may
// change any story, a member only their own. It reports whether the reader
// may change it.
func (p roundPage[T]) ownStory(s *Server, r *http.Request) (*evidence.Story, bool, error) {
	st, err := s.store.StoryByID(r.Context(), p.Round.ID, r.PathValue("sid"), p.Audience)
	if err != nil {
		return nil, false, err
	}
	if p.Facilitator() {
		return st, true, nil
	}
	// The author's id is needed even when the story is anonymous to the reader.
	owner, err := s.store.StoryByID(r.Context(), p.Round.ID, st.ID, round.Facilitators)
	if err != nil {
		return nil, false, err
	}
	return st, p.Acting != "" && owner.Author.MemberID == p.Acting && p.Can.Contribute, nil
}

func (s *Server) storyShow(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionViewGroupContent)
	if err != nil {
		return err
	}
	p, err := newRoundPage[storyData](s, r, rd)
	if err != nil {
		return err
	}
	st, mine, err := p.ownStory(s, r)
	if err != nil {
		return err
	}
	p.Page = storyData{Story: st, CanAdd: mine && !rd.Closed()}
	return roundStoryPage.show(s, w, r, http.StatusOK, view{Title: st.Title}, p)
}

func (s *Server) stepNewForm(w http.ResponseWriter, r *http.Request) error {
	return s.stepFlow(w, r, false)
}

func (s *Server) stepCreate(w http.ResponseWriter, r *http.Request) error {
	return s.stepFlow(w, r, true)
}

// feelingOptions is the 5-point scale as choices, in words and numbers.
func feelingOptions() []round.Option {
	var out []round.Option
	for _, f := range evidence.Feelings {
		out = append(out, round.Option{Key: strconv.Itoa(int(f)), Label: f.Label() + " (" + strconv.Itoa(int(f)) + " out of 5)"})
	}
	return out
}

// stepFlow asks for the next step of a pathway one question a page; only
// the story's author, or a facilitator, may add to it.
func (s *Server) stepFlow(w http.ResponseWriter, r *http.Request, answering bool) error {
	rd, err := s.roundFor(r, auth.ActionContribute)
	if err != nil {
		return err
	}
	p, err := newRoundPage[questionPage](s, r, rd)
	if err != nil {
		return err
	}
	st, mine, err := p.ownStory(s, r)
	if err != nil {
		return err
	}
	if !mine {
		return apperr.Errorf(apperr.Forbidden, "Only the person who shared this story, or a facilitator, can add to its pathway.")
	}
	base := "/rounds/" + rd.ID + "/stories/" + st.ID
	qs := questions{Caption: "Step " + strconv.Itoa(len(st.Steps)+1) + " of the pathway in “" + st.Title + "”", Action: base + "/steps", Button: "Add step",
		List: []question{
			{Name: "touchpoint", Title: "Where did you go, or who did you see?", Hint: "For example: GP, school nurse, A&E, crisis team", Kind: "text"},
			{Name: "what_happened", Title: "What happened?", Kind: "textarea"},
			{Name: "feeling", Title: "How did it feel?", Kind: "radio", Options: feelingOptions()},
			{Name: "helped", Title: "What helped?", Kind: "textarea", Optional: true},
			{Name: "hurt", Title: "What hurt?", Kind: "textarea", Optional: true},
			{Name: "then", Title: "What next?", Kind: "radio", Options: []round.Option{{Key: "another", Label: "Add another step"}, {Key: "done", Label: "That is the whole pathway for now"}}},
		},
		check: func(a url.Values) error {
			x := stepForm(a)
			err := x.Validate()
			if a.Get("then") != "another" && a.Get("then") != "done" {
				fs := append(apperr.FieldsOf(err), apperr.FieldError{Field: "then", Message: "Choose whether to add another step"})
				return apperr.Fields(fs)
			}
			return err
		},
		save: func(a url.Values) (string, error) {
			x := stepForm(a)
			if err := x.Validate(); err != nil {
				return "", err
			}
			if err := s.store.AddStep(r.Context(), rd.ID, st.ID, x); err != nil {
				return "", err
			}
			if a.Get("then") == "another" {
				return base + "/steps/new?done=step-added", nil
			}
			return base + "?done=step-added", nil
		}}
	return s.askQuestions(w, r, p, qs, answering)
}
