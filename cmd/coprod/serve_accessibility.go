package main

import (
	"flag"

	"github.com/coprod/coprod/internal/web"
)

// addAccessibilityFlags reads who the accessibility statement names as the
// contact for problems and other formats; each flag defaults to its
// environment variable. With none set, the statement says so and points
// people to the organisation that runs their group.
func addAccessibilityFlags(e env, fs *flag.FlagSet) *web.AccessibilityContact {
	c := &web.AccessibilityContact{}
	for _, f := range []struct {
		to        *string
		name, env string
		usage     string
	}{
		{&c.Organisation, "accessibility-organisation", "COPROD_ACCESSIBILITY_ORGANISATION", "who runs this service, as the accessibility statement names them"},
		{&c.Email, "accessibility-email", "COPROD_ACCESSIBILITY_EMAIL", "email address for accessibility problems and other formats"},
		{&c.Phone, "accessibility-phone", "COPROD_ACCESSIBILITY_PHONE", "phone number for accessibility problems and other formats"},
		{&c.Hours, "accessibility-hours", "COPROD_ACCESSIBILITY_HOURS", "when that phone is answered, e.g. \"Monday to Friday, 9am to 5pm\""},
		{&c.Address, "accessibility-address", "COPROD_ACCESSIBILITY_ADDRESS", "postal address for accessibility problems, lines separated by commas"},
	} {
		fs.StringVar(f.to, f.name, e.getenv(f.env), f.usage+" (env "+f.env+")")
	}
	return c
}
