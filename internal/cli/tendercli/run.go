// Package tendercli is the "coprod tender" command: it scores a tender
// offline from an invitation to tender (itt.json) and the panels' consensus
// scores (scores.csv) with the same engine as the web, internal/tender, and
// prints the result as JSON or text.
//
// This package only reads files, checks them line by line and formats the
// engine's answer; every weight, score, total and stake range is worked out
// exactly by the engine, and numbers are rounded only when written out.
package tendercli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/tender"
)

const usage = `Usage:
  coprod tender score --itt ITT.json --scores SCORES.csv [--format json|text]

Scores every bid of an invitation to tender from the panels' consensus
scores, exactly, and shows the ranking, failures on minimum scores and how
the result depends on the lived experience group's stake. "-" reads one of
the two files from standard input.

ITT.json:
  {"title": "...", "stake_percent": 20, "price_weight_percent": 30, "scale_max": 5,
   "tie_break": ["highest_quality", "highest_lep", "lowest_price"],
   "criteria": [{"id": "Q1", "title": "...", "weight_percent": 30, "panel": "commissioner"},
                {"id": "Q3", "title": "...", "weight_percent": 12, "panel": "lived_experience", "min_score": 2},
                {"id": "Q5", "title": "...", "weight_percent": 16, "panel": "joint", "lep_share": 0.5}],
   "bids": [{"id": "A", "name": "...", "price_pence": 100000000}]}
  Numbers may be JSON numbers or strings ("12.5", "1/3", "20%"); they are
  read exactly, never through floating point. title, scale_max (default 5) and
  tie_break (default as above) are optional. At most 200 bids and 100 criteria.

SCORES.csv:
  bid,criterion,score[,panel][,rationale]  (header first; one consensus score a
  line; panel is commissioner or lived_experience, needed for joint criteria)

Exit status: 0 scored; 1 a file is missing, unreadable or wrong (the message
names the file and the field or line); 2 a usage error, or an ITT that breaks
the stake invariant (the message says by how much).
`

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
	exitStake   = 2 // issue 5: an ITT that breaks the stake invariant
)

// Limits that keep a run quick whatever the files hold. Real tenders have
// a handful of criteria and at most a few dozen bids. The engine's stake
// sensitivity grows with about the square of the number of bids (it walks
// from one possible change of winner to the next, comparing the leading
// bids with every other): 200 bids take about 30 ms (BenchmarkSensitivity).
const (
	maxFileBytes = 8 << 20
	maxBids      = 200
	maxCriteria  = 100
	maxProblems  = 20 // problems listed before "and N more"
)

// Run runs "coprod tender" with the arguments after "tender" and returns the
// exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "score":
		return score(args[1:], stdin, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "coprod tender: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

func score(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("coprod tender score", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	ittName := fs.String("itt", "", "the invitation to tender, as JSON")
	scoresName := fs.String("scores", "", "the consensus scores, as CSV")
	format := fs.String("format", "text", "json or text")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return exitOK
		}
		fmt.Fprintf(stderr, "coprod tender score: %v\n\n%s", err, usage)
		return exitUsage
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "coprod tender score: unexpected argument %q; give the files with --itt and --scores\n\n%s", fs.Arg(0), usage)
		return exitUsage
	case *ittName == "" || *scoresName == "":
		fmt.Fprintf(stderr, "coprod tender score: give both --itt and --scores\n\n%s", usage)
		return exitUsage
	case *ittName == "-" && *scoresName == "-":
		fmt.Fprintf(stderr, "coprod tender score: only one of --itt and --scores can read standard input\n")
		return exitUsage
	case *format != "json" && *format != "text":
		fmt.Fprintf(stderr, "coprod tender score: unknown format %q (want json or text)\n", *format)
		return exitUsage
	}

	ittData, err := readFile(*ittName, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "coprod tender score: %v\n", err)
		return exitInvalid
	}
	scoresData, err := readFile(*scoresName, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "coprod tender score: %v\n", err)
		return exitInvalid
	}
	in, code, problems := load(displayName(*ittName), ittData, displayName(*scoresName), scoresData)
	if code != exitOK {
		report(stderr, problems)
		return code
	}
	res, err := tender.Evaluate(in.itt, in.bids, in.scores)
	if err != nil {
		// load checks everything Evaluate does, with file and line; this is
		// a backstop that still says what is wrong.
		report(stderr, engineProblems(displayName(*ittName), err))
		return exitInvalid
	}
	rep := tender.NewReport(in.itt, res)
	if *format == "json" {
		err = rep.WriteJSON(stdout) // numbers rounded to tender.OutputPlaces, exact values beside them
	} else {
		err = writeText(stdout, in, rep)
	}
	if err != nil {
		fmt.Fprintf(stderr, "coprod tender score: writing the result: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// input is a tender read from its two files, ready for the engine.
type input struct {
	ittName, scoresName string
	titled              bool // whether itt.json gave a title
	itt                 tender.ITT
	bids                []tender.Bid
	scores              []tender.Consensus
}

// load reads and checks both files: the ITT first (its structure, then the
// stake invariant, then the weights), then the scores against it. It
// returns exitOK, or the exit code and the problems to print.
func load(ittName string, ittData []byte, scoresName string, scoresData []byte) (*input, int, []string) {
	in := &input{ittName: ittName, scoresName: scoresName}
	var probs []string
	in.itt, in.bids, in.titled, probs = parseITT(ittName, ittData)
	if len(probs) > 0 {
		return nil, exitInvalid, probs
	}
	if err := in.itt.Validate(); err != nil {
		return nil, exitInvalid, engineProblems(ittName, err)
	}
	if c := tender.CheckStake(in.itt); !c.OK {
		return nil, exitStake, stakeProblem(ittName, in.itt, c)
	}
	if err := in.itt.ValidateForScoring(); err != nil {
		return nil, exitInvalid, engineProblems(ittName, err)
	}
	in.scores, probs = parseScores(scoresName, scoresData, in.itt, in.bids)
	if len(probs) > 0 {
		return nil, exitInvalid, probs
	}
	return in, exitOK, nil
}

// stakeProblem says that the ITT breaks the stake invariant and by how
// much, in the engine's words, and shows the two presets' corrected weights.
func stakeProblem(name string, t tender.ITT, c tender.StakeCheck) []string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s breaks the stake invariant: %s", name, c.Message())
	for _, f := range c.Fixes {
		fmt.Fprintf(&b, "\n  To fix it with %s: %s", f.Preset, f.Summary)
		for i, cr := range f.Criteria {
			old := t.Criteria[i]
			fmt.Fprintf(&b, "\n    %s: %s%%", cr.ID, cr.Weight)
			if cr.Panel == tender.Joint {
				fmt.Fprintf(&b, ", joint, lep_share %s", cr.LEPShare)
			} else {
				fmt.Fprintf(&b, ", %s", cr.Panel)
			}
			if !cr.Weight.Equal(old.Weight) || cr.Panel != old.Panel || !cr.LEPShare.Equal(old.LEPShare) {
				fmt.Fprintf(&b, " (%s has %s%%, %s)", name, old.Weight, old.Panel)
			}
		}
	}
	for _, u := range c.Unfixable {
		fmt.Fprintf(&b, "\n  %s", u)
	}
	return []string{b.String()}
}

// engineProblems lists the field errors of an engine error, naming each
// field as itt.json spells it.
func engineProblems(name string, err error) []string {
	fields := apperr.FieldsOf(err)
	if len(fields) == 0 {
		return []string{name + ": " + apperr.Message(err)}
	}
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		out = append(out, fmt.Sprintf("%s: %s: %s", name, ittField(f.Field), f.Message))
	}
	return out
}

// ittField maps the engine's field names to itt.json's.
func ittField(f string) string {
	switch {
	case strings.HasPrefix(f, "scale."):
		return "scale_max"
	case strings.HasSuffix(f, ".question"):
		return strings.TrimSuffix(f, ".question") + ".title"
	}
	return f
}

// report prints problems, at most maxProblems of them.
func report(w io.Writer, problems []string) {
	for i, p := range problems {
		if i == maxProblems {
			fmt.Fprintf(w, "coprod tender score: … and %d more problems\n", len(problems)-maxProblems)
			break
		}
		fmt.Fprintf(w, "coprod tender score: %s\n", p)
	}
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// readFile reads name, or standard input for "-", up to maxFileBytes.
func readFile(name string, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, fmt.Errorf("cannot read %s: %v", name, err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", displayName(name), err)
	}
	if len(data) > maxFileBytes {
		return nil, fmt.Errorf("%s is larger than %d MiB", displayName(name), maxFileBytes>>20)
	}
	return data, nil
}
