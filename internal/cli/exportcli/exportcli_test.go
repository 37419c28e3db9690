package exportcli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/demo"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/ocds"
	"github.com/coprod/coprod/ocds/ocdstest"
)

// seeded returns the DSN of a fresh SQLite store with the demo in it: a
// copy of the demo seeded once for the package's tests.
func seeded(t *testing.T) string {
	t.Helper()
	return storetest.CopySeeded(t, store.SQLite, "demo", func(ctx context.Context, db *store.DB) error { return demo.Seed(ctx, db) })
}

// TestMain removes the seeded template the tests copied.
func TestMain(m *testing.M) { os.Exit(storetest.Run(m)) }

func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), code
}

// TestExportOCDSDemo exports the demo's tenders and validates the package
// against the shared OCDS schemas with its extensions merged in.
func TestExportOCDSDemo(t *testing.T) {
	dsn := seeded(t)
	out, errs, code := run(t, "ocds", "--db", dsn, "--ocid-prefix", "ocds-x1y2z3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	ocdstest.Validate(t, []byte(out))

	var p ocds.Package
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	tags := map[string]int{}
	ocids := map[string]bool{}
	for _, r := range p.Releases {
		tags[r.Tag[0]]++
		ocids[r.OCID] = true
		if !strings.HasPrefix(r.OCID, "ocds-x1y2z3-") {
			t.Errorf("ocid %s lacks the prefix", r.OCID)
		}
	}
	// Two tenders: each a tender release and an update (answered question,
	// bids closed); the awarded one an award and, its standstill over, a contract.
	if len(ocids) != 2 || tags["tender"] != 2 || tags["tenderUpdate"] != 2 || tags["award"] != 1 || tags["contract"] != 1 {
		t.Errorf("releases by tag %v over %d processes", tags, len(ocids))
	}
	// The demo tenders name the round's specification: its measures are
	// each tender's targets and the award's and contract's agreed metrics,
	// with the target and baseline the demo gives "The same worker each
	// time" (75, from 40).
	for _, r := range p.Releases {
		var metrics []ocds.Metric
		switch {
		case r.Tender != nil:
			metrics = r.Tender.Targets
		case len(r.Awards) == 1:
			metrics = r.Awards[0].AgreedMetrics
		case len(r.Contracts) == 1:
			metrics = r.Contracts[0].AgreedMetrics
		}
		found := false
		for _, m := range metrics {
			if m.Title != "The same worker each time" {
				continue
			}
			found = len(m.Observations) == 2 && m.Observations[0].Measure == "75" && m.Observations[1].Measure == "40" &&
				strings.HasSuffix(m.Observations[0].ID, "-target") && strings.HasSuffix(m.Observations[1].ID, "-baseline")
		}
		if !found {
			t.Errorf("release %s (%s) does not carry the specification's measure with its target and baseline: %+v", r.ID, r.Tag[0], metrics)
		}
	}
	for _, ext := range []string{ocds.ExtBid, ocds.ExtLots, ocds.ExtAwardCriteria, ocds.ExtEnquiry, ocds.ExtMetrics} {
		if !strings.Contains(strings.Join(p.Extensions, " "), ext) {
			t.Errorf("package does not list %s", ext)
		}
	}
	for _, secret := range []string{"evaluator", "chair", "The panel agreed", "Riverside Community Support\",\n          \"roles\": [\n            \"enquirer"} {
		if strings.Contains(out, secret) {
			t.Errorf("export carries %q", secret)
		}
	}
	if strings.Contains(out, "null") {
		t.Error("export writes null")
	}

	// One tender alone.
	id := strings.TrimPrefix(p.Releases[0].OCID, "ocds-x1y2z3-")
	one, errs, code := run(t, "ocds", "--db", dsn, "--tender", id)
	if code != 0 {
		t.Fatalf("--tender: exit %d: %s", code, errs)
	}
	ocdstest.Validate(t, []byte(one))
	var q ocds.Package
	if err := json.Unmarshal([]byte(one), &q); err != nil {
		t.Fatal(err)
	}
	for _, r := range q.Releases {
		if r.OCID != ocds.OCID("ocds-coprod", id) {
			t.Errorf("--tender %s exported %s", id, r.OCID)
		}
	}
	if os.Getenv("COPROD_EXPORT_DUMP") != "" {
		t.Log(out)
	}
}

func TestExportOCDSErrors(t *testing.T) {
	if _, _, code := run(t); code != 2 {
		t.Errorf("no subcommand: exit %d", code)
	}
	if _, _, code := run(t, "ocds", "--db", ""); code != 2 {
		t.Errorf("no --db: exit %d", code)
	}
	dsn := seeded(t)
	if _, errs, code := run(t, "ocds", "--db", dsn, "--tender", "nope"); code != 1 || errs == "" {
		t.Errorf("unknown tender: exit %d %q", code, errs)
	}
}
