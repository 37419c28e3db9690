package tender

import (
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
)

func TestCheckStart(t *testing.T) {
	if err := CheckStart(true); err != nil {
		t.Errorf("a published round: %v", err)
	}
	err := CheckStart(false)
	if apperr.Code(err) != apperr.Conflict || !strings.Contains(apperr.Message(err), "once the round is published") {
		t.Errorf("a draft round: %v", err)
	}
}
