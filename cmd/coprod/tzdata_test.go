package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestZoneDataIsBuiltIn: times are shown in Europe/London, so the binary
// must carry the zone data itself (time/tzdata) rather than depend on the
// machine's /usr/share/zoneinfo, which slim containers leave out.
func TestZoneDataIsBuiltIn(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	if !slices.Contains(strings.Fields(string(out)), "time/tzdata") {
		t.Fatal("cmd/coprod does not link time/tzdata: Europe/London would need zone files on the machine")
	}
}
