package ocds

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/coprod/coprod/ocds/ocdstest"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The validation helpers live in ocdstest, shared with other packages' tests.
var (
	sharedData = func(t *testing.T) string { t.Helper(); return ocdstest.SharedData(t) }
	mergePatch = ocdstest.MergePatch
	validator  = func(t *testing.T, data string, extensions []string) *jsonschema.Schema {
		t.Helper()
		return ocdstest.Validator(t, data, extensions)
	}
	decode = func(t *testing.T, b []byte) any { t.Helper(); return ocdstest.Decode(t, b) }
)

func TestSamplePackageIsValidOCDS(t *testing.T) {
	data := sharedData(t)
	p := samplePackage(t)
	if len(p.Extensions) != len(AllExtensions) {
		t.Fatalf("the sample should use every extension; lists %v", p.Extensions)
	}
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	s := validator(t, data, p.Extensions)
	if err := s.Validate(decode(t, b)); err != nil {
		t.Fatalf("generated package is not valid OCDS:\n%v\n%s", err, b)
	}
}

// TestInvalidPackagesAreRejected shows the validation is real: each
// mutation breaks one rule of the core schema or of an extension (which
// only the merged schema knows), and each must fail.
func TestInvalidPackagesAreRejected(t *testing.T) {
	data := sharedData(t)
	p := samplePackage(t)
	s := validator(t, data, p.Extensions)
	good, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	release := func(v any, i int) map[string]any {
		return v.(map[string]any)["releases"].([]any)[i].(map[string]any)
	}
	cases := []struct {
		name   string
		mutate func(v any)
		want   string // a fragment of the validator's message
	}{
		{"missing ocid", func(v any) { delete(release(v, 0), "ocid") }, "ocid"},
		{"wrong tag", func(v any) { release(v, 0)["tag"] = []any{"winner"} }, "tag"},
		{"empty tag", func(v any) { release(v, 0)["tag"] = []any{} }, "tag"},
		{"bad initiationType", func(v any) { release(v, 0)["initiationType"] = "auction" }, "initiationType"},
		{"wrong version", func(v any) { v.(map[string]any)["version"] = "one" }, "version"},
		{"no releases", func(v any) { v.(map[string]any)["releases"] = []any{} }, "releases"},
		{"amount as text", func(v any) {
			release(v, 0)["tender"].(map[string]any)["value"].(map[string]any)["amount"] = "1000000.00"
		}, "amount"},
		{"bad date", func(v any) { release(v, 0)["date"] = "1 June 2026" }, "date"},
		// Only the bid extension says what a bid's status may be.
		{"bid status outside the bid extension", func(v any) {
			release(v, 1)["bids"].(map[string]any)["details"].([]any)[0].(map[string]any)["status"] = "won"
		}, "status"},
		// Only the awardCriteria extension says what a weight may be.
		{"criterion weight outside awardCriteria", func(v any) {
			lot := release(v, 0)["tender"].(map[string]any)["lots"].([]any)[0].(map[string]any)
			n := lot["awardCriteria"].(map[string]any)["criteria"].([]any)[0].(map[string]any)["numbers"].([]any)[0].(map[string]any)
			n["weight"] = "heavy"
		}, "weight"},
		// Only the metrics extension requires an observation id.
		{"observation without id", func(v any) {
			m := release(v, 2)["contracts"].([]any)[0].(map[string]any)["agreedMetrics"].([]any)[0].(map[string]any)
			delete(m["observations"].([]any)[0].(map[string]any), "id")
		}, "id"},
	}
	for _, c := range cases {
		v := decode(t, good)
		c.mutate(v)
		err := s.Validate(v)
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: rejected, but the message does not mention %q:\n%v", c.name, c.want, err)
		}
	}
}

// TestExtensionsMatter: without the bid extension merged in, the core
// schema knows nothing of bids and lets a bad bid status through; with it,
// the same document fails. This shows the merge patch is really applied.
func TestExtensionsMatter(t *testing.T) {
	data := sharedData(t)
	p := samplePackage(t)
	p.Releases[1].Bids.Details[0].Status = "won"
	b, _ := json.Marshal(p)
	if err := validator(t, data, nil).Validate(decode(t, b)); err != nil {
		t.Fatalf("core schema alone rejected an extension field: %v", err)
	}
	if err := validator(t, data, []string{ExtBid}).Validate(decode(t, b)); err == nil {
		t.Fatal("the bid extension did not reject status \"won\"")
	}
}

// TestMergePatch uses cases from RFC 7386's appendix, written out here.
func TestMergePatch(t *testing.T) {
	cases := []struct{ target, patch, want string }{
		{`{"a":"b"}`, `{"a":"c"}`, `{"a":"c"}`},
		{`{"a":"b"}`, `{"b":"c"}`, `{"a":"b","b":"c"}`},
		{`{"a":"b"}`, `{"a":null}`, `{}`},
		{`{"a":"b","b":"c"}`, `{"a":null}`, `{"b":"c"}`},
		{`{"a":["b"]}`, `{"a":"c"}`, `{"a":"c"}`},
		{`{"a":"c"}`, `{"a":["b"]}`, `{"a":["b"]}`},
		{`{"a":{"b":"c"}}`, `{"a":{"b":"d","c":null}}`, `{"a":{"b":"d"}}`},
		{`{"a":[{"b":"c"}]}`, `{"a":[1]}`, `{"a":[1]}`},
		{`["a","b"]`, `["c","d"]`, `["c","d"]`},
		{`{"a":"b"}`, `["c"]`, `["c"]`},
		{`{"a":"foo"}`, `null`, `null`},
		{`{"e":null}`, `{"a":1}`, `{"a":1,"e":null}`},
		{`[1,2]`, `{"a":"b","c":null}`, `{"a":"b"}`},
		{`{}`, `{"a":{"bb":{"ccc":null}}}`, `{"a":{"bb":{}}}`},
	}
	for _, c := range cases {
		var target, patch, want any
		for _, x := range []struct {
			s string
			v *any
		}{{c.target, &target}, {c.patch, &patch}, {c.want, &want}} {
			if err := json.Unmarshal([]byte(x.s), x.v); err != nil {
				t.Fatal(err)
			}
		}
		got, _ := json.Marshal(mergePatch(target, patch))
		w, _ := json.Marshal(want)
		if string(got) != string(w) {
			t.Errorf("merge %s with %s = %s, want %s", c.target, c.patch, got, w)
		}
	}
}
