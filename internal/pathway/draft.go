package pathway

import (
	"strings"
	"unicode/utf8"
)

// SpecText is what a signed-off service specification says that a person
// looking for support needs: what the service is for, what it offers and
// how to get it.
type SpecText struct {
	Aims, Service, Access string
}

// Draft is a first version of the page for the group to change: drafted
// from the group's own vision (its "I" statements, in its words) and the
// service specifications it signed off, so nobody starts from a blank page
// and nothing is said that the group did not say or agree. Who to contact
// is left for the group to fill in: the software cannot know it.
func Draft(roundTitle string, vision []string, specs []SpecText) Input {
	in := Input{Title: clip("How to get support: "+roundTitle, 120)}
	plain := []string{"This page was written by the people who use these services, from what they asked for and the service that was agreed with them."}
	for _, s := range specs {
		for _, part := range []struct{ lead, text string }{
			{"What the service is for: ", s.Aims}, {"What it offers: ", s.Service}, {"How to get it, and the help you can ask for: ", s.Access},
		} {
			if t := strings.TrimSpace(part.text); t != "" {
				plain = append(plain, part.lead+t)
			}
		}
	}
	easy := []string{"This page tells you how to get support.", "People who use the services wrote it."}
	if len(vision) > 0 {
		plain = append(plain, "What we asked for:\n"+strings.Join(vision, "\n"))
		easy = append(easy, "We asked for this:\n"+strings.Join(vision, "\n"))
	}
	in.Plain, in.EasyRead = clip(strings.Join(plain, "\n\n"), 6000), clip(strings.Join(easy, "\n\n"), 4000)
	return in
}

// clip keeps s within max characters, at a line's end when it can, so a
// long vision still makes a draft that can be saved.
func clip(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)[:max]
	if i := strings.LastIndex(string(r), "\n"); i > 0 {
		return strings.TrimSpace(string(r)[:i])
	}
	return string(r)
}
