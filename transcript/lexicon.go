package transcript

// Word lists used by the classifiers. They are English and lower case;
// lookups lower-case ASCII words into a small buffer so that they do not
// allocate (see lower).

// wordSet is a word list with a bitmap of the first letters and the
// longest length, which reject most words before the map is consulted
// (classification runs on every utterance, so this matters for speed).
type wordSet struct {
	m      map[string]bool
	first  [4]uint64
	maxLen int
}

func set(ws ...string) *wordSet {
	s := &wordSet{m: make(map[string]bool, len(ws))}
	for _, w := range ws {
		s.m[w] = true
		s.first[w[0]>>6] |= 1 << (w[0] & 63)
		s.maxLen = max(s.maxLen, len(w))
	}
	return s
}

// lowerBuf lower-cases an ASCII word into buf; ok is false for words that
// are too long or not ASCII, which then match no list.
func lower(buf *[32]byte, w string) ([]byte, bool) {
	if len(w) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			if c == 0xe2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99 { // ’
				return nil, false
			}
			return nil, false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)], true
}

// in reports whether w (any case) is in the list m.
func in(s *wordSet, w string) bool {
	if len(w) == 0 || len(w) > s.maxLen {
		return false
	}
	c := w[0]
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	if s.first[c>>6]&(1<<(c&63)) == 0 {
		return false
	}
	var buf [32]byte
	b, ok := lower(&buf, w)
	return ok && s.m[string(b)]
}

var (
	// prefaces are discourse markers that may come before the word that
	// shows a question's or directive's form: "so what do you want?"
	prefaces = set("anyway", "so", "and", "well", "okay", "ok", "right", "oh", "now", "but", "then", "alright", "erm", "um", "look", "listen", "hey", "please")

	whWords = set("what", "what's", "whats", "where", "where's", "when", "when's", "who", "who's", "whom", "whose", "which", "why", "how", "how's")

	auxWords = set("do", "does", "did", "is", "are", "was", "were", "am", "can", "could", "will", "would", "shall",
		"should", "have", "has", "had", "may", "might", "must", "don't", "doesn't", "didn't", "isn't", "aren't",
		"wasn't", "weren't", "can't", "couldn't", "won't", "wouldn't", "shouldn't", "haven't", "hasn't", "d'you", "do'you")

	// declarative questions start with a subject: "you want the pasta?"
	subjectWords = set("you", "you're", "you've", "you'd", "you'll", "we", "we're", "we'll", "i", "i'm", "i'll", "it",
		"it's", "that", "that's", "this", "there", "there's", "he", "he's", "she", "she's", "they", "they're")

	tagPronouns = set("it", "you", "we", "i", "he", "she", "they", "there", "that")

	oneWordTags = set("right", "okay", "ok", "yeah", "eh", "innit", "yes", "no", "alright", "yea")

	// after "or", these close a polar question rather than offer an option.
	orTails = set("not", "something", "anything", "whatever", "what", "so", "else", "no", "nothing")

	volition = set("want", "wanna", "fancy", "prefer", "rather", "choose", "pick", "like")

	// imperative verbs that open a directive: "put your coat on."
	imperatives = set("come", "go", "put", "sit", "stand", "wait", "look", "give", "take", "get", "try", "hold",
		"eat", "drink", "pick", "show", "tell", "stop", "turn", "open", "close", "wash", "brush", "finish", "pop",
		"grab", "help", "bring", "leave", "listen", "remember", "keep", "move", "pass", "hang", "lift", "push",
		"pull", "use", "say", "write", "read", "watch", "find", "check", "clean", "tidy", "switch", "press",
		"fetch", "carry", "follow", "hurry", "calm", "breathe", "let's", "lets", "sign", "ring", "call", "drop",
		"make", "put's", "pour", "cut", "fold", "throw", "wear", "don't")

	// verbs after "can you / could you / will you / would you" that ask
	// about ability, memory or preference rather than request an action.
	notRequestVerbs = set("like", "want", "prefer", "rather", "fancy", "remember", "know", "see", "hear", "think",
		"feel", "believe", "imagine", "guess", "mind")

	ackWords = set("yeah", "yes", "yep", "yup", "yea", "ok", "okay", "right", "alright", "mm", "mhm", "mmhm",
		"mm-hm", "mm-hmm", "uh-huh", "uhuh", "hm", "hmm", "sure", "fine", "good", "lovely", "great", "cool",
		"brilliant", "ah", "oh", "aha", "i", "see", "then", "gotcha", "perfect", "nice", "ace")

	// continuers pass the floor back without taking it.
	continuerWords = set("mm", "mhm", "mmhm", "mm-hm", "mm-hmm", "uh-huh", "uhuh", "hm", "hmm")

	openRepairs = set("what", "pardon", "sorry", "huh", "eh", "hm", "hmm", "excuse", "me", "come", "again", "you", "say")

	stopwords = set("a", "an", "the", "and", "or", "but", "so", "to", "of", "in", "on", "at", "for", "with", "it",
		"is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "you", "your", "i", "me", "my", "we",
		"us", "our", "he", "she", "they", "them", "his", "her", "their", "this", "that", "these", "those", "there",
		"here", "what", "where", "when", "who", "which", "why", "how", "yes", "yeah", "no", "not", "okay", "ok",
		"right", "well", "oh", "ah", "mm", "mhm", "can", "could", "will", "would", "shall", "should", "have",
		"has", "had", "want", "like", "get", "got", "go", "going", "just", "then", "now", "one", "some", "any",
		"all", "about", "don't", "it's", "that's", "i'm", "you're", "let's", "we're", "there's", "what's",
		"if", "up", "out", "too", "very", "really", "more", "lot", "bit", "thing", "things", "know", "think",
		"good", "lovely", "great", "fine", "sure", "again", "today", "day", "time", "also", "from", "by", "as",
		"would", "wanna", "gonna", "fancy", "prefer", "rather", "choose", "pick", "need", "see", "look", "let",
		"come", "put", "take", "make", "said", "say", "tell", "please", "thank", "thanks", "other", "another",
		// the topic-shift markers themselves
		"anyway", "anyhow", "way", "guess", "next", "moving", "talking", "changing", "subject", "wanted", "ask")
)
