package qda

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
)

// Code is one code of a project's codebook.
type Code struct {
	ID           string
	ProjectID    string
	ParentID     string // "" at the top
	Name         string
	Definition   string
	WhenToUse    string
	WhenNotToUse string
	Example      string
	// Color is #rrggbb. Pages always show the name beside it: the colour
	// is never the only signal.
	Color    string
	Position int // order among its siblings
}

var colorPattern = regexp.MustCompile(`^#[0-9a-f]{6}$`)

// NewCode is a code a researcher adds.
type NewCode struct {
	ProjectID    string
	ParentID     string
	Name         string
	Definition   string
	WhenToUse    string
	WhenNotToUse string
	Example      string
	Color        string
}

// Validate tidies the input and returns every problem at once.
func (n *NewCode) Validate() error {
	for _, p := range []*string{&n.Name, &n.Definition, &n.WhenToUse, &n.WhenNotToUse, &n.Example} {
		*p = strings.TrimSpace(*p)
	}
	n.Color = strings.ToLower(strings.TrimSpace(n.Color))
	var fs []apperr.FieldError
	fs = append(fs, limit(n.Name, "name", 1, 100, "Enter a name for the code, for example “Ramp”", "The name must be 100 characters or fewer")...)
	for _, f := range []struct{ field, value, what string }{
		{"definition", n.Definition, "The definition"}, {"when_to_use", n.WhenToUse, "When to use"},
		{"when_not_to_use", n.WhenNotToUse, "When not to use"}, {"example", n.Example, "The example"},
	} {
		fs = append(fs, limit(f.value, f.field, 0, 2000, "", f.what+" must be 2,000 characters or fewer")...)
	}
	if n.Color == "" {
		n.Color = "#767676"
	}
	if !colorPattern.MatchString(n.Color) {
		fs = append(fs, apperr.FieldError{Field: "color", Message: "Choose a colour as # and six hexadecimal digits, like #1f77b4"})
	}
	return apperr.Fields(fs)
}

// Node is a code with the codes below it.
type Node struct {
	Code
	Depth    int
	Children []*Node
}

// Tree arranges codes into their hierarchy, siblings by position then
// name. It refuses a code whose parent is not among the codes, or a loop.
func Tree(codes []Code) ([]*Node, error) {
	nodes := make(map[string]*Node, len(codes))
	for _, c := range codes {
		nodes[c.ID] = &Node{Code: c}
	}
	var roots []*Node
	for _, c := range codes {
		n := nodes[c.ID]
		if c.ParentID == "" {
			roots = append(roots, n)
			continue
		}
		p, ok := nodes[c.ParentID]
		if !ok {
			return nil, fmt.Errorf("code %q is under a code that is not in the codebook", c.Name)
		}
		p.Children = append(p.Children, n)
	}
	seen := 0
	var walk func([]*Node, int)
	walk = func(ns []*Node, depth int) {
		sortNodes(ns)
		for _, n := range ns {
			seen++
			n.Depth = depth
			walk(n.Children, depth+1)
		}
	}
	walk(roots, 0)
	if seen != len(codes) {
		return nil, fmt.Errorf("the codebook has a loop: a code is under itself")
	}
	return roots, nil
}

func sortNodes(ns []*Node) {
	slices.SortStableFunc(ns, func(a, b *Node) int {
		if a.Position != b.Position {
			return cmp.Compare(a.Position, b.Position)
		}
		return strings.Compare(a.Name, b.Name)
	})
}

// Flatten lists a tree's codes in reading order, each with its depth.
func Flatten(roots []*Node) []*Node {
	var out []*Node
	var walk func([]*Node)
	walk = func(ns []*Node) {
		for _, n := range ns {
			out = append(out, n)
			walk(n.Children)
		}
	}
	walk(roots)
	return out
}
