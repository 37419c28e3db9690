package qdacli

import (
	"fmt"
	"strings"

	"github.com/coprod/coprod/internal/refiqda"
)

// inspection is what "coprod qda inspect" prints: the file as the
// importer reads it, with names beside every GUID.
type inspection struct {
	Kind       string             `json:"kind"` // "project" or "codebook"
	Name       string             `json:"name,omitempty"`
	Origin     string             `json:"origin,omitempty"`
	Users      []inspectUser      `json:"users,omitempty"`
	Codes      []inspectCode      `json:"codes"`
	Sources    []inspectSource    `json:"sources,omitempty"`
	Selections []inspectSelection `json:"selections,omitempty"`
	Notes      []inspectNote      `json:"notes,omitempty"`
	Skipped    []string           `json:"not_imported,omitempty"`
}

type inspectUser struct {
	GUID string `json:"guid"`
	Name string `json:"name"`
}

type inspectCode struct {
	GUID        string        `json:"guid"`
	Name        string        `json:"name"`
	Codable     bool          `json:"codable"`
	Color       string        `json:"color,omitempty"`
	Description string        `json:"description,omitempty"`
	Children    []inspectCode `json:"children,omitempty"`
}

type inspectSource struct {
	GUID       string `json:"guid"`
	Name       string `json:"name"`
	Characters int    `json:"characters"`
	Selections int    `json:"selections"`
}

type inspectSelection struct {
	GUID    string          `json:"guid"`
	Source  string          `json:"source"`
	Start   int             `json:"start"`
	End     int             `json:"end"`
	Text    string          `json:"text"`
	Codings []inspectCoding `json:"codings"`
}

type inspectCoding struct {
	Code string `json:"code"`
	User string `json:"user,omitempty"`
}

type inspectNote struct {
	GUID string   `json:"guid"`
	Name string   `json:"name"`
	By   string   `json:"by,omitempty"`
	On   []string `json:"on"`
	Text string   `json:"text"`
}

func codebookInspection(cb refiqda.CodeBook) inspection {
	return inspection{Kind: "codebook", Origin: cb.Origin, Codes: inspectCodes(cb.Codes, map[string]string{})}
}

func projectInspection(p refiqda.Project) inspection {
	in := inspection{Kind: "project", Name: p.Name, Origin: p.Origin, Skipped: p.Skipped}
	users := map[string]string{}
	for _, u := range p.Users {
		users[u.GUID] = u.Name
		in.Users = append(in.Users, inspectUser(u))
	}
	codes := map[string]string{}
	in.Codes = inspectCodes(p.Codes, codes)
	// What each note is attached to, in words.
	on := map[string][]string{}
	attach := func(refs []string, what string) {
		for _, r := range refs {
			on[r] = append(on[r], what)
		}
	}
	attach(p.NoteRefs, "the project")
	var walk func([]refiqda.Code)
	walk = func(cs []refiqda.Code) {
		for _, c := range cs {
			attach(c.NoteRefs, "code "+c.Name)
			walk(c.Children)
		}
	}
	walk(p.Codes)
	for _, s := range p.Sources {
		in.Sources = append(in.Sources, inspectSource{GUID: s.GUID, Name: s.Name, Characters: s.Length(), Selections: len(s.Selections)})
		attach(s.NoteRefs, "source "+s.Name)
		for _, sel := range s.Selections {
			text, _ := s.Span(sel.Start, sel.End) // the reader checked the positions
			is := inspectSelection{GUID: sel.GUID, Source: s.Name, Start: sel.Start, End: sel.End, Text: text, Codings: []inspectCoding{}}
			for _, c := range sel.Codings {
				is.Codings = append(is.Codings, inspectCoding{Code: codes[c.Code], User: users[c.User]})
			}
			in.Selections = append(in.Selections, is)
			attach(sel.NoteRefs, fmt.Sprintf("selection in %s at %d to %d", s.Name, sel.Start, sel.End))
		}
	}
	for _, n := range p.Notes {
		in.Notes = append(in.Notes, inspectNote{GUID: n.GUID, Name: n.Name, By: users[n.CreatingUser], On: on[n.GUID], Text: n.Text})
	}
	return in
}

func inspectCodes(cs []refiqda.Code, names map[string]string) []inspectCode {
	out := []inspectCode{}
	for _, c := range cs {
		names[c.GUID] = c.Name
		out = append(out, inspectCode{GUID: c.GUID, Name: c.Name, Codable: c.Codable, Color: c.Color, Description: c.Description, Children: inspectCodes(c.Children, names)})
	}
	return out
}

// text is the inspection for people.
func (in inspection) text() string {
	var b strings.Builder
	if in.Kind == "codebook" {
		fmt.Fprintf(&b, "REFI-QDA codebook%s\n", from(in.Origin))
	} else {
		fmt.Fprintf(&b, "REFI-QDA project %q%s\n", in.Name, from(in.Origin))
		fmt.Fprintf(&b, "\nUsers (%d):\n", len(in.Users))
		for _, u := range in.Users {
			fmt.Fprintf(&b, "  %s\n", orUnnamed(u.Name))
		}
	}
	fmt.Fprintf(&b, "\nCodes (%d):\n", countCodes(in.Codes))
	writeCodes(&b, in.Codes, "  ")
	if in.Kind == "codebook" {
		return b.String()
	}
	fmt.Fprintf(&b, "\nSources (%d):\n", len(in.Sources))
	for _, s := range in.Sources {
		fmt.Fprintf(&b, "  %s: %d characters, %d selections\n", orUnnamed(s.Name), s.Characters, s.Selections)
	}
	fmt.Fprintf(&b, "\nSelections (%d):\n", len(in.Selections))
	for _, s := range in.Selections {
		var cs []string
		for _, c := range s.Codings {
			if c.User != "" {
				cs = append(cs, c.Code+" by "+c.User)
			} else {
				cs = append(cs, c.Code)
			}
		}
		if len(cs) == 0 {
			cs = []string{"no codes"}
		}
		fmt.Fprintf(&b, "  %s, characters %d to %d, %q: %s\n", orUnnamed(s.Source), s.Start, s.End, clip(s.Text), strings.Join(cs, "; "))
	}
	fmt.Fprintf(&b, "\nNotes (%d):\n", len(in.Notes))
	for _, n := range in.Notes {
		by := ""
		if n.By != "" {
			by = " by " + n.By
		}
		on := "nothing"
		if len(n.On) > 0 {
			on = strings.Join(n.On, "; ")
		}
		fmt.Fprintf(&b, "  %s%s, on %s: %q\n", orUnnamed(n.Name), by, on, clip(n.Text))
	}
	if len(in.Skipped) > 0 {
		fmt.Fprintf(&b, "\nNot imported (%d):\n", len(in.Skipped))
		for _, s := range in.Skipped {
			fmt.Fprintf(&b, "  %s\n", s)
		}
	}
	return b.String()
}

func writeCodes(b *strings.Builder, cs []inspectCode, indent string) {
	for _, c := range cs {
		fmt.Fprintf(b, "%s%s", indent, c.Name)
		if !c.Codable {
			b.WriteString(" (a heading, not for coding)")
		}
		if c.Color != "" {
			fmt.Fprintf(b, ", colour %s", c.Color)
		}
		b.WriteString("\n")
		writeCodes(b, c.Children, indent+"  ")
	}
}

func countCodes(cs []inspectCode) int {
	n := len(cs)
	for _, c := range cs {
		n += countCodes(c.Children)
	}
	return n
}

func from(origin string) string {
	if origin == "" {
		return ""
	}
	return ", written by " + origin
}

func orUnnamed(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(no name)"
	}
	return s
}

// clip shortens text for one line: at most 60 characters, line breaks as
// spaces.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}
