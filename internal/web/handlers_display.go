package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/display"
)

// The account's display settings (issue 15): text size, line spacing,
// contrast, colour scheme, motion and Easy Read, all carried out by the
// style sheet from classes on <html>, so nothing needs JavaScript.
var displaySettingsPage = page[displayData]{"account_display"}

// displayData is the settings form: each setting as a set of radios.
type displayData struct {
	Settings       []displaySetting
	FormatEasyRead bool // a round lists Easy Read among the reader's formats
}

type displaySetting struct {
	Name, Legend, Hint string
	Choices            []displayChoice
}

type displayChoice struct {
	ID, Value, Label string
	Checked          bool
}

// displayFor is the display of the page being drawn for r: the <html>
// classes and whether it is in Easy Read. A visitor gets the defaults; a
// failure to read the settings is logged and the page drawn without them.
func (s *Server) displayFor(r *http.Request) (classes string, easyRead bool) {
	p := principal(r)
	if !p.SignedIn() {
		return "", false
	}
	set, format, err := s.store.DisplaySettings(r.Context(), p.User.ID)
	if err != nil {
		s.log.Error("display settings", "err", err)
		return "", false
	}
	easyRead = set.EasyReadOn(format)
	return set.Classes(easyRead), easyRead
}

func (s *Server) displayForm(w http.ResponseWriter, r *http.Request) error {
	if err := allowSignedIn(r); err != nil {
		return err
	}
	set, format, err := s.store.DisplaySettings(r.Context(), principal(r).User.ID)
	if err != nil {
		return err
	}
	return s.showDisplay(w, r, http.StatusOK, nil, displayValues(set), format)
}

func (s *Server) showDisplay(w http.ResponseWriter, r *http.Request, status int, errs []apperr.FieldError, form url.Values, format bool) error {
	return displaySettingsPage.show(s, w, r, status, view{Title: "Display settings", Errors: errs, Form: form},
		displayData{Settings: displaySettings(form, format), FormatEasyRead: format})
}

func (s *Server) displaySave(w http.ResponseWriter, r *http.Request) error {
	if err := allowSignedIn(r); err != nil {
		return err
	}
	_ = r.ParseForm()
	err := s.store.SaveDisplaySettings(r.Context(), principal(r).User.ID, displayForm(r.PostForm))
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			_, format, ferr := s.store.DisplaySettings(r.Context(), principal(r).User.ID)
			if ferr != nil {
				return ferr
			}
			return s.showDisplay(w, r, status, errs, r.PostForm, format)
		})
	}
	http.Redirect(w, r, "/account/display?done=display-saved", http.StatusSeeOther)
	return nil
}

// easyReadSwitch is the header's button: it turns Easy Read on or off for
// the reader and goes back to the page they were on.
func (s *Server) easyReadSwitch(w http.ResponseWriter, r *http.Request) error {
	if err := allowSignedIn(r); err != nil {
		return err
	}
	_ = r.ParseForm()
	id := principal(r).User.ID
	set, _, err := s.store.DisplaySettings(r.Context(), id)
	if err != nil {
		return err
	}
	set.EasyRead = r.PostForm.Get("easy_read")
	if err := s.store.SaveDisplaySettings(r.Context(), id, set); err != nil {
		return err
	}
	http.Redirect(w, r, safeNext(r.PostForm.Get("back")), http.StatusSeeOther)
	return nil
}

// allowSignedIn lets anyone signed in through: one's own settings.
func allowSignedIn(r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	return nil
}

// displayValues are saved settings as form values.
func displayValues(s display.Settings) url.Values {
	return url.Values{"text_size": {strconv.Itoa(s.TextSize)}, "spacing": {s.Spacing}, "contrast": {s.Contrast},
		"scheme": {s.Scheme}, "motion": {s.Motion}, "easy_read": {s.EasyRead}}
}

// displaySettings lays the form out, with form's values chosen.
func displaySettings(form url.Values, format bool) []displaySetting {
	choices := func(name string, values []string, label func(string) string) []displayChoice {
		var out []displayChoice
		for i, v := range values {
			id := name
			if i > 0 {
				id += "-" + v
			}
			out = append(out, displayChoice{ID: id, Value: v, Label: label(v), Checked: form.Get(name) == v})
		}
		return out
	}
	var sizes []string
	for _, n := range display.TextSizes {
		sizes = append(sizes, strconv.Itoa(n))
	}
	easyHint := "Easy Read uses short words, big text and pictures."
	if format {
		easyHint += " You asked for Easy Read. So it is on. You can turn it off."
	}
	return []displaySetting{
		{"text_size", "Text size", "", choices("text_size", sizes, func(v string) string {
			if v == "100" {
				return "100% (normal)"
			}
			return v + "%"
		})},
		{"spacing", "Space between lines", "", choices("spacing", display.Spacings, display.Label)},
		{"contrast", "Contrast", "High contrast uses black, white and strong colours only.", choices("contrast", display.Contrasts, display.Label)},
		{"scheme", "Colours", "", choices("scheme", display.Schemes, display.Label)},
		{"motion", "Movement", "", choices("motion", display.Motions, display.Label)},
		{"easy_read", "Easy Read", easyHint, choices("easy_read", display.EasyReads, func(v string) string {
			if v == "auto" {
				return "On if I asked a group for Easy Read"
			}
			return display.Label(v)
		})},
	}
}
