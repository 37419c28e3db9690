package qda

import (
	"bytes"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/agreement"
	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/refiqda"
	"github.com/coprod/coprod/internal/refiqda/refiqdatest"
)

func fieldsOf(t *testing.T, err error) map[string]string {
	t.Helper()
	var e *apperr.Error
	if !errors.As(err, &e) {
		t.Fatalf("not field errors: %v", err)
	}
	out := map[string]string{}
	for _, f := range e.Fields {
		out[f.Field] = f.Message
	}
	return out
}

func TestValidate(t *testing.T) {
	p := NewProject{Title: "  "}
	f := fieldsOf(t, p.Validate())
	if f["org_id"] == "" || f["title"] == "" {
		t.Errorf("project: %v", f)
	}
	ok := NewProject{OrgID: "o", Title: " Getting out ", Blind: true}
	if err := ok.Validate(); err != nil || ok.Title != "Getting out" {
		t.Errorf("%v %q", err, ok.Title)
	}
	s := NewSource{Title: "N1", Text: "  \n ", Units: "words"}
	f = fieldsOf(t, s.Validate())
	if f["text"] != "Paste or upload the text to code" || f["units"] == "" || !strings.HasPrefix(f["consent_note"], "Say how consent") {
		t.Errorf("source: %v", f)
	}
	good := NewSource{Title: "N1", Text: "One.\r\nTwo.", ConsentNote: "Written consent"}
	if err := good.Validate(); err != nil || good.Text != "One.\nTwo." || good.Units != Sentences {
		t.Errorf("%v %q %q", err, good.Text, good.Units)
	}
	c := NewCode{Name: "", Color: "red"}
	f = fieldsOf(t, c.Validate())
	if f["name"] == "" || f["color"] == "" {
		t.Errorf("code: %v", f)
	}
	c = NewCode{Name: "Ramp", Color: "#AEC7E8"}
	if err := c.Validate(); err != nil || c.Color != "#aec7e8" {
		t.Errorf("%v %q", err, c.Color)
	}
}

// TestSplit is worked by hand: the positions count characters (the é and
// the emoji are one each).
func TestSplit(t *testing.T) {
	text := "I use my wheelchair. Is the café open?  \"Yes!\" she said.\nNo full stop here\n\n  Second paragraph 😀 ends."
	got := func(kind UnitKind) []string {
		var out []string
		rs := []rune(text)
		for i, u := range Split(text, kind) {
			if u.Index != i {
				t.Errorf("index %d at %d", u.Index, i)
			}
			out = append(out, string(rs[u.Start:u.End]))
		}
		return out
	}
	wantSentences := []string{"I use my wheelchair.", "Is the café open?", "\"Yes!\"", "she said.", "No full stop here", "Second paragraph 😀 ends."}
	if s := got(Sentences); !reflect.DeepEqual(s, wantSentences) {
		t.Errorf("sentences %q", s)
	}
	wantParagraphs := []string{"I use my wheelchair. Is the café open?  \"Yes!\" she said.\nNo full stop here", "Second paragraph 😀 ends."}
	if p := got(Paragraphs); !reflect.DeepEqual(p, wantParagraphs) {
		t.Errorf("paragraphs %q", p)
	}
	if u := Split(text, Sentences)[1]; u.Start != 21 || u.End != 38 {
		t.Errorf("second sentence at %d to %d, want 21 to 38", u.Start, u.End)
	}
	if len(Split(" \n\n ", Sentences)) != 0 || len(Split("", Paragraphs)) != 0 {
		t.Error("units of nothing")
	}
}

func TestTreeAndPreset(t *testing.T) {
	var codes []Code
	ids := map[string]string{}
	for i, p := range SocialPracticeTheory() {
		id := "c" + itoaTest(i)
		ids[p.Name] = id
		codes = append(codes, Code{ID: id, ParentID: ids[p.Parent], Name: p.Name, Position: i, Color: p.Color})
		n := NewCode{Name: p.Name, Definition: p.Definition, WhenToUse: p.WhenToUse, WhenNotToUse: p.WhenNotToUse, Example: p.Example, Color: p.Color}
		if err := n.Validate(); err != nil || p.Definition == "" || p.WhenToUse == "" || p.WhenNotToUse == "" {
			t.Errorf("preset code %q: %v", p.Name, err)
		}
		if p.Parent != "" && ids[p.Parent] == "" {
			t.Errorf("%q is under %q, which comes later or not at all", p.Name, p.Parent)
		}
	}
	roots, err := Tree(codes)
	if err != nil {
		t.Fatal(err)
	}
	var top []string
	for _, r := range roots {
		top = append(top, r.Name)
	}
	if strings.Join(top, ", ") != "Materials, Competences, Meanings, Links between elements, Effect on the disabled person" {
		t.Errorf("top level: %v", top)
	}
	colors := map[string]bool{}
	for _, n := range Flatten(roots) {
		if colors[n.Color] {
			t.Errorf("colour %s twice", n.Color)
		}
		colors[n.Color] = true
	}
	if n := Flatten(roots); len(n) != 17 || n[1].Name != "Equipment and technology" || n[1].Depth != 1 {
		t.Errorf("flattened: %d, %+v", len(n), n[1])
	}
	if _, err := Tree([]Code{{ID: "a", ParentID: "b", Name: "A"}, {ID: "b", ParentID: "a", Name: "B"}}); err == nil {
		t.Error("a loop was accepted")
	}
	if _, err := Tree([]Code{{ID: "a", ParentID: "x", Name: "A"}}); err == nil {
		t.Error("an unknown parent was accepted")
	}
}

func itoaTest(i int) string { return string(rune('a'+i/26)) + string(rune('a'+i%26)) }

func TestCanSee(t *testing.T) {
	for _, c := range []struct {
		blind                 bool
		viewer, coder         string
		viewerDone, coderDone bool
		want                  bool
	}{
		{true, "ann", "ann", false, false, true},  // your own
		{true, "ann", "ben", false, true, false},  // not before you submit
		{true, "ann", "ben", true, false, false},  // not before they submit
		{true, "ann", "ben", true, true, true},    // both submitted
		{false, "ann", "ben", false, false, true}, // not blind
		{true, "lead", "ben", true, true, true},   // a lead who does not code sees submitted coding
		{true, "lead", "ben", true, false, false}, // but not work in progress
	} {
		if got := CanSee(c.blind, c.viewer, c.coder, c.viewerDone, c.coderDone); got != c.want {
			t.Errorf("%+v: %v", c, got)
		}
	}
}

// TestAgreementByUnit codes four one-sentence units by two coders as in
// internal/agreement's hand-worked TestPerCode (A: 1 1 0 0 by both; B:
// 0 1 0 1 against 0 0 1 1), here as segments, one of them a span across
// two units: alpha for A is 1, for B .125, pooled .53125.
func TestAgreementByUnit(t *testing.T) {
	text := "One. Two. Three. Four."
	units := Split(text, Sentences) // 0-4, 5-9, 10-16, 17-22
	src := []SourceUnits{{SourceID: "s", Units: units}}
	segs := []Segment{
		{SourceID: "s", CoderID: "ann", Start: 0, End: 9, CodeIDs: []string{"A"}}, // units 1 and 2
		{SourceID: "s", CoderID: "ann", Start: 5, End: 9, CodeIDs: []string{"B"}},
		{SourceID: "s", CoderID: "ann", Start: 17, End: 22, CodeIDs: []string{"B"}},
		{SourceID: "s", CoderID: "ben", Start: 0, End: 4, CodeIDs: []string{"A"}},
		{SourceID: "s", CoderID: "ben", Start: 6, End: 7, CodeIDs: []string{"A"}}, // inside unit 2
		{SourceID: "s", CoderID: "ben", Start: 10, End: 22, CodeIDs: []string{"B"}},
	}
	coded := map[string]map[string]bool{"ann": {"s": true}, "ben": {"s": true}}
	by := ByUnit(src, segs, coded)
	if len(by) != 4 || !reflect.DeepEqual(by[1].ByCoder["ann"], []string{"A", "B"}) || !reflect.DeepEqual(by[2].ByCoder["ann"], []string{}) {
		t.Fatalf("by unit: %+v", by)
	}
	codes := []Code{{ID: "A", Name: "A"}, {ID: "B", Name: "B"}}
	per, all, err := agreement.PerCode(AgreementSets(by, []string{"ann", "ben"}, codes))
	if err != nil {
		t.Fatal(err)
	}
	if per[0].Alpha.Value != 1 || math.Abs(per[1].Alpha.Value-.125) > 1e-12 || math.Abs(all.Alpha.Value-.53125) > 1e-12 {
		t.Errorf("alpha A %v, B %v, all %v", per[0].Alpha.Value, per[1].Alpha.Value, all.Alpha.Value)
	}
	diff := Differences(by)
	if len(diff) != 2 || diff[0].Unit.Index != 1 || diff[1].Unit.Index != 2 {
		t.Errorf("differences: %+v", diff)
	}
	// A coder who has not coded the source is missing, not "no codes".
	delete(coded, "ben")
	by = ByUnit(src, segs, coded)
	if _, ok := by[0].ByCoder["ben"]; ok || len(Differences(by)) != 0 {
		t.Errorf("ben counted without coding: %+v", by[0])
	}
}

// TestREFI exports a small project and checks the file against the
// REFI-QDA schema, then reads it back.
func TestREFI(t *testing.T) {
	e := Export{
		Project: Project{Title: "Getting out", Description: "Two narratives."},
		Coders:  map[string]string{"u1": "Asha Patel", "u2": "Ben Jones"},
		Codes: []Code{
			{ID: "m", Name: "Materials", Color: "#1f77b4", Definition: "Things.", WhenToUse: "Equipment.", Example: "“A ramp.”"},
			{ID: "r", ParentID: "m", Name: "Ramp", Color: "#aec7e8"},
		},
		Sources:  []Source{{ID: "s1", Title: "Narrative 1", Text: "The ramp is too steep. I can't go in."}},
		Segments: []Segment{{ID: "g1", SourceID: "s1", CoderID: "u1", Start: 0, End: 22, CodeIDs: []string{"r"}, Memo: "Steepness."}, {ID: "g2", SourceID: "s1", CoderID: "u2", Start: 4, End: 8, CodeIDs: []string{"r", "m"}}},
	}
	p, err := REFI(e)
	if err != nil {
		t.Fatal(err)
	}
	qde, err := refiqda.MarshalQDE(p, true)
	if err != nil {
		t.Fatal(err)
	}
	refiqdatest.Validate(t, qde)
	back, err := refiqda.ReadQDE(mustInline(t, p))
	if err != nil {
		t.Fatal(err)
	}
	s := back.Sources[0]
	if text, _ := s.Span(s.Selections[0].Start, s.Selections[0].End); text != "The ramp is too steep." || len(s.Selections[1].Codings) != 2 {
		t.Errorf("selections: %+v", s.Selections)
	}
	if back.Codes[0].Description != "Things.\nWhen to use: Equipment.\nExample: “A ramp.”" || back.Codes[0].Children[0].Name != "Ramp" {
		t.Errorf("codes: %+v", back.Codes)
	}
	if len(back.Notes) != 1 || back.Notes[0].Text != "Steepness." || back.Users[0].Name != "Asha Patel" {
		t.Errorf("notes and users: %+v %+v", back.Notes, back.Users)
	}
	if GUID("code", "r") != GUID("code", "r") || GUID("code", "r") == GUID("source", "r") || !refiqda.ValidGUID(GUID("x", "y")) {
		t.Error("GUIDs are not stable, distinct and valid")
	}
	e.Segments[0].CoderID = "stranger"
	if _, err := REFI(e); err == nil {
		t.Error("a segment by someone who is not a coder was exported")
	}
}

func mustInline(t *testing.T, p refiqda.Project) []byte {
	t.Helper()
	data, err := refiqda.MarshalQDE(p, false)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestFromREFI imports the codebook of internal/refiqda's hand-written
// project: seven codes two deep, "#AEC" written out as "#aaeecc", a code
// without colour grey, each under its parent by GUID.
func TestFromREFI(t *testing.T) {
	data := refiqdatest.Zip(t, "../refiqda/testdata/handwritten")
	p, err := refiqda.ReadQDPX(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	codes := FromREFI(p.Codes)
	if len(codes) != 7 || codes[1].Parent != codes[0].Key || codes[2].Color != "#aaeecc" || codes[4].Color != "#767676" || codes[6].Definition != "Doing things without having to ask." {
		t.Fatalf("%+v", codes)
	}
	for _, c := range codes {
		n := NewCode{Name: c.Name, Definition: c.Definition, Color: c.Color}
		if err := n.Validate(); err != nil {
			t.Errorf("%s: %v", c.Name, err)
		}
	}
}
