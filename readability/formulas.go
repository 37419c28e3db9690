package readability

import (
	"fmt"
	"math"
)

// Counts are the totals the readability formulas are built from.
type Counts struct {
	Sentences     int `json:"sentences"`
	Words         int `json:"words"`
	Syllables     int `json:"syllables"`
	Letters       int `json:"letters"`       // letters only (Coleman–Liau)
	Characters    int `json:"characters"`    // letters and digits (ARI)
	ComplexWords  int `json:"complex_words"` // Gunning Fog's "hard words"
	Polysyllables int `json:"polysyllables"` // words of 3+ syllables (SMOG)
}

// FleschReadingEase: 206.835 − 1.015 × words/sentences − 84.6 ×
// syllables/words (Flesch 1948). Higher is easier; 60–70 is plain English.
func FleschReadingEase(c Counts) float64 {
	if c.Words == 0 || c.Sentences == 0 {
		return 0
	}
	return 206.835 - 1.015*float64(c.Words)/float64(c.Sentences) - 84.6*float64(c.Syllables)/float64(c.Words)
}

// FleschKincaidGrade: 0.39 × words/sentences + 11.8 × syllables/words −
// 15.59 (Kincaid, Fishburne, Rogers and Chissom 1975). A US school grade.
func FleschKincaidGrade(c Counts) float64 {
	if c.Words == 0 || c.Sentences == 0 {
		return 0
	}
	return 0.39*float64(c.Words)/float64(c.Sentences) + 11.8*float64(c.Syllables)/float64(c.Words) - 15.59
}

// GunningFog: 0.4 × (words/sentences + 100 × complex words/words)
// (Gunning 1952). Years of schooling.
func GunningFog(c Counts) float64 {
	if c.Words == 0 || c.Sentences == 0 {
		return 0
	}
	return 0.4 * (float64(c.Words)/float64(c.Sentences) + 100*float64(c.ComplexWords)/float64(c.Words))
}

// SMOG: 1.0430 × √(polysyllables × 30/sentences) + 3.1291 (McLaughlin
// 1969). A US school grade; meant for 30 sentences or more.
func SMOG(c Counts) float64 {
	if c.Sentences == 0 {
		return 0
	}
	return 1.0430*math.Sqrt(float64(c.Polysyllables)*30/float64(c.Sentences)) + 3.1291
}

// ColemanLiau: 0.0588 × L − 0.296 × S − 15.8, where L is letters per 100
// words and S sentences per 100 words (Coleman and Liau 1975).
func ColemanLiau(c Counts) float64 {
	if c.Words == 0 {
		return 0
	}
	l := 100 * float64(c.Letters) / float64(c.Words)
	s := 100 * float64(c.Sentences) / float64(c.Words)
	return 0.0588*l - 0.296*s - 15.8
}

// ARI, the Automated Readability Index: 4.71 × characters/words + 0.5 ×
// words/sentences − 21.43 (Smith and Senter 1967).
func ARI(c Counts) float64 {
	if c.Words == 0 || c.Sentences == 0 {
		return 0
	}
	return 4.71*float64(c.Characters)/float64(c.Words) + 0.5*float64(c.Words)/float64(c.Sentences) - 21.43
}

// UKReadingAge converts a US grade to a UK reading age: US grade 1 is
// taught to 6- to 7-year-olds, so age = grade + 5. It is never below 5.
func UKReadingAge(usGrade float64) float64 {
	return math.Max(5, usGrade+5)
}

// Score is one formula's result with a plain-English explanation.
type Score struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Value       float64 `json:"value"`
	Explanation string  `json:"explanation"`
}

// ShortTextWords and ShortTextSentences: below either, the formulas are
// flagged as unreliable.
const (
	ShortTextWords     = 100
	ShortTextSentences = 3
)

// ShortTextCaveat is shown beside the scores of every text, and flagged
// for short ones.
const ShortTextCaveat = "Readability formulas only count words, syllables and sentences. They do not know whether the words are familiar or the ideas clear, and on short texts (under 100 words or 3 sentences) they can be far out. Use them as a rough guide and test your writing with the people who will read it."

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// scores builds the explained scores for counts.
func scores(c Counts) []Score {
	fre := FleschReadingEase(c)
	fk := FleschKincaidGrade(c)
	age := UKReadingAge(fk)
	return []Score{
		{"flesch_reading_ease", "Flesch Reading Ease", round1(fre), explainFRE(fre)},
		{"flesch_kincaid_grade", "Flesch–Kincaid grade", round1(fk), fmt.Sprintf("A US school grade of %.1f, worked out from sentence length and syllables per word. Grade 5 to 6 suits most adults; GOV.UK aims for a reading age of 9.", fk)},
		{"gunning_fog", "Gunning Fog index", round1(GunningFog(c)), fmt.Sprintf("About %.0f years of schooling needed, from sentence length and the share of words with three or more syllables. Under 8 suits a wide audience.", GunningFog(c))},
		{"smog", "SMOG grade", round1(SMOG(c)), fmt.Sprintf("A US school grade of %.1f, from words of three or more syllables. SMOG is often used for health information and is meant for texts of 30 sentences or more.", SMOG(c))},
		{"coleman_liau", "Coleman–Liau index", round1(ColemanLiau(c)), fmt.Sprintf("A US school grade of %.1f, from letters per word and words per sentence (it does not count syllables).", ColemanLiau(c))},
		{"ari", "Automated Readability Index", round1(ARI(c)), fmt.Sprintf("A US school grade of %.1f, from characters per word and words per sentence.", ARI(c))},
		{"reading_age", "UK reading age", round1(age), fmt.Sprintf("A reader of about %.0f should follow this text. This is the Flesch–Kincaid grade plus 5, because US grade 1 is for 6- to 7-year-olds. GOV.UK aims for 9.", age)},
	}
}

func explainFRE(v float64) string {
	var band string
	switch {
	case v >= 90:
		band = "very easy: an 11-year-old can read it"
	case v >= 80:
		band = "easy"
	case v >= 70:
		band = "fairly easy"
	case v >= 60:
		band = "plain English: 13- to 15-year-olds can read it"
	case v >= 50:
		band = "fairly difficult"
	case v >= 30:
		band = "difficult: suited to university readers"
	default:
		band = "very difficult: suited to graduates"
	}
	return fmt.Sprintf("%.0f out of 100, where higher is easier: %s. It goes down as sentences get longer and words get more syllables.", v, band)
}
