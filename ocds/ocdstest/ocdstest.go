// Package ocdstest validates OCDS release packages offline in tests:
// against the shared OCDS 1.1.5 schemas with the package's extensions
// merged in (RFC 7386), as the shared data's README describes.
package ocdstest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/coprod/coprod/internal/testkit"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// SharedData returns $COPROD_SHARED_DATA/ocds or <repo root>/../shared/data/ocds, where the OCDS 1.1.5
// schemas and the extensions are kept unchanged (never copied into the
// repository). When it is missing the test is skipped, unless
// COPROD_TEST_STRICT=1, when it fails.
func SharedData(t testing.TB) string {
	t.Helper()
	shared := testkit.SharedDataDir(t)
	data := filepath.Join(shared, "ocds")
	if _, err := os.Stat(filepath.Join(data, "1.1.5", "release-package-schema.json")); err != nil {
		if os.Getenv("COPROD_TEST_STRICT") == "1" {
			t.Fatalf("OCDS schemas missing at %s (COPROD_TEST_STRICT=1)", data)
		}
		t.Skipf("OCDS schemas missing at %s; skipping schema validation (set COPROD_TEST_STRICT=1 to fail instead)", data)
	}
	return data
}

func readJSON(t testing.TB, path string) any {
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

// MergePatch applies an RFC 7386 JSON Merge Patch to target and returns the
// result: an object patch merges member by member, recursively; a null
// member deletes; anything else (arrays included) replaces whole.
func MergePatch(target, patch any) any {
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
		t[k] = MergePatch(t[k], v)
	}
	return t
}

// extensionRepo maps an extension's URL to its folder under
// extensions/: ".../ocds_bid_extension/..." is "bid".
var extensionRepo = regexp.MustCompile(`/ocds_([A-Za-z]+)_extension/`)

// offline refuses every URL not registered with AddResource, so that
// validation can never reach the network.
type offline struct{}

func (offline) Load(url string) (any, error) {
	return nil, fmt.Errorf("offline: refusing to fetch %s", url)
}

// Validator compiles release-package-schema.json with release-schema.json
// patched by each of the package's extensions, as data/README.md says.
func Validator(t testing.TB, data string, extensions []string) *jsonschema.Schema {
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
		core = MergePatch(core, readJSON(t, patch))
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

// Decode reads JSON as the validator wants it.
func Decode(t testing.TB, b []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// Validate checks a package's JSON against the schemas with the
// extensions it lists, failing the test with the validator's message.
func Validate(t testing.TB, b []byte) {
	t.Helper()
	data := SharedData(t)
	v := Decode(t, b)
	var exts []string
	if m, ok := v.(map[string]any); ok {
		if es, ok := m["extensions"].([]any); ok {
			for _, e := range es {
				if s, ok := e.(string); ok {
					exts = append(exts, s)
				}
			}
		}
	}
	if err := Validator(t, data, exts).Validate(v); err != nil {
		t.Fatalf("not valid OCDS:\n%v", err)
	}
}
