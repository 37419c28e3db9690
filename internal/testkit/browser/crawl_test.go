package browser

import "testing"

// Pages drawn by one template for different records or filters share a
// shape; different templates do not.
func TestPageShape(t *testing.T) {
	same := [][2]string{
		{"/rounds/l5t4sybodyys3ioo2eca6e56ji/stories/a2b3c4d5e6f7g8h9j2k3m4n5p6", "/rounds/q7r8s9t2v3w4x5y6z7a2b3c4d5/stories/zz2b3c4d5e6f7g8h9j2k3m4n5p"},
		{"/board?status=done", "/board?status=promised"},
		{"/contracts/x2b3c4d5e6f7g8h9j2k3m4n5p6/specs/y2b3c4d5e6f7g8h9j2k3m4n5p6/versions/1", "/contracts/x2b3c4d5e6f7g8h9j2k3m4n5p7/specs/y2b3c4d5e6f7g8h9j2k3m4n5p8/versions/12"},
	}
	for _, c := range same {
		if pageShape(c[0]) != pageShape(c[1]) {
			t.Errorf("%s and %s: %s ≠ %s", c[0], c[1], pageShape(c[0]), pageShape(c[1]))
		}
	}
	different := [][2]string{
		{"/rounds/l5t4sybodyys3ioo2eca6e56ji/stories", "/rounds/l5t4sybodyys3ioo2eca6e56ji/factors"},
		{"/board", "/board?status=done"},
		{"/admin/users", "/admin/organisations"},
		{"/rounds/new", "/rounds/l5t4sybodyys3ioo2eca6e56ji"},
	}
	for _, c := range different {
		if pageShape(c[0]) == pageShape(c[1]) {
			t.Errorf("%s and %s share the shape %s", c[0], c[1], pageShape(c[0]))
		}
	}
}
