package evidence

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

func TestParseFeedbackCSVReportsEveryBadRow(t *testing.T) {
	file := "service,listened,access,waiting,choice,information,comment\n" +
		"Kooth,4,5,,4,5,Good to talk at night\n" +
		"Nowhere Clinic,3,,,,,\n" +
		"kooth,9,,,,,\n" +
		"CAMHS Bristol,,,,,,\n" +
		"CAMHS Bristol,2,1\n" +
		"camhs bristol,1,2,1,2,2,\"Waited, and waited\"\n"
	rows, err := ParseFeedbackCSV(strings.NewReader(file), map[string]string{"Kooth": "s1", "CAMHS Bristol": "s2"})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		line     int
		valid    bool
		problem  string
		service  string
		listened int
	}{
		{2, true, "", "s1", 4},
		{3, false, "There is no service called “Nowhere Clinic” in this round", "", 3},
		{4, false, "Listened to me: “9” is not a score from 1 to 5", "s1", 0},
		{5, false, "Give at least one rating or a comment", "s2", 0},
		{6, false, "This row has 3 columns; it needs 7", "", 0},
		{7, true, "", "s2", 1},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i, w := range want {
		r := rows[i]
		if r.Line != w.line || r.Valid() != w.valid || r.ServiceID != w.service || r.Feedback.Ratings["listened"] != w.listened {
			t.Errorf("row %d = %+v", i, r)
		}
		if w.problem != "" && (len(r.Problems) != 1 || r.Problems[0] != w.problem) {
			t.Errorf("row %d problems = %q, want %q", i, r.Problems, w.problem)
		}
	}
	if rows[5].Feedback.Comment != "Waited, and waited" || len(rows[0].Feedback.Ratings) != 4 {
		t.Errorf("parsed = %+v / %+v", rows[5].Feedback, rows[0].Feedback)
	}
	for _, bad := range []string{"", "name,comment\nx,y\n", "service,listened,access,waiting,choice,information,comment\n"} {
		if _, err := ParseFeedbackCSV(strings.NewReader(bad), nil); apperr.Code(err) != apperr.Invalid {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestCheckVotes(t *testing.T) {
	ids := map[string]bool{"a": true, "b": true}
	if err := CheckVotes(map[string]int{"a": 3, "b": 2}, 5, ids); err != nil {
		t.Fatal(err)
	}
	err := CheckVotes(map[string]int{"a": 4, "b": 3}, 5, ids)
	if fs := apperr.FieldsOf(err); len(fs) != 1 || fs[0].Message != "You have placed 7 dots but you have 5. Take 2 off." {
		t.Fatalf("too many dots: %v", err)
	}
	if CheckVotes(map[string]int{"c": 1}, 5, ids) == nil || CheckVotes(map[string]int{"a": -1}, 5, ids) == nil {
		t.Fatal("foreign statement or negative dots accepted")
	}
}

func TestStatementsAndStepsValidate(t *testing.T) {
	ok := NewStatement{MemberID: "m", Body: "I choose who supports me", Links: []Link{{Kind: KindStory, ID: "s"}}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := NewStatement{MemberID: "m", Body: "Young people choose"}
	if fs := apperr.FieldsOf(bad.Validate()); len(fs) != 1 || fs[0].Field != "body" {
		t.Fatalf("not an I statement: %v", fs)
	}
	s := Step{Touchpoint: "GP", WhatHappened: "Referred to CAMHS", Feeling: 6}
	if fs := apperr.FieldsOf(s.Validate()); len(fs) != 1 || fs[0].Field != "feeling" {
		t.Fatalf("feeling 6: %v", fs)
	}
	if Feeling(1).Label() != "Very bad" || Feeling(5).Label() != "Very good" {
		t.Fatal("feeling words")
	}
}
