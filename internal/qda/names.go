package qda

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/pseudonym"
)

// Replacement is a person's name in a source and the role that replaces
// it before the text is stored, so coders never see the name.
type Replacement struct {
	Name string
	Role string
}

// maxReplacements bounds the list a researcher types for one source.
const maxReplacements = 200

// ParseReplacements reads a form's list of replacements, one a line, the
// name then an equals sign then the role: "Sam Jones = support worker".
// Blank lines are skipped; every problem is reported with its line.
func ParseReplacements(s string) ([]Replacement, error) {
	var out []Replacement
	var problems []string
	for i, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		n := "Line " + strconv.Itoa(i+1)
		name, role, ok := strings.Cut(line, "=")
		name, role = strings.TrimSpace(name), strings.TrimSpace(role)
		switch {
		case !ok:
			problems = append(problems, n+" needs an equals sign between the name and the role, for example “Sam Jones = support worker”")
		case utf8.RuneCountInString(name) < 2:
			problems = append(problems, n+" needs a name of at least 2 letters before the equals sign")
		case role == "":
			problems = append(problems, n+" needs a role after the equals sign, for example “support worker”")
		case utf8.RuneCountInString(name) > 100 || utf8.RuneCountInString(role) > 100:
			problems = append(problems, n+" is too long: a name and a role must each be 100 characters or fewer")
		default:
			out = append(out, Replacement{Name: name, Role: role})
		}
	}
	if len(out) > maxReplacements {
		problems = append(problems, "List at most 200 names")
	}
	if len(problems) > 0 {
		return nil, apperr.Fields([]apperr.FieldError{{Field: "names", Message: strings.Join(problems, ". ")}})
	}
	return out, nil
}

// replaceNames applies the replacements to a text, page by page so the
// page starts can be counted again; it returns the new text and starts.
func replaceNames(text string, starts []int, rs []Replacement) (string, []int) {
	terms := map[string]string{}
	for _, r := range rs {
		if _, ok := terms[strings.ToLower(r.Name)]; !ok {
			terms[strings.ToLower(r.Name)] = r.Role
		}
	}
	rep := pseudonym.New(terms, "someone")
	if len(starts) == 0 {
		return rep.Text(text), nil
	}
	// Each page is replaced on its own (names never cross a page) and the
	// starts counted again from the new pages' lengths.
	runes := []rune(text)
	var b strings.Builder
	out := make([]int, len(starts))
	chars := 0
	for i, s := range starts {
		end := len(runes)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		page := rep.Text(string(runes[s:end]))
		out[i] = chars
		chars += utf8.RuneCountInString(page)
		b.WriteString(page)
	}
	return b.String(), out
}
