package readability

// Profile holds the thresholds and the rules used for one audience.
// Build your own from Plain or EasyRead and change the fields.
type Profile struct {
	Name string `json:"name"`
	// MaxSentenceWords: longer sentences are flagged (sentence-too-long).
	MaxSentenceWords int `json:"max_sentence_words"`
	// TargetReadingAge: the UK reading age the text should not exceed.
	TargetReadingAge float64 `json:"target_reading_age"`
	// LongWordSyllables: words with this many syllables or more are
	// flagged (long-words).
	LongWordSyllables int `json:"long_word_syllables"`
	// OneIdeaMinWords: sentences shorter than this are not checked for
	// joined ideas (one-idea-per-sentence).
	OneIdeaMinWords int `json:"one_idea_min_words"`
	// Rules lists the rule IDs that run; a rule not listed does not.
	Rules map[string]bool `json:"rules"`
}

// Rule IDs.
const (
	RuleSentenceTooLong     = "sentence-too-long"
	RulePassiveVoice        = "passive-voice"
	RuleWordyPhrase         = "wordy-phrase"
	RuleJargon              = "jargon"
	RuleUnexpandedAcronym   = "unexpanded-acronym"
	RuleNumberAsWord        = "number-as-word"
	RuleTimeFormat          = "time-format"
	RuleAllCaps             = "all-caps"
	RuleNegativeContraction = "negative-contraction"
	RuleLongWords           = "long-words"
	RuleOneIdea             = "one-idea-per-sentence"
	RuleAmbiguousDate       = "ambiguous-date"
)

// AllRules lists every rule ID in the order they are documented.
var AllRules = []string{
	RuleSentenceTooLong, RulePassiveVoice, RuleWordyPhrase, RuleJargon,
	RuleUnexpandedAcronym, RuleNumberAsWord, RuleTimeFormat, RuleAllCaps,
	RuleNegativeContraction, RuleLongWords, RuleOneIdea, RuleAmbiguousDate,
}

func rulesExcept(skip ...string) map[string]bool {
	m := make(map[string]bool, len(AllRules))
	for _, r := range AllRules {
		m[r] = true
	}
	for _, r := range skip {
		delete(m, r)
	}
	return m
}

// Plain is GOV.UK-style plain English: a reading age of about 9 and
// sentences of up to 25 words.
func Plain() Profile {
	return Profile{
		Name:              "plain",
		MaxSentenceWords:  25,
		TargetReadingAge:  9,
		LongWordSyllables: 4,
		OneIdeaMinWords:   8,
		Rules:             rulesExcept(RuleOneIdea),
	}
}

// EasyRead is for people with a learning disability: sentences of up to
// 15 words, one idea each, no jargon, shorter words.
func EasyRead() Profile {
	return Profile{
		Name:              "easyread",
		MaxSentenceWords:  15,
		TargetReadingAge:  7,
		LongWordSyllables: 3,
		OneIdeaMinWords:   6,
		Rules:             rulesExcept(),
	}
}

// ProfileByName returns the built-in profile called name.
func ProfileByName(name string) (Profile, bool) {
	switch name {
	case "plain":
		return Plain(), true
	case "easyread", "easy-read":
		return EasyRead(), true
	}
	return Profile{}, false
}

// ruleBits fixes an index for each rule, so that the analysis checks a
// bool array, not a map, for every word.
var ruleBits = [...]string{
	RuleSentenceTooLong, RulePassiveVoice, RuleWordyPhrase, RuleJargon,
	RuleUnexpandedAcronym, RuleNumberAsWord, RuleTimeFormat, RuleAllCaps,
	RuleNegativeContraction, RuleLongWords, RuleOneIdea, RuleAmbiguousDate,
}

const (
	bitSentenceTooLong = iota
	bitPassiveVoice
	bitWordyPhrase
	bitJargon
	bitUnexpandedAcronym
	bitNumberAsWord
	bitTimeFormat
	bitAllCaps
	bitNegativeContraction
	bitLongWords
	bitOneIdea
	bitAmbiguousDate
)
