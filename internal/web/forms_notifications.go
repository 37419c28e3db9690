package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/notify"
)

// notifyPrefsForm decodes the notification choices form.
func notifyPrefsFromForm(r *http.Request) notify.Prefs {
	_ = r.ParseForm()
	return notify.Prefs{Email: notify.EmailChoice(r.PostForm.Get("email")), Format: notify.Format(r.PostForm.Get("format"))}
}
