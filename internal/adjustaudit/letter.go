package adjustaudit

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/coprod/coprod/readability"
)

// MaxLetter bounds the letter text an auditor pastes: a letter is a page
// or two.
const MaxLetter = 20000

// CheckLetter runs the product's letter checker (readability, Easy Read
// rules) on the words of the letter a case was sent, and says the result in
// a sentence to keep with the case: the UK reading age, and how many
// problems, naming the first three rules that found one.
func CheckLetter(text string) (string, error) {
	text = strings.TrimSpace(text)
	if utf8.RuneCountInString(text) > MaxLetter {
		return "", fmt.Errorf("the letter must be %d characters or fewer", MaxLetter)
	}
	rep := readability.AnalyzeText(text, readability.EasyRead())
	var rules []string
	for _, is := range rep.Issues {
		if m := strings.TrimSuffix(is.Message, "."); len(rules) < 3 && !contains(rules, m) {
			rules = append(rules, m)
		}
	}
	out := fmt.Sprintf("Letter checker (Easy Read rules): reading age %d, %s", int(math.Round(rep.ReadingAge)), problems(len(rep.Issues)))
	if len(rules) > 0 {
		out += ", for example: " + strings.Join(rules, "; ")
	}
	if rep.ShortText {
		out += " (a short text, so the reading age is rough)"
	}
	return out + ".", nil
}

func problems(n int) string {
	switch n {
	case 0:
		return "no problems found"
	case 1:
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", n)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
