// Package readabilitycli is the "coprod readability" command: it checks a
// letter or leaflet for accessible information and prints the scores and
// issues as text or JSON.
package readabilitycli

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/coprod/coprod/readability"
)

const usage = `Usage:
  coprod readability [--profile plain|easyread] [--format json|text] [--fail-on issues] FILE|-
  coprod readability syllables     (reads one word a line on stdin, prints word<TAB>count)

Checks a letter or leaflet for plain English (or Easy Read) and prints
readability scores and issues. FILE may be .txt, .md, .html, .docx or .odt;
"-" reads standard input and guesses the format.

Exit status: 0 ok, 1 issues found with --fail-on issues, 2 usage or input error.
`

// maxInput bounds what is read from a file or standard input.
const maxInput = 256 << 20

// Run runs the command. args exclude the word "readability".
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "syllables" {
		return runSyllables(args[1:], stdin, stdout, stderr)
	}
	fs := flag.NewFlagSet("coprod readability", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	profileName := fs.String("profile", "plain", "plain or easyread")
	outFormat := fs.String("format", "text", "json or text")
	failOn := fs.String("fail-on", "", "\"issues\": exit 1 when any issue is found")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprintf(stderr, "coprod readability: %v\n\n%s", err, usage)
		return 2
	}
	profile, ok := readability.ProfileByName(*profileName)
	if !ok {
		fmt.Fprintf(stderr, "coprod readability: unknown profile %q (want plain or easyread)\n", *profileName)
		return 2
	}
	if *outFormat != "json" && *outFormat != "text" {
		fmt.Fprintf(stderr, "coprod readability: unknown output format %q (want json or text)\n", *outFormat)
		return 2
	}
	if *failOn != "" && *failOn != "issues" {
		fmt.Fprintf(stderr, "coprod readability: unknown --fail-on %q (want issues)\n", *failOn)
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "coprod readability: give one FILE, or - for standard input\n\n%s", usage)
		return 2
	}
	name := fs.Arg(0)
	src, format, err := readInput(name, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "coprod readability: %v\n", err)
		return 2
	}
	report, err := readability.Analyze(src, format, profile)
	if err != nil {
		fmt.Fprintf(stderr, "coprod readability: %s: %v\n", displayName(name), err)
		return 2
	}
	if *outFormat == "json" {
		err = writeJSON(stdout, report)
	} else {
		err = writeText(stdout, displayName(name), report)
	}
	if err != nil {
		fmt.Fprintf(stderr, "coprod readability: writing output: %v\n", err)
		return 2
	}
	if *failOn == "issues" && len(report.Issues) > 0 {
		return 1
	}
	return 0
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// readInput reads the file (or stdin for "-") and works out its format:
// from the extension for a file, by sniffing the content for stdin.
func readInput(name string, stdin io.Reader) ([]byte, readability.Format, error) {
	var r io.Reader
	if name == "-" {
		r = stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, "", fmt.Errorf("cannot read %s: %w", name, errors.Unwrap(err))
		}
		defer f.Close()
		r = f
	}
	src, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, "", fmt.Errorf("cannot read %s: %w", displayName(name), err)
	}
	if len(src) > maxInput {
		return nil, "", fmt.Errorf("%s is larger than %d MiB", displayName(name), maxInput>>20)
	}
	if name == "-" {
		return src, readability.SniffFormat(src), nil
	}
	format, ok := readability.FormatFromName(name)
	if !ok {
		return nil, "", fmt.Errorf("%s: unknown file type (use .txt, .md, .html, .docx or .odt)", name)
	}
	return src, format, nil
}

// jsonReport is the JSON shape of the command's output.
type jsonReport struct {
	Format             readability.Format `json:"format"`
	Profile            string             `json:"profile"`
	Sentences          int                `json:"sentences"`
	Words              int                `json:"words"`
	Syllables          int                `json:"syllables"`
	Letters            int                `json:"letters"`
	ComplexWords       int                `json:"complex_words"`
	FleschReadingEase  float64            `json:"flesch_reading_ease"`
	FleschKincaidGrade float64            `json:"flesch_kincaid_grade"`
	GunningFog         float64            `json:"gunning_fog"`
	SMOG               float64            `json:"smog"`
	ColemanLiau        float64            `json:"coleman_liau"`
	ARI                float64            `json:"ari"`
	ReadingAge         float64            `json:"reading_age"`
	TargetReadingAge   float64            `json:"target_reading_age"`
	// Explanations says what each score means, keyed by score ID.
	Explanations map[string]string `json:"explanations"`
	ShortText    bool              `json:"short_text"`
	Caveat       string            `json:"caveat"`
	// Rules explains each rule found once; issues name their rule.
	Rules  map[string]readability.RuleInfo `json:"rules"`
	Issues []readability.Issue             `json:"issues"`
}

func writeJSON(w io.Writer, r *readability.Report) error {
	out := jsonReport{
		Format: r.Format, Profile: r.Profile.Name,
		Sentences: r.Sentences, Words: r.Words, Syllables: r.Syllables,
		Letters: r.Letters, ComplexWords: r.ComplexWords,
		ReadingAge: r.ReadingAge, TargetReadingAge: r.Profile.TargetReadingAge,
		Explanations: map[string]string{}, ShortText: r.ShortText, Caveat: r.Caveat,
		Rules: r.Rules, Issues: r.Issues,
	}
	if out.Issues == nil {
		out.Issues = []readability.Issue{}
	}
	for _, s := range r.Scores {
		out.Explanations[s.ID] = s.Explanation
		switch s.ID {
		case "flesch_reading_ease":
			out.FleschReadingEase = s.Value
		case "flesch_kincaid_grade":
			out.FleschKincaidGrade = s.Value
		case "gunning_fog":
			out.GunningFog = s.Value
		case "smog":
			out.SMOG = s.Value
		case "coleman_liau":
			out.ColemanLiau = s.Value
		case "ari":
			out.ARI = s.Value
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeText(w io.Writer, name string, r *readability.Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s (%s, %s profile)\n", name, r.Format, r.Profile.Name)
	fmt.Fprintf(bw, "%d sentences, %d words, %d syllables\n\n", r.Sentences, r.Words, r.Syllables)
	for _, s := range r.Scores {
		fmt.Fprintf(bw, "%-28s %6.1f  %s\n", s.Name, s.Value, s.Explanation)
	}
	if r.AboveTarget {
		fmt.Fprintf(bw, "\nThe reading age of %.1f is above the %s target of %.0f.\n", r.ReadingAge, r.Profile.Name, r.Profile.TargetReadingAge)
	}
	if r.ShortText {
		fmt.Fprintf(bw, "\nThis text is short (under %d words or %d sentences), so the scores above are unreliable.\n",
			readability.ShortTextWords, readability.ShortTextSentences)
	}
	fmt.Fprintf(bw, "\n%s\n\n", r.Caveat)
	if len(r.Issues) == 0 {
		fmt.Fprintln(bw, "No issues found.")
	} else {
		fmt.Fprintf(bw, "%d issues:\n", len(r.Issues))
	}
	for _, is := range r.Issues {
		fmt.Fprintf(bw, "%s:%d:%d: %s: %s %s\n    %q\n", name, is.Line, is.Column, is.Rule, is.Message, is.Suggestion, oneLine(is.Text))
	}
	return bw.Flush()
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// runSyllables prints word<TAB>count for each line of stdin.
func runSyllables(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) != 0 {
		fmt.Fprintf(stderr, "coprod readability syllables: takes no arguments; give words on standard input, one a line\n")
		return 2
	}
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	bw := bufio.NewWriter(stdout)
	for sc.Scan() {
		word := strings.TrimSpace(sc.Text())
		if word == "" {
			continue
		}
		fmt.Fprintf(bw, "%s\t%d\n", word, readability.Syllables(word))
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(stderr, "coprod readability syllables: reading standard input: %v\n", err)
		return 2
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintf(stderr, "coprod readability syllables: writing output: %v\n", err)
		return 2
	}
	return 0
}
