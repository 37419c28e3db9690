package web

import (
	"net/url"
	"strconv"

	"github.com/coprod/coprod/internal/display"
)

// displayForm reads the display settings form; a text size that is not a
// number becomes 0, which Validate refuses.
func displayForm(f url.Values) display.Settings {
	size, _ := strconv.Atoi(f.Get("text_size"))
	return display.Settings{TextSize: size, Spacing: f.Get("spacing"), Contrast: f.Get("contrast"), Scheme: f.Get("scheme"),
		Motion: f.Get("motion"), EasyRead: f.Get("easy_read")}
}
