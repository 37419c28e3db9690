package qda

import "testing"

// TestLifeDomainsPreset: the preset holds the rounds' nine life domains
// and two kinds of factor (counted from internal/evidence), every code
// valid, every colour different, and it arranges into two trees.
func TestLifeDomainsPreset(t *testing.T) {
	p := LifeDomains()
	if len(p) != 2+9+2 {
		t.Fatalf("%d codes, want 13", len(p))
	}
	colours := map[string]bool{}
	var codes []Code
	for i, c := range p {
		n := NewCode{Name: c.Name, Definition: c.Definition, WhenToUse: c.WhenToUse, WhenNotToUse: c.WhenNotToUse, Color: c.Color}
		if err := n.Validate(); err != nil {
			t.Errorf("%s: %v", c.Name, err)
		}
		if colours[c.Color] {
			t.Errorf("%s repeats the colour %s", c.Name, c.Color)
		}
		colours[c.Color] = true
		key := c.Key
		codes = append(codes, Code{ID: key, ParentID: c.Parent, Name: c.Name, Position: i})
	}
	roots, err := Tree(codes)
	if err != nil || len(roots) != 2 || len(roots[0].Children) != 9 || roots[1].Children[0].Name != "Protective factor" ||
		roots[1].Children[1].Name != "Risk factor" || roots[0].Children[4].Name != "Work and learning" {
		t.Fatalf("tree: %v", err)
	}
}
