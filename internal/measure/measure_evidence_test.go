package measure

import (
	"testing"

	"github.com/coprod/coprod/internal/evidence"
)

// TestEvidenceKindsMatchEvidencePackage keeps the link kinds convertible
// to and from evidence.Kind.
func TestEvidenceKindsMatchEvidencePackage(t *testing.T) {
	for _, c := range []struct {
		ours   EvidenceKind
		theirs evidence.Kind
	}{{FromVision, evidence.KindVision}, {FromStory, evidence.KindStory}, {FromFactor, evidence.KindFactor}} {
		if string(c.ours) != string(c.theirs) {
			t.Errorf("%q != evidence %q", c.ours, c.theirs)
		}
	}
}
