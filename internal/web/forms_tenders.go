package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/tender"
)

// The tenders area's forms: what commissioners, bidders and evaluators
// type, turned into the tender package's values, with problems reading a
// number or a date as field errors on the field to fix; and the stored
// values written back as form values, for editing.

// formTime is how a date-time control sends its value: a UK date and
// time, kept in UTC once read.
const formTime = "2006-01-02T15:04"

// formDeadline writes a stored moment as the date-time control's UK value.
func formDeadline(t time.Time) string { return t.In(round.London).Format(formTime) }

// parseDeadline reads a date-time control's value (or what was typed in
// a browser without one, "2027-03-31 12:00") as UK time: a time the clocks
// skip is refused, one they repeat is the first (as round.ParseLondon).
func parseDeadline(v string) (time.Time, string) {
	date, clock, ok := strings.Cut(strings.Replace(v, " ", "T", 1), "T")
	if _, err := time.Parse(formTime, date+"T"+clock); !ok || err != nil {
		return time.Time{}, "Enter the date and time like 2027-03-31 12:00"
	}
	at, m := round.ParseLondon(date, clock)
	if m != "" {
		return time.Time{}, strings.ToUpper(m[:1]) + m[1:]
	}
	return at, ""
}

// ittForm writes an ITT as the editor's form values.
func ittForm(itt tender.ITT) url.Values {
	f := url.Values{}
	f.Set("title", itt.Title)
	f.Set("price_weight_percent", itt.PriceWeight.String())
	if !itt.Deadlines.Clarification.IsZero() {
		f.Set("deadlines.clarification", formDeadline(itt.Deadlines.Clarification))
	}
	if !itt.Deadlines.Submission.IsZero() {
		f.Set("deadlines.submission", formDeadline(itt.Deadlines.Submission))
	}
	f.Set("specification_id", itt.SpecificationID)
	f.Set("scale.max", strconv.Itoa(itt.Scale.Max))
	f.Set("scale.descriptors", strings.Join(itt.Scale.Descriptors, "\n"))
	for i, k := range itt.TieBreak {
		f.Set("tie_break["+strconv.Itoa(i)+"]", string(k))
	}
	for i, c := range itt.Criteria {
		p := "criteria[" + strconv.Itoa(i) + "]."
		f.Set(p+"id", c.ID)
		f.Set(p+"question", c.Question)
		f.Set(p+"guidance", c.Guidance)
		f.Set(p+"weight_percent", c.Weight.String())
		f.Set(p+"panel", string(c.Panel))
		if c.Panel == tender.Joint {
			f.Set(p+"lep_share", c.LEPShare.String())
		}
		if c.MinScore != nil {
			f.Set(p+"min_score", strconv.Itoa(*c.MinScore))
		}
	}
	return f
}

// parseITT reads the editor's form over the saved ITT, collecting every
// problem with a number or date as a field error.
func parseITT(f url.Values, base tender.ITT) (tender.ITT, []apperr.FieldError) {
	var fs []apperr.FieldError
	bad := func(field, msg string) { fs = append(fs, apperr.FieldError{Field: field, Message: msg}) }
	itt := base
	itt.Title = strings.TrimSpace(f.Get("title"))
	if v, err := tender.ParsePercent(f.Get("price_weight_percent")); err != nil {
		bad("price_weight_percent", "Enter the price weight as a percentage, like 30")
	} else {
		itt.PriceWeight = v
	}
	for _, k := range []string{"deadlines.clarification", "deadlines.submission"} {
		v := strings.TrimSpace(f.Get(k))
		var at time.Time
		if v != "" {
			var m string
			// A browser without a date-time control sends what was typed.
			if at, m = parseDeadline(v); m != "" {
				bad(k, m)
			}
		}
		if k == "deadlines.clarification" {
			itt.Deadlines.Clarification = at
		} else {
			itt.Deadlines.Submission = at
		}
	}
	if _, ok := f["scale.max"]; ok {
		if n, err := strconv.Atoi(strings.TrimSpace(f.Get("scale.max"))); err != nil {
			bad("scale.max", "Enter the top of the scale as a whole number, like 5")
		} else {
			itt.Scale = parseScale(n, f.Get("scale.descriptors"))
		}
	}
	if _, ok := f["specification_id"]; ok {
		itt.SpecificationID = strings.TrimSpace(f.Get("specification_id"))
	}
	if _, ok := f["tie_break[0]"]; ok {
		itt.TieBreak = nil
		for i := range tender.TieBreakRules() { // each rule at most once
			if k := strings.TrimSpace(f.Get("tie_break[" + strconv.Itoa(i) + "]")); k != "" {
				itt.TieBreak = append(itt.TieBreak, tender.TieBreakKey(k))
			}
		}
	}
	itt.Criteria = nil
	for i := 0; i < 50; i++ {
		p := "criteria[" + strconv.Itoa(i) + "]."
		if _, ok := f[p+"id"]; !ok {
			break
		}
		c := tender.Criterion{ID: strings.TrimSpace(f.Get(p + "id")), Question: strings.TrimSpace(f.Get(p + "question")),
			Guidance: strings.TrimSpace(f.Get(p + "guidance")), Panel: tender.Panel(f.Get(p + "panel"))}
		if c.ID == "" && c.Question == "" && strings.TrimSpace(f.Get(p+"weight_percent")) == "" {
			continue // the blank row
		}
		if w, err := tender.ParsePercent(f.Get(p + "weight_percent")); err != nil {
			bad(p+"weight_percent", "Enter the weight of criterion "+strconv.Itoa(i+1)+" as a percentage, like 20")
		} else {
			c.Weight = w
		}
		if c.Panel == tender.Joint {
			if b, err := tender.ParseDecimal(f.Get(p + "lep_share")); err != nil {
				bad(p+"lep_share", "Enter the lived experience panel's share of criterion "+strconv.Itoa(i+1)+" as a number between 0 and 1, like 0.5")
			} else {
				c.LEPShare = b
			}
		}
		if m := strings.TrimSpace(f.Get(p + "min_score")); m != "" {
			if n, err := strconv.Atoi(m); err != nil {
				bad(p+"min_score", "Enter the minimum score of criterion "+strconv.Itoa(i+1)+" as a whole number")
			} else {
				c.MinScore = &n
			}
		}
		itt.Criteria = append(itt.Criteria, c)
	}
	return itt, fs
}

// parseScale reads the scale's top and its descriptors, one line for each
// point from 0 up; blank lines are dropped, so a missing descriptor shows
// as a count that does not match. With no descriptors, the top of the
// default scale takes the default descriptors.
func parseScale(max int, text string) tender.Scale {
	sc := tender.Scale{Max: max}
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			sc.Descriptors = append(sc.Descriptors, line)
		}
	}
	if def := tender.DefaultScale(); len(sc.Descriptors) == 0 && max == def.Max {
		sc.Descriptors = def.Descriptors
	}
	return sc
}

// mergeForm is the editor's form after a refused save: what was typed, or,
// when it read cleanly, the ITT as saved would be (a preset's criteria).
func mergeForm(f url.Values, itt tender.ITT, parsed bool) url.Values {
	if !parsed {
		return f
	}
	out := ittForm(itt)
	out.Set("reason", f.Get("reason"))
	return out
}

// panelForm is the add-to-panel form.
type panelForm struct {
	Email string
	Panel tender.Panel
	Chair bool
}

func newPanelForm(f url.Values) panelForm {
	return panelForm{Email: strings.ToLower(strings.TrimSpace(f.Get("email"))), Panel: tender.Panel(f.Get("panel")), Chair: f.Get("chair") == "yes"}
}

// bidForm is the bid form's answers, one for every criterion of the ITT,
// and its price in pence (0 when none was given).
type bidForm struct {
	Answers map[string]string
	Pence   int64
}

func newBidForm(f url.Values, itt tender.ITT) (bidForm, error) {
	b := bidForm{Answers: map[string]string{}}
	for _, c := range itt.Criteria {
		b.Answers[c.ID] = f.Get("answer-" + c.ID)
	}
	if p := f.Get("price"); p != "" {
		var msg string
		if b.Pence, msg = round.ParsePounds(p); msg != "" {
			return b, apperr.Fields([]apperr.FieldError{{Field: "price", Message: msg}})
		}
	}
	return b, nil
}

// bidFormValues writes a saved bid as the bid form's values.
func bidFormValues(b *tender.StoredBid) url.Values {
	f := url.Values{}
	if b == nil {
		return f
	}
	// As typed in the box (its hint's form), without the £ and separators.
	f.Set("price", strconv.FormatInt(b.PricePence/100, 10)+"."+strconv.FormatInt(100+b.PricePence%100, 10)[1:])
	for k, a := range b.Answers {
		f.Set("answer-"+k, a)
	}
	return f
}

// answerForm is a commissioner's answer to a clarification question.
type answerForm struct {
	Answer, PrivateReason string
	Public                bool // to every bidder, not only the one who asked
}

func newAnswerForm(f url.Values) answerForm {
	return answerForm{Answer: f.Get("answer"), Public: f.Get("to") != "asker", PrivateReason: f.Get("private_reason")}
}

// declarationForm is an evaluator's answer about one bidder.
type declarationForm struct {
	Bidder   string
	Conflict bool
	Detail   string
}

// newDeclarationsForm reads the declarations form, one answer for each
// bidder; a bidder with no answer is a field error on its question.
func newDeclarationsForm(f url.Values, bidders []tender.Bidder) ([]declarationForm, []apperr.FieldError) {
	var out []declarationForm
	var fs []apperr.FieldError
	for _, b := range bidders {
		answer := f.Get("conflict-" + b.ID)
		if answer == "" {
			fs = append(fs, apperr.FieldError{Field: "conflict-" + b.ID, Message: "Say whether you have a conflict of interest with " + b.OrgName})
			continue
		}
		out = append(out, declarationForm{Bidder: b.ID, Conflict: answer == "yes", Detail: f.Get("detail-" + b.ID)})
	}
	return out, fs
}

// newScoresForm reads an evaluator's scores of one bid, as base (the
// evaluator, bid and panel) on each of criteria given a score; a score
// that is not a whole number reads as -1, which the scale refuses with
// its own message. Criteria left unscored are left out: a partial save
// is fine.
func newScoresForm(f url.Values, criteria []tender.Criterion, base tender.IndividualScore) []tender.IndividualScore {
	var out []tender.IndividualScore
	for _, c := range criteria {
		raw := f.Get("score-" + c.ID)
		if raw == "" {
			continue
		}
		sc := base
		sc.Criterion, sc.Score, sc.Comment = c.ID, wholeOrMinus(raw), f.Get("comment-"+c.ID)
		out = append(out, sc)
	}
	return out
}

// scoresFormValues writes an evaluator's saved scores of bidID as the
// scoring form's values.
func scoresFormValues(criteria []tender.Criterion, mine map[string]tender.ScoreRecord, bidID string) url.Values {
	f := url.Values{}
	for _, c := range criteria {
		if sc, ok := mine[bidID+"/"+c.ID]; ok {
			f.Set("score-"+c.ID, strconv.Itoa(sc.Score))
			f.Set("comment-"+c.ID, sc.Comment)
		}
	}
	return f
}

// newConsensusForm reads the chair's agreed scores of bidID, one bid's
// form: for each criterion panel scores, "score-BID-Q1" and
// "rationale-BID-Q1" (bid ids have no hyphen). A criterion left empty is left out; a score that is
// not a whole number reads as -1, as above. An empty form is a field error.
func newConsensusForm(f url.Values, bidID string, panel tender.Panel, criteria []tender.Criterion) ([]tender.Consensus, error) {
	var out []tender.Consensus
	first := ""
	for _, c := range criteria {
		if !c.ScoredBy(panel) {
			continue
		}
		key := bidID + "-" + c.ID
		if first == "" {
			first = key
		}
		score, why := strings.TrimSpace(f.Get("score-"+key)), f.Get("rationale-"+key)
		if score == "" && strings.TrimSpace(why) == "" {
			continue
		}
		out = append(out, tender.Consensus{Bid: bidID, Criterion: c.ID, Panel: panel, Score: wholeOrMinus(score), Rationale: why})
	}
	if len(out) == 0 {
		return nil, apperr.Fields([]apperr.FieldError{{Field: "score-" + first, Message: "Enter the agreed score and the reason for at least one question"}})
	}
	return out, nil
}

// wholeOrMinus reads a whole number, or -1 for anything else.
func wholeOrMinus(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// awardForm is the award decision's form.
type awardForm struct {
	Winner, Reason string
	NoticeOn       time.Time
}

func newAwardForm(f url.Values) (awardForm, error) {
	a := awardForm{Winner: f.Get("winner"), Reason: f.Get("reason")}
	notice, msg := round.ParseDate(f.Get("notice_on"))
	if msg != "" {
		return a, apperr.Fields([]apperr.FieldError{{Field: "notice_on", Message: msg}})
	}
	a.NoticeOn = notice.In(time.UTC)
	return a, nil
}
