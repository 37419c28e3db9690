package words

import "testing"

func TestListReadsAsWritten(t *testing.T) {
	for _, c := range []struct {
		items []string
		and   string
		or    string
	}{
		{nil, "", ""},
		{[]string{"BSL"}, "BSL", "BSL"},
		{[]string{"phone", "video"}, "phone and video", "phone or video"},
		{[]string{"Asha", "Ben", "Chloe"}, "Asha, Ben and Chloe", "Asha, Ben or Chloe"},
		{[]string{"a, b", "c"}, "a, b and c", "a, b or c"},
	} {
		if got := And(c.items); got != c.and {
			t.Errorf("And(%q) = %q, want %q", c.items, got, c.and)
		}
		if got := Or(c.items); got != c.or {
			t.Errorf("Or(%q) = %q, want %q", c.items, got, c.or)
		}
	}
}
