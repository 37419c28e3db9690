package tendercli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/tender"
)

// The worked example, computed by hand with exact fractions before the
// code was run. Files: testdata/itt.json and testdata/scores.csv.
//
// ITT: stake S = 20%, price weight 30%, so quality Q = 70%. Scale 0–5.
//
//	Q1 commissioner       weight 30
//	Q2 commissioner       weight 12 (written as the string "12")
//	Q3 lived experience   weight 12, minimum 2
//	Q4 joint              weight 16, lep_share 0.5 = 1/2, minimum 2
//
//	weights: 30 + 12 + 12 + 16 + 30 (price) = 100
//	stake:   lived experience weight = 12 + 16 × 1/2 = 20 = S
//
// Points per score point (weight ÷ 5 × the panel's share):
// Q1 6, Q2 12/5, Q3 12/5, Q4 8/5 for each panel.
//
//	bid  price        Q1  Q2  Q3  Q4 LEP/commissioner
//	A    £1,000,000   3   3   4   4 / 3
//	B    £1,000,000   3   4   3   3 / 4
//	C    £800,000     5   5   1   1 / 2
//
//	A: LEP = 4×12/5 + 4×8/5 = 48/5 + 32/5 = 16
//	   commissioner = 3×6 + 3×12/5 + 3×8/5 = 18 + 36/5 + 24/5 = 30; quality 46
//	B: LEP = 3×12/5 + 3×8/5 = 36/5 + 24/5 = 12
//	   commissioner = 18 + 4×12/5 + 4×8/5 = 18 + 48/5 + 32/5 = 34; quality 46
//	C: LEP = 12/5 + 8/5 = 4; commissioner = 30 + 12 + 16/5 = 226/5; quality 246/5 = 49.2
//	   Q3: 1 < 2, below the minimum. Q4 blended: 1/2 × 1 + 1/2 × 2 = 3/2 < 2,
//	   below the minimum too. C fails: no price score, no rank, total 49.2.
//
// Price: C is the cheapest but failed, so the lowest compliant price is
// £1,000,000 and A and B both score 1,000,000 ÷ 1,000,000 × 30 = 30.
//
// Totals: A 46 + 30 = 76, B 46 + 30 = 76: a tie. The default rule: highest
// quality (46 = 46, still level), then highest lived experience score
// (A 16 > B 12): A ranks 1, B 2. A wins.
//
// Sensitivity: at stake s, LEP parts × s/20, commissioner parts × (70 − s)/50.
//
//	A(s) = 30 + 16 s/20 + 30 (70 − s)/50 = 72 + s/5
//	B(s) = 30 + 12 s/20 + 34 (70 − s)/50 = 388/5 − 2s/25
//	A(s) − B(s) = 7/25 × (s − 20)
//
// so B leads below 20 and A above it; at 20 they are level and the
// tie-break gives it to A (qualities 42 + s/5 and 238/5 − 2s/25 are both 46;
// LEP 16 > 12). At s = 0: A 72, B 388/5 = 77.6, so B would have won: the
// lived experience panel's scores changed the winner. A stays the winner
// for every stake in [20, 70], both ends included.
func TestWorkedExampleJSON(t *testing.T) {
	code, out, errs := run(t, "", "score", "--itt", "testdata/itt.json", "--scores", "testdata/scores.csv", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got := decode(t, out)
	want := result{
		Winner: ptr("A"), WinnerAtZeroStake: ptr("B"), LEPChangedWinner: ptr(true),
		StakeRange: &stakeRange{From: 20, To: 70, FromIncluded: true, ToIncluded: true, FromExact: "20", ToExact: "70"},
		Bids: []bidResult{
			{ID: "A", Rank: ptr(1), Total: 76, Quality: 46, Price: 30, LEP: 16, Commissioner: 30, FailedCriteria: []string{}},
			{ID: "B", Rank: ptr(2), Total: 76, Quality: 46, Price: 30, LEP: 12, Commissioner: 34, FailedCriteria: []string{}},
			{ID: "C", Rank: nil, Total: 49.2, Quality: 49.2, Price: 0, LEP: 4, Commissioner: 45.2, Failed: true, FailedCriteria: []string{"Q3", "Q4"}},
		},
	}
	compare(t, got, want)
	if len(got.Ties) != 1 || got.Ties[0].Above != "A" || got.Ties[0].Below != "B" || got.Ties[0].DecidedBy != "highest_lep" {
		t.Errorf("ties %+v, want A above B by highest_lep", got.Ties)
	}
	if got.Bids[2].Exact.Commissioner != "45.2" || got.LowestCompliant != 100_000_000 {
		t.Errorf("C exact commissioner %q, lowest compliant %d", got.Bids[2].Exact.Commissioner, got.LowestCompliant)
	}
	q4 := got.Bids[2].Criteria[3]
	if q4.Score != 1.5 || !q4.BelowMinimum || q4.Scores["lived_experience"] != 1 || q4.Scores["commissioner"] != 2 {
		t.Errorf("C on Q4: %+v", q4)
	}
	// The field names, literally.
	for _, key := range []string{`"winner": "A"`, `"winner_at_zero_stake": "B"`, `"lep_changed_winner": true`,
		`"stake_range_same_winner": {`, `"rank": null`, `"failed": true`, `"failed_criteria": [`, `"quality_score": 46`,
		`"price_score": 30`, `"lep_score": 16`} {
		if !strings.Contains(out, key) {
			t.Errorf("JSON has no %s", key)
		}
	}
}

// TestStakeRangeWithAFraction: the worked example with B scoring 5 on Q2
// instead of 4. B's commissioner points rise by 12/5 to 182/5, quality
// 242/5 = 48.4, total 78.4: B wins outright at the committed stake.
//
//	A(s) = 72 + s/5 = 72 + 25s/125                         (as before)
//	B(s) = 30 + 12 s/20 + 182/5 × (70 − s)/50 = 10120/125 − 16s/125
//	A(s) − B(s) = (41s − 1120)/125
//
// They cross at s = 1120/41 = 27.31707…, published as 27.3171. There the
// totals are level, and so are the qualities (same price); A has the
// higher LEP score (16 s/20 > 12 s/20), so A wins at the crossing itself:
// B wins for [0, 1120/41), the upper end excluded. At 0, B still wins
// (72 < 80.96), so the lived experience panel did not change the winner.
func TestStakeRangeWithAFraction(t *testing.T) {
	scores := strings.Replace(readTestdata(t, "scores.csv"), "B,Q2,,4", "B,Q2,,5", 1)
	code, out, errs := run(t, scores, "score", "--itt", "testdata/itt.json", "--scores", "-", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got := decode(t, out)
	compare(t, got, result{
		Winner: ptr("B"), WinnerAtZeroStake: ptr("B"), LEPChangedWinner: ptr(false),
		StakeRange: &stakeRange{From: 0, To: 27.3171, FromIncluded: true, ToIncluded: false, FromExact: "0", ToExact: "1120/41"},
		Bids: []bidResult{
			{ID: "B", Rank: ptr(1), Total: 78.4, Quality: 48.4, Price: 30, LEP: 12, Commissioner: 36.4, FailedCriteria: []string{}},
			{ID: "A", Rank: ptr(2), Total: 76, Quality: 46, Price: 30, LEP: 16, Commissioner: 30, FailedCriteria: []string{}},
			{ID: "C", Rank: nil, Total: 49.2, Quality: 49.2, Price: 0, LEP: 4, Commissioner: 45.2, Failed: true, FailedCriteria: []string{"Q3", "Q4"}},
		},
	})
	if len(got.Ties) != 0 {
		t.Errorf("ties %+v", got.Ties)
	}
}

// TestRepeatingDecimals: with lep_share "1/3" on Q4 (weight 16) the stake
// is met by Q3 = 20 − 16/3 = 44/3, written "44/3"; Q1 becomes
// 70 − 12 − 16 − 44/3 = 82/3. One bid, every score 5, is worth the whole
// quality weight 70 plus price 30: 100 exactly, though its parts are
// thirds. Q4's LEP part is 16 × 1/3 = 16/3 = 5.3333 (rounded),
// commissioner part 32/3 = 10.6667.
func TestRepeatingDecimals(t *testing.T) {
	itt := `{"stake_percent": "20%", "price_weight_percent": 30, "criteria": [
	  {"id": "Q1", "weight_percent": "82/3", "panel": "commissioner"},
	  {"id": "Q2", "weight_percent": 12, "panel": "commissioner"},
	  {"id": "Q3", "weight_percent": "44/3", "panel": "lived_experience"},
	  {"id": "Q4", "weight_percent": 16, "panel": "joint", "lep_share": "1/3"}],
	  "bids": [{"id": "Solo", "price_pence": "1e8"}]}`
	csv := "criterion,bid,score,panel\nQ1,Solo,5,\nQ2,Solo,5,\nQ3,Solo,5,\nQ4,Solo,5,lived_experience\nQ4,Solo,5,commissioner\n"
	dir := t.TempDir()
	ittPath := write(t, dir, "itt.json", itt)
	code, out, errs := run(t, csv, "score", "--itt", ittPath, "--scores", "-", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got := decode(t, out)
	b := got.Bids[0]
	q4 := b.Criteria[3]
	if b.Total != 100 || b.Exact.Total != "100" || b.LEP != 20 || q4.LEPPart != 5.3333 || q4.CommissionerPart != 10.6667 {
		t.Errorf("Solo: %+v, Q4 %+v", b, q4)
	}
	if b.Criteria[0].Weight != 27.3333 || b.Exact.LEP != "20" {
		t.Errorf("Q1 weight %v, exact LEP %q", b.Criteria[0].Weight, b.Exact.LEP)
	}
}

// TestLevelAfterEveryRule: B is given A's scores (3, 3, 4, 4/3) at A's
// price, so the two are equal in total (76), quality (46), LEP (16) and
// price: level after every default rule. Nobody wins; both rank 1. Their
// totals are equal at every stake too (same parts), so the result, a tie,
// is the same at 0 and over the whole range [0, 70].
func TestLevelAfterEveryRule(t *testing.T) {
	scores := strings.NewReplacer("B,Q2,,4", "B,Q2,,3", "B,Q3,,3", "B,Q3,,4",
		"B,Q4,lived_experience,3", "B,Q4,lived_experience,4", "B,Q4,commissioner,4", "B,Q4,commissioner,3").
		Replace(readTestdata(t, "scores.csv"))
	code, out, errs := run(t, scores, "score", "--itt", "testdata/itt.json", "--scores", "-", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Winner       *string
		WinnerAtZero *string    `json:"winner_at_zero_stake"`
		TiedFirst    []string   `json:"tied_first"`
		TiedAtZero   []string   `json:"tied_at_zero_stake"`
		Changed      *bool      `json:"lep_changed_winner"`
		Range        stakeRange `json:"stake_range_same_winner"`
		Ties         []struct {
			DecidedBy string `json:"decided_by"`
		}
		Bids []struct {
			ID   string
			Rank *int
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Winner != nil || got.WinnerAtZero != nil || strings.Join(got.TiedFirst, ",") != "A,B" ||
		strings.Join(got.TiedAtZero, ",") != "A,B" || got.Changed == nil || *got.Changed {
		t.Errorf("winner %v at zero %v tied %v / %v changed %v", got.Winner, got.WinnerAtZero, got.TiedFirst, got.TiedAtZero, got.Changed)
	}
	if got.Range != (stakeRange{From: 0, To: 70, FromIncluded: true, ToIncluded: true, FromExact: "0", ToExact: "70"}) {
		t.Errorf("range %+v", got.Range)
	}
	if len(got.Ties) != 1 || got.Ties[0].DecidedBy != "" || *got.Bids[0].Rank != 1 || *got.Bids[1].Rank != 1 {
		t.Errorf("ties %+v bids %+v", got.Ties, got.Bids)
	}
	_, out, _ = run(t, scores, "score", "--itt", "testdata/itt.json", "--scores", "-")
	for _, want := range []string{"No winner: A and B are level in first place after every tie-break rule.",
		"1=      A (Alder Care)", "1=      B (Birch Support)", "and are level after every tie-break rule: they share a rank.",
		"A and B stay level in first place for any stake from 0% up to and including 70%"} {
		if !strings.Contains(out, want) {
			t.Errorf("text has no %q:\n%s", want, out)
		}
	}
}

// TestSameAsEngine: the CLI's JSON is the engine's report, byte for byte,
// of the same tender built in Go, so the web (which builds it from the
// database) and the CLI (which reads it from files) publish the same result.
func TestSameAsEngine(t *testing.T) {
	two := 2
	itt := tender.ITT{
		Title: "Community mental health support for young people", Stake: tender.Int(20), PriceWeight: tender.Int(30),
		Scale: tender.DefaultScale(),
		Criteria: []tender.Criterion{
			{ID: "Q1", Question: "How will you deliver the service?", Weight: tender.Int(30), Panel: tender.Commissioner},
			{ID: "Q2", Question: "How will you manage risk?", Weight: tender.Int(12), Panel: tender.Commissioner},
			{ID: "Q3", Question: "How will young people shape the service?", Weight: tender.Int(12), Panel: tender.LivedExperience, MinScore: &two},
			{ID: "Q4", Question: "How will you make the service accessible?", Weight: tender.Int(16), Panel: tender.Joint,
				LEPShare: tender.Frac(1, 2), MinScore: &two},
		},
	}
	bids := []tender.Bid{{ID: "A", Name: "Alder Care", PricePence: 100_000_000},
		{ID: "B", Name: "Birch Support", PricePence: 100_000_000}, {ID: "C", Name: "Cedar Health", PricePence: 80_000_000}}
	var scores []tender.Consensus
	for bid, s := range map[string][5]int{"A": {3, 3, 4, 4, 3}, "B": {3, 4, 3, 3, 4}, "C": {5, 5, 1, 1, 2}} {
		scores = append(scores,
			tender.Consensus{Bid: bid, Criterion: "Q1", Score: s[0]}, tender.Consensus{Bid: bid, Criterion: "Q2", Score: s[1]},
			tender.Consensus{Bid: bid, Criterion: "Q3", Score: s[2]},
			tender.Consensus{Bid: bid, Criterion: "Q4", Panel: tender.LivedExperience, Score: s[3]},
			tender.Consensus{Bid: bid, Criterion: "Q4", Panel: tender.Commissioner, Score: s[4]})
	}
	res, err := tender.Evaluate(itt, bids, scores)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := tender.NewReport(itt, res).WriteJSON(&want); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "score", "--itt", "testdata/itt.json", "--scores", "testdata/scores.csv", "--format", "json")
	if code != 0 || out != want.String() {
		t.Errorf("exit %d %s\nCLI:\n%s\nengine:\n%s", code, errs, out, want.String())
	}
}

func TestTextOutput(t *testing.T) {
	code, out, errs := run(t, "", "score", "--itt", "testdata/itt.json", "--scores", "testdata/scores.csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"Community mental health support for young people\n",
		"Lived experience stake 20%, price 30%, quality 70%; scores from 0 to 5.",
		"Winner: A (Alder Care)",
		"1       A (Alder Care)     76     46       16                30            30           £1,000,000.00\n",
		"failed  C (Cedar Health)   49.2   49.2     4                 45.2          0            £800,000.00\n",
		"A and B have the same total, 76. The tie-break puts A first: the bid with the higher score from the lived experience panel.",
		"C (Cedar Health): Q3 scored 1, below the minimum of 2; Q4 scored 1.5, below the minimum of 2.",
		"Q4  16%  both panels, lived experience share 0.5, minimum 2  How will you make the service accessible?",
		"  C    5 → 30  5 → 12   1 → 2.4 *  L1 C2 → 4.8 *\n",
		"the result would be: B (Birch Support).",
		"The lived experience panel's scores changed the winner.",
		"A (Alder Care) stays the winner for any stake from 20% up to and including 70% (the committed stake is 20%).",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output has no %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, " \n") {
		t.Error("trailing spaces in the text output")
	}
	scores := strings.Replace(readTestdata(t, "scores.csv"), "B,Q2,,4", "B,Q2,,5", 1)
	_, out, _ = run(t, scores, "score", "--itt", "testdata/itt.json", "--scores", "-", "--format", "text")
	if want := "B (Birch Support) stays the winner for any stake from 0% below 27.3171% (the committed stake is 20%; 27.3171% is 1120/41% exactly)."; !strings.Contains(out, want) {
		t.Errorf("text output has no %q:\n%s", want, out)
	}
}

// TestStakeInvariant: Q3 weighs 7 instead of 12, so the lived experience
// weight is 7 + 16 × 1/2 = 15, five points short of the stake of 20. The
// weights no longer add up either (95), but the stake is what is reported,
// with exit code 2, and both presets are offered.
func TestStakeInvariant(t *testing.T) {
	for _, c := range []struct {
		from, to string
		want     []string
	}{
		{`"weight_percent": 12, "panel": "lived_experience"`, `"weight_percent": 7, "panel": "lived_experience"`,
			[]string{"itt.json breaks the stake invariant", "weight is 15%, 5 percentage points less than the committed stake of 20%",
				"To fix it with stake_by_criteria", "Q3: 12%, lived_experience (", "has 7%, lived_experience)", "To fix it with stake_by_blend"}},
		{`"lep_share": 0.5`, `"lep_share": 0.55`,
			[]string{"weight is 20.8%, 0.8 percentage points more than the committed stake of 20%"}},
		{`"stake_percent": 20`, `"stake_percent": "62/3"`,
			[]string{"weight is 20%, 2/3 percentage points less than the committed stake of 62/3%"}},
	} {
		itt := strings.Replace(readTestdata(t, "itt.json"), c.from, c.to, 1)
		path := write(t, t.TempDir(), "itt.json", itt)
		code, out, errs := run(t, "", "score", "--itt", path, "--scores", "testdata/scores.csv", "--format", "json")
		if code != 2 || out != "" {
			t.Errorf("%s: exit %d, output %q; want 2 and nothing", c.to, code, out)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%s: message has no %q:\n%s", c.to, w, errs)
			}
		}
	}
}

func TestUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Usage:"},
		{[]string{"rank"}, 2, `unknown command "rank"`},
		{[]string{"help"}, 0, "coprod tender score --itt"},
		{[]string{"score", "--help"}, 0, "Exit status"},
		{[]string{"score", "--itt", "x.json"}, 2, "give both --itt and --scores"},
		{[]string{"score", "--itt", "-", "--scores", "-"}, 2, "only one of --itt and --scores"},
		{[]string{"score", "--itt", "a", "--scores", "b", "--format", "xml"}, 2, `unknown format "xml"`},
		{[]string{"score", "--itt", "a", "--scores", "b", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"score", "--bogus"}, 2, "flag provided but not defined"},
		{[]string{"score", "--itt", "testdata/nope.json", "--scores", "testdata/scores.csv"}, 1, "cannot read testdata/nope.json: no such file or directory"},
	} {
		code, out, errs := run(t, "", c.args...)
		if code != c.code || !strings.Contains(out+errs, c.want) {
			t.Errorf("%v: exit %d, want %d with %q; got %s%s", c.args, code, c.code, c.want, out, errs)
		}
	}
}

func TestBadITT(t *testing.T) {
	good := readTestdata(t, "itt.json")
	replace := func(pairs ...string) string { return strings.NewReplacer(pairs...).Replace(good) }
	manyBids := `{"stake_percent": 20, "price_weight_percent": 30, "criteria": [], "bids": [` +
		strings.Repeat(`{"id": "x", "price_pence": 1},`, maxBids) + `{"id": "y", "price_pence": 1}]}`
	for _, c := range []struct {
		name, itt string
		want      []string
	}{
		{"empty", "", []string{"itt.json: empty: expected a JSON object"}},
		{"syntax", replace(`"panel": "commissioner"},`, `"panel": "commissioner"}`), []string{"itt.json:8:6: not valid JSON: invalid character '{' after array element"}},
		{"unclosed", good[:100], []string{"itt.json: the JSON ends too early"}},
		{"trailing", good + "{}", []string{"itt.json:18:2: unexpected text after the end of the JSON object"}},
		{"array", "[1, 2]", []string{"itt.json: the file must be a JSON object {...}, not a list"}},
		{"unknown field", replace(`"min_score": 2}`, `"min_scores": 2}`), []string{
			"itt.json: criteria[2].min_scores: unknown field; each criterion may have id, title, guidance, weight_percent, panel, lep_share, min_score"}},
		{"twice", replace(`"stake_percent": 20,`, `"stake_percent": 20, "stake_percent": 25,`), []string{"itt.json: stake_percent: given twice"}},
		{"not a number", replace(`"weight_percent": 30`, `"weight_percent": true`), []string{"itt.json: criteria[0].weight_percent: must be a number, not true or false"}},
		{"bad decimal", replace(`"lep_share": 0.5`, `"lep_share": "half"`), []string{`itt.json: criteria[3].lep_share: "half" is not a number`}},
		{"long number", replace(`"lep_share": 0.5`, `"lep_share": 0.`+strings.Repeat("5", 70)), []string{`criteria[3].lep_share: "0.55555`}},
		{"pence", replace(`"price_pence": 80000000`, `"price_pence": 800000.5`), []string{"itt.json: bids[2].price_pence: must be a whole number, not 800000.5"}},
		{"zero price", replace(`"price_pence": 80000000`, `"price_pence": 0`), []string{"bids[2].price_pence: the price must be more than 0 because price has a weight"}},
		{"huge price", replace(`"price_pence": 80000000`, `"price_pence": 1e30`), []string{`bids[2].price_pence: "1000000000000000000000000000000" is too large`}},
		{"no price", replace(`, "price_pence": 80000000`, ``), []string{"bids[2].price_pence: missing"}},
		{"twice bid", replace(`"id": "B"`, `"id": "A"`), []string{`itt.json: bids[1].id: bid "A" is listed twice (also bids[0])`}},
		{"spaced bid", replace(`"id": "B"`, `"id": " B"`), []string{`bids[1].id: bid reference " B" must not start or end with spaces`}},
		{"no bids", replace(`"bids"`, `"bidz"`), []string{"itt.json: bidz: unknown field", "itt.json: bids: missing"}},
		{"panel", replace(`"panel": "lived_experience"`, `"panel": "lep"`), []string{`criteria[2].panel: unknown panel "lep" (use commissioner, lived_experience or joint)`}},
		{"no share", replace(`, "lep_share": 0.5`, ``), []string{"criteria[3].lep_share: missing: a joint criterion needs"}},
		{"scale", replace(`"scale_max": 5`, `"scale_max": 11`), []string{"itt.json: scale_max: the top of the scale must be between 1 and 10, not 11"}},
		{"tie break", replace(`"scale_max": 5,`, `"scale_max": 5, "tie_break": ["highest_lep", "coin_toss"],`), []string{`tie_break[1]: unknown tie-break rule "coin_toss"`}},
		{"id type", replace(`"id": "Q1"`, `"id": 1`), []string{"criteria[0].id: must be text in quotes, not the number \"1\""}},
		{"too many", manyBids, []string{"itt.json: bids: 201 items; at most 200 can be scored at once", "criteria: empty"}},
		// Checked by the engine, named as itt.json names them:
		{"weights", replace(`"weight_percent": 30`, `"weight_percent": 25`), []string{
			"itt.json: criteria: The weights add up to 95%: 5 percentage points short. Quality criteria and price must add up to 100%"}},
		{"id", replace(`"id": "Q2"`, `"id": "Q 2"`), []string{`itt.json: criteria[1].id: Criterion reference "Q 2" must be 20 characters or fewer, without spaces or slashes`}},
		{"minimum", replace(`"min_score": 2}`, `"min_score": 6}`), []string{"itt.json: criteria[2].min_score: The minimum score for Q3 must be between 0 and 5"}},
		{"share not joint", replace(`"panel": "lived_experience"`, `"panel": "lived_experience", "lep_share": 1`), []string{
			"itt.json: criteria[2].lep_share: Only criteria scored by both panels have a share"}},
		{"title", replace(`"title": "How will you manage risk?"`, `"title": "`+strings.Repeat("x", 2001)+`"`), []string{
			"itt.json: criteria[1].title: The question for Q2 must be 2000 characters or fewer"}},
	} {
		path := write(t, t.TempDir(), "itt.json", c.itt)
		code, out, errs := run(t, "", "score", "--itt", path, "--scores", "testdata/scores.csv")
		errs = strings.ReplaceAll(errs, filepath.Dir(path)+string(filepath.Separator), "")
		if code != 1 || out != "" {
			t.Errorf("%s: exit %d, output %q; want 1 and nothing", c.name, code, out)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%s: message has no %q:\n%s", c.name, w, errs)
			}
		}
	}
}

func TestBadScores(t *testing.T) {
	good := readTestdata(t, "scores.csv")
	replace := func(pairs ...string) string { return strings.NewReplacer(pairs...).Replace(good) }
	for _, c := range []struct {
		name, csv string
		want      []string
	}{
		{"empty", "", []string{"scores.csv: empty: the first line must be the header bid,criterion,score"}},
		{"no header", "A,Q1,3\n", []string{`scores.csv:1: the first line must be the header bid,criterion,score (with panel for joint criteria), not "A,Q1,3"`}},
		{"semicolons", "bid;criterion;score\n", []string{"scores.csv:1: the header \"bid;criterion;score\" is not separated by commas"}},
		{"unknown column", replace("bid,criterion,panel,score", "bid,criterion,panel,score,notes"), []string{`scores.csv:1: unknown column "notes" in the header`}},
		{"column twice", replace("bid,criterion,panel,score", "bid,criterion,panel,score,Score"), []string{"scores.csv:1: the column score is in the header twice"}},
		{"no score column", replace("bid,criterion,panel,score", "bid,criterion,panel,points"), []string{`unknown column "points"`}},
		{"missing column", "bid,score\n", []string{"scores.csv:1: the header has no criterion column"}},
		{"out of scale", replace("A,Q1,,3", "A,Q1,,6"), []string{"scores.csv:2: score 6 is outside the scale, 0 to 5"}},
		{"negative", replace("A,Q1,,3", "A,Q1,,-1"), []string{"scores.csv:2: score -1 is outside the scale, 0 to 5"}},
		{"not whole", replace("A,Q2,,3", "A,Q2,,3.5"), []string{"scores.csv:3: score 3.5 is not a whole number: consensus scores are whole points from 0 to 5"}},
		{"not a number", replace("A,Q2,,3", "A,Q2,,three"), []string{`scores.csv:3: score "three" is not a number`}},
		{"no score", replace("A,Q2,,3", "A,Q2,,"), []string{"scores.csv:3: no score"}},
		{"unknown bid", replace("B,Q2,,4", "D,Q2,,4"), []string{`scores.csv:8: bid "D" is not in the ITT's bids (A, B, C)`, "scores.csv:"}},
		{"unknown criterion", replace("C,Q3,,1", "C,Q9,,1"), []string{`scores.csv:14: criterion "Q9" is not in the ITT's criteria (Q1, Q2, Q3, Q4)`}},
		{"joint without panel", replace("A,Q4,commissioner,3", "A,Q4,,3"), []string{
			"scores.csv:6: Q4 is scored by both panels: say in the panel column which panel gave this score (commissioner or lived_experience)"}},
		{"no panel column", "bid,criterion,score\nA,Q4,3\n", []string{"scores.csv:2: Q4 is scored by both panels: add a panel column"}},
		{"wrong panel", replace("B,Q3,,3", "B,Q3,commissioner,3"), []string{"scores.csv:9: Q3 is scored by the lived experience panel, not the commissioner panel"}},
		{"unknown panel", replace("B,Q3,,3", "B,Q3,joint,3"), []string{`scores.csv:9: unknown panel "joint" (use commissioner or lived_experience)`}},
		{"duplicate", replace("B,Q1,,3", "B,Q1,,3\nB,Q1,commissioner,2"), []string{
			`scores.csv:8: a second score for bid "B" on Q1 from the commissioner panel; the first is on line 7`}},
		{"missing", replace("B,Q4,lived_experience,3\n", "", "C,Q1,,5\n", ""), []string{
			`scores.csv: no score for bid "B" on Q4 from the lived experience panel`, `scores.csv: no score for bid "C" on Q1 from the commissioner panel`}},
		{"cells", replace("A,Q2,,3", "A,Q2,,3,x"), []string{"scores.csv:3: 5 cells; the header has 4 (bid,criterion,panel,score)"}},
		{"quote", replace("A,Q2,,3", `A,"Q2,,3`), []string{`scores.csv:3: not valid CSV`}},
		{"bare quote", replace("A,Q2,,3", `A,Q"2,,3`), []string{`scores.csv:3: not valid CSV: bare " in non-quoted-field`}},
	} {
		path := write(t, t.TempDir(), "scores.csv", c.csv)
		code, out, errs := run(t, "", "score", "--itt", "testdata/itt.json", "--scores", path)
		errs = strings.ReplaceAll(errs, filepath.Dir(path)+string(filepath.Separator), "")
		if code != 1 || out != "" {
			t.Errorf("%s: exit %d, output %q; want 1 and nothing", c.name, code, out)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%s: message has no %q:\n%s", c.name, w, errs)
			}
		}
	}
}

// TestScoresAsSpreadsheetsWriteThem: a byte order mark, CRLF line ends,
// columns in another order and in capitals, spaces around cells, blank
// lines, a rationale with a quoted comma, and a panel given for a
// single-panel criterion are all fine.
func TestScoresAsSpreadsheetsWriteThem(t *testing.T) {
	var b strings.Builder
	b.WriteString("\ufeffScore, Panel ,Criterion,BID,rationale\r\n")
	for i, line := range strings.Split(strings.TrimSpace(readTestdata(t, "scores.csv")), "\n")[1:] {
		f := strings.Split(line, ",")
		if f[1] == "Q1" {
			f[2] = "commissioner"
		}
		b.WriteString(" " + f[3] + "," + f[2] + "," + f[1] + " , " + f[0] + `,"Strong, clear answer"` + "\r\n")
		if i == 3 {
			b.WriteString("\r\n,,,,\r\n")
		}
	}
	code, out, errs := run(t, b.String(), "score", "--itt", "testdata/itt.json", "--scores", "-", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, b.String())
	}
	if got := decode(t, out); got.Winner == nil || *got.Winner != "A" {
		t.Errorf("winner %v", got.Winner)
	}
}

// Helpers.

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func ptr[T any](v T) *T { return &v }

// result is the JSON output as a test reads it. Numbers are float64 here
// only to compare with the 4-decimal-place values written in the test.
type result struct {
	Winner            *string     `json:"winner"`
	WinnerAtZeroStake *string     `json:"winner_at_zero_stake"`
	LEPChangedWinner  *bool       `json:"lep_changed_winner"`
	StakeRange        *stakeRange `json:"stake_range_same_winner"`
	LowestCompliant   int64       `json:"lowest_compliant_price_pence"`
	Ties              []struct {
		Above, Below string
		DecidedBy    string `json:"decided_by"`
	} `json:"ties"`
	Bids []bidResult `json:"bids"`
}

type stakeRange struct {
	From         float64 `json:"from"`
	To           float64 `json:"to"`
	FromIncluded bool    `json:"from_included"`
	ToIncluded   bool    `json:"to_included"`
	FromExact    string  `json:"from_exact"`
	ToExact      string  `json:"to_exact"`
}

type bidResult struct {
	ID             string   `json:"id"`
	Rank           *int     `json:"rank"`
	Total          float64  `json:"total"`
	Quality        float64  `json:"quality_score"`
	Price          float64  `json:"price_score"`
	LEP            float64  `json:"lep_score"`
	Commissioner   float64  `json:"commissioner_score"`
	Failed         bool     `json:"failed"`
	FailedCriteria []string `json:"failed_criteria"`
	Criteria       []struct {
		Weight           float64        `json:"weight_percent"`
		Scores           map[string]int `json:"scores"`
		Score            float64        `json:"score"`
		LEPPart          float64        `json:"lep_part"`
		CommissionerPart float64        `json:"commissioner_part"`
		BelowMinimum     bool           `json:"below_minimum"`
	} `json:"criteria"`
	Exact struct {
		Total        string `json:"total"`
		LEP          string `json:"lep_score"`
		Commissioner string `json:"commissioner_score"`
	} `json:"exact"`
}

func decode(t *testing.T, out string) result {
	t.Helper()
	var r result
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	return r
}

func compare(t *testing.T, got, want result) {
	t.Helper()
	str := func(p *string) string {
		if p == nil {
			return "null"
		}
		return *p
	}
	if str(got.Winner) != str(want.Winner) || str(got.WinnerAtZeroStake) != str(want.WinnerAtZeroStake) ||
		(got.LEPChangedWinner == nil) != (want.LEPChangedWinner == nil) ||
		(got.LEPChangedWinner != nil && *got.LEPChangedWinner != *want.LEPChangedWinner) {
		t.Errorf("winner %s, at zero %s, changed %v; want %s, %s, %v", str(got.Winner), str(got.WinnerAtZeroStake),
			got.LEPChangedWinner, str(want.Winner), str(want.WinnerAtZeroStake), *want.LEPChangedWinner)
	}
	if (got.StakeRange == nil) != (want.StakeRange == nil) || (got.StakeRange != nil && *got.StakeRange != *want.StakeRange) {
		t.Errorf("stake range %+v, want %+v", got.StakeRange, want.StakeRange)
	}
	if len(got.Bids) != len(want.Bids) {
		t.Fatalf("%d bids, want %d", len(got.Bids), len(want.Bids))
	}
	for i, w := range want.Bids {
		g := got.Bids[i]
		rank := func(p *int) any {
			if p == nil {
				return nil
			}
			return *p
		}
		if g.ID != w.ID || rank(g.Rank) != rank(w.Rank) || g.Total != w.Total || g.Quality != w.Quality || g.Price != w.Price ||
			g.LEP != w.LEP || g.Commissioner != w.Commissioner || g.Failed != w.Failed ||
			strings.Join(g.FailedCriteria, ",") != strings.Join(w.FailedCriteria, ",") || g.FailedCriteria == nil {
			t.Errorf("bid %d: got %s rank %v total %v quality %v price %v lep %v com %v failed %v %v\n       want %s rank %v total %v quality %v price %v lep %v com %v failed %v %v",
				i, g.ID, rank(g.Rank), g.Total, g.Quality, g.Price, g.LEP, g.Commissioner, g.Failed, g.FailedCriteria,
				w.ID, rank(w.Rank), w.Total, w.Quality, w.Price, w.LEP, w.Commissioner, w.Failed, w.FailedCriteria)
		}
	}
}
