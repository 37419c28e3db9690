package ocds

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sharedData returns $COPROD_SHARED_DATA/ocds or <repo root>/../shared/data/ocds, where the OCDS 1.1.5
// schemas and the extensions are kept unchanged (never copied into the
// repository). When it is missing the test is skipped, unless
// COPROD_TEST_STRICT=1, when it fails.
func sharedData(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared", "data")
	if env := os.Getenv("COPROD_SHARED_DATA"); env != "" {
		shared = env // a clone that is not beside the shared folder
	}
	data := filepath.Join(shared, "ocds")
	if _, err := os.Stat(filepath.Join(data, "1.1.5", "release-package-schema.json")); err != nil {
		if os.Getenv("COPROD_TEST_STRICT") == "1" {
			t.Fatalf("OCDS schemas missing at %s (COPROD_TEST_STRICT=1)", data)
		}
		t.Skipf("OCDS schemas missing at %s; skipping schema validation (set COPROD_TEST_STRICT=1 to fail instead)", data)
	}
	return data
}

func readJSON(t *testing.T, path string) any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

// mergePatch applies an RFC 7386 JSON Merge Patch to target and returns the
// result: an object patch merges member by member, recursively; a null
// member deletes; anything else (arrays included) replaces whole.
func mergePatch(target, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	t, ok := target.(map[string]any)
	if !ok {
		t = map[string]any{}
	}
	for k, v := range p {
		if v == nil {
			delete(t, k)
			continue
		}
		t[k] = mergePatch(t[k], v)
	}
	return t
}

// extensionDir maps an extension's URL to its folder under
// extensions/: ".../ocds_bid_extension/..." is "bid".
var extensionRepo = regexp.MustCompile(`/ocds_([A-Za-z]+)_extension/`)

// offline refuses every URL not registered with AddResource, so that
// validation can never reach the network.
type offline struct{}

func (offline) Load(url string) (any, error) {
	return nil, fmt.Errorf("offline: refusing to fetch %s", url)
}

// validator compiles release-package-schema.json with release-schema.json
// patched by each of the package's extensions, as data/README.md says.
func validator(t *testing.T, data string, extensions []string) *jsonschema.Schema {
	t.Helper()
	core := readJSON(t, filepath.Join(data, "1.1.5", "release-schema.json"))
	for _, url := range extensions {
		m := extensionRepo.FindStringSubmatch(url)
		if m == nil {
			t.Fatalf("extension URL %s names no ocds_*_extension repository", url)
		}
		patch := filepath.Join(data, "extensions", m[1], "release-schema.json")
		if _, err := os.Stat(patch); err != nil {
			t.Fatalf("extension %s is listed but %s is missing", m[1], patch)
		}
		core = mergePatch(core, readJSON(t, patch))
	}
	pkg := readJSON(t, filepath.Join(data, "1.1.5", "release-package-schema.json"))
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.AssertFormat()
	c.UseLoader(offline{})
	for _, doc := range []any{core, pkg} {
		id, _ := doc.(map[string]any)["id"].(string)
		if id == "" {
			t.Fatal("schema without an id")
		}
		if err := c.AddResource(id, doc); err != nil {
			t.Fatal(err)
		}
	}
	s, err := c.Compile(pkg.(map[string]any)["id"].(string))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func decode(t *testing.T, b []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

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
