// Package testkit holds helpers shared by tests across packages.
package testkit

import (
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot returns the repository root (the folder holding go.mod), found
// by walking up from the test's working directory.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test's folder")
		}
		dir = parent
	}
}

// NpmPackage returns the folder of an npm package installed by
// .ci/npm-deps into .cache/npm, or "" when it is not installed.
func NpmPackage(t testing.TB, name string) string {
	t.Helper()
	dir := filepath.Join(RepoRoot(t), ".cache", "npm", "node_modules", name)
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	return dir
}

// SharedDataDir returns the folder of third-party reference data:
// $COPROD_SHARED_DATA, or ../shared/data beside the repository. It finds
// the repository from the working directory, not from source file paths,
// so that tests built with -trimpath (as CI builds them) find it too.
func SharedDataDir(t testing.TB) string {
	t.Helper()
	if dir := os.Getenv("COPROD_SHARED_DATA"); dir != "" {
		return dir
	}
	return filepath.Join(RepoRoot(t), "..", "shared", "data")
}
