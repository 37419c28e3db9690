package transcript

import (
	"strings"
	"testing"
)

// utter reads one line of plain talk the way captions are read.
func utter(s string) (*Utterance, []string) {
	u := &Utterance{Text: s, GapBefore: -1}
	var tok plainTokenizer
	tok.tokenize(u)
	var ws []string
	for _, t := range u.Tokens {
		if t.Kind == TokWord {
			ws = append(ws, t.Clean)
		}
	}
	return u, ws
}

func TestClassifyQuestion(t *testing.T) {
	for _, c := range []struct {
		s    string
		want QuestionType
	}{
		{"Do you want a drink?", QuestionPolar},
		{"You want the pasta?", QuestionPolar},
		{"So what would you like?", QuestionWh},
		{"You went where?", QuestionWh},
		{"Tea or coffee?", QuestionAlternative},
		{"What do you want, soup or pasta?", QuestionAlternative},
		{"Do you want to come or not?", QuestionPolar},
		{"It's cold, isn't it?", QuestionTag},
		{"You're coming, right?", QuestionTag},
		{"You like it don't you?", QuestionTag},
		{"Pardon?", QuestionOther},
		{"Pasta?", QuestionOther},
		{"Have some pasta.", QuestionNone},
		{"Really?=", QuestionOther},
	} {
		u, ws := utter(c.s)
		if got := ClassifyQuestion(u, ws); got != c.want {
			t.Errorf("%q: %v, want %v", c.s, got, c.want)
		}
	}
}

func TestClassifyActions(t *testing.T) {
	for _, c := range []struct {
		s                 string
		choice, directive bool
	}{
		{"Would you like tea?", true, false},
		{"Do you want the red one or the blue one?", true, false},
		{"Which one do you prefer?", true, false},
		{"What shall we do this afternoon?", true, false},
		{"It's up to you.", true, false},
		{"Do you like dogs?", false, false},
		{"Put your coat on.", false, true},
		{"Let's go.", false, true},
		{"Okay, sit down please.", false, true},
		{"You need to take your tablets.", false, true},
		{"Can you pass me the cup?", false, true},
		{"Can you remember her name?", false, false},
		{"Don't touch that.", false, true},
		{"I went to the shop.", false, false},
	} {
		u, ws := utter(c.s)
		q := ClassifyQuestion(u, ws)
		choice := IsChoiceOffer(u, ws, q)
		if choice != c.choice || IsDirective(u, ws, q, choice) != c.directive {
			t.Errorf("%q: choice %v directive %v, want %v %v", c.s, choice, IsDirective(u, ws, q, choice), c.choice, c.directive)
		}
	}
}

func TestClassifyAcknowledgementAndRepair(t *testing.T) {
	for _, c := range []struct {
		s              string
		afterQ         bool
		ack, continuer bool
	}{
		{"Okay.", false, true, false},
		{"Oh lovely.", false, true, false},
		{"I see.", false, true, false},
		{"Mhm.", false, true, true},
		{"Uh-huh.", false, true, true},
		{"Yes.", true, false, false},
		{"See.", false, false, false},
		{"Okay then I will go now.", false, false, false},
	} {
		u, ws := utter(c.s)
		ack, cont := Acknowledgement(u, ws, c.afterQ)
		if ack != c.ack || cont != c.continuer {
			t.Errorf("%q: ack %v continuer %v", c.s, ack, cont)
		}
	}
	_, prev := utter("We are going on Tuesday.")
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"What?", true}, {"Sorry?", true}, {"Excuse me?", true}, {"Come again?", true},
		{"What did you say?", true}, {"You're going where?", true}, {"On Tuesday?", true},
		{"Do you want tea?", false}, {"Sorry.", false},
	} {
		u, ws := utter(c.s)
		if got := IsRepairInitiation(u, ws, prev, true); got != c.want {
			t.Errorf("%q: repair %v, want %v", c.s, got, c.want)
		}
	}
	u, ws := utter("What?")
	if IsRepairInitiation(u, ws, prev, false) {
		t.Error("a speaker's own question after their own talk is not other-initiated repair")
	}
}

func TestTopicInitiation(t *testing.T) {
	recent := [][]string{strings.Fields("we could go to the park"), strings.Fields("the park is nice")}
	for _, c := range []struct {
		s     string
		first bool
		want  bool
	}{
		{"Hello Alex.", true, true},
		{"Okay.", true, false},
		{"Anyway, how is your sister?", false, true},
		{"By the way the park is shut.", false, true}, // "shut" is new
		{"Anyway, the park!", false, false},
		{"Did you see the football?", false, true},
		{"Is the park open?", false, false},
		{"Parks are nice.", false, false},
	} {
		u, ws := utter(c.s)
		if got := IsTopicInitiation(u, ws, recent, c.first, false); got != c.want {
			t.Errorf("%q: topic %v, want %v", c.s, got, c.want)
		}
	}
}
