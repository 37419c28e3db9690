package measure

import (
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
)

var signDay = time.Date(2027, 3, 14, 15, 0, 0, 0, time.UTC)

func experienceMeasure() Measure {
	return Measure{
		ID: "m1", Kind: Experience, Title: "Felt listened to",
		PlainEnglish: "How many people say staff listened to them.",
		EasyRead:     "Did staff listen to you?",
		Question:     "Did staff listen to you?",
		Options:      []ResponseOption{{"Yes, always", true}, {"Yes, sometimes", true}, {"No", false}, {"Don't know", false}},
		Frequency:    Quarterly, Target: mustDec("85"),
		Links: []EvidenceLink{{Kind: FromVision, ID: "v7", Title: "I am listened to and believed"}},
	}
}

func outcomeMeasure() Measure {
	return Measure{
		ID: "m2", Kind: Outcome, Title: "Quick first contact",
		PlainEnglish: "How long people wait between being referred and first hearing from the service.",
		EasyRead:     "How long you wait to hear from us.",
		Numerator:    "median days from referral to first contact", DataSource: "provider case records",
		Frequency: Quarterly, Baseline: mustDec("31"), Target: mustDec("14"), Direction: Lower,
		Links: []EvidenceLink{{Kind: FromStory, ID: "s3", Title: "Waiting 3 months for a call back"}},
	}
}

func TestMeasureStatusAndSignOff(t *testing.T) {
	m := experienceMeasure()
	m.Links = nil
	if m.Status() != Draft || !strings.HasPrefix(m.StatusText(), "Draft: not yet linked") {
		t.Errorf("unlinked measure: %s, %q", m.Status(), m.StatusText())
	}
	err := m.Sign("Amira (group chair)", signDay)
	if apperr.Code(err) != apperr.Invalid || apperr.FieldsOf(err)[0].Field != "links" || m.SignOff != nil {
		t.Fatalf("signing a draft: %v", err)
	}
	m = experienceMeasure()
	if m.Status() != AwaitingSignOff {
		t.Errorf("linked measure status %s", m.Status())
	}
	if err := m.Sign("Amira (group chair)", signDay); err != nil {
		t.Fatal(err)
	}
	if m.Status() != SignedOff || m.StatusText() != "Signed off by Amira (group chair) on 14 March 2027" || m.Direction != Higher {
		t.Errorf("after sign-off: %s, %q, %s", m.Status(), m.StatusText(), m.Direction)
	}
	if err := m.Sign("  ", signDay); err == nil {
		t.Error("sign-off without a name was accepted")
	}
}

func TestReadyForSignOffListsEverything(t *testing.T) {
	m := Measure{Kind: Outcome, Title: "Untitled idea", Links: []EvidenceLink{{Kind: FromFactor, ID: "f1"}}}
	err := m.ReadyForSignOff()
	var fields []string
	for _, f := range apperr.FieldsOf(err) {
		fields = append(fields, f.Field)
	}
	if got := strings.Join(fields, ","); got != "plain_english,easy_read,target,frequency,numerator,data_source,direction" {
		t.Errorf("fields = %s", got)
	}
	e := experienceMeasure()
	e.Options = []ResponseOption{{"Yes", true}, {"yes", true}}
	e.Direction = Lower
	err = e.ReadyForSignOff()
	for _, w := range []string{`"yes" is listed twice`, "at least one, but not all", "higher is better"} {
		if !strings.Contains(joinFields(err), w) {
			t.Errorf("want %q in %s", w, joinFields(err))
		}
	}
}

func joinFields(err error) string {
	var b strings.Builder
	for _, f := range apperr.FieldsOf(err) {
		b.WriteString(f.Field + ": " + f.Message + "\n")
	}
	return b.String()
}

func TestPositiveShare(t *testing.T) {
	m := experienceMeasure()
	// 40 + 25 positive out of 40 + 25 + 30 + 5 = 100 → 65%.
	got, err := m.PositiveShare(map[string]int64{"Yes, always": 40, "Yes, sometimes": 25, "No": 30, "Don't know": 5})
	if err != nil || Dec(got) != "65" {
		t.Errorf("share = %v, %v; want 65", Dec(got), err)
	}
	// 2 of 3 → 66.666…%, kept exact.
	got, _ = m.PositiveShare(map[string]int64{"Yes, always": 2, "No": 1})
	if got.RatString() != "200/3" {
		t.Errorf("share = %s, want 200/3", got.RatString())
	}
	if _, err := m.PositiveShare(map[string]int64{"Maybe": 1}); err == nil {
		t.Error("unknown answer accepted")
	}
	if _, err := m.PositiveShare(map[string]int64{}); err == nil {
		t.Error("no responses accepted")
	}
}

func TestLinksMustBeMotivatingEvidence(t *testing.T) {
	m := experienceMeasure()
	m.Links = append(m.Links, EvidenceLink{Kind: "service", ID: "svc1"})
	if err := m.ReadyForSignOff(); !strings.Contains(joinFields(err), "links[1]: Link to a vision statement, story or factor") {
		t.Errorf("service link accepted: %s", joinFields(err))
	}
}
