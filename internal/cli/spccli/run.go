// Package spccli is the "coprod spc" command: an XmR chart in the NHS
// "Making Data Count" style worked out offline from a CSV file, with the
// same package (internal/spc) the web draws its charts with, so the two
// agree on the same series.
package spccli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/coprod/coprod/internal/spc"
)

const usage = `Usage:
  coprod spc [--direction up|down|neutral] [--format json|csv|text] FILE.csv

Works out an XmR chart: the mean, the mean moving range, the process limits
(mean ± 2.66 × mean moving range) and, for each point, the special-cause
signals it belongs to:
  outside       a point above the upper or below the lower process limit
  shift         7 or more points in a row above the mean, or below it
  trend         7 or more points in a row each higher, or each lower, than
                the one before
  two-of-three  2 of 3 points in a row beyond two-thirds of the way to a
                process limit, on the same side
A point exactly on a limit is inside it; a point exactly on the mean ends a
run; two equal values end a trend.

--direction   which way is better: up (higher is better), down, or neutral
              (the default: signals are called higher or lower, not
              improvement or concern)
--format      text (the default), json, or csv (one row per point)

FILE.csv: one column of values, or two columns: a date and a value. A header
row is optional (with two columns it names them date and value). Dates are
2026-03-02, 2026-03 or 02/03/2026, in time order. "-" reads standard input.

Exit status: 0 done, 1 output could not be written, 2 usage or invalid input
(each problem is named by line, e.g. values.csv:7).
`

// maxInput bounds the file: 100,000 values of 30 digits is about 3 MiB.
const maxInput = 8 << 20

// Run runs "coprod spc" with the arguments after "spc" and returns the
// exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("coprod spc", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	direction := fs.String("direction", "neutral", "up, down or neutral")
	format := fs.String("format", "text", "json, csv or text")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprintf(stderr, "coprod spc: %v\n\n%s", err, usage)
		return 2
	}
	dir, err := spc.ParseDirection(*direction)
	if err != nil {
		fmt.Fprintf(stderr, "coprod spc: --direction: %v\n", err)
		return 2
	}
	write, ok := writers[*format]
	switch {
	case !ok:
		fmt.Fprintf(stderr, "coprod spc: unknown --format %q (want json, csv or text)\n", *format)
		return 2
	case fs.NArg() != 1:
		fmt.Fprintf(stderr, "coprod spc: give one CSV file (or - for standard input)\n\n%s", usage)
		return 2
	}
	name := fs.Arg(0)
	data, err := readFile(name, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "coprod spc: %v\n", err)
		return 2
	}
	if name == "-" {
		name = "standard input"
	}
	series, err := readSeries(name, data)
	if err != nil {
		fmt.Fprintf(stderr, "coprod spc: %v\n", err)
		return 2
	}
	chart, err := spc.New(series.Values, dir)
	if err != nil { // readSeries has checked there are two values
		fmt.Fprintf(stderr, "coprod spc: %v\n", err)
		return 2
	}
	if err := write(stdout, chart, series); err != nil {
		fmt.Fprintf(stderr, "coprod spc: writing output: %v\n", err)
		return 1
	}
	return 0
}

// readFile reads a named file or, for "-", standard input, refusing
// anything over maxInput.
func readFile(name string, stdin io.Reader) ([]byte, error) {
	src := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		src = f
	}
	data, err := io.ReadAll(io.LimitReader(src, maxInput+1))
	switch {
	case err != nil:
		return nil, err
	case len(data) > maxInput:
		return nil, fmt.Errorf("%s is larger than %d MiB", name, maxInput>>20)
	}
	return data, nil
}
