package adjustaudit

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/readability"
)

// The sentence says what the letter checker found, with its own numbers:
// a long, formal sentence has problems under the Easy Read rules; a short
// plain one has none.
func TestCheckLetter(t *testing.T) {
	formal := "Notwithstanding the aforementioned considerations, attendance at the outpatient department is obligatory, and failure to attend without prior notification may result in discharge from the service in accordance with the organisation's policies."
	got, err := CheckLetter(formal)
	if err != nil {
		t.Fatal(err)
	}
	rep := readability.AnalyzeText(formal, readability.EasyRead())
	if len(rep.Issues) == 0 || !strings.HasPrefix(got, "Letter checker (Easy Read rules): reading age ") ||
		!strings.Contains(got, "problems, for example: "+strings.TrimSuffix(rep.Issues[0].Message, ".")) || !strings.HasSuffix(got, "(a short text, so the reading age is rough).") {
		t.Errorf("formal: %q (%d issues)", got, len(rep.Issues))
	}
	plain, _ := CheckLetter("You can come on Monday.")
	if !strings.Contains(plain, "no problems found") {
		t.Errorf("plain: %q", plain)
	}
	if _, err := CheckLetter(strings.Repeat("a", MaxLetter+1)); err == nil {
		t.Error("an over-long letter was checked")
	}
}
