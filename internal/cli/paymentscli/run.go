// Package paymentscli is the "coprod payments" command: the payment engine
// of internal/measure run offline, so finance teams can check the amounts
// a contract page shows from the same profile and reports.
package paymentscli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/coprod/coprod/internal/measure"
)

const usage = `Usage:
  coprod payments calc --profile PROFILE.json --reports REPORTS.csv [--format json|csv|text]

Works out what a contract's payment profile pays for the reported values:
per indicator and period, contract value × at-risk % ÷ number of periods ×
weight % × the share the payment curve gives, computed exactly and rounded
once to whole pence, half to even. An indicator with no report for a period
pays nothing and is shown as missing.

PROFILE.json: {"contract_value_pence": 120000000, "at_risk_percent": "1.5",
  "periods": ["2027-Q1", ...], "indicators": [{"id": "X1", "name": "...",
  "weight_percent": 30, "direction": "higher"|"lower", "curve": {"type":
  "linear", "zero_at": 50, "full_at": 75}}, ...]}
  Curves: {"type": "threshold", "target": N}, {"type": "linear", "zero_at": N,
  "full_at": N}, {"type": "bands", "bands": [{"reach": N, "pay_percent": N}]}.
  Optional "rating": {"good": 90, "approaching": 75, "requires_improvement": 50}.
  Numbers may be JSON numbers or decimal strings such as "1.25".
REPORTS.csv: header period,indicator,value; one row per indicator and period.
"-" reads standard input (for one of the two files).

Exit status: 0 done, 1 output could not be written, 2 usage or invalid input
(each problem is named by field, e.g. profile.json: indicators[2].curve.full_at,
or by line, e.g. reports.csv:7).
`

// maxInput bounds each input file; a real profile is a few kilobytes and a
// year of reports a few hundred.
const maxInput = 64 << 20

// Run runs "coprod payments" with the arguments after "payments" and
// returns the exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "calc":
		return calc(args[1:], stdin, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "coprod payments: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func calc(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("coprod payments calc", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	profilePath := fs.String("profile", "", "payment profile (JSON)")
	reportsPath := fs.String("reports", "", "reported values (CSV)")
	format := fs.String("format", "text", "json, csv or text")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprintf(stderr, "coprod payments calc: %v\n\n%s", err, usage)
		return 2
	}
	write, ok := writers[*format]
	switch {
	case !ok:
		fmt.Fprintf(stderr, "coprod payments calc: unknown --format %q (want json, csv or text)\n", *format)
		return 2
	case *profilePath == "" || *reportsPath == "":
		fmt.Fprintf(stderr, "coprod payments calc: give both --profile and --reports\n\n%s", usage)
		return 2
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "coprod payments calc: unexpected argument %q\n\n%s", fs.Arg(0), usage)
		return 2
	case *profilePath == "-" && *reportsPath == "-":
		fmt.Fprintln(stderr, "coprod payments calc: only one of --profile and --reports can be - (standard input)")
		return 2
	}

	profileData, err := readInput(*profilePath, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "coprod payments calc: %v\n", err)
		return 2
	}
	profile, err := measure.ParseProfileJSON(profileData, displayName(*profilePath))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	reportsData, err := readInput(*reportsPath, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "coprod payments calc: %v\n", err)
		return 2
	}
	reports, err := measure.ParseReportsCSV(bytes.NewReader(reportsData), displayName(*reportsPath), profile)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	res, err := measure.Calculate(profile, reports)
	if err != nil { // the parsers have checked everything Calculate checks
		fmt.Fprintln(stderr, err)
		return 2
	}
	if err := write(stdout, profile, res); err != nil {
		fmt.Fprintf(stderr, "coprod payments calc: writing output: %v\n", err)
		return 1
	}
	return 0
}

func displayName(path string) string {
	if path == "-" {
		return "standard input"
	}
	return path
}

// readInput reads a file, or standard input for "-", up to maxInput.
func readInput(path string, stdin io.Reader) ([]byte, error) {
	r := stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("cannot read %s: %v", path, pe.Err)
			}
			return nil, fmt.Errorf("cannot read %s: %v", path, err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", displayName(path), err)
	}
	if len(data) > maxInput {
		return nil, fmt.Errorf("%s is larger than %d MiB", displayName(path), maxInput>>20)
	}
	return data, nil
}
