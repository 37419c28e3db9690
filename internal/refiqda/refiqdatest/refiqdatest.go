// Package refiqdatest helps tests check REFI-QDA files: it validates a
// project.qde against the REFI-QDA Project schema with xmllint, and zips a
// folder of test data into a .qdpx.
package refiqdatest

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/coprod/coprod/internal/testkit"
)

// Schema returns the path of the REFI-QDA Project schema in the shared
// data ($COPROD_SHARED_DATA/refi-qda, or ../shared/data/refi-qda beside
// the repository). When it or xmllint is missing the test is skipped,
// unless COPROD_TEST_STRICT=1, when it fails.
func Schema(t testing.TB) string {
	t.Helper()
	xsd := filepath.Join(testkit.SharedDataDir(t), "refi-qda", "Project-mrt2019.xsd")
	_, statErr := os.Stat(xsd)
	_, lintErr := exec.LookPath("xmllint")
	if statErr != nil || lintErr != nil {
		msg := "the REFI-QDA schema check needs " + xsd + " and xmllint (Debian's libxml2-utils)"
		if os.Getenv("COPROD_TEST_STRICT") == "1" {
			t.Fatal(msg + " (COPROD_TEST_STRICT=1)")
		}
		t.Skip(msg + "; skipping (COPROD_TEST_STRICT=1 fails instead)")
	}
	return xsd
}

// Validate checks a project.qde against the schema with
// `xmllint --noout --schema`, failing the test with xmllint's messages.
func Validate(t testing.TB, qde []byte) {
	t.Helper()
	xsd := Schema(t)
	file := filepath.Join(t.TempDir(), "project.qde")
	if err := os.WriteFile(file, qde, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("xmllint", "--noout", "--schema", xsd, file).CombinedOutput()
	if err != nil {
		t.Fatalf("project.qde does not validate against %s: %v\n%s", xsd, err, out)
	}
}

// Zip makes a .qdpx (or any zip) of the files under dir, with paths
// relative to it.
func Zip(t testing.TB, dir string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		w, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
