package pathway

import (
	"strings"
	"testing"
)

func TestDraftFromVisionAndSpecification(t *testing.T) {
	in := Draft("Children and young people's mental health", []string{"I get help the same day when I am in crisis", "I meet other young people who understand"},
		[]SpecText{{Aims: "Young people get support quickly.", Service: "A community service open in the evening.", Access: " Appointments by text. "}, {}})
	if in.Title != "How to get support: Children and young people's mental health" {
		t.Errorf("title %q", in.Title)
	}
	want := "This page was written by the people who use these services, from what they asked for and the service that was agreed with them.\n\n" +
		"What the service is for: Young people get support quickly.\n\nWhat it offers: A community service open in the evening.\n\n" +
		"How to get it, and the help you can ask for: Appointments by text.\n\n" +
		"What we asked for:\nI get help the same day when I am in crisis\nI meet other young people who understand"
	if in.Plain != want {
		t.Errorf("plain English:\n%s\nwant:\n%s", in.Plain, want)
	}
	if ps := Paragraphs(in.EasyRead); len(ps) != 3 || ps[2] != "We asked for this:\nI get help the same day when I am in crisis\nI meet other young people who understand" {
		t.Errorf("Easy Read: %q", ps)
	}
	// Contact is left for the group, so the draft cannot be saved as it is.
	if err := in.Validate(); err == nil || !strings.Contains(err.Error(), "who to contact") {
		t.Errorf("the draft saves without a contact: %v", err)
	}
	in.Contact = "Voices Together"
	if err := in.Validate(); err != nil {
		t.Errorf("the draft with a contact: %v", err)
	}
	// A long vision is cut at a line's end, within the limit.
	long := Draft("R", []string{strings.Repeat("x", 3000), strings.Repeat("y", 3000), "z"}, nil)
	if len(long.Plain) > 6000 || !strings.HasSuffix(long.Plain, "x") {
		t.Errorf("a long draft is %d characters, ending %q", len(long.Plain), long.Plain[len(long.Plain)-5:])
	}
}
