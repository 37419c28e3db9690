package display

import (
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

func TestDefaultIsValidAndAddsNoClasses(t *testing.T) {
	d := Default()
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := d.Classes(false); got != "" {
		t.Errorf("default classes %q, want none", got)
	}
	if got := d.Classes(true); got != "easy-read" {
		t.Errorf("default with Easy Read: %q", got)
	}
}

func TestClasses(t *testing.T) {
	s := Settings{TextSize: 175, Spacing: "wider", Contrast: "high", Scheme: "dark", Motion: "reduce", EasyRead: "on"}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	want := "text-175 spacing-wider contrast-high scheme-dark motion-reduce easy-read"
	if got := s.Classes(s.EasyReadOn(false)); got != want {
		t.Errorf("classes %q, want %q", got, want)
	}
}

func TestEasyReadOn(t *testing.T) {
	for _, c := range []struct {
		choice string
		format bool
		want   bool
	}{
		{"auto", false, false}, {"auto", true, true},
		{"on", false, true}, {"on", true, true},
		{"off", false, false}, {"off", true, false}, // someone who asked for Easy Read may still turn it off
	} {
		s := Default()
		s.EasyRead = c.choice
		if got := s.EasyReadOn(c.format); got != c.want {
			t.Errorf("%s with format %v: %v, want %v", c.choice, c.format, got, c.want)
		}
	}
}

func TestValidateRefusesWhatIsNotOffered(t *testing.T) {
	s := Settings{TextSize: 250, Spacing: "huge", Contrast: "low", Scheme: "blue", Motion: "more", EasyRead: "yes"}
	err := s.Validate()
	fields := map[string]string{}
	for _, f := range apperr.FieldsOf(err) {
		fields[f.Field] = f.Message
	}
	for _, f := range []string{"text_size", "spacing", "contrast", "scheme", "motion", "easy_read"} {
		if fields[f] == "" {
			t.Errorf("%s: no error (got %v)", f, fields)
		}
	}
	ok := Settings{TextSize: 99, Spacing: " wide ", Contrast: "auto", Scheme: "auto", Motion: "auto", EasyRead: "auto"}
	if err := ok.Validate(); len(apperr.FieldsOf(err)) != 1 || ok.Spacing != "wide" {
		t.Errorf("99%%: %v; spacing tidied to %q", err, ok.Spacing)
	}
}
