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

// A member changing or deleting what they shared, from "My information".
// The item is found among the member's own (MyInformation), so another
// member's item is, to them, not found; the store checks the owner and the
// stage again when saving.
var (
	roundMineEditPage   = page[roundPage[ownItem]]{"round_mine_edit"}
	roundMineDeletePage = page[roundPage[ownItem]]{"round_mine_delete"}
)

// ownItem is one of the member's items, as the edit and delete pages show it.
type ownItem struct {
	Kind    evidence.Kind
	ID      string
	Summary string     // what it says, to recognise it by
	Service string     // feedback: the service it is about
	Values  url.Values // its fields as they are now, to start the form from
	// RatingOptions are the answers to each rating question (feedback).
	RatingOptions []round.Option
}

// Noun names the item for headings: "story", "vision statement".
func (o ownItem) Noun() string { return o.Kind.Singular() }

// findOwn finds the member's own item of kind with id.
func findOwn(m *evidence.Mine, kind evidence.Kind, id string) (ownItem, bool) {
	o := ownItem{Kind: kind, ID: id, Values: url.Values{}}
	switch kind {
	case evidence.KindStory:
		for _, s := range m.Stories {
			if s.ID == id {
				o.Summary = s.Title
				o.Values.Set("title", s.Title)
				o.Values.Set("body", s.Body)
				o.Values.Set("easy_read", s.EasyRead)
				return o, true
			}
		}
	case evidence.KindFactor:
		for _, f := range m.Factors {
			if f.ID == id {
				o.Summary = f.Description
				o.Values.Set("kind", f.Kind)
				o.Values.Set("domain", f.Domain)
				o.Values.Set("description", f.Description)
				o.Values.Set("story_id", f.StoryID)
				return o, true
			}
		}
	case evidence.KindFeedback:
		for _, f := range m.Feedback {
			if f.ID == id {
				o.Summary, o.Service = feedbackSummary(f.Feedback), f.ServiceName
				o.RatingOptions = append(feelingOptions(), round.Option{Key: notRated, Label: "I would rather not rate this"})
				for _, d := range evidence.Dimensions {
					v := notRated
					if score, ok := f.Ratings[d.Key]; ok {
						v = strconv.Itoa(score)
					}
					o.Values.Set("rating_"+d.Key, v)
				}
				o.Values.Set("comment", f.Comment)
				return o, true
			}
		}
	case evidence.KindVision:
		for _, v := range m.Vision {
			if v.ID == id {
				o.Summary = v.Body
				o.Values.Set("body", v.Body)
				return o, true
			}
		}
	}
	return o, false
}

// ownFor finds the item in the path among the reader's own, and refuses a
// change once its stage has passed, saying to ask the facilitator.
func (s *Server) ownFor(r *http.Request) (roundPage[ownItem], error) {
	rd, m, err := s.mineFor(r)
	if err != nil {
		return roundPage[ownItem]{}, err
	}
	kind := evidence.Kind(r.PathValue("kind"))
	o, ok := findOwn(m, kind, r.PathValue("item"))
	if !ok {
		return roundPage[ownItem]{}, errNotFound
	}
	if err := evidence.CheckChangeOwn(rd, kind); err != nil {
		return roundPage[ownItem]{}, err
	}
	p, err := newRoundPage[ownItem](s, r, rd)
	p.Page = o
	return p, err
}

func (s *Server) ownEditForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.ownFor(r)
	if err != nil {
		return err
	}
	return roundMineEditPage.show(s, w, r, http.StatusOK, view{Title: "Change your " + p.Page.Noun(), Form: p.Page.Values}, p)
}

func (s *Server) ownEdit(w http.ResponseWriter, r *http.Request) error {
	p, err := s.ownFor(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if err := s.saveOwn(r, p); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return roundMineEditPage.show(s, w, r, status, view{Title: "Change your " + p.Page.Noun(), Errors: errs, Form: r.PostForm}, p)
		})
	}
	http.Redirect(w, r, "/rounds/"+p.Round.ID+"/mine?done=edited", http.StatusSeeOther)
	return nil
}

// saveOwn decodes the edit form for the item's kind, checks it as a new
// item would be checked, and saves it.
func (s *Server) saveOwn(r *http.Request, p roundPage[ownItem]) error {
	ctx, rd, id, user, f := r.Context(), p.Round.ID, p.Page.ID, principal(r).User.ID, r.PostForm
	switch p.Page.Kind {
	case evidence.KindStory:
		n := newStoryForm(f, p.Acting)
		if err := n.Validate(); err != nil {
			return err
		}
		return s.store.EditOwnStory(ctx, rd, id, user, n)
	case evidence.KindFactor:
		n := newFactorForm(f, p.Acting)
		if err := n.Validate(); err != nil {
			return err
		}
		return s.store.EditOwnFactor(ctx, rd, id, user, n)
	case evidence.KindFeedback:
		n, fs := feedbackForm(f, p.Acting)
		if err := apperr.Fields(append(fs, apperr.FieldsOf(n.Validate())...)); err != nil {
			return err
		}
		return s.store.EditOwnFeedback(ctx, rd, id, user, n)
	}
	n := newStatementForm(f, p.Acting)
	if err := n.Validate(); err != nil {
		return err
	}
	return s.store.EditOwnStatement(ctx, rd, id, user, n.Body)
}

// ownDeleteForm asks the member to confirm, without JavaScript: a page of
// its own with the item, what goes with it, and one button.
func (s *Server) ownDeleteForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.ownFor(r)
	if err != nil {
		return err
	}
	return roundMineDeletePage.show(s, w, r, http.StatusOK, view{Title: "Delete your " + p.Page.Noun() + "?"}, p)
}

func (s *Server) ownDelete(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionOwnInformation)
	if err != nil {
		return err
	}
	kind := evidence.Kind(r.PathValue("kind"))
	if evidence.StageOf(kind) == "" {
		return errNotFound
	}
	if err := s.store.DeleteOwn(r.Context(), rd.ID, kind, r.PathValue("item"), principal(r).User.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/mine?done=deleted", http.StatusSeeOther)
	return nil
}
