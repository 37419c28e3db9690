package readability

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The syllable counter is measured against the CMU Pronouncing Dictionary
// as shipped by the npm package cmu-pronouncing-dictionary@3.0.0, read
// from the local install under <repo root>/.cache/npm. Nothing is fetched
// at run time.
//
// Word set: every entry whose key is made only of the letters a-z (no
// apostrophe, digit, dot or hyphen), using its first pronunciation; the
// alternative pronunciations, keyed "word(1)", "word(2)"…, are skipped.
// That is 117,490 words in version 3.0.0. The CMU syllable count of a
// pronunciation is the number of phones carrying a stress digit (the
// vowels).

var missesFile = flag.String("misses", "", "write the words the rules (without exceptions) get wrong to this file, as word<TAB>cmu<TAB>rules")

const cmuInstall = "npm install --no-save --prefix .cache/npm cmu-pronouncing-dictionary@3.0.0 (run in the repository root)"

// repoRoot walks up from the working directory to the folder holding go.mod.
func repoRoot(tb testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

type cmuEntry struct {
	word      string
	syllables int
}

// loadCMU reads the dictionary's index.js, one `  "word": "PH ON ES",`
// per line. It skips the test when the package is not installed, unless
// COPROD_TEST_STRICT=1, when it fails.
func loadCMU(tb testing.TB) []cmuEntry {
	path := filepath.Join(repoRoot(tb), ".cache", "npm", "node_modules", "cmu-pronouncing-dictionary", "index.js")
	f, err := os.Open(path)
	if err != nil {
		if os.Getenv("COPROD_TEST_STRICT") == "1" {
			tb.Fatalf("CMU dictionary missing at %s (COPROD_TEST_STRICT=1); install it with: %s", path, cmuInstall)
		}
		tb.Skipf("CMU dictionary not installed at %s; install it with: %s", path, cmuInstall)
	}
	defer f.Close()
	var out []cmuEntry
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, `"`) {
			continue
		}
		key, rest, ok := strings.Cut(line[1:], `": "`)
		if !ok || !onlyAZ(key) {
			continue
		}
		phones, _, _ := strings.Cut(rest, `"`)
		n := 0
		for _, p := range strings.Fields(phones) {
			if c := p[len(p)-1]; c >= '0' && c <= '2' {
				n++
			}
		}
		out = append(out, cmuEntry{key, n})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if len(out) < 100000 {
		tb.Fatalf("read only %d alphabetic words from %s; is it the right package version (3.0.0)?", len(out), path)
	}
	return out
}

func onlyAZ(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func TestSyllableAgreementWithCMU(t *testing.T) {
	entries := loadCMU(t)
	agree, rulesAgree := 0, 0
	var misses *bufio.Writer
	if *missesFile != "" {
		f, err := os.Create(*missesFile)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		misses = bufio.NewWriter(f)
		defer misses.Flush()
	}
	for _, e := range entries {
		if Syllables(e.word) == e.syllables {
			agree++
		}
		r := countRulesOnly([]byte(e.word))
		if r == e.syllables {
			rulesAgree++
		} else if misses != nil {
			fmt.Fprintf(misses, "%s\t%d\t%d\n", e.word, e.syllables, r)
		}
	}
	pct := 100 * float64(agree) / float64(len(entries))
	rulesPct := 100 * float64(rulesAgree) / float64(len(entries))
	t.Logf("syllable agreement with CMU (first pronunciation, %d words of only a-z): %.2f%% (%d words); rules alone, without the %d exceptions: %.2f%%",
		len(entries), pct, agree, len(syllableExceptions), rulesPct)
	if pct < 95 {
		t.Errorf("syllable agreement %.2f%% is below the 95%% required", pct)
	}
	if len(syllableExceptions) >= 2000 {
		t.Errorf("exception list has %d entries; it must stay under 2,000", len(syllableExceptions))
	}
}

// TestSyllableExceptionsAreNeeded keeps the exception list honest: every
// entry must be a word the rules alone get wrong.
func TestSyllableExceptionsAreNeeded(t *testing.T) {
	for w, n := range syllableExceptions {
		if countRulesOnly([]byte(w)) == int(n) {
			t.Errorf("exception %q (%d) is already counted right by rule; drop it", w, n)
		}
	}
}

func BenchmarkSyllablesCMU(b *testing.B) {
	entries := loadCMU(b)
	size := 0
	for _, e := range entries {
		size += len(e.word)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	agree := 0
	for i := 0; i < b.N; i++ {
		agree = 0
		for _, e := range entries {
			if Syllables(e.word) == e.syllables {
				agree++
			}
		}
	}
	b.ReportMetric(100*float64(agree)/float64(len(entries)), "%agree")
}
