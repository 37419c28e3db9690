package tender

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
)

var deadline = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// evaluationFixture is a closed tender with a 20% stake (price 30, Q1 by
// the commissioner panel 50, Q2 by the lived experience panel 20), two
// submitted bids, and two panels:
//
//   - commissioner: chairC (chair), evC, evC2, who declared a conflict with
//     bidder pb that nobody has managed, so they owe Q1 on bid A only;
//   - lived experience: chairL (chair), evL.
//
// chairC and evC2 have submitted; evC has two drafts; the lived experience
// panel has submitted and its chair has opened moderation and agreed both
// bids' Q2.
func evaluationFixture() *Evaluation {
	t := &Tender{ID: "T", ITT: ITT{Title: "Support", Stake: Int(20), PriceWeight: Int(30), Lots: DefaultLots(), Scale: DefaultScale(),
		TieBreak: DefaultTieBreak(),
		Criteria: []Criterion{
			{ID: "Q1", Question: "How?", Weight: Int(50), Panel: Commissioner},
			{ID: "Q2", Question: "With whom?", Weight: Int(20), Panel: LivedExperience},
		},
		Deadlines: Deadlines{Clarification: deadline.Add(-48 * time.Hour), Submission: deadline}},
		Moderation: map[Panel]bool{LivedExperience: true}}
	e := &Evaluation{Tender: t, Now: deadline.Add(time.Hour),
		Members: []PanelMember{
			{UserID: "chairC", Panel: Commissioner, Chair: true}, {UserID: "evC", Panel: Commissioner}, {UserID: "evC2", Panel: Commissioner},
			{UserID: "chairL", Panel: LivedExperience, Chair: true}, {UserID: "evL", Panel: LivedExperience},
		},
		Bids: []StoredBid{{ID: "A", BidderID: "pa", OrgName: "Able", PricePence: 100000}, {ID: "B", BidderID: "pb", OrgName: "Bright", PricePence: 90000}},
	}
	for _, m := range e.Members {
		for _, bidder := range []string{"pa", "pb"} {
			d := Declaration{Evaluator: m.UserID, Bidder: bidder}
			if m.UserID == "evC2" && bidder == "pb" {
				d.Conflict, d.Detail = true, "Trustee of Bright"
			}
			e.Declarations = append(e.Declarations, d)
		}
	}
	score := func(ev, bid, crit string, p Panel, n int, submitted bool) ScoreRecord {
		return ScoreRecord{IndividualScore: IndividualScore{Evaluator: ev, Bid: bid, Criterion: crit, Panel: p, Score: n}, Submitted: submitted}
	}
	e.Scores = []ScoreRecord{
		score("chairC", "A", "Q1", Commissioner, 4, true), score("chairC", "B", "Q1", Commissioner, 3, true),
		score("evC", "A", "Q1", Commissioner, 2, false), score("evC", "B", "Q1", Commissioner, 5, false),
		score("evC2", "A", "Q1", Commissioner, 3, true),
		score("chairL", "A", "Q2", LivedExperience, 4, true), score("chairL", "B", "Q2", LivedExperience, 4, true),
		score("evL", "A", "Q2", LivedExperience, 1, true), score("evL", "B", "Q2", LivedExperience, 2, true),
	}
	e.Consensus = []ConsensusRecord{
		{Consensus: Consensus{Bid: "A", Criterion: "Q2", Panel: LivedExperience, Score: 4, Rationale: "Agreed"}, RecordedBy: "chairL"},
		{Consensus: Consensus{Bid: "B", Criterion: "Q2", Panel: LivedExperience, Score: 3, Rationale: "Agreed"}, RecordedBy: "chairL"},
	}
	return e
}

// submitAll marks every score of evaluatorID submitted.
func submitAll(e *Evaluation, evaluatorID string) {
	for i := range e.Scores {
		if e.Scores[i].Evaluator == evaluatorID {
			e.Scores[i].Submitted = true
		}
	}
}

// openCommissionerModeration has evC submit, opens the commissioner
// panel's moderation and records its consensus on both bids' Q1.
func openCommissionerModeration(e *Evaluation) {
	submitAll(e, "evC")
	e.Tender.Moderation[Commissioner] = true
	e.Consensus = append(e.Consensus,
		ConsensusRecord{Consensus: Consensus{Bid: "A", Criterion: "Q1", Panel: Commissioner, Score: 3, Rationale: "Agreed"}, RecordedBy: "chairC"},
		ConsensusRecord{Consensus: Consensus{Bid: "B", Criterion: "Q1", Panel: Commissioner, Score: 4, Rationale: "Agreed"}, RecordedBy: "chairC"})
}

// wantErr checks err's code and message, or that it is nil for code "".
func wantErr(t *testing.T, name string, err error, code, message string) {
	t.Helper()
	if apperr.Code(err) != code || (code != "" && apperr.Message(err) != message) {
		t.Errorf("%s: %v (%s), want %s %q", name, err, apperr.Code(err), code, message)
	}
}

func TestEvaluationOwedAndProgress(t *testing.T) {
	e := evaluationFixture()
	owed := []struct {
		who   string
		panel Panel
		want  []string
	}{
		{"chairC", Commissioner, []string{"A/Q1", "B/Q1"}},
		{"evC2", Commissioner, []string{"A/Q1"}}, // the conflict excludes B
		{"evL", LivedExperience, []string{"A/Q2", "B/Q2"}},
	}
	for _, c := range owed {
		if got := e.Owed(c.who, c.panel); !slices.Equal(got, c.want) {
			t.Errorf("%s owes %v, want %v", c.who, got, c.want)
		}
	}
	want := []MemberProgress{{"chairC", true}, {"evC", false}, {"evC2", true}}
	if got := e.Progress(Commissioner); !slices.Equal(got, want) {
		t.Errorf("commissioner progress %v, want %v", got, want)
	}
	// A member who has not declared for every bidder has submitted nothing,
	// though an undeclared bid is not yet owed.
	e.Declarations = slices.DeleteFunc(e.Declarations, func(d Declaration) bool { return d.Evaluator == "evL" && d.Bidder == "pb" })
	if e.SubmittedAll("evL", LivedExperience) {
		t.Error("evL counted as submitted without declaring for pb")
	}
}

// keys lists scores as "evaluator/bid/criterion", or consensus as
// "panel/bid/criterion", in order.
func scoreKeys(ss []ScoreRecord) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Evaluator+"/"+s.Bid+"/"+s.Criterion)
	}
	return out
}

func consensusKeys(cs []ConsensusRecord) []string {
	var out []string
	for _, c := range cs {
		out = append(out, string(c.Panel)+"/"+c.Bid+"/"+c.Criterion)
	}
	return out
}

func TestEvaluationVisibleScores(t *testing.T) {
	lep := []string{"chairL/A/Q2", "chairL/B/Q2", "evL/A/Q2", "evL/B/Q2"}
	cases := []struct {
		name, viewer string
		open         bool // the commissioner panel's moderation opened, after evC submitted
		scores       []string
		consensus    []string
	}{
		{"drafts, sealed", "evC", false, []string{"evC/A/Q1", "evC/B/Q1"}, nil},
		{"submitted, sealed", "chairC", false, []string{"chairC/A/Q1", "chairC/B/Q1"}, nil},
		{"lived experience, open", "evL", false, lep, []string{"lived_experience/A/Q2", "lived_experience/B/Q2"}},
		{"lived experience chair, open", "chairL", false, lep, []string{"lived_experience/A/Q2", "lived_experience/B/Q2"}},
		{"on no panel", "lead", false, nil, nil},
		{"chair, open", "chairC", true,
			[]string{"chairC/A/Q1", "chairC/B/Q1", "evC/A/Q1", "evC/B/Q1", "evC2/A/Q1"},
			[]string{"commissioner/A/Q1", "commissioner/B/Q1"}},
		{"conflicted, open", "evC2", true, []string{"chairC/A/Q1", "evC/A/Q1", "evC2/A/Q1"}, []string{"commissioner/A/Q1"}},
		{"on no panel, open", "lead", true, nil, nil},
	}
	for _, c := range cases {
		e := evaluationFixture()
		if c.open {
			openCommissionerModeration(e)
		}
		if got := scoreKeys(e.VisibleScores(c.viewer)); !slices.Equal(got, c.scores) {
			t.Errorf("%s: %s sees scores %v, want %v", c.name, c.viewer, got, c.scores)
		}
		if got := consensusKeys(e.VisibleConsensus(c.viewer)); !slices.Equal(got, c.consensus) {
			t.Errorf("%s: %s sees consensus %v, want %v", c.name, c.viewer, got, c.consensus)
		}
	}
	// Opening moderation does not unseal a late evaluator's view: evC
	// has not submitted, so sees their own only.
	e := evaluationFixture()
	e.Tender.Moderation[Commissioner] = true
	if got, want := scoreKeys(e.VisibleScores("evC")), []string{"evC/A/Q1", "evC/B/Q1"}; !slices.Equal(got, want) {
		t.Errorf("late evaluator in moderation sees %v, want %v", got, want)
	}
}

func TestEvaluationDeclareAndMitigate(t *testing.T) {
	e := evaluationFixture()
	_, err := e.Declare("evC", "pb", true, "  ")
	if fs := apperr.FieldsOf(err); len(fs) != 1 || fs[0].Field != "detail-pb" || fs[0].Message != "Say what the conflict of interest is" {
		t.Errorf("a conflict without detail: %v", err)
	}
	_, err = e.Declare("lead", "pb", false, "")
	wantErr(t, "someone on no panel", err, apperr.Forbidden, "Only members of the tender's panels declare conflicts of interest.")
	if d, err := e.Declare("evC", "pb", true, "  Sister works there "); err != nil || d != (Declaration{Evaluator: "evC", Bidder: "pb", Conflict: true, Detail: "Sister works there"}) {
		t.Errorf("declaring: %+v, %v", d, err)
	}

	forbidden := "Only the chair of the evaluator's panel can manage their conflict, and nobody their own."
	cases := []struct {
		name, actor, evaluator, bidder, reason string
		code, message                          string
	}{
		{"no reason", "chairC", "evC2", "pb", " ", apperr.Invalid, "Check the form: Say how the conflict is managed"},
		{"not a chair", "evC", "evC2", "pb", "ok", apperr.Forbidden, forbidden},
		{"another panel's chair", "chairL", "evC2", "pb", "ok", apperr.Forbidden, forbidden},
		{"their own", "chairC", "chairC", "pb", "ok", apperr.Forbidden, forbidden},
		{"evaluator on no panel", "chairC", "lead", "pb", "ok", apperr.Forbidden, forbidden},
		{"no conflict declared", "chairC", "evC", "pb", "ok", apperr.NotFound, "No conflict declared by that evaluator for that bidder"},
		{"the chair", "chairC", "evC2", "pb", " Left the board in 2024 ", "", ""},
	}
	for _, c := range cases {
		m, err := e.Mitigate(c.actor, c.evaluator, c.bidder, c.reason)
		wantErr(t, c.name, err, c.code, c.message)
		if err == nil && m != (Mitigation{RecordedBy: "chairC", ByChair: true, Reason: "Left the board in 2024"}) {
			t.Errorf("%s: mitigation %+v", c.name, m)
		}
	}
}

func TestEvaluationSaveScore(t *testing.T) {
	ok := IndividualScore{Evaluator: "evC", Bid: "A", Criterion: "Q1", Panel: Commissioner, Score: 5, Comment: " Clear plan "}
	with := func(change func(*IndividualScore)) IndividualScore { s := ok; change(&s); return s }
	cases := []struct {
		name          string
		setup         func(*Evaluation)
		score         IndividualScore
		code, message string
	}{
		{"before the deadline", func(e *Evaluation) { e.Now = deadline.Add(-time.Second) }, ok,
			apperr.Conflict, "Scoring starts when bids close, after the submission deadline."},
		{"after the award", func(e *Evaluation) { e.Tender.Awarded = true }, ok,
			apperr.Conflict, "This tender has been awarded; scores can no longer change."},
		{"on no panel", nil, with(func(s *IndividualScore) { s.Evaluator = "lead" }),
			apperr.Forbidden, "Only members of the commissioner panel score for it."},
		{"for another panel", nil, with(func(s *IndividualScore) { s.Panel = LivedExperience }),
			apperr.Forbidden, "Only members of the lived experience panel score for it."},
		{"in moderation", nil, IndividualScore{Evaluator: "evL", Bid: "A", Criterion: "Q2", Panel: LivedExperience, Score: 3},
			apperr.Conflict, "Moderation has started; individual scores can no longer change."},
		{"no such bid", nil, with(func(s *IndividualScore) { s.Bid = "Z" }), apperr.NotFound, "No such bid"},
		{"excluded by a conflict", nil, with(func(s *IndividualScore) { s.Evaluator, s.Bid = "evC2", "B" }),
			apperr.Forbidden, "You declared a conflict of interest with this bidder, so you cannot see or score their bid unless the panel chair records how it is managed."},
		{"another panel's criterion", nil, with(func(s *IndividualScore) { s.Criterion = "Q2" }), apperr.NotFound, "Your panel does not score that criterion"},
		{"off the scale", nil, with(func(s *IndividualScore) { s.Score = 6 }), apperr.Invalid, "Check the form: Choose a score from 0 to 5 for Q1"},
		{"below the scale", nil, with(func(s *IndividualScore) { s.Score = -1 }), apperr.Invalid, "Check the form: Choose a score from 0 to 5 for Q1"},
		{"already submitted", nil, with(func(s *IndividualScore) { s.Evaluator = "chairC" }),
			apperr.Conflict, "You have submitted your scores, so they can no longer change."},
		{"a draft changed", nil, ok, "", ""},
		{"at the deadline", func(e *Evaluation) { e.Now = deadline }, ok, "", ""},
	}
	for _, c := range cases {
		e := evaluationFixture()
		if c.setup != nil {
			c.setup(e)
		}
		got, err := e.SaveScore(c.score)
		wantErr(t, c.name, err, c.code, c.message)
		if err == nil && got.Comment != "Clear plan" {
			t.Errorf("%s: comment %q not trimmed", c.name, got.Comment)
		}
	}
	_, err := evaluationFixture().SaveScore(with(func(s *IndividualScore) { s.Score = 9 }))
	if fs := apperr.FieldsOf(err); len(fs) != 1 || fs[0].Field != "score-Q1" {
		t.Errorf("score field: %+v", fs)
	}
}

func TestEvaluationSubmit(t *testing.T) {
	cases := []struct {
		name, who     string
		panel         Panel
		setup         func(*Evaluation)
		n             int
		code, message string
	}{
		{"every score given", "evC", Commissioner, nil, 2, "", ""},
		{"again, once submitted", "chairC", Commissioner, nil, 2, "", ""},
		{"excluded from one bid", "evC2", Commissioner, nil, 1, "", ""},
		{"one missing", "evC", Commissioner, func(e *Evaluation) { e.Scores = slices.Delete(e.Scores, 3, 4) }, 0,
			apperr.Invalid, "You have 1 scores still to give. Score every criterion of every bid before you submit."},
		{"undeclared", "evC", Commissioner, func(e *Evaluation) { e.Declarations = e.Declarations[:2] }, 0,
			apperr.Invalid, "Declare your interests for every bidder before you submit your scores."},
		{"another panel", "evC", LivedExperience, nil, 0, apperr.Forbidden, "Only members of the lived experience panel score for it."},
		{"after the award", "evC", Commissioner, func(e *Evaluation) { e.Tender.Awarded = true }, 0,
			apperr.Conflict, "This tender has been awarded; scores can no longer change."},
	}
	for _, c := range cases {
		e := evaluationFixture()
		if c.setup != nil {
			c.setup(e)
		}
		n, err := e.Submit(c.who, c.panel)
		wantErr(t, c.name, err, c.code, c.message)
		if n != c.n {
			t.Errorf("%s: %d scores sealed, want %d", c.name, n, c.n)
		}
	}
}

func TestEvaluationOpenModeration(t *testing.T) {
	cases := []struct {
		name, actor   string
		panel         Panel
		setup         func(*Evaluation)
		code, message string
	}{
		{"no such panel", "chairC", Joint, nil, apperr.NotFound, "No such panel"},
		{"before the deadline", "chairC", Commissioner, func(e *Evaluation) { e.Now = deadline.Add(-time.Minute) },
			apperr.Conflict, "Scoring starts when bids close, after the submission deadline."},
		{"not the chair", "evC", Commissioner, func(e *Evaluation) { submitAll(e, "evC") }, apperr.Conflict, "Only the panel chair can open moderation."},
		{"another panel's chair", "chairL", Commissioner, func(e *Evaluation) { submitAll(e, "evC") },
			apperr.Conflict, "Only the panel chair can open moderation."},
		{"a member still scoring", "chairC", Commissioner, nil, apperr.Conflict, "1 member has not submitted all their scores yet."},
		{"already open", "chairL", LivedExperience, nil, apperr.Conflict, "Moderation is already open."},
		{"everyone submitted", "chairC", Commissioner, func(e *Evaluation) { submitAll(e, "evC") }, "", ""},
	}
	for _, c := range cases {
		e := evaluationFixture()
		if c.setup != nil {
			c.setup(e)
		}
		wantErr(t, c.name, e.OpenModeration(c.actor, c.panel), c.code, c.message)
	}
}

// declareConflict turns evaluatorID's declaration about bidderID into a
// conflict, with the mitigation m (nil for none).
func declareConflict(e *Evaluation, evaluatorID, bidderID string, m *Mitigation) {
	for i := range e.Declarations {
		if d := &e.Declarations[i]; d.Evaluator == evaluatorID && d.Bidder == bidderID {
			d.Conflict, d.Detail, d.Mitigation = true, "Trustee", m
		}
	}
}

func TestEvaluationRecordConsensus(t *testing.T) {
	ok := Consensus{Bid: "A", Criterion: "Q2", Panel: LivedExperience, Score: 3, Rationale: " Talked it through "}
	with := func(change func(*Consensus)) Consensus { c := ok; change(&c); return c }
	cases := []struct {
		name, actor   string
		c             Consensus
		setup         func(*Evaluation)
		code, message string
	}{
		{"a member", "evL", ok, nil, apperr.Forbidden, "Only the chair of the lived experience panel records its consensus scores."},
		{"another panel's chair", "chairC", ok, nil, apperr.Forbidden, "Only the chair of the lived experience panel records its consensus scores."},
		{"before moderation", "chairC", with(func(c *Consensus) { c.Panel, c.Criterion = Commissioner, "Q1" }), nil,
			apperr.Conflict, "Consensus scores are recorded in moderation, before the award."},
		{"after the award", "chairL", ok, func(e *Evaluation) { e.Tender.Awarded = true },
			apperr.Conflict, "Consensus scores are recorded in moderation, before the award."},
		{"another panel's criterion", "chairL", with(func(c *Consensus) { c.Criterion = "Q1" }), nil,
			apperr.NotFound, "The panel does not score that criterion"},
		{"off the scale, no rationale", "chairL", with(func(c *Consensus) { c.Score, c.Rationale = 6, " " }), nil,
			apperr.Invalid, "Check the form: Choose a score from 0 to 5"},
		{"no such bid", "chairL", with(func(c *Consensus) { c.Bid = "Z" }), nil, apperr.NotFound, "No such bid"},
		{"a chair conflicted from the bid", "chairL", ok, func(e *Evaluation) { declareConflict(e, "chairL", "pa", nil) },
			apperr.Forbidden, "You declared a conflict of interest with this bidder, so you cannot see or score their bid unless the panel chair records how it is managed."},
		{"a conflicted chair who managed it themselves", "chairL", ok,
			func(e *Evaluation) {
				declareConflict(e, "chairL", "pa", &Mitigation{RecordedBy: "chairL", ByChair: true, Reason: "Left in 2024"})
			},
			apperr.Forbidden, "Nobody can manage their own conflict of interest, including the chair."},
		{"a chair who has not declared about the bidder", "chairL", ok,
			func(e *Evaluation) {
				e.Declarations = slices.DeleteFunc(e.Declarations, func(d Declaration) bool { return d.Evaluator == "chairL" && d.Bidder == "pa" })
			},
			apperr.Forbidden, "Declare whether you have a conflict of interest with this bidder before you see their bid."},
		{"a chair conflicted from the other bid only", "chairL", ok, func(e *Evaluation) { declareConflict(e, "chairL", "pb", nil) }, "", ""},
		{"the chair in moderation", "chairL", ok, nil, "", ""},
	}
	for _, c := range cases {
		e := evaluationFixture()
		if c.setup != nil {
			c.setup(e)
		}
		got, err := e.RecordConsensus(c.actor, c.c)
		wantErr(t, c.name, err, c.code, c.message)
		if err == nil && got.Rationale != "Talked it through" {
			t.Errorf("%s: rationale %q not trimmed", c.name, got.Rationale)
		}
	}
	_, err := evaluationFixture().RecordConsensus("chairL", with(func(c *Consensus) { c.Score, c.Rationale = -1, "" }))
	if fs := apperr.FieldsOf(err); len(fs) != 2 || fs[0].Field != "score" || fs[1].Field != "rationale" {
		t.Errorf("consensus fields: %+v", fs)
	}
}

// TestEvaluationAward works the award out by hand. Q1 (50) and Q2 (20) on
// a 0–5 scale, price 30, lowest price 90,000p:
//
//	A: 3/5×50 + 4/5×20 + 90000/100000×30 = 30 + 16 + 27 = 73
//	B: 4/5×50 + 3/5×20 + 30              = 40 + 12 + 30 = 82, first.
//
// A notice on Monday 1 June 2026 starts the standstill on Tuesday 2 June;
// its eighth working day is Thursday 11 June.
func TestEvaluationAward(t *testing.T) {
	notice := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name, winner, reason string
		notice               time.Time
		setup                func(*Evaluation)
		code, message        string
	}{
		{"no reason", "B", " ", notice, openCommissionerModeration, apperr.Invalid, "Check the form: Write the reason for the decision"},
		{"twice", "B", "Ranked first", notice, func(e *Evaluation) { openCommissionerModeration(e); e.Tender.Awarded = true },
			apperr.Conflict, "This tender has already been awarded."},
		{"consensus missing", "B", "Ranked first", notice, nil, apperr.Invalid, ""},
		{"not ranked first", "A", "Cheaper to run", notice, openCommissionerModeration, apperr.Invalid, "Check the form: Award the contract to the bid ranked first"},
		{"before the bank holiday rules", "B", "Ranked first", time.Date(1999, 12, 27, 0, 0, 0, 0, time.UTC), openCommissionerModeration, apperr.Invalid, ""},
		{"the winner", "B", " Ranked first ", notice, openCommissionerModeration, "", ""},
	}
	for _, c := range cases {
		e := evaluationFixture()
		if c.setup != nil {
			c.setup(e)
		}
		a, err := e.Award("lead", c.winner, c.reason, c.notice)
		if apperr.Code(err) != c.code || (c.message != "" && apperr.Message(err) != c.message) {
			t.Errorf("%s: %v (%s), want %s %q", c.name, err, apperr.Code(err), c.code, c.message)
		}
		if err != nil {
			continue
		}
		want := AwardDecision{TenderID: "T", WinnerBidID: "B", Reason: "Ranked first", DecidedBy: "lead", DecidedAt: e.Now,
			NoticeOn: notice, StandstillEnd: time.Date(2026, 6, 11, 0, 0, 0, 0, time.UTC)}
		if *a != want {
			t.Errorf("%s: %+v, want %+v", c.name, *a, want)
		}
	}
	e := evaluationFixture()
	openCommissionerModeration(e)
	_, err := e.Award("lead", "B", "Ranked first", time.Date(1999, 12, 27, 0, 0, 0, 0, time.UTC))
	if fs := apperr.FieldsOf(err); len(fs) != 1 || fs[0].Field != "notice_on" || !strings.HasPrefix(fs[0].Message, "The standstill cannot be worked out for that date: ") {
		t.Errorf("standstill before the rules: %v", err)
	}
}
