package main

import (
	"os"
	"runtime/debug"
)

// serverMemoryLimit is the Go runtime's soft memory limit for a running
// server when GOMEMLIMIT is not set. Near it the collector works harder
// instead of letting the heap double, so a burst of the largest uploads
// (TestEightWorstCaseUploadsAtOnce) stays inside the 500 MB a small
// instance is given; the bounded work pool keeps the live data well under
// it. GOMEMLIMIT, which the runtime reads itself, overrides it.
const serverMemoryLimit = 400 << 20

// limitServerMemory is called by main, not by run, so tests that run
// commands in-process keep the runtime's defaults.
func limitServerMemory(args []string) {
	if len(args) > 0 && (args[0] == "serve" || args[0] == "demo") && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serverMemoryLimit)
	}
}
