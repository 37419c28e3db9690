package web

import (
	"bytes"
	"mime/multipart"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

// fieldNames are the fields err has problems with, in order.
func fieldNames(err error) []string {
	var out []string
	for _, f := range apperr.FieldsOf(err) {
		out = append(out, f.Field)
	}
	return out
}

// TestNewRoundFormKeepsOnlyAnOrganisationOnOffer: an organisation id the
// reader was not offered reads as no choice, so Validate asks for one.
func TestNewRoundFormKeepsOnlyAnOrganisationOnOffer(t *testing.T) {
	t.Parallel()
	orgs := []auth.Organisation{{ID: "icb"}, {ID: "council"}}
	f := url.Values{"org_id": {"council"}, "title": {"Crisis care"}, "care_area": {"Mental health"}, "purpose": {"measures"},
		"stake": {"20"}, "starts_on": {"1 April 2027"}, "ends_on": {"31 March 2028"}}
	want := round.NewRound{OrgID: "council", Title: "Crisis care", CareArea: "Mental health", Purpose: "measures",
		Stake: "20", StartsOn: "1 April 2027", EndsOn: "31 March 2028"}
	if got := newRoundForm(f, orgs); !reflect.DeepEqual(got, want) {
		t.Errorf("offered organisation: got %+v, want %+v", got, want)
	}
	f.Set("org_id", "someone-elses")
	if got := newRoundForm(f, orgs); got.OrgID != "" {
		t.Errorf("an organisation not offered was kept: %q", got.OrgID)
	}
}

func TestNewMemberFormReadsEveryListAndConsent(t *testing.T) {
	t.Parallel()
	f := url.Values{"pseudonym": {"Sam"}, "adjustments": {"bsl", "easy_read"}, "formats": {"large_print"},
		"consent": {"take_part", "quote"}}
	got := newMemberForm(f)
	if got.Pseudonym != "Sam" || !reflect.DeepEqual(got.Adjustments, []string{"bsl", "easy_read"}) ||
		!reflect.DeepEqual(got.Formats, []string{"large_print"}) ||
		!reflect.DeepEqual(got.Consents, []round.ConsentPurpose{round.ConsentTakePart, round.ConsentQuote}) {
		t.Errorf("got %+v", got)
	}
}

func TestConsentFormNeedsAGivenOrWithdrawnDecision(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		decision  string
		given, ok bool
	}{{"given", true, true}, {"withdrawn", false, true}, {"", false, false}, {"maybe", false, false}} {
		purpose, given, err := consentForm(url.Values{"purpose": {"quote"}, "decision": {c.decision}})
		if !c.ok {
			if names := fieldNames(err); !reflect.DeepEqual(names, []string{"decision"}) {
				t.Errorf("decision %q: problems with %v, want decision", c.decision, names)
			}
			continue
		}
		if err != nil || purpose != round.ConsentQuote || given != c.given {
			t.Errorf("decision %q = %q %v %v", c.decision, purpose, given, err)
		}
	}
}

// TestDotsFormReadsWholeNumbersPerStatement: spaces are trimmed, an empty
// field places no dots, other fields are ignored, and a word is a problem
// on its own field only.
func TestDotsFormReadsWholeNumbersPerStatement(t *testing.T) {
	t.Parallel()
	alloc, err := dotsForm(url.Values{"dots_a": {"2"}, "dots_b": {" 3 "}, "dots_c": {""}, "dots_d": {"two"}, "dots": {"9"}, "q": {"1"}})
	if want := map[string]int{"a": 2, "b": 3}; !reflect.DeepEqual(alloc, want) {
		t.Errorf("alloc = %v, want %v", alloc, want)
	}
	if names := fieldNames(err); !reflect.DeepEqual(names, []string{"dots_d"}) {
		t.Errorf("problems with %v, want dots_d", names)
	}
	if alloc, err := dotsForm(url.Values{"dots_a": {"0"}}); err != nil || !reflect.DeepEqual(alloc, map[string]int{"a": 0}) {
		t.Errorf("taking dots off = %v %v", alloc, err)
	}
}

func TestVotingFormNeedsAWholeNumberOfDots(t *testing.T) {
	t.Parallel()
	v, dots, err := votingForm(url.Values{"voting": {"open"}, "dots": {" 5 "}})
	if err != nil || v != round.VotingOpen || dots != 5 {
		t.Errorf("open with 5 = %q %d %v", v, dots, err)
	}
	if _, _, err := votingForm(url.Values{"voting": {"open"}, "dots": {"five"}}); !reflect.DeepEqual(fieldNames(err), []string{"dots"}) {
		t.Errorf("five in words: %v", err)
	}
}

func TestTagFormTakesATaggableKindAndAnID(t *testing.T) {
	t.Parallel()
	kind, id, err := tagForm(url.Values{"item": {"feedback:f-1"}})
	if err != nil || kind != evidence.KindFeedback || id != "f-1" {
		t.Errorf("feedback:f-1 = %q %q %v", kind, id, err)
	}
	for _, item := range []string{"", "story:", "story", "member:m-1"} {
		if _, _, err := tagForm(url.Values{"item": {item}}); !reflect.DeepEqual(fieldNames(err), []string{"item"}) {
			t.Errorf("item %q: %v", item, err)
		}
	}
}

// TestFeedbackFormAsksEveryDimension: a score is read, "rather not" leaves
// the dimension out, and a dimension left unanswered is a problem, as is a
// facilitator not saying whose feedback it is.
func TestFeedbackFormAsksEveryDimension(t *testing.T) {
	t.Parallel()
	a := url.Values{"rating_listened": {"4"}, "rating_access": {notRated}, "rating_waiting": {"1"}, "rating_choice": {"5"},
		"comment": {"Kind staff"}}
	n, fs := feedbackForm(a, "")
	if want := map[string]int{"listened": 4, "waiting": 1, "choice": 5}; !reflect.DeepEqual(n.Ratings, want) || n.Comment != "Kind staff" {
		t.Errorf("read %+v, want ratings %v", n, want)
	}
	var names []string
	for _, f := range fs {
		names = append(names, f.Field)
	}
	if want := []string{"rating_information", "member_id"}; !reflect.DeepEqual(names, want) {
		t.Errorf("problems with %v, want %v", names, want)
	}
	if fs[0].Message != "Information I could understand: choose a score, or that you would rather not rate it" {
		t.Errorf("message %q", fs[0].Message)
	}
}

func TestStatementAndStepForms(t *testing.T) {
	t.Parallel()
	st := newStatementForm(url.Values{"body": {"I choose who supports me"}, "links": {"story:s-1", "factor:f-2"}}, "m-1")
	want := evidence.NewStatement{MemberID: "m-1", Body: "I choose who supports me",
		Links: []evidence.Link{{Kind: evidence.KindStory, ID: "s-1"}, {Kind: evidence.KindFactor, ID: "f-2"}}}
	if !reflect.DeepEqual(st, want) {
		t.Errorf("statement %+v, want %+v", st, want)
	}
	if step := stepForm(url.Values{"touchpoint": {"GP"}, "feeling": {"4"}}); step.Touchpoint != "GP" || step.Feeling != 4 {
		t.Errorf("step %+v", step)
	}
	if step := stepForm(url.Values{"feeling": {"good"}}); step.Feeling != 0 {
		t.Errorf("a feeling in words read as %d, want none", step.Feeling)
	}
}

// TestImportFileFormReadsTheUpload: the file's text, a form without a
// file, and a body that is not a multipart form at all.
func TestImportFileFormReadsTheUpload(t *testing.T) {
	t.Parallel()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, _ := mw.CreateFormFile("file", "feedback.csv")
	w.Write([]byte("service,comment\nCrisis line,Quick\n"))
	mw.Close()
	r := httptest.NewRequest("POST", "/rounds/r/services/import", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	if text, err := importFileForm(r); err != nil || text != "service,comment\nCrisis line,Quick\n" {
		t.Errorf("upload = %q %v", text, err)
	}

	body.Reset()
	mw = multipart.NewWriter(&body)
	mw.WriteField("other", "x")
	mw.Close()
	r = httptest.NewRequest("POST", "/rounds/r/services/import", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	if _, err := importFileForm(r); fieldNames(err) == nil || apperr.FieldsOf(err)[0].Message != "Choose a CSV file to upload" {
		t.Errorf("no file: %v", err)
	}

	r = httptest.NewRequest("POST", "/rounds/r/services/import", strings.NewReader("file=x"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if _, err := importFileForm(r); fieldNames(err) == nil || apperr.FieldsOf(err)[0].Message != "The file must be a CSV file smaller than 1 MB" {
		t.Errorf("not multipart: %v", err)
	}
}
