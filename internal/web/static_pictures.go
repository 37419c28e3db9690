package web

import (
	"html/template"
	"io/fs"
	"path"

	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/pictures"
)

// addPictures serves the picture set (internal/pictures) with the static
// files, as /static/pictures/NAME.HASH.svg: hashed names and a year's
// caching, like the style sheet.
func (st *staticFiles) addPictures() error {
	return fs.WalkDir(pictures.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".svg" {
			return err
		}
		b, err := fs.ReadFile(pictures.FS(), p)
		if err != nil {
			return err
		}
		st.add("pictures/"+p, b)
		return nil
	})
}

// pictureView is what a template needs to draw a picture.
type pictureView struct{ Key, Alt, URL, Topic string }

// pictureFuncs are the templates' picture helpers: picture "vote" (nil for
// an empty or unknown key, so a page simply draws none) and allPictures for
// choosers.
func pictureFuncs(st *staticFiles) template.FuncMap {
	toView := func(p pictures.Picture) *pictureView {
		return &pictureView{Key: p.Key, Alt: p.Alt, URL: st.URL("pictures/" + p.File), Topic: p.Topic}
	}
	all := pictures.All()
	views := make([]pictureView, len(all))
	for i, p := range all {
		views[i] = *toView(p)
	}
	return template.FuncMap{
		"picture": func(key string) *pictureView {
			p, ok := pictures.Get(key)
			if !ok {
				return nil
			}
			return toView(p)
		},
		"allPictures":    func() []pictureView { return views },
		"verdictReasons": func() []ledger.VerdictReason { return ledger.VerdictReasons },
		"ideaPicture": func(value string) *pictureView {
			p, ok := pictures.Get(ideaPictures[value])
			if !ok {
				return nil
			}
			return toView(p)
		},
		"pictureChoice": func(v view, legend, chosen string) pictureChoice {
			return pictureChoice{V: v, Legend: legend, Chosen: chosen}
		},
	}
}

// ideaPictures are the pictures of the product's own choices, by their
// stored values: a proposal's answers, the ledger's verdicts, the kinds of
// task (internal/tasks) on "Your tasks" and a quality check's answers.
var ideaPictures = map[string]string{
	"agree": "agree", "not_sure": "not-sure", "disagree": "disagree", "block": "stop",
	"changed": "better", "partly": "fits", "not_changed": "no", "too_early": "wait",
	"join": "hello", "respond": "vote", "score": "score", "moderate": "meeting", "report": "chart", "verdict": "check", "overdue": "late",
	"good": "happy", "ok": "smile", "needs_change": "change",
}
