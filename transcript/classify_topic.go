package transcript

import "strings"

// topicWindow is how many earlier utterances count as the current topic.
const topicWindow = 5

// topicMarkers open a new topic ("anyway", "by the way", "what about ...").
var topicMarkers = [][]string{
	{"anyway"}, {"anyhow"}, {"by", "the", "way"}, {"what", "about"}, {"how", "about"}, {"guess", "what"},
	{"another", "thing"}, {"oh", "and"}, {"now", "then"}, {"right", "so"}, {"okay", "so"}, {"ok", "so"},
	{"right", "then"}, {"can", "i", "ask"}, {"i", "wanted", "to", "ask"}, {"let's", "talk", "about"},
	{"talking", "of"}, {"changing", "the", "subject"}, {"next", "thing"}, {"moving", "on"},
}

// IsTopicInitiation is a documented heuristic (topic is not marked in any
// of the formats). An utterance with at least one content word (not a
// stop word, three letters or more) initiates a topic when:
//
//  1. it is the first utterance with content words in the transcript; or
//  2. it opens with a topic-shift marker ("anyway", "by the way", "what
//     about", "guess what", "okay so" ...) and has a content word not used
//     in the previous five utterances; or
//  3. it is a question (not a repair initiation, not a request for action)
//     whose content words are all new: none was used in the previous five
//     utterances.
//
// recent holds the words of the previous utterances, oldest first.
// notNew is true for repair initiations and directives.
func IsTopicInitiation(u *Utterance, ws []string, recent [][]string, first, notNew bool) bool {
	// Most utterances are none of the three cases: decide that cheaply
	// before comparing words with the recent ones.
	marker := !first && opensWithMarker(ws)
	if !first && !marker && !(u.IsQuestion() && !notNew) {
		return false
	}
	content, fresh := 0, 0
	for _, w := range ws {
		if !isContentWord(w) {
			continue
		}
		content++
		if first {
			return true // case 1 needs no comparison with earlier talk
		}
		if usedRecently(w, recent) {
			if !marker {
				return false // case 3 needs every content word to be new
			}
			continue
		}
		fresh++
		if marker {
			return true // case 2 needs one new content word
		}
	}
	return content > 0 && fresh == content && !marker
}

func opensWithMarker(ws []string) bool {
	for _, m := range topicMarkers {
		if len(ws) < len(m) {
			continue
		}
		ok := true
		for k, s := range m {
			if !eqFold(ws[k], s) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func isContentWord(w string) bool {
	if len(w) < 3 {
		return false
	}
	return !in(stopwords, w)
}

func usedRecently(w string, recent [][]string) bool {
	for _, r := range recent {
		for _, p := range r {
			if sameStem(w, p) {
				return true
			}
		}
	}
	return false
}

// sameStem compares words ignoring case and a plural -s: "sandwich",
// "sandwiches" and "Sandwich" are the same topic word.
func sameStem(a, b string) bool {
	if len(a) == 0 || len(b) == 0 || a[0]|0x20 != b[0]|0x20 && a[0] < 0x80 && b[0] < 0x80 {
		return false // a quick first-letter test (ASCII only)
	}
	if equalWord(a, b) {
		return true
	}
	trim := func(s string) string {
		s = strings.TrimSuffix(s, "es")
		return strings.TrimSuffix(s, "s")
	}
	return len(a) > 3 && len(b) > 3 && equalWord(trim(a), trim(b))
}

func asciiFoldFallback(a, b string) bool { return strings.EqualFold(a, b) }
