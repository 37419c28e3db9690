package readability

import (
	"strings"
	"testing"
)

// only returns a profile running just one rule.
func only(rule string, base Profile) Profile {
	base.Rules = map[string]bool{rule: true}
	return base
}

func issuesOf(text string, p Profile) []Issue {
	return AnalyzeText(text, p).Issues
}

// Each rule fires on a hand-made example, at the hand-counted place, and
// stays quiet on a fixed version.
func TestRulesFireAndDoNotFire(t *testing.T) {
	long := "We will write to you when we have looked at the form you sent us and checked it with the team who look after the service you asked about last week."
	cases := []struct {
		rule      string
		profile   Profile
		fires     string
		span      string // exact text flagged
		quiet     string
		suggestIn string
	}{
		{RuleSentenceTooLong, Plain(), long, long, "We will write to you soon.", "shorter"},
		{RuleSentenceTooLong, EasyRead(), "We will write to you when we have looked at the form you sent us last week.", "We will write to you when we have looked at the form you sent us last week.", "We will write to you soon.", "shorter"},
		{RulePassiveVoice, Plain(), "A letter will be sent to you.", "be sent", "We will send you a letter.", "who does"},
		{RulePassiveVoice, Plain(), "Your form was not received.", "was not received", "I am tired today.", "who does"},
		{RuleWordyPhrase, Plain(), "Call us in order to book.", "in order to", "Call us to book.", "\"to\""},
		{RuleWordyPhrase, Plain(), "Please call us prior to your visit.", "prior to", "Please call us before your visit.", "before"},
		{RuleJargon, Plain(), "Your care package starts on Monday.", "care package", "Your support starts on Monday.", "your support"},
		{RuleUnexpandedAcronym, Plain(), "Talk to the CQC about it.", "CQC", "Talk to the Care Quality Commission (CQC). The CQC can help.", "brackets"},
		{RuleNumberAsWord, Plain(), "Take three tablets.", "three", "Take 3 tablets, one at a time.", "3"},
		{RuleNumberAsWord, Plain(), "Wait twenty-one days.", "twenty-one", "Wait 21 days.", "21"},
		{RuleTimeFormat, Plain(), "Come at 14:30 please.", "14:30", "Come at 2:30pm please.", "2:30pm"},
		{RuleTimeFormat, Plain(), "Come at 1430 hrs please.", "1430 hrs", "Come at 2:30pm please.", "2:30pm"},
		{RuleTimeFormat, Plain(), "We close at 12 noon.", "12 noon", "We close at midday.", "midday"},
		// A phone number is not a time; "at 0900" is.
		{RuleTimeFormat, Plain(), "Come at 0900 please.", "0900", "Phone 0117 496 0123 to change it.", "9am"},
		{RuleAllCaps, Plain(), "PLEASE BRING THIS LETTER with you.", "PLEASE BRING THIS LETTER", "Please bring this letter with you.", "sentence case"},
		{RuleNegativeContraction, Plain(), "You can't park here.", "can't", "You cannot park here. You can park there.", "cannot"},
		{RuleNegativeContraction, Plain(), "We don\u2019t know yet.", "don\u2019t", "We do not know yet.", "do not"},
		{RuleLongWords, Plain(), "This is an unavoidable problem.", "unavoidable", "This is a problem we cannot avoid.", "shorter"},
		{RuleOneIdea, EasyRead(), "You can come to the group because it is free for you.", "because", "You can come to the group. It is free.", "own"},
		{RuleAmbiguousDate, Plain(), "Your visit is on 03/04/2026.", "03/04/2026", "Your visit is on 3 April 2026, or 25/12/2026.", "3 April 2026"},
	}
	for _, c := range cases {
		t.Run(c.rule+"/"+c.span, func(t *testing.T) {
			p := only(c.rule, c.profile)
			got := issuesOf(c.fires, p)
			if len(got) != 1 {
				t.Fatalf("%q: want 1 %s issue, got %d: %+v", c.fires, c.rule, len(got), got)
			}
			is := got[0]
			if is.Rule != c.rule || is.Text != c.span {
				t.Errorf("got %s %q, want %s %q", is.Rule, is.Text, c.rule, c.span)
			}
			wantStart := strings.Index(c.fires, c.span)
			if is.Start != wantStart || is.End != wantStart+len(c.span) {
				t.Errorf("offsets %d:%d, want %d:%d", is.Start, is.End, wantStart, wantStart+len(c.span))
			}
			if is.Line != 1 || is.Column != len([]rune(c.fires[:wantStart]))+1 {
				t.Errorf("position %d:%d, want 1:%d", is.Line, is.Column, len([]rune(c.fires[:wantStart]))+1)
			}
			if is.Message == "" || is.Explanation == "" || !strings.Contains(is.Suggestion, c.suggestIn) {
				t.Errorf("message %q, suggestion %q (want it to mention %q), explanation %q", is.Message, is.Suggestion, c.suggestIn, is.Explanation)
			}
			if quiet := issuesOf(c.quiet, p); len(quiet) != 0 {
				t.Errorf("%q: want no %s issue, got %+v", c.quiet, c.rule, quiet)
			}
		})
	}
}

// Positions in a multi-line text with non-ASCII characters before the
// issue: columns count characters, not bytes.
func TestIssuePositionsMultiLine(t *testing.T) {
	text := "Dear Zoë,\n\nWe’re glad — truly — to help.\n\nCafé visits cost £5. Call in order to book."
	r := AnalyzeText(text, only(RuleWordyPhrase, Plain()))
	if len(r.Issues) != 1 {
		t.Fatalf("want 1 issue, got %+v", r.Issues)
	}
	is := r.Issues[0]
	// line 5 is "Café visits cost £5. Call in order to book."; "in" is
	// character 27 (C-a-f-é = 4 characters, £ = 1).
	if is.Line != 5 || is.Column != 27 {
		t.Errorf("position %d:%d, want 5:27", is.Line, is.Column)
	}
	if text[is.Start:is.End] != "in order to" {
		t.Errorf("span %q", text[is.Start:is.End])
	}
}

func TestProfilesConfigurable(t *testing.T) {
	text := "Please come to the clinic on Monday morning and bring your letter and your tablets."
	p := Plain()
	if n := len(issuesOf(text, only(RuleSentenceTooLong, p))); n != 0 {
		t.Fatalf("15-word sentence flagged under plain: %d", n)
	}
	p.MaxSentenceWords = 10
	got := issuesOf(text, only(RuleSentenceTooLong, p))
	if len(got) != 1 || !strings.Contains(got[0].Message, "15 words") {
		t.Fatalf("custom threshold: %+v", got)
	}
	// a rule left out of Rules does not run
	p2 := Plain()
	delete(p2.Rules, RuleNegativeContraction)
	for _, is := range issuesOf("You can't park here.", p2) {
		if is.Rule == RuleNegativeContraction {
			t.Error("disabled rule ran")
		}
	}
	// one idea per sentence is Easy Read only
	if Plain().Rules[RuleOneIdea] || !EasyRead().Rules[RuleOneIdea] {
		t.Error("one-idea-per-sentence should be on for easyread only")
	}
	if pr, ok := ProfileByName("easyread"); !ok || pr.MaxSentenceWords != 15 {
		t.Error("easyread profile")
	}
	if _, ok := ProfileByName("nope"); ok {
		t.Error("unknown profile accepted")
	}
}

func TestWordyListSize(t *testing.T) {
	if len(wordyPhrases) < 150 {
		t.Errorf("only %d wordy phrases; want at least 150", len(wordyPhrases))
	}
	seen := map[string]bool{}
	for _, p := range wordyPhrases {
		if seen[p[0]] {
			t.Errorf("duplicate wordy phrase %q", p[0])
		}
		seen[p[0]] = true
	}
	for _, j := range jargonTerms {
		if j[1] == "" || j[2] == "" {
			t.Errorf("jargon %q needs an alternative and an explanation", j[0])
		}
	}
}

func TestGovUKExampleLetter(t *testing.T) {
	// A short realistic letter: every issue's text is its span.
	text := "Dear Mr Jones,\n\nRE: YOUR APPOINTMENT\n\nYour appointment has been scheduled for 09:30 on 05/06/2026. In order to attend, please don't be late. Contact PALS if you can't come.\n\nYours sincerely,\nThe Clinic"
	r := AnalyzeText(text, Plain())
	checkReport(t, r, text)
	rules := map[string]bool{}
	for _, is := range r.Issues {
		rules[is.Rule] = true
	}
	for _, want := range []string{RuleAllCaps, RulePassiveVoice, RuleTimeFormat, RuleAmbiguousDate, RuleWordyPhrase, RuleNegativeContraction, RuleUnexpandedAcronym} {
		if !rules[want] {
			t.Errorf("expected a %s issue; got %+v", want, r.Issues)
		}
	}
}
