package transcript

// QuestionType is the form of a question.
type QuestionType uint8

// Question types, in the order the classifier tries them: a question that
// offers options joined by "or" is an alternative question even when it
// starts with a wh-word ("what do you want, soup or pasta?").
const (
	QuestionNone QuestionType = iota
	QuestionTag
	QuestionAlternative
	QuestionWh
	QuestionPolar
	QuestionOther
)

var questionTypeNames = [...]string{"", "tag", "alternative", "wh", "polar", "other"}

func (q QuestionType) String() string { return questionTypeNames[q] }

// skipPrefaces returns the index of the first word after discourse
// prefaces ("so", "okay", "well" ...).
func skipPrefaces(ws []string) int {
	i := 0
	for i < len(ws)-1 && in(prefaces, ws[i]) {
		i++
	}
	return i
}

// ClassifyQuestion gives the form of a question utterance; ws are its
// spoken words in order (Token.Clean of TokWord tokens). It returns
// QuestionNone when u is not a question.
//
//   - tag: a statement followed by a tag after a break: "it's cold, isn't it?",
//     "you're coming, right?" (a comma, CHAT „ or ‡ before the tag);
//     or "...don't you?" — negative auxiliary and pronoun at the end;
//   - alternative: options joined by "or": "tea or coffee?", "do you want
//     the red one or the blue one?"; not "or not", "or something", "or what";
//   - wh: the first word after prefaces is a wh-word ("what would you
//     like?", "so where shall we go?"), or the last word is one ("you
//     went where?");
//   - polar: the first word after prefaces is an auxiliary ("do you want
//     a drink?") or a subject ("you want the pasta?", a declarative question);
//   - other: everything else ("pardon?", "pasta?").
func ClassifyQuestion(u *Utterance, ws []string) QuestionType {
	if !u.IsQuestion() {
		return QuestionNone
	}
	n := len(ws)
	if n == 0 {
		return QuestionOther
	}
	if isTagQuestion(u, ws) {
		return QuestionTag
	}
	for k := 1; k < n-1; k++ {
		if in(orWord, ws[k]) && !in(orTails, ws[k+1]) {
			return QuestionAlternative
		}
	}
	f := ws[skipPrefaces(ws)]
	switch {
	case in(whWords, f), n > 1 && in(whWords, ws[n-1]):
		return QuestionWh
	case in(auxWords, f), n > 1 && in(subjectWords, f):
		return QuestionPolar
	}
	return QuestionOther
}

var orWord = set("or")

// isTagQuestion looks at the words after the last break (comma, „, ‡).
func isTagQuestion(u *Utterance, ws []string) bool {
	n := len(ws)
	if n >= 3 && in(auxWords, ws[n-2]) && in(tagPronouns, ws[n-1]) && hasNegation(ws[n-2]) {
		return true
	}
	// words after the last break before the end
	after := -1
	count := 0
	for i := len(u.Tokens) - 1; i >= 0; i-- {
		t := u.Tokens[i]
		if t.Kind == TokSeparator || t.Kind == TokWord && count > 0 && endsWithComma(t.Text) {
			after = count
			break
		}
		if t.Kind == TokWord {
			count++
		}
	}
	if after < 1 || after > 2 || n-after < 2 {
		return false
	}
	if after == 1 {
		return in(oneWordTags, ws[n-1])
	}
	return in(auxWords, ws[n-2]) && in(tagPronouns, ws[n-1])
}

func hasNegation(w string) bool {
	return len(w) > 3 && (w[len(w)-3:] == "n't" || w[len(w)-3:] == "N'T")
}

func endsWithComma(s string) bool { return len(s) > 1 && s[len(s)-1] == ',' }
