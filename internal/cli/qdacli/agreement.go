package qdacli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/coprod/coprod/internal/agreement"
)

// agreementArgs are the options of "coprod qda agreement".
type agreementArgs struct {
	metric, format, file string
	level                agreement.Level
	samples              int
	seed                 uint64
}

func parseAgreementArgs(args []string) (agreementArgs, error) {
	fs := flag.NewFlagSet("coprod qda agreement", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var a agreementArgs
	fs.StringVar(&a.metric, "metric", "alpha", "alpha, fleiss, cohen or percent")
	level := fs.String("level", "nominal", "nominal, ordinal, interval or ratio")
	fs.StringVar(&a.format, "format", "text", "json or text")
	fs.IntVar(&a.samples, "bootstrap", agreement.MinSamples, "bootstrap samples for alpha's interval; 0 for none")
	fs.Uint64Var(&a.seed, "seed", agreement.DefaultSeed, "the bootstrap's seed")
	if err := fs.Parse(args); err != nil {
		return a, err
	}
	var err error
	if a.level, err = agreement.ParseLevel(*level); err != nil {
		return a, err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case !slices.Contains(agreement.Metrics, a.metric):
		return a, fmt.Errorf("unknown metric %q (the metrics are %s)", a.metric, strings.Join(agreement.Metrics, ", "))
	case a.metric != "alpha" && set["level"] && a.level != agreement.Nominal:
		return a, fmt.Errorf("--level is for alpha only: %s compares values as categories", a.metric)
	case a.metric != "alpha" && set["bootstrap"]:
		return a, fmt.Errorf("--bootstrap is for alpha only")
	case a.samples != 0 && a.samples < agreement.MinSamples:
		return a, fmt.Errorf("--bootstrap needs at least %d samples, or 0 for no interval", agreement.MinSamples)
	case a.format != "json" && a.format != "text":
		return a, fmt.Errorf("unknown format %q (want json or text)", a.format)
	case fs.NArg() != 1:
		return a, fmt.Errorf("give one CSV file (or - for standard input)")
	}
	if a.metric != "alpha" {
		a.samples = 0
	}
	a.file = fs.Arg(0)
	return a, nil
}

func runAgreement(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a, err := parseAgreementArgs(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "coprod qda agreement: %v\n\n%s", err, usage)
		return exitUsage
	}
	in, name := stdin, "standard input"
	if a.file != "-" {
		f, err := os.Open(a.file)
		if err != nil {
			fmt.Fprintf(stderr, "coprod qda agreement: %v\n", err)
			return exitInvalid
		}
		defer f.Close()
		in, name = f, a.file
	}
	data, err := readTable(name, in, a.level)
	if err != nil {
		fmt.Fprintf(stderr, "coprod qda agreement: %v\n", err)
		return exitInvalid
	}
	rep := compute(data, a)
	var undefined *agreement.UndefinedError
	if rep.err != nil && !errors.As(rep.err, &undefined) {
		fmt.Fprintf(stderr, "coprod qda agreement: %s: %v\n", name, strings.TrimPrefix(rep.err.Error(), "agreement: "))
		return exitInvalid
	}
	if err := rep.write(stdout, a.format); err != nil {
		fmt.Fprintf(stderr, "coprod qda agreement: %v\n", err)
		return exitInvalid
	}
	if rep.err != nil {
		fmt.Fprintf(stderr, "coprod qda agreement: %v\n", rep.err)
		return exitInvalid
	}
	return exitOK
}
