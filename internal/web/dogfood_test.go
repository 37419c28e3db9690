package web_test

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/readability"
)

// participantPages are the pages people taking part read, checked against
// our own plain English rules. Add new participant-facing pages here.
var participantPages = []struct {
	role string // "" for a visitor who is not signed in
	path string
}{
	{"", "/"},
	{"", "/login"},
	{"", "/accessibility"},
	{"", "/no/such/page"},
	{"member", "/"},
	{"member", "/account"},
	{"member", "/account/password"},
	{"member", "/readability"},
	{"member", "/readability/compare"},
	{"member", "/readability/library"},
}

// TestParticipantPagesAreInPlainEnglish renders each participant-facing
// page and checks the text of its main content with the plain profile: no
// sentence may be over 25 words.
func TestParticipantPagesAreInPlainEnglish(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	clients := map[string]*client{"": s.client(t)}
	for _, p := range participantPages {
		c, ok := clients[p.role]
		if !ok {
			c = s.client(t)
			c.loginAs(p.role)
			clients[p.role] = c
		}
		body := c.get(p.path).Body
		start, end := strings.Index(body, "<main"), strings.Index(body, "</main>")
		if start < 0 || end < start {
			t.Fatalf("%s: no main content", p.path)
		}
		r, err := readability.Analyze([]byte(body[start:end+len("</main>")]), readability.FormatHTML, readability.Plain())
		if err != nil {
			t.Fatal(err)
		}
		if r.Words < 5 {
			t.Errorf("%s: only %d words found: the text was not extracted", p.path, r.Words)
		}
		for _, is := range r.Issues {
			if is.Rule == "sentence-too-long" {
				t.Errorf("%s (as %q): sentence over %d words: %q", p.path, p.role, r.Profile.MaxSentenceWords, is.Text)
			}
		}
	}
}
