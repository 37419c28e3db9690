package pseudonym

import "testing"

func TestReplacesWholeWordsIgnoringCase(t *testing.T) {
	r := New(map[string]string{"Sam": "the support worker", "Sam Jones": "the support worker", "Zoë": "the person supported"}, "someone")
	cases := map[string]string{
		"Sam Jones came at nine.":          "the support worker came at nine.",
		"SAM said Zoë's bus was late.":     "the support worker said the person supported's bus was late.",
		"Samuel and Samantha are not Sam.": "Samuel and Samantha are not the support worker.",
		"zoë, Zoëy and ZOË":                "the person supported, Zoëy and the person supported",
		"No names here.":                   "No names here.",
	}
	for in, want := range cases {
		if got := r.Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
	if got := r.Word("Sam left"); got != "the_support_worker left" {
		t.Errorf("Word: %q", got)
	}
	if got := New(nil, "x").Text("Sam"); got != "Sam" {
		t.Errorf("no terms: %q", got)
	}
}
