package peer

import (
	"slices"
	"testing"
)

// The supporters and the person's need of the hand-worked case. For each
// supporter, worked by hand against the need (psychosis and being in
// hospital; English; large print; in Leeds or by phone):
//
//	Amira: shares 2, English, large print met, by phone        → fits, space 2
//	Ben:   shares 1, English, large print met, in Leeds        → fits, space 2
//	Cara:  no space                                            → left out
//	Dev:   shares 2, English, large print NOT met, Leeds/phone → does not fit
//	Eve:   shares 2, English, large print met, in Leeds        → fits, space 1
//
// So: Amira and Eve (2 shared, 1 need, 1 way; Amira has more space), then
// Ben (1 shared), then Dev (cannot meet an access need).
var handSupporters = []Supporter{
	{ID: "a", Name: "Amira", Experiences: []string{"Psychosis", "being in hospital"}, Languages: []string{"English", "Urdu"},
		AccessNeeds: []string{"large print"}, Meeting: Meeting{Places: []string{"Bradford"}, Phone: true}, Capacity: 3, Supporting: 1},
	{ID: "b", Name: "Ben", Experiences: []string{"psychosis"}, Languages: []string{"English"},
		AccessNeeds: []string{"British Sign Language", "Large print"}, Meeting: Meeting{Places: []string{"Leeds"}, Video: true}, Capacity: 2},
	{ID: "c", Name: "Cara", Experiences: []string{"being in hospital", "self-harm"}, Languages: []string{"English", "Polish"},
		AccessNeeds: []string{"large print"}, Meeting: Meeting{Phone: true, Video: true}, Capacity: 1, Supporting: 1},
	{ID: "d", Name: "Dev", Experiences: []string{"psychosis", "being in hospital"}, Languages: []string{"English"},
		Meeting: Meeting{Places: []string{"Leeds"}, Phone: true}, Capacity: 4, Supporting: 1},
	{ID: "e", Name: "Eve", Experiences: []string{"being in hospital", "psychosis"}, Languages: []string{"english"},
		AccessNeeds: []string{"large print"}, Meeting: Meeting{Places: []string{"leeds"}}, Capacity: 1},
}

var handNeed = Need{
	Experiences: []string{"psychosis", "being in hospital"},
	Languages:   []string{"English"},
	AccessNeeds: []string{"large print "},
	Meeting:     Meeting{Places: []string{"Leeds"}, Phone: true},
}

func ids(ss []Suggestion) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Supporter.ID)
	}
	return out
}

func TestSuggestHandWorkedRanking(t *testing.T) {
	got := Suggest(handNeed, handSupporters)
	if want := []string{"a", "e", "b", "d"}; !slices.Equal(ids(got), want) {
		t.Fatalf("order %v, want %v", ids(got), want)
	}
	// The list read in another order ranks the same.
	rev := slices.Clone(handSupporters)
	slices.Reverse(rev)
	if got2 := Suggest(handNeed, rev); !slices.Equal(ids(got2), ids(got)) {
		t.Errorf("reversed input ranks %v", ids(got2))
	}
	wantReasons := map[string][]string{
		"a": {"Has lived experience of psychosis and being in hospital, like you.", "Speaks English.",
			"Can meet your access needs: large print.", "Can meet you by phone.", "Has space for 2 more people."},
		"e": {"Has lived experience of psychosis and being in hospital, like you.", "Speaks English.",
			"Can meet your access needs: large print.", "Can meet you in Leeds.", "Has space for 1 more person."},
		"b": {"Has lived experience of psychosis, like you.", "Speaks English.",
			"Can meet your access needs: large print.", "Can meet you in Leeds.", "Has space for 2 more people."},
		"d": {"Has lived experience of psychosis and being in hospital, like you.", "Speaks English.",
			"Cannot meet your access needs for large print.", "Can meet you in Leeds or by phone.", "Has space for 3 more people."},
	}
	for _, s := range got {
		if !slices.Equal(s.Reasons, wantReasons[s.Supporter.ID]) {
			t.Errorf("%s reasons:\n got %q\nwant %q", s.Supporter.Name, s.Reasons, wantReasons[s.Supporter.ID])
		}
		if s.Fits != (s.Supporter.ID != "d") {
			t.Errorf("%s fits = %v", s.Supporter.Name, s.Fits)
		}
	}
}

func TestSuggestAskForSomeoneElse(t *testing.T) {
	n := handNeed
	n.NotThese = []string{"a"}
	if got, want := ids(Suggest(n, handSupporters)), []string{"e", "b", "d"}; !slices.Equal(got, want) {
		t.Errorf("after asking for someone else than Amira: %v, want %v", got, want)
	}
}

// A second hand-worked case: a person who speaks Polish or Urdu, uses
// British Sign Language and large print, and would meet by video, with no
// experiences given.
//
//	Amira: Urdu; BSL not met, large print met; no video   → does not fit
//	Ben:   no shared language; both met; video           → does not fit
//	Dev:   no shared language; neither met; no video     → does not fit
//	Eve:   no shared language; large print met; no video → does not fit
//
// Nobody fits, so the later steps decide: needs met Ben 2, Amira 1, Eve 1,
// Dev 0; then ways to meet Amira 0, Eve 0; then space Amira 2, Eve 1.
func TestSuggestNobodyFitsStillRankedWithReasons(t *testing.T) {
	n := Need{Languages: []string{"Polish", "Urdu"}, AccessNeeds: []string{"British Sign Language", "large print"}, Meeting: Meeting{Video: true}}
	got := Suggest(n, handSupporters)
	if want := []string{"b", "a", "e", "d"}; !slices.Equal(ids(got), want) {
		t.Fatalf("order %v, want %v", ids(got), want)
	}
	wantA := []string{"Speaks Urdu.", "Can meet your access needs for large print.",
		"Cannot meet your access needs for British Sign Language.", "Cannot meet you in the ways you chose.", "Has space for 2 more people."}
	if !slices.Equal(got[1].Reasons, wantA) {
		t.Errorf("Amira reasons:\n got %q\nwant %q", got[1].Reasons, wantA)
	}
	wantD := []string{"Does not speak Polish or Urdu.", "Cannot meet your access needs for British Sign Language or large print.",
		"Cannot meet you in the ways you chose.", "Has space for 3 more people."}
	if !slices.Equal(got[3].Reasons, wantD) {
		t.Errorf("Dev reasons:\n got %q\nwant %q", got[3].Reasons, wantD)
	}
	for _, s := range got {
		if s.Fits {
			t.Errorf("%s fits", s.Supporter.Name)
		}
	}
}

func TestChoiceNeedsThePerson(t *testing.T) {
	offered := Suggest(handNeed, handSupporters)
	if err := (Choice{SupporterID: "e", PersonChose: true}).Check(offered); err != nil {
		t.Errorf("the person's own choice of a suggestion: %v", err)
	}
	for name, c := range map[string]Choice{
		"not confirmed as the person's": {SupporterID: "e", WithCoordinator: true},
		"not suggested (no space)":      {SupporterID: "c", PersonChose: true},
		"nobody":                        {PersonChose: true},
	} {
		if c.Check(offered) == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
