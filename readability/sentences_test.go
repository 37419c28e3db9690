package readability

import (
	"reflect"
	"testing"
)

func splitTexts(text string) []string {
	var out []string
	for _, s := range Sentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

// Hand-checked splits.
func TestSentencesHandChecked(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []string
	}{
		{"letter with salutation, heading and sign-off",
			"Dear Ms Patel,\nThank you for your letter. We have booked your visit.\n\nYour next visit\nPlease come on Monday.\n\nYours sincerely,\nDr A. Khan",
			[]string{"Dear Ms Patel,", "Thank you for your letter.", "We have booked your visit.", "Your next visit", "Please come on Monday.", "Yours sincerely,", "Dr A. Khan"}},
		{"abbreviations",
			"Dr Jones and Mr Smith will see you. Bring your tablets, e.g. inhalers and creams. Mrs. Brown is away.",
			[]string{"Dr Jones and Mr Smith will see you.", "Bring your tablets, e.g. inhalers and creams.", "Mrs. Brown is away."}},
		{"abbreviation with stops before a capital",
			"Ask St. Mary's for help. Then call us.",
			[]string{"Ask St. Mary's for help.", "Then call us."}},
		{"times and numbers",
			"Your appointment is at 10.30am on Tuesday. Take 2.5 ml twice a day. It costs £3.50.",
			[]string{"Your appointment is at 10.30am on Tuesday.", "Take 2.5 ml twice a day.", "It costs £3.50."}},
		{"list items",
			"Please bring:\n- your letter\n- your tablets\n1. Go to reception.\n2. Wait to be called.",
			[]string{"Please bring:", "your letter", "your tablets", "Go to reception.", "Wait to be called."}},
		{"hard-wrapped prose carries on in lower case",
			"We will call you on the morning of\nyour visit to check you are well.",
			[]string{"We will call you on the morning of\nyour visit to check you are well."}},
		{"question and exclamation, quotes",
			"Can you come? \"Yes!\" she said. Good.",
			[]string{"Can you come?", "\"Yes!\" she said.", "Good."}},
		{"initials",
			"Contact J. R. Smith today. He will help.",
			[]string{"Contact J. R. Smith today.", "He will help."}},
		{"ellipsis", "Wait… Then go.", []string{"Wait…", "Then go."}},
		{"empty and markers only", "  \n\n- \n---\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := splitTexts(c.text)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("split\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	text := "Don't miss your follow-up at 10:30, e.g. on 03/04/2026 — it costs £1,000.50!"
	var got []string
	for _, s := range Words(text) {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"Don't", "miss", "your", "follow-up", "at", "10:30", "e.g", "on", "03/04/2026", "it", "costs", "1,000.50"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("words\n got %q\nwant %q", got, want)
	}
}
