package web

import (
	"testing"

	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/pictures"
	"github.com/coprod/coprod/internal/qualitycheck"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/tasks"
)

// Every choice (a proposal's answers, the ledger's verdicts, a quality
// check's answers) and kind of task the pages picture has a picture in the
// set: a missing one would silently draw nothing.
func TestIdeaPicturesAreInTheSet(t *testing.T) {
	var values []string
	for _, a := range round.Answers {
		values = append(values, string(a))
	}
	for _, v := range ledger.Verdicts {
		values = append(values, string(v))
	}
	for _, k := range tasks.Kinds {
		values = append(values, string(k))
	}
	for _, a := range qualitycheck.Answers {
		values = append(values, string(a))
	}
	for _, v := range values {
		if _, ok := pictures.Get(ideaPictures[v]); !ok {
			t.Errorf("%q has no picture (%q)", v, ideaPictures[v])
		}
	}
	if len(ideaPictures) != len(values) {
		t.Errorf("%d pictures for %d choices: one is for nothing", len(ideaPictures), len(values))
	}
}
