package pathway

import (
	"slices"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

func TestInputValidate(t *testing.T) {
	in := Input{Title: " How to get support ", Plain: "Ask your GP.", EasyRead: "Talk to your doctor.", Contact: "Voices Together, 0113 496 0000"}
	if err := in.Validate(); err != nil || in.Title != "How to get support" {
		t.Fatalf("%+v %v", in, err)
	}
	bad := Input{Title: strings.Repeat("a", 121), Plain: "x"}
	var fields []string
	for _, f := range apperr.FieldsOf(bad.Validate()) {
		fields = append(fields, f.Field)
	}
	if !slices.Equal(fields, []string{"title", "easy_read", "contact"}) {
		t.Errorf("fields: %v", fields)
	}
}

func TestParagraphsAndSlugs(t *testing.T) {
	if got := Paragraphs("One.\r\n\r\n\n Two\nlines.  \n\n"); !slices.Equal(got, []string{"One.", "Two\nlines."}) {
		t.Errorf("%q", got)
	}
	for s, ok := range map[string]bool{"ab3k7m": true, "ab3k7": false, "ab3k7l": false, "AB3K7M": false, "ab0k7m": false} {
		if ValidSlug(s) != ok {
			t.Errorf("%s: %v", s, !ok)
		}
	}
}
