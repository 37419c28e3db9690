package adjustment

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// The FHIR R4 (4.0.1) definitions the export is checked against, written by
// hand from the specification's pages: the Flag resource
// (https://hl7.org/fhir/R4/flag.html, its elements with their cardinality
// and type), the base Resource and DomainResource elements, and the data
// types it uses (https://hl7.org/fhir/R4/datatypes.html: Meta, Narrative,
// CodeableConcept, Coding, Reference, Period, Identifier), and Bundle's
// elements the export uses (https://hl7.org/fhir/R4/bundle.html). Every
// element the export writes must be here, within its cardinality, with a
// value of its type; the required bindings are checked against their value
// sets (FlagStatus, NarrativeStatus, BundleType).

type element struct {
	min, max int // max -1 is *
	typ      string
}

var definitions = map[string]map[string]element{
	"Flag": {
		"resourceType": {1, 1, "string"},
		// Resource and DomainResource
		"id": {0, 1, "id"}, "meta": {0, 1, "Meta"}, "implicitRules": {0, 1, "uri"}, "language": {0, 1, "code"},
		"text": {0, 1, "Narrative"}, "contained": {0, -1, "Resource"}, "extension": {0, -1, "Extension"},
		"modifierExtension": {0, -1, "Extension"},
		// Flag
		"identifier": {0, -1, "Identifier"}, "status": {1, 1, "code:FlagStatus"}, "category": {0, -1, "CodeableConcept"},
		"code": {1, 1, "CodeableConcept"}, "subject": {1, 1, "Reference"}, "period": {0, 1, "Period"},
		"encounter": {0, 1, "Reference"}, "author": {0, 1, "Reference"},
	},
	"Bundle": {
		"resourceType": {1, 1, "string"},
		"id":           {0, 1, "id"}, "meta": {0, 1, "Meta"}, "implicitRules": {0, 1, "uri"}, "language": {0, 1, "code"},
		"identifier": {0, 1, "Identifier"}, "type": {1, 1, "code:BundleType"}, "timestamp": {0, 1, "instant"},
		"total": {0, 1, "unsignedInt"}, "link": {0, -1, "BackboneElement"}, "entry": {0, -1, "Bundle.entry"},
		"signature": {0, 1, "Signature"},
	},
	"Bundle.entry": {
		"link": {0, -1, "BackboneElement"}, "fullUrl": {0, 1, "uri"}, "resource": {0, 1, "Flag"},
		"search": {0, 1, "BackboneElement"}, "request": {0, 1, "BackboneElement"}, "response": {0, 1, "BackboneElement"},
	},
	"Meta": {
		"versionId": {0, 1, "id"}, "lastUpdated": {0, 1, "instant"}, "source": {0, 1, "uri"},
		"profile": {0, -1, "canonical"}, "security": {0, -1, "Coding"}, "tag": {0, -1, "Coding"},
	},
	"Narrative":       {"status": {1, 1, "code:NarrativeStatus"}, "div": {1, 1, "xhtml"}},
	"CodeableConcept": {"coding": {0, -1, "Coding"}, "text": {0, 1, "string"}},
	"Coding": {
		"system": {0, 1, "uri"}, "version": {0, 1, "string"}, "code": {0, 1, "code"}, "display": {0, 1, "string"},
		"userSelected": {0, 1, "boolean"},
	},
	"Reference": {"reference": {0, 1, "string"}, "type": {0, 1, "uri"}, "identifier": {0, 1, "Identifier"}, "display": {0, 1, "string"}},
	"Period":    {"start": {0, 1, "dateTime"}, "end": {0, 1, "dateTime"}},
}

// valueSets are the required bindings.
var valueSets = map[string][]string{
	"FlagStatus":      {"active", "inactive", "entered-in-error"},
	"NarrativeStatus": {"generated", "extensions", "additional", "empty"},
	"BundleType":      {"document", "message", "transaction", "transaction-response", "batch", "batch-response", "history", "searchset", "collection"},
}

// The primitive types' regular expressions, from the R4 data types page.
var primitives = map[string]*regexp.Regexp{
	"string":   regexp.MustCompile(`^[\s\S]+$`),
	"id":       regexp.MustCompile(`^[A-Za-z0-9\-\.]{1,64}$`),
	"uri":      regexp.MustCompile(`^\S*$`),
	"code":     regexp.MustCompile(`^[^\s]+(\s[^\s]+)*$`),
	"instant":  regexp.MustCompile(`^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$`),
	"dateTime": regexp.MustCompile(`^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$`),
}

// validate checks v against the definition of typ and returns every
// problem, each with its path.
func validate(path, typ string, v any) []string {
	var probs []string
	bad := func(format string, args ...any) { probs = append(probs, path+": "+fmt.Sprintf(format, args...)) }
	if vs, ok := strings.CutPrefix(typ, "code:"); ok {
		s, _ := v.(string)
		found := false
		for _, c := range valueSets[vs] {
			found = found || s == c
		}
		if !found {
			bad("%v is not in the required value set %s", v, vs)
		}
		return probs
	}
	if re, ok := primitives[typ]; ok {
		if s, isString := v.(string); !isString || !re.MatchString(s) {
			bad("%v is not a valid %s", v, typ)
		}
		return probs
	}
	if typ == "xhtml" {
		if s, _ := v.(string); !strings.HasPrefix(s, `<div xmlns="http://www.w3.org/1999/xhtml">`) || !strings.HasSuffix(s, "</div>") {
			bad("the narrative is not an XHTML div")
		}
		return probs
	}
	def, ok := definitions[typ]
	if !ok {
		bad("uses %s, which this export is not meant to write", typ)
		return probs
	}
	obj, ok := v.(map[string]any)
	if !ok || len(obj) == 0 {
		bad("is not an object with content (ele-1)")
		return probs
	}
	if rt, has := def["resourceType"]; has && rt.min == 1 && obj["resourceType"] != typ {
		bad("resourceType %v, want %s", obj["resourceType"], typ)
	}
	names := make([]string, 0, len(obj))
	for k := range obj {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		el, known := def[k]
		if !known {
			bad("%s is not an element of %s", k, typ)
			continue
		}
		if k == "resourceType" {
			continue
		}
		items := []any{obj[k]}
		if arr, isArr := obj[k].([]any); isArr {
			if el.max == 1 {
				bad("%s is a list but may appear once", k)
				continue
			}
			if len(arr) == 0 {
				bad("%s is an empty list (ele-1)", k)
			}
			items = arr
		} else if el.max == -1 {
			bad("%s must be a list", k)
		}
		for i, it := range items {
			probs = append(probs, validate(fmt.Sprintf("%s.%s[%d]", path, k, i), el.typ, it)...)
		}
	}
	for k, el := range def {
		if _, has := obj[k]; el.min == 1 && !has {
			bad("%s is required", k)
		}
	}
	if typ == "Period" { // per-1: start, if present, is not after end
		if s, e := obj["start"], obj["end"]; s != nil && e != nil && fmt.Sprint(s) > fmt.Sprint(e) {
			bad("start is after end (per-1)")
		}
	}
	return probs
}

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
	if probs := validate("Bundle", "Bundle", decode(t, want)); len(probs) > 0 {
		t.Fatalf("the hand-written example is not valid: %q", probs)
	}
	got, err := FlagBundle([]Entry{exampleEntry}, time.Date(2026, 12, 2, 9, 30, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if probs := validate("Bundle", "Bundle", decode(t, got)); len(probs) > 0 {
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
	if probs := validate("Bundle", "Bundle", decode(t, got)); len(probs) > 0 {
		t.Errorf("not valid: %q", probs)
	}
	// With nothing to share, the bundle is valid and has no entries (FHIR
	// JSON leaves out an empty list).
	empty, _ := FlagBundle([]Entry{noConsent}, time.Now())
	if probs := validate("Bundle", "Bundle", decode(t, empty)); len(probs) > 0 || strings.Contains(string(empty), `"entry"`) {
		t.Errorf("empty bundle %s %q", empty, probs)
	}
}

// The validator itself refuses what R4 refuses, so a pass means something.
func TestValidatorRefusesBrokenFlags(t *testing.T) {
	good := func() map[string]any {
		return map[string]any{"resourceType": "Flag", "status": "active", "code": map[string]any{"text": "x"},
			"subject": map[string]any{"display": "Robin"}}
	}
	if probs := validate("Flag", "Flag", good()); len(probs) > 0 {
		t.Fatalf("minimal flag refused: %q", probs)
	}
	cases := map[string]func(map[string]any){
		"status is required":            func(f map[string]any) { delete(f, "status") },
		"not in the required value set": func(f map[string]any) { f["status"] = "withdrawn" },
		"subject is required":           func(f map[string]any) { delete(f, "subject") },
		"code is required":              func(f map[string]any) { delete(f, "code") },
		"note is not an element":        func(f map[string]any) { f["note"] = "x" },
		"may appear once":               func(f map[string]any) { f["author"] = []any{map[string]any{"display": "a"}} },
		"must be a list":                func(f map[string]any) { f["category"] = map[string]any{"text": "x"} },
		"start is after end":            func(f map[string]any) { f["period"] = map[string]any{"start": "2027-01-02", "end": "2027-01-01"} },
		"not a valid dateTime":          func(f map[string]any) { f["period"] = map[string]any{"start": "2 January 2027"} },
		"with content (ele-1)":          func(f map[string]any) { f["code"] = map[string]any{} },
	}
	for want, breakIt := range cases {
		f := good()
		breakIt(f)
		probs := validate("Flag", "Flag", f)
		if !strings.Contains(strings.Join(probs, "\n"), want) {
			t.Errorf("%s: got %q", want, probs)
		}
	}
}
