package readability

import "testing"

// Hand-counted syllables (said aloud, checked against a dictionary's
// hyphenation).
func TestSyllablesHandCounted(t *testing.T) {
	cases := map[string]int{
		"cat": 1, "the": 1, "make": 1, "table": 2, "little": 2, "created": 3,
		"create": 2, "radio": 3, "appointment": 3, "medication": 4,
		"information": 4, "hospital": 3, "letter": 2, "lately": 2,
		"movement": 2, "hopeful": 2, "wanted": 2, "jumped": 1, "boxes": 2,
		"makes": 1, "flying": 2, "player": 2, "quiet": 2, "science": 2,
		"fluid": 2, "realism": 3, "idea": 3, "McDonald": 3, "people": 2,
		"business": 2, "every": 3, "Zoë": 2, "café": 2, "don't": 1,
		"": 0, "!!!": 0, "b": 1, "physiology": 5, "audience": 3, "society": 4,
	}
	for w, want := range cases {
		if got := Syllables(w); got != want {
			t.Errorf("Syllables(%q) = %d, want %d", w, got, want)
		}
	}
}

func TestSyllablesCaseAndPunctuation(t *testing.T) {
	if Syllables("HOSPITAL") != Syllables("hospital") || Syllables("hospital,") != 3 {
		t.Error("case and punctuation must not change the count")
	}
}
