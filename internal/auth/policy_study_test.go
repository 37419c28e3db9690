package auth

import "testing"

func TestStudyPolicy(t *testing.T) {
	user := func(as ...Assignment) *Principal { return &Principal{User: &User{ID: "u"}, Assignments: as} }
	lab := Object{Type: ScopeOrganisation, ID: "lab"}
	researcher := user(Assignment{Role: RoleResearcher, ScopeType: ScopeOrganisation, ScopeID: "lab"})
	member := user(Assignment{Role: RoleMember, ScopeType: ScopeOrganisation, ScopeID: "lab"})
	elsewhere := user(Assignment{Role: RoleResearcher, ScopeType: ScopeOrganisation, ScopeID: "other"})
	admin := user(Assignment{Role: RoleAdmin, ScopeType: ScopePlatform})
	for _, a := range []Action{ActionCreateStudy, ActionViewStudy, ActionManageStudy, ActionExportStudy} {
		cases := []struct {
			who  string
			p    *Principal
			o    Object
			want bool
		}{
			{"researcher of the organisation", researcher, lab, true},
			{"admin", admin, lab, true},
			{"anonymous", nil, lab, false},
			{"member of the organisation", member, lab, false},
			{"researcher elsewhere", elsewhere, lab, false},
			{"researcher, no object", researcher, Object{}, false},
			{"researcher, object of another type", researcher, Object{Type: ScopeStudy, ID: "lab"}, false},
		}
		for _, c := range cases {
			if got := Can(c.p, a, c.o); got != c.want {
				t.Errorf("%s: %s = %v, want %v", a, c.who, got, c.want)
			}
		}
	}
	if !Can(researcher, ActionListStudies, Object{}) || !Can(admin, ActionListStudies, Object{}) || Can(member, ActionListStudies, Object{}) || Can(nil, ActionListStudies, Object{}) {
		t.Error("list of studies: researchers and admins only")
	}
}
