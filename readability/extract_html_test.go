package readability

import (
	"strings"
	"testing"
)

// Character references decode to the characters the HTML standard gives
// them, named ones the old hand list lacked included; what is not a whole
// reference stays as text.
func TestHTMLCharacterReferences(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"Caf&eacute;", "Café"},
		{"&frac12; price", "½ price"},
		{"We&rsquo;re here", "We’re here"},
		{"Fa&ccedil;ade", "Façade"},
		{"Ni&ntilde;o", "Niño"},
		{"Coprod&trade;", "Coprod™"},
		{"&le; 5 &times; 2", "≤ 5 × 2"},
		{"&#233; &#xE9; &#XE9;", "é é é"},
		{"&#8217;&#x2019;", "’’"},
		{"smile &#x1F600;", "smile 😀"},
		{"a&nbsp;b&#160;c", "a b c"},
		{"hy&shy;phen", "hyphen"},
		{"&madeup; &copyright; & so;", "&madeup; &copyright; & so;"},
		{"&amp;lt;", "&lt;"},
	} {
		if got := extractHTML(c.src).text; got != c.want {
			t.Errorf("%q: got %q, want %q", c.src, got, c.want)
		}
	}
}

// After references that decode to fewer or more bytes than they take, an
// issue still points at its place in the source.
func TestHTMLIssueAfterReferences(t *testing.T) {
	src := "<p>Caf&eacute; visits are &frac12; price &hearts;. Call in order to book.</p>"
	r, err := Analyze([]byte(src), FormatHTML, only(RuleWordyPhrase, Plain()))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Issues) != 1 {
		t.Fatalf("want 1 issue, got %+v", r.Issues)
	}
	is := r.Issues[0]
	want := strings.Index(src, "in order to")
	if is.Start != want || is.End != want+len("in order to") || is.Text != "in order to" {
		t.Errorf("issue %q at %d:%d, want \"in order to\" at %d:%d", is.Text, is.Start, is.End, want, want+11)
	}
}
