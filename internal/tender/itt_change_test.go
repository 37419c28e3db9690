package tender

import (
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
)

func TestChangeITT(t *testing.T) {
	published := deadline.Add(-7 * 24 * time.Hour)
	before := deadline.Add(-time.Hour)
	good := evaluationFixture().Tender.ITT
	good.Stake = Int(35) // whatever is sent, the round's stake stays
	short := good
	short.Criteria = []Criterion{good.Criteria[0], {ID: "Q2", Question: "With whom?", Weight: Int(15), Panel: LivedExperience}}
	short.Criteria[0].Weight = Int(55) // 5 points short of the stake
	broken := good
	broken.Title = " "
	cases := []struct {
		name          string
		published     bool
		awarded       bool
		itt           ITT
		reason        string
		now           time.Time
		code, message string
		version       int
	}{
		{"a draft", false, false, short, "", before, "", "", 0},
		{"a broken draft", false, false, broken, "", before, apperr.Invalid, "Check the form: Enter a title for the invitation to tender", 0},
		{"an amendment", true, false, good, " Longer contract ", before, "", "", 3},
		{"an amendment without a reason", true, false, good, " ", before, apperr.Invalid,
			"Check the form: Say why the published invitation is being amended; every bidder is told", 0},
		{"an amendment that breaks the stake", true, false, short, "Fewer questions", before, apperr.Invalid, "", 0},
		{"after the deadline", true, false, good, "Late", deadline, apperr.Conflict,
			"The submission deadline has passed, so the invitation can no longer be amended.", 0},
		{"after the award", true, true, good, "Late", deadline, apperr.Conflict,
			"This tender has been awarded; its invitation can no longer change.", 0},
	}
	for _, c := range cases {
		tn := &Tender{ITT: evaluationFixture().Tender.ITT, Awarded: c.awarded}
		if c.published {
			tn.PublishedAt, tn.Version = &published, 2
		}
		ch, err := tn.ChangeITT(c.itt, c.reason, c.now)
		if apperr.Code(err) != c.code || (c.message != "" && apperr.Message(err) != c.message) {
			t.Errorf("%s: %v (%s), want %s %q", c.name, err, apperr.Code(err), c.code, c.message)
		}
		if err != nil {
			continue
		}
		if ch.Version != c.version || !ch.ITT.Stake.Equal(Int(20)) || ch.Amendment() != c.published {
			t.Errorf("%s: version %d, stake %s, amendment %v", c.name, ch.Version, ch.ITT.Stake, ch.Amendment())
		}
		if c.published && ch.Reason != "Longer contract" {
			t.Errorf("%s: reason %q", c.name, ch.Reason)
		}
	}
}

func TestMayPublish(t *testing.T) {
	published := deadline.Add(-7 * 24 * time.Hour)
	before := deadline.Add(-time.Hour)
	tn := &Tender{ITT: evaluationFixture().Tender.ITT}
	if err := tn.MayPublish(before); err != nil {
		t.Errorf("a fit draft: %v", err)
	}
	if fs := apperr.FieldsOf(tn.MayPublish(deadline)); len(fs) != 1 || fs[0].Field != "deadlines.submission" ||
		fs[0].Message != "The submission deadline must be in the future" {
		t.Errorf("at the deadline: %+v", fs)
	}
	tn.ITT.Criteria[1].Weight = Int(15)
	if err := tn.MayPublish(before); apperr.Code(err) != apperr.Invalid {
		t.Errorf("weights short of 100 and the stake: %v", err)
	}
	tn.PublishedAt = &published
	if err := tn.MayPublish(before); apperr.Code(err) != apperr.Conflict || apperr.Message(err) != "This invitation to tender is already published." {
		t.Errorf("published twice: %v", err)
	}
}
