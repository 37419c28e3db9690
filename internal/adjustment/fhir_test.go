package adjustment

// The export is checked against internal/adjustment/fhirtest, a hand-written
// table of the FHIR R4 definitions of Flag, Bundle and the data types used.

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/adjustment/fhirtest"
)

func decode(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

var exampleEntry = Entry{
	ID: "adj1", MemberID: "m1", RoundID: "r1", Person: "Robin", Category: "information_format",
	Need: "I read Easy Read best", Details: "Letters in Easy Read & a phone call the day before",
	Share: true, ShareOrgID: "org1", ShareOrgName: "Riverside GP practice", ReviewOn: "2027-05-20",
	Status: Active, StartedOn: "2026-11-20", Version: 2, RecordedBy: "Jordan Ellis",
	RecordedAt: time.Date(2026, 11, 20, 14, 5, 0, 0, time.UTC),
}

// The hand-written example (testdata/flag_bundle_example.json) is a valid
// R4 Bundle of Flags, and the export of the same entry is that example.
func TestFlagBundleMatchesTheHandWrittenExample(t *testing.T) {
	want, err := os.ReadFile("testdata/flag_bundle_example.json")
	if err != nil {
		t.Fatal(err)
	}
	if probs := fhirtest.Resource("Bundle", "Bundle", decode(t, want)); len(probs) > 0 {
		t.Fatalf("the hand-written example is not valid: %q", probs)
	}
	got, err := FlagBundle([]Entry{exampleEntry}, time.Date(2026, 12, 2, 9, 30, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if probs := fhirtest.Resource("Bundle", "Bundle", decode(t, got)); len(probs) > 0 {
		t.Errorf("the export is not valid: %q", probs)
	}
	if !reflect.DeepEqual(decode(t, got), decode(t, want)) {
		t.Errorf("export:\n%s\nwant the example:\n%s", got, want)
	}
}

// One Flag per adjustment; an entry without consent, without an
// organisation to share with, or ended is in no export.
func TestFlagBundleLeavesOutWhatMayNotBeShared(t *testing.T) {
	second := exampleEntry
	second.ID, second.Category, second.Details = "adj2", "communication_professional", "A BSL interpreter booked for every appointment"
	noConsent := exampleEntry
	noConsent.ID, noConsent.Share = "adj3", false
	noOrg := exampleEntry
	noOrg.ID, noOrg.ShareOrgID = "adj4", ""
	ended := exampleEntry
	ended.ID, ended.Status, ended.EndedOn = "adj5", Ended, "2026-11-30"
	got, err := FlagBundle([]Entry{exampleEntry, noConsent, second, noOrg, ended}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var b struct {
		Entry []struct{ Resource struct{ ID string } }
	}
	json.Unmarshal(got, &b)
	if len(b.Entry) != 2 || b.Entry[0].Resource.ID != "adj1" || b.Entry[1].Resource.ID != "adj2" {
		t.Errorf("flags %+v", b.Entry)
	}
	if probs := fhirtest.Resource("Bundle", "Bundle", decode(t, got)); len(probs) > 0 {
		t.Errorf("not valid: %q", probs)
	}
	// With nothing to share, the bundle is valid and has no entries (FHIR
	// JSON leaves out an empty list).
	empty, _ := FlagBundle([]Entry{noConsent}, time.Now())
	if probs := fhirtest.Resource("Bundle", "Bundle", decode(t, empty)); len(probs) > 0 || strings.Contains(string(empty), `"entry"`) {
		t.Errorf("empty bundle %s %q", empty, probs)
	}
}
