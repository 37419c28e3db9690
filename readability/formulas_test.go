package readability

import (
	"math"
	"testing"
)

func near(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.4f, want %.4f (±%g)", name, got, want, tol)
	}
}

// Published worked values.
func TestFormulasPublishedValues(t *testing.T) {
	// Wikipedia, "Flesch–Kincaid readability tests": "The cat sat on the
	// mat." scores 116 on reading ease (6 words, 6 syllables, 1 sentence).
	near(t, "FRE(cat sat on the mat)", FleschReadingEase(Counts{Sentences: 1, Words: 6, Syllables: 6}), 116, 0.5)

	// Same article: "The Australian platypus is seemingly a hybrid of a
	// mammal and reptilian creature" is grade 11.3 with 24 syllables and
	// 13 words.
	near(t, "FK(platypus)", FleschKincaidGrade(Counts{Sentences: 1, Words: 13, Syllables: 24}), 11.3, 0.05)

	// McLaughlin (1969), "SMOG grading": 64 polysyllables in 30 sentences
	// gives about grade 11 by the short method (√64 + 3); the regression
	// formula gives 1.0430 × 8 + 3.1291 = 11.4731.
	near(t, "SMOG(64 in 30)", SMOG(Counts{Sentences: 30, Polysyllables: 64}), 11.4731, 0.0001)
	near(t, "SMOG short method", SMOG(Counts{Sentences: 30, Polysyllables: 64}), 11, 0.5)
}

// Hand-worked values from the published coefficients.
func TestFormulasHandWorked(t *testing.T) {
	c := Counts{Sentences: 5, Words: 100, Syllables: 150, Letters: 450, Characters: 470, ComplexWords: 10}
	// Gunning (1952): 0.4 × (100/5 + 100 × 10/100) = 0.4 × 30 = 12
	near(t, "Fog", GunningFog(c), 12, 1e-9)
	// Coleman and Liau (1975): 0.0588 × 450 − 0.296 × 5 − 15.8 = 9.18
	near(t, "Coleman–Liau", ColemanLiau(c), 9.18, 1e-9)
	// Smith and Senter (1967): 4.71 × 4.7 + 0.5 × 20 − 21.43 = 10.707
	near(t, "ARI", ARI(c), 10.707, 1e-9)
	// Flesch: 206.835 − 1.015 × 20 − 84.6 × 1.5 = 59.635
	near(t, "FRE", FleschReadingEase(c), 59.635, 1e-9)
	// Kincaid: 0.39 × 20 + 11.8 × 1.5 − 15.59 = 9.91
	near(t, "FK", FleschKincaidGrade(c), 9.91, 1e-9)
	// reading age = grade + 5, never under 5
	near(t, "reading age", UKReadingAge(9.91), 14.91, 1e-9)
	near(t, "reading age floor", UKReadingAge(-3), 5, 0)
	// no division by zero on empty counts
	for _, f := range []func(Counts) float64{FleschReadingEase, FleschKincaidGrade, GunningFog, SMOG, ColemanLiau, ARI} {
		if v := f(Counts{}); v != 0 || math.IsNaN(v) {
			t.Errorf("empty counts gave %v", v)
		}
	}
}

// End to end: the analyser's own counts for the Wikipedia example.
func TestAnalyzeCatSatOnTheMat(t *testing.T) {
	r := AnalyzeText("The cat sat on the mat.", Plain())
	if r.Sentences != 1 || r.Words != 6 || r.Syllables != 6 {
		t.Fatalf("counts = %+v, want 1 sentence, 6 words, 6 syllables", r.Counts)
	}
	s, _ := r.Score("flesch_reading_ease")
	near(t, "FRE", s.Value, 116.1, 0.05)
	if !r.ShortText {
		t.Error("a 6-word text must be flagged as short")
	}
	for _, s := range r.Scores {
		if s.Explanation == "" || s.Name == "" {
			t.Errorf("score %s has no name or explanation", s.ID)
		}
	}
	if r.Caveat == "" {
		t.Error("no caveat")
	}
}
