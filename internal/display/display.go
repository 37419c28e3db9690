// Package display holds a person's display settings — text size, line
// spacing, contrast, colour scheme, motion and Easy Read — and turns them
// into the class names the style sheet reads. Everything they change is done
// in CSS, so the settings need no JavaScript. The package is pure.
package display

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
)

// Settings are one person's choices. The zero value is not valid; start from
// Default.
type Settings struct {
	// TextSize is a percentage of the normal size: one of TextSizes.
	TextSize int
	// Spacing is the space between lines: "normal", "wide" (1.8) or
	// "wider" (2.2).
	Spacing string
	// Contrast is "auto" (follow the device's prefers-contrast) or "high".
	Contrast string
	// Scheme is "auto" (follow the device's prefers-color-scheme), "light"
	// or "dark".
	Scheme string
	// Motion is "auto" (follow prefers-reduced-motion) or "reduce".
	Motion string
	// EasyRead is "auto" (on for people who asked a round for Easy Read),
	// "on" or "off".
	EasyRead string
}

// Choices offered for each setting, in the order forms list them.
var (
	TextSizes = []int{100, 125, 150, 175, 200}
	Spacings  = []string{"normal", "wide", "wider"}
	Contrasts = []string{"auto", "high"}
	Schemes   = []string{"auto", "light", "dark"}
	Motions   = []string{"auto", "reduce"}
	EasyReads = []string{"auto", "on", "off"}
)

// Default is how pages look before anyone changes anything: the device
// decides the colours, contrast and motion.
func Default() Settings {
	return Settings{TextSize: 100, Spacing: "normal", Contrast: "auto", Scheme: "auto", Motion: "auto", EasyRead: "auto"}
}

// Validate checks each setting is one offered.
func (s *Settings) Validate() error {
	var fs []apperr.FieldError
	check := func(field string, ok bool, msg string) {
		if !ok {
			fs = append(fs, apperr.FieldError{Field: field, Message: msg})
		}
	}
	s.Spacing, s.Contrast = strings.TrimSpace(s.Spacing), strings.TrimSpace(s.Contrast)
	s.Scheme, s.Motion, s.EasyRead = strings.TrimSpace(s.Scheme), strings.TrimSpace(s.Motion), strings.TrimSpace(s.EasyRead)
	check("text_size", slices.Contains(TextSizes, s.TextSize), "Choose a text size")
	check("spacing", slices.Contains(Spacings, s.Spacing), "Choose the space between lines")
	check("contrast", slices.Contains(Contrasts, s.Contrast), "Choose the contrast")
	check("scheme", slices.Contains(Schemes, s.Scheme), "Choose light or dark colours")
	check("motion", slices.Contains(Motions, s.Motion), "Choose whether to reduce movement")
	check("easy_read", slices.Contains(EasyReads, s.EasyRead), "Choose whether to use Easy Read")
	return apperr.Fields(fs)
}

// EasyReadOn says whether pages are drawn in Easy Read: chosen on, or left to
// "auto" by someone who asked a round for Easy Read (formatEasyRead).
func (s Settings) EasyReadOn(formatEasyRead bool) bool {
	return s.EasyRead == "on" || (s.EasyRead == "auto" && formatEasyRead)
}

// Classes are the class names for the page's <html> element, in a fixed
// order: only settings that differ from the default add one.
func (s Settings) Classes(easyRead bool) string {
	var cs []string
	if s.TextSize > 100 {
		cs = append(cs, "text-"+strconv.Itoa(s.TextSize))
	}
	if s.Spacing == "wide" || s.Spacing == "wider" {
		cs = append(cs, "spacing-"+s.Spacing)
	}
	if s.Contrast == "high" {
		cs = append(cs, "contrast-high")
	}
	if s.Scheme == "light" || s.Scheme == "dark" {
		cs = append(cs, "scheme-"+s.Scheme)
	}
	if s.Motion == "reduce" {
		cs = append(cs, "motion-reduce")
	}
	if easyRead {
		cs = append(cs, "easy-read")
	}
	return strings.Join(cs, " ")
}

// Label is a setting's value in words, for forms and the account page.
func Label(value string) string {
	switch value {
	case "normal":
		return "Normal"
	case "wide":
		return "Wide (1.8 lines)"
	case "wider":
		return "Wider (2.2 lines)"
	case "auto":
		return "As my device is set"
	case "high":
		return "High contrast"
	case "light":
		return "Light: dark text on white"
	case "dark":
		return "Dark: light text on black"
	case "reduce":
		return "Reduce movement"
	case "on":
		return "On"
	case "off":
		return "Off"
	}
	return value
}

// Service keeps each person's settings.
type Service interface {
	// DisplaySettings returns a person's settings (Default if they never
	// saved any) and whether any round they belong to lists Easy Read among
	// their preferred formats.
	DisplaySettings(ctx context.Context, userID string) (s Settings, formatEasyRead bool, err error)
	// SaveDisplaySettings validates and keeps a person's settings.
	SaveDisplaySettings(ctx context.Context, userID string, s Settings) error
}
