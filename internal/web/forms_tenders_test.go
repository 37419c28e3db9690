package web

import (
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/tender"
)

// TestParseITTReadsTheEditor: the blank row is dropped, a joint criterion
// keeps its share, a deadline typed with a space is read, and every number
// that does not read is a field error on its own field, worded for it.
func TestParseITTReadsTheEditor(t *testing.T) {
	t.Parallel()
	f := url.Values{"title": {" Support "}, "price_weight_percent": {"30"}, "deadlines.submission": {"2027-03-15 12:00"},
		"criteria[0].id": {"Q1"}, "criteria[0].question": {"How?"}, "criteria[0].weight_percent": {"50"}, "criteria[0].panel": {"joint"},
		"criteria[0].lep_share": {"0.4"}, "criteria[0].min_score": {"2"},
		"criteria[1].id": {""}, "criteria[1].question": {""}, "criteria[1].weight_percent": {""}} // the blank row
	itt, fs := parseITT(f, tender.ITT{Stake: tender.Int(20)})
	if len(fs) != 0 {
		t.Fatalf("problems: %+v", fs)
	}
	if itt.Title != "Support" || itt.PriceWeight.String() != "30" || len(itt.Criteria) != 1 || itt.Stake.String() != "20" {
		t.Fatalf("read %+v", itt)
	}
	c := itt.Criteria[0]
	if c.ID != "Q1" || c.Weight.String() != "50" || c.Panel != tender.Joint || c.LEPShare.String() != "0.4" || c.MinScore == nil || *c.MinScore != 2 {
		t.Errorf("criterion %+v (share %s)", c, c.LEPShare)
	}
	if want := time.Date(2027, 3, 15, 12, 0, 0, 0, time.UTC); !itt.Deadlines.Submission.Equal(want) || !itt.Deadlines.Clarification.IsZero() {
		t.Errorf("deadlines %+v", itt.Deadlines)
	}

	bad := url.Values{"price_weight_percent": {"thirty"}, "deadlines.clarification": {"next week"}, "scale.max": {"five"},
		"criteria[0].id": {"Q1"}, "criteria[0].weight_percent": {"lots"}, "criteria[0].panel": {"joint"}, "criteria[0].lep_share": {"half"},
		"criteria[0].min_score": {"2.5"}}
	_, fs = parseITT(bad, tender.ITT{})
	want := map[string]string{
		"price_weight_percent":       "Enter the price weight as a percentage, like 30",
		"deadlines.clarification":    "Enter the date and time like 2027-03-31 12:00",
		"scale.max":                  "Enter the top of the scale as a whole number, like 5",
		"criteria[0].weight_percent": "Enter the weight of criterion 1 as a percentage, like 20",
		"criteria[0].lep_share":      "Enter the lived experience panel's share of criterion 1 as a number between 0 and 1, like 0.5",
		"criteria[0].min_score":      "Enter the minimum score of criterion 1 as a whole number",
	}
	got := map[string]string{}
	for _, e := range fs {
		got[e.Field] = e.Message
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %v\nwant %v", got, want)
	}
}

// TestITTFormRoundTrips: the editor's values for a saved ITT read back as
// the same ITT, so opening and saving the editor changes nothing.
func TestITTFormRoundTrips(t *testing.T) {
	t.Parallel()
	two := 2
	share, _ := tender.ParseDecimal("0.5")
	saved := tender.ITT{Title: "Support", Stake: tender.Int(20), PriceWeight: tender.Int(30), Scale: tender.DefaultScale(),
		TieBreak:  []tender.TieBreakKey{tender.TieBreakRules()[1]},
		Deadlines: tender.Deadlines{Submission: time.Date(2027, 3, 15, 12, 0, 0, 0, time.UTC)},
		Criteria: []tender.Criterion{{ID: "Q1", Question: "How?", Weight: tender.Int(50), Panel: tender.Commissioner, MinScore: &two},
			{ID: "Q2", Question: "With whom?", Weight: tender.Int(20), Panel: tender.Joint, LEPShare: share}}}
	got, fs := parseITT(ittForm(saved), tender.ITT{Stake: tender.Int(20)})
	if len(fs) != 0 {
		t.Fatalf("problems: %+v", fs)
	}
	if !reflect.DeepEqual(ittForm(got), ittForm(saved)) || !slices.Equal(got.TieBreak, saved.TieBreak) || len(got.Scale.Descriptors) != 6 {
		t.Errorf("read back\n%v\nwant\n%v", ittForm(got), ittForm(saved))
	}
}

// TestBidFormPrice: a price in pounds with a sign and commas is pence; no
// price is 0 (a draft may leave it); a word is a field error on price.
func TestBidFormPrice(t *testing.T) {
	t.Parallel()
	itt := tender.ITT{Criteria: []tender.Criterion{{ID: "Q1"}, {ID: "Q2"}}}
	b, err := newBidForm(url.Values{"price": {"£1,250,000.50"}, "answer-Q1": {"We will."}, "answer-Q3": {"not asked"}}, itt)
	if err != nil || b.Pence != 125000050 || !reflect.DeepEqual(b.Answers, map[string]string{"Q1": "We will.", "Q2": ""}) {
		t.Errorf("read %+v, %v", b, err)
	}
	if b, err := newBidForm(url.Values{}, itt); err != nil || b.Pence != 0 {
		t.Errorf("no price: %+v, %v", b, err)
	}
	if _, err := newBidForm(url.Values{"price": {"lots"}}, itt); !slices.Equal(fieldNames(err), []string{"price"}) {
		t.Errorf("a word for the price: %v", err)
	}
	if got := bidFormValues(&tender.StoredBid{PricePence: 125000050, Answers: map[string]string{"Q1": "We will."}}); got.Get("price") != "1250000.50" || got.Get("answer-Q1") != "We will." {
		t.Errorf("saved bid as the form: %v", got)
	}
}

// TestDeclarationsFormAsksAboutEveryBidder: a bidder left unanswered is a
// field error naming them; the answers given are read.
func TestDeclarationsFormAsksAboutEveryBidder(t *testing.T) {
	t.Parallel()
	bidders := []tender.Bidder{{ID: "pa", OrgName: "Able"}, {ID: "pb", OrgName: "Bright"}, {ID: "pc", OrgName: "Clear"}}
	f := url.Values{"conflict-pa": {"no"}, "conflict-pc": {"yes"}, "detail-pc": {"Trustee"}}
	ds, fs := newDeclarationsForm(f, bidders)
	want := []declarationForm{{Bidder: "pa"}, {Bidder: "pc", Conflict: true, Detail: "Trustee"}}
	if !reflect.DeepEqual(ds, want) {
		t.Errorf("declarations %+v, want %+v", ds, want)
	}
	if len(fs) != 1 || fs[0].Field != "conflict-pb" || fs[0].Message != "Say whether you have a conflict of interest with Bright" {
		t.Errorf("problems %+v", fs)
	}
}

// TestScoresFormSkipsTheUnscored: a criterion with no score is left out
// (a partial save), and a score that is not a whole number reads as -1 so
// the scale refuses it.
func TestScoresFormSkipsTheUnscored(t *testing.T) {
	t.Parallel()
	criteria := []tender.Criterion{{ID: "Q1"}, {ID: "Q2"}, {ID: "Q3"}}
	base := tender.IndividualScore{Evaluator: "ev", Bid: "A", Panel: tender.Commissioner}
	f := url.Values{"score-Q1": {"4"}, "comment-Q1": {"Clear"}, "comment-Q2": {"No score yet"}, "score-Q3": {"four"}}
	want := []tender.IndividualScore{
		{Evaluator: "ev", Bid: "A", Panel: tender.Commissioner, Criterion: "Q1", Score: 4, Comment: "Clear"},
		{Evaluator: "ev", Bid: "A", Panel: tender.Commissioner, Criterion: "Q3", Score: -1},
	}
	if got := newScoresForm(f, criteria, base); !reflect.DeepEqual(got, want) {
		t.Errorf("scores %+v, want %+v", got, want)
	}
	mine := map[string]tender.ScoreRecord{"A/Q1": {IndividualScore: want[0]}, "B/Q2": {IndividualScore: tender.IndividualScore{Score: 1}}}
	if got := scoresFormValues(criteria, mine, "A"); !reflect.DeepEqual(got, url.Values{"score-Q1": {"4"}, "comment-Q1": {"Clear"}}) {
		t.Errorf("saved scores as the form: %v", got)
	}
	// One bid's consensus form: the panel's criteria only (Q1 is the
	// commissioners'), empty ones left out, other bids' fields ignored.
	panels := []tender.Criterion{{ID: "Q1", Panel: tender.Commissioner}, {ID: "Q2", Panel: tender.LivedExperience}, {ID: "Q3", Panel: tender.Joint}, {ID: "Q4", Panel: tender.LivedExperience}}
	cf := url.Values{"score-A-Q1": {"4"}, "rationale-A-Q2": {"Agreed"}, "score-A-Q3": {"3"}, "rationale-A-Q3": {"Close"}, "score-B-Q4": {"1"}}
	got, err := newConsensusForm(cf, "A", tender.LivedExperience, panels)
	wantCons := []tender.Consensus{{Bid: "A", Criterion: "Q2", Panel: tender.LivedExperience, Score: -1, Rationale: "Agreed"},
		{Bid: "A", Criterion: "Q3", Panel: tender.LivedExperience, Score: 3, Rationale: "Close"}}
	if err != nil || !reflect.DeepEqual(got, wantCons) {
		t.Errorf("consensus %+v %v, want %+v", got, err, wantCons)
	}
	if _, err := newConsensusForm(url.Values{}, "A", tender.LivedExperience, panels); len(apperr.FieldsOf(err)) != 1 || apperr.FieldsOf(err)[0].Field != "score-A-Q2" {
		t.Errorf("an empty consensus form: %v", err)
	}
}

// TestAwardFormNoticeDate: the notice date is read as a day in UTC; a date
// that does not read is a field error on it.
func TestAwardFormNoticeDate(t *testing.T) {
	t.Parallel()
	a, err := newAwardForm(url.Values{"winner": {"B"}, "reason": {"Ranked first"}, "notice_on": {"1 June 2026"}})
	if err != nil || a != (awardForm{Winner: "B", Reason: "Ranked first", NoticeOn: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)}) {
		t.Errorf("read %+v, %v", a, err)
	}
	if _, err := newAwardForm(url.Values{"notice_on": {"soon"}}); !slices.Equal(fieldNames(err), []string{"notice_on"}) {
		t.Errorf("no real date: %v", err)
	}
}

// TestDeadlinesAreUKTime: a tender's deadlines are typed in UK time (the
// date-time control's value, or what was typed without one) and kept in
// UTC; the editor writes them back in UK time. BST runs from 01:00 UTC on
// 28 March 2027 to 01:00 UTC on 31 October 2027.
func TestDeadlinesAreUKTime(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ typed, want string }{
		{"2027-06-10T18:30", "2027-06-10T17:30:00Z"},
		{"2027-12-09T18:30", "2027-12-09T18:30:00Z"},
		{"2027-06-10 18:30", "2027-06-10T17:30:00Z"},
		{"2027-10-31T01:30", "2027-10-31T00:30:00Z"}, // happens twice: the first
		{"2027-03-28T01:30", ""},                     // never happens
		{"10 June 2027 18:30", ""},
	} {
		got, m := parseDeadline(c.typed)
		if c.want == "" {
			if m == "" {
				t.Errorf("%q read as %v, want refused", c.typed, got)
			}
			continue
		}
		if m != "" || got.Format(time.RFC3339) != c.want {
			t.Errorf("%q = %v %q, want %s", c.typed, got, m, c.want)
		}
		if back := formDeadline(got); back != strings.Replace(c.typed, " ", "T", 1) {
			t.Errorf("%s written back as %q", c.want, back)
		}
	}
	if _, m := parseDeadline("2027-03-28T01:30"); !strings.HasPrefix(m, "That time does not exist in the UK") {
		t.Errorf("the skipped hour: %q", m)
	}
}

// TestBidPriceAsTyped: a saved price goes back into the box as people type
// it (the hint's form), without the £ or the separators pages show.
func TestBidPriceAsTyped(t *testing.T) {
	t.Parallel()
	for p, want := range map[int64]string{125000050: "1250000.50", 5: "0.05", 118000000: "1180000.00"} {
		if got := bidFormValues(&tender.StoredBid{PricePence: p}).Get("price"); got != want {
			t.Errorf("%d pence in the box: %q, want %q", p, got, want)
		}
	}
}
