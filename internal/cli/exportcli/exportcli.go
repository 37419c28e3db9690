// Package exportcli is the "coprod export" command: "coprod export ocds"
// writes an OCDS 1.1 release package of a database's published tenders.
package exportcli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/tender"
)

const usage = `Usage:
  coprod export ocds --db DSN [--tender ID] [--ocid-prefix PREFIX] [--uri URI]

Writes an OCDS 1.1 release package (JSON, on standard output) of the
database's published tenders, or of one: tender, award and contract
releases, with the bid, lots, awardCriteria and enquiry extensions where
they fit. Drafts are left out, and so is anything not public: who asked a
clarification question, prices before the award, and evaluators' scores.
PREFIX is the publisher's registered ocid prefix (default ` + tender.DefaultOCIDPrefix + `);
URI identifies the package (default ` + defaultURI + `).
`

const defaultURI = "urn:coprod:ocds-export"

// Run runs "coprod export" with args (after "export") and returns the exit
// code: 0 success, 1 failure, 2 a usage error.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "ocds" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprint(stderr, usage)
		return 2
	}
	fs := flag.NewFlagSet("coprod export ocds", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	dsn := fs.String("db", os.Getenv("COPROD_DB"), "database: a file path, sqlite:PATH or a postgres:// URL (env COPROD_DB)")
	id := fs.String("tender", "", "export this tender only")
	prefix := fs.String("ocid-prefix", tender.DefaultOCIDPrefix, "the publisher's ocid prefix")
	uri := fs.String("uri", defaultURI, "the package's uri")
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "coprod export ocds: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *dsn == "" {
		fmt.Fprintln(stderr, "coprod export ocds: --db is required")
		return 2
	}
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		return fail(stderr, err)
	}
	defer db.Close()
	if _, err := db.CheckSchema(ctx); err != nil {
		return fail(stderr, err)
	}
	tenders, err := load(ctx, db, *id)
	if err != nil {
		return fail(stderr, err)
	}
	p, err := tender.OCDSPackage(ctx, db, tenders, *prefix, *uri, db.Now())
	if err != nil {
		return fail(stderr, err)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil {
		return fail(stderr, err)
	}
	return 0
}

// load reads one tender, or every published tender page by page.
func load(ctx context.Context, db *store.DB, id string) ([]tender.Tender, error) {
	if id != "" {
		t, err := db.TenderByID(ctx, id)
		if err != nil {
			return nil, err
		}
		if !t.Published() {
			return nil, apperr.Errorf(apperr.NotFound, "Tender %s is a draft and has nothing to publish.", id)
		}
		return []tender.Tender{*t}, nil
	}
	var out []tender.Tender
	after := ""
	for {
		ts, next, err := db.ListPublishedTenders(ctx, after, 100)
		if err != nil {
			return nil, err
		}
		out = append(out, ts...)
		if next == "" || len(ts) == 0 {
			return out, nil
		}
		after = next
	}
}

func fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "coprod export ocds: %v\n", err)
	return 1
}
