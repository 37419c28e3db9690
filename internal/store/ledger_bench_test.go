package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// benchWorld is a generated board: its organisations, rounds and themes,
// for the queries to filter by.
type benchWorld struct {
	orgs, rounds, themes []string
}

// benchItems is how many voice items the benchmark generates:
// LEDGER_BENCH_ITEMS, 100,000 by default so a plain `go test -bench` stays
// short; bench/ledger.sh asks for 1,000,000.
func benchItems() int {
	if n, err := strconv.Atoi(os.Getenv("LEDGER_BENCH_ITEMS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// generateBoard writes n items straight into the tables, with the counts
// the store would have maintained, so a million items take a minute, not
// hours of audited transactions. Every value is generated, never quoted
// text, so building the statements as literals is safe.
func generateBoard(b *testing.B, db *store.DB, n int) benchWorld {
	ctx := context.Background()
	var w benchWorld
	u, err := db.CreateUser(ctx, "bench@example.org", "Bench", "x")
	if err != nil {
		b.Fatal(err)
	}
	for i := range 10 {
		o, err := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: fmt.Sprintf("Organisation %02d", i), Kind: auth.KindCommissioner})
		if err != nil {
			b.Fatal(err)
		}
		w.orgs = append(w.orgs, o.ID)
	}
	for i := range 5 {
		nr := round.NewRound{OrgID: w.orgs[i], Title: fmt.Sprintf("Round %d", i), CareArea: "Care", Purpose: round.PurposeBoth, Stake: "20", StartsOn: "2024-01-01", EndsOn: "2027-12-31"}
		if err := nr.Validate(); err != nil {
			b.Fatal(err)
		}
		r, err := db.CreateRound(ctx, nr, u.ID)
		if err != nil {
			b.Fatal(err)
		}
		w.rounds = append(w.rounds, r.ID)
	}
	for i := range 20 {
		w.themes = append(w.themes, fmt.Sprintf("Theme %02d", i))
	}
	rng := rand.New(rand.NewPCG(6, 6))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	day := func(d int) string { return start.AddDate(0, 0, d).Format(ledger.DateLayout) }
	type key struct{ kind, id string }
	counts := map[key]*ledger.Stats{}
	add := func(k key, c ledger.Contribution) {
		s := counts[k]
		if s == nil {
			s = &ledger.Stats{DaysToCommit: map[int]int{}, DaysToDone: map[int]int{}}
			counts[k] = s
		}
		s.Items += c.Items
		s.Committed += c.Committed
		s.Done += c.Done
		s.DoneWithEvidence += c.DoneWithEvidence
		s.Judged += c.Judged
		s.Changed += c.Changed
		if c.DaysToCommit >= 0 {
			s.DaysToCommit[c.DaysToCommit]++
		}
		if c.DaysToDone >= 0 {
			s.DaysToDone[c.DaysToDone]++
		}
	}
	var items, orgRows, themeRows []string
	// Items go first, so the rows that refer to them find them.
	flush := func(force bool) {
		if len(items) < 500 && !force {
			return
		}
		for _, t := range []struct {
			rows *[]string
			head string
		}{
			{&items, "INSERT INTO ledger_items (id, said, easy_read, source, said_on, round_id, themes, status, commitment, due_on, committed_on, done_on, shown, evidence_count, verdict_count, verdict, vague, created_at, updated_at) VALUES "},
			{&orgRows, "INSERT INTO ledger_item_orgs (item_id, org_id, said_on, shown) VALUES "},
			{&themeRows, "INSERT INTO ledger_item_themes (item_id, theme, said_on, shown) VALUES "},
		} {
			if len(*t.rows) > 0 {
				if err := storetest.Exec(db, t.head+strings.Join(*t.rows, ", ")); err != nil {
					b.Fatal(err)
				}
				*t.rows = (*t.rows)[:0]
			}
		}
	}
	statuses := []ledger.Status{ledger.StatusOpen, ledger.StatusOpen, ledger.StatusOpen, ledger.StatusCommitted, ledger.StatusCommitted,
		ledger.StatusInProgress, ledger.StatusDone, ledger.StatusDone, ledger.StatusDone, ledger.StatusNotDoing}
	verdicts := []ledger.Verdict{"", ledger.VerdictChanged, ledger.VerdictPartly, ledger.VerdictNotChanged, ledger.VerdictTooEarly, ledger.VerdictMixed}
	null := func(s string) string {
		if s == "" {
			return "NULL"
		}
		return "'" + s + "'"
	}
	themeCount := map[string]int{}
	for i := range n {
		id := fmt.Sprintf("%026d", i)
		id = strings.Map(func(r rune) rune { return 'a' + (r - '0') }, id) // opaque-looking, cursor-valid
		said := rng.IntN(3 * 365)
		st := statuses[rng.IntN(len(statuses))]
		f := ledger.ContributionFacts{Visible: rng.IntN(100) != 0, Status: st, SaidOn: day(said)}
		commitment, due, evidence, vcount, verdict := "", "", 0, 0, ledger.Verdict("")
		if st != ledger.StatusOpen && !(st == ledger.StatusNotDoing && rng.IntN(2) == 0) {
			f.CommittedOn = day(said + rng.IntN(60))
			due = day(said + 30 + rng.IntN(300))
			commitment = "Cut the wait to " + strconv.Itoa(2+rng.IntN(20)) + " weeks"
			if rng.IntN(7) == 0 {
				commitment = "We will review the waiting list"
			}
		}
		if st == ledger.StatusDone {
			f.DoneOn = day(said + 30 + rng.IntN(400))
			if rng.IntN(10) < 7 {
				evidence = 1 + rng.IntN(3)
			}
			if verdict = verdicts[rng.IntN(len(verdicts))]; verdict != "" {
				vcount = 1 + rng.IntN(3)
			}
		}
		f.EvidenceCount, f.Verdict = evidence, verdict
		vague := ledger.VagueCommitment(st, commitment)
		roundID := ""
		if rng.IntN(5) != 0 {
			roundID = w.rounds[rng.IntN(len(w.rounds))]
		}
		itemThemes := []string{w.themes[rng.IntN(len(w.themes))]}
		if rng.IntN(2) == 0 {
			if t := w.themes[rng.IntN(len(w.themes))]; t != itemThemes[0] {
				itemThemes = append(itemThemes, t)
			}
		}
		o1 := rng.IntN(len(w.orgs))
		itemOrgs := []string{w.orgs[o1], w.orgs[(o1+1+rng.IntN(len(w.orgs)-1))%len(w.orgs)]}
		shown := 0
		if f.Visible {
			shown = 1
		}
		ts := start.AddDate(0, 0, said).Format("2006-01-02 15:04:05")
		items = append(items, fmt.Sprintf("('%s', 'Item %d: the wait was too long', '', 'session', '%s', %s, '%s', '%s', '%s', %s, %s, %s, %d, %d, %d, '%s', %d, '%s', '%s')",
			id, i, f.SaidOn, null(roundID), strings.Join(itemThemes, "\n"), st, commitment, null(due), null(f.CommittedOn), null(f.DoneOn),
			shown, evidence, vcount, verdict, map[bool]int{true: 1}[vague], ts, ts))
		for _, o := range itemOrgs {
			orgRows = append(orgRows, fmt.Sprintf("('%s', '%s', '%s', %d)", id, o, f.SaidOn, shown))
		}
		for _, t := range itemThemes {
			themeRows = append(themeRows, fmt.Sprintf("('%s', '%s', '%s', %d)", id, t, f.SaidOn, shown))
			themeCount[t] += shown
		}
		c := ledger.ContributionOf(f)
		add(key{"all", ""}, c)
		if roundID != "" {
			add(key{"round", roundID}, c)
		}
		for _, o := range itemOrgs {
			add(key{"org", o}, c)
		}
		flush(false)
	}
	flush(true)
	for k, s := range counts {
		if err := storetest.Exec(db, fmt.Sprintf("INSERT INTO ledger_counts VALUES ('%s', '%s', %d, %d, %d, %d, %d, %d)",
			k.kind, k.id, s.Items, s.Committed, s.Done, s.DoneWithEvidence, s.Judged, s.Changed)); err != nil {
			b.Fatal(err)
		}
		for metric, h := range map[string]map[int]int{"commit": s.DaysToCommit, "done": s.DaysToDone} {
			var rows []string
			for d, c := range h {
				rows = append(rows, fmt.Sprintf("('%s', '%s', '%s', %d, %d)", k.kind, k.id, metric, d, c))
			}
			if len(rows) > 0 {
				if err := storetest.Exec(db, "INSERT INTO ledger_days VALUES "+strings.Join(rows, ", ")); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	for t, c := range themeCount {
		if err := storetest.Exec(db, fmt.Sprintf("INSERT INTO ledger_themes VALUES ('%s', %d)", t, c)); err != nil {
			b.Fatal(err)
		}
	}
	// Statistics for the query planners, as a long-running deployment has.
	if err := storetest.Exec(db, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	return w
}

// openBenchBoard opens (and on first use generates) the benchmark board.
// On SQLite the file is kept in LEDGER_BENCH_DIR (default the system temp
// folder) and reused by later runs with the same size.
func openBenchBoard(b *testing.B, engine store.Engine) (*store.DB, benchWorld) {
	n := benchItems()
	ctx := context.Background()
	if engine == store.Postgres {
		db := storetest.Open(b, store.Postgres)
		return db, generateBoard(b, db, n)
	}
	dir := os.Getenv("LEDGER_BENCH_DIR")
	if dir == "" {
		dir = os.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("coprod-ledger-bench-%d.db", n))
	_, statErr := os.Stat(path)
	db, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	if statErr != nil {
		t0 := time.Now()
		w := generateBoard(b, db, n)
		b.Logf("generated %d items in %s into %s", n, time.Since(t0).Round(time.Second), path)
		return db, w
	}
	var w benchWorld
	orgs, _, err := db.ListOrganisations(ctx, auth.ListQuery{Limit: 200})
	if err != nil {
		b.Fatal(err)
	}
	for _, o := range orgs {
		w.orgs = append(w.orgs, o.ID)
	}
	rounds, _, err := db.ListRounds(ctx, round.Query{All: true, Limit: 200})
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range rounds {
		w.rounds = append(w.rounds, r.ID)
	}
	for i := range 20 {
		w.themes = append(w.themes, fmt.Sprintf("Theme %02d", i))
	}
	return db, w
}

// BenchmarkLedgerBoard measures the board's list and filter pages (one
// page of 25, first and a deep page by keyset) and its figures, on a
// generated board, reporting p50 and p99 latency in milliseconds.
func BenchmarkLedgerBoard(b *testing.B) {
	for _, engine := range []store.Engine{store.SQLite, store.Postgres} {
		b.Run(string(engine), func(b *testing.B) {
			if engine == store.Postgres && os.Getenv("COPROD_TEST_POSTGRES_URL") == "" {
				b.Skip("set COPROD_TEST_POSTGRES_URL to benchmark PostgreSQL")
			}
			db, w := openBenchBoard(b, engine)
			ctx := context.Background()
			// A cursor 40 pages in, to show a deep page costs what the first does.
			deep := ""
			for range 40 {
				p, err := db.BoardItems(ctx, ledger.Query{Limit: 25, After: deep})
				if err != nil {
					b.Fatal(err)
				}
				deep = p.Next
			}
			queries := []struct {
				name string
				q    ledger.Query
			}{
				{"list", ledger.Query{}},
				{"list_page40", ledger.Query{After: deep}},
				{"status", ledger.Query{Status: ledger.StatusInProgress}},
				{"theme", ledger.Query{Theme: w.themes[3]}},
				{"organisation", ledger.Query{OrgID: w.orgs[2]}},
				{"round", ledger.Query{RoundID: w.rounds[1]}},
				{"flag_overdue", ledger.Query{Flag: ledger.FlagOverdue}},
				{"flag_no_evidence", ledger.Query{Flag: ledger.FlagNoEvidence}},
				{"flag_vague", ledger.Query{Flag: ledger.FlagVague}},
				{"flag_no_verdict", ledger.Query{Flag: ledger.FlagNoVerdict}},
				{"org_theme_status", ledger.Query{OrgID: w.orgs[4], Theme: w.themes[7], Status: ledger.StatusDone}},
			}
			for _, q := range queries {
				b.Run(q.name, func(b *testing.B) {
					q.q.Limit = 25
					var ds []time.Duration
					for b.Loop() {
						t0 := time.Now()
						p, err := db.BoardItems(ctx, q.q)
						ds = append(ds, time.Since(t0))
						if err != nil || len(p.Items) == 0 {
							b.Fatalf("%s: %d items, %v", q.name, len(p.Items), err)
						}
					}
					reportPercentiles(b, ds)
				})
			}
			b.Run("stats", func(b *testing.B) {
				var ds []time.Duration
				for b.Loop() {
					t0 := time.Now()
					all, _, _, err := db.BoardStats(ctx)
					ds = append(ds, time.Since(t0))
					if err != nil || all.Items == 0 {
						b.Fatal(err)
					}
				}
				reportPercentiles(b, ds)
			})
		})
	}
}

func reportPercentiles(b *testing.B, ds []time.Duration) {
	slices.Sort(ds)
	at := func(p float64) float64 {
		i := int(p * float64(len(ds)-1))
		return float64(ds[i].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}
