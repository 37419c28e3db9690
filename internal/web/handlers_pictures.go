package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/pictures"
	"github.com/coprod/coprod/internal/round"
)

// Facilitators choose the picture that goes beside a vision statement or a
// proposal in Easy Read, whoever writes a measure its picture, and whoever
// responds to a voice item (facilitators and commissioners) the item's
// (issue 15): radio buttons with the pictures, so the chooser works without
// JavaScript. The choice is kept as the picture's key.
var pictureChoosePage = page[pictureData]{"picture_choose"}

// pictureData is the chooser: what the picture is for, its words, where
// the form goes and where to go back to.
type pictureData struct {
	Kind         string // "vision statement", "proposal"
	ItemID       string
	Words        string
	Action, Back string
	Chosen       string
}

// pictureChoice is what the pictureChooser template needs.
type pictureChoice struct {
	V              view
	Legend, Chosen string
}

// pictureItem finds the thing in the path, for the chooser: its words, and
// the page to go back to, with the picture chosen so far.
func (s *Server) pictureItem(r *http.Request, kind pictures.Kind) (pictureData, error) {
	var d pictureData
	var err error
	if kind == pictures.KindVoiceItem {
		d, err = s.voicePictureItem(r)
	} else {
		d, err = s.roundPictureItem(r, kind)
	}
	if err != nil {
		return d, err
	}
	chosen, err := s.store.ChosenPictures(r.Context(), kind, []string{d.ItemID})
	d.Chosen = chosen[d.ItemID]
	return d, err
}

// voicePictureItem is a ledger item, for those who may respond to it.
func (s *Server) voicePictureItem(r *http.Request) (pictureData, error) {
	it, err := s.itemFor(r, auth.ActionRespond)
	if err != nil {
		return pictureData{}, err
	}
	base := "/ledger/items/" + it.ID
	return pictureData{Kind: pictures.KindVoiceItem.Label(), ItemID: it.ID, Words: it.Said, Action: base + "/picture", Back: base}, nil
}

// roundPictureItem is a thing of a kind in a round. The reader must be
// able to run the group, or for a measure, write it.
func (s *Server) roundPictureItem(r *http.Request, kind pictures.Kind) (pictureData, error) {
	var rd *round.Round
	var err error
	if kind == pictures.KindMeasure {
		rd, err = s.measureRoundFor(r, true) // whoever writes the measure
	} else {
		rd, err = s.roundFor(r, auth.ActionRunGroup)
	}
	if err != nil {
		return pictureData{}, err
	}
	base, item := "/rounds/"+rd.ID, r.PathValue("item")
	d := pictureData{Kind: kind.Label(), ItemID: item}
	switch kind {
	case pictures.KindVision:
		st, err := s.store.Statements(r.Context(), rd.ID, round.Facilitators, "")
		if err != nil {
			return d, err
		}
		for _, x := range st {
			if x.ID == item {
				d.Words, d.Action, d.Back = x.Body, base+"/vision/"+item+"/picture", base+"/vision"
			}
		}
	case pictures.KindMeasure:
		m, err := s.store.MeasureByID(r.Context(), rd.ID, item)
		if err != nil {
			return d, err
		}
		d.Words, d.Action, d.Back = m.Title, base+"/measures/"+item+"/picture", base+"/measures/"+item
	case pictures.KindProposal:
		pr, err := s.store.ProposalByID(r.Context(), rd.ID, item, round.Facilitators)
		if err != nil {
			return d, err
		}
		d.Words, d.Action, d.Back = pr.Title, base+"/decisions/"+item+"/picture", base+"/decisions/"+item
	}
	if d.Action == "" {
		return d, errNotFound
	}
	return d, nil
}

func (s *Server) pictureForm(kind pictures.Kind) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		d, err := s.pictureItem(r, kind)
		if err != nil {
			return err
		}
		return pictureChoosePage.show(s, w, r, http.StatusOK, view{Title: "Choose a picture"}, d)
	}
}

func (s *Server) pictureChoose(kind pictures.Kind) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		d, err := s.pictureItem(r, kind)
		if err != nil {
			return err
		}
		_ = r.ParseForm()
		c := pictures.Choice{Kind: kind, ItemID: d.ItemID, Key: r.PostForm.Get("picture")}
		if err := s.store.ChoosePicture(r.Context(), c); err != nil {
			return formProblem(err, func(status int, errs []apperr.FieldError) error {
				d.Chosen = c.Key
				return pictureChoosePage.show(s, w, r, status, view{Title: "Choose a picture", Errors: errs}, d)
			})
		}
		http.Redirect(w, r, d.Back+"?done=picture-chosen", http.StatusSeeOther)
		return nil
	}
}

// chosenPictures is the picture key of each of ids that has one; a failure
// is logged and the page drawn without pictures.
func (s *Server) chosenPictures(r *http.Request, kind pictures.Kind, ids []string) map[string]string {
	m, err := s.store.ChosenPictures(r.Context(), kind, ids)
	if err != nil {
		s.log.Error("chosen pictures", "kind", kind, "err", err)
		return map[string]string{}
	}
	return m
}

// itemPicture sets the picture chosen for a voice item shown on its own
// page (lists of items draw none).
func (s *Server) itemPicture(r *http.Request, it *flaggedItem) {
	it.Picture = s.chosenPictures(r, pictures.KindVoiceItem, []string{it.ID})[it.ID]
}
