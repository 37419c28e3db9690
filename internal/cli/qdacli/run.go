// Package qdacli is the "coprod qda" command: offline tools for
// qualitative coding. "coprod qda agreement" measures how far coders agree
// (internal/agreement, the same code the web uses) from a CSV of units by
// coders; "coprod qda inspect" shows what a REFI-QDA file holds as the
// importer (internal/refiqda) reads it.
package qdacli

import (
	"fmt"
	"io"
)

const usage = `Usage:
  coprod qda agreement [--metric alpha|fleiss|cohen|percent] [--level nominal|ordinal|interval|ratio]
                       [--bootstrap N] [--seed S] [--format json|text] FILE.csv|-
  coprod qda inspect [--format json|text] FILE.qdpx|FILE.qdc|project.qde

agreement reads reliability data: a header row naming the coders, then one
row per unit with each coder's value (a blank cell is a missing value), and
prints the agreement figure with the counts it rests on (units, coders,
pairable values). The metric defaults to alpha (Krippendorff's), whose level
defaults to nominal; the ordinal, interval and ratio levels need numbers.
Alpha comes with a bootstrapped 95% interval (Hayes and Krippendorff 2007)
of N samples (default 1000; 0 for none) from a fixed seed, so the same data
gives the same interval. "-" reads standard input.

inspect prints what a REFI-QDA project (.qdpx) or codebook (.qdc) holds as
Coprod's importer reads it: users, codes with their hierarchy, sources with
their lengths in characters, each selection (source, start and end
characters, the words, the codes applied and by whom), notes and what they
are attached to, and the parts of the file Coprod does not import; or one
error naming the part of the file that is wrong.

Exit status: 0 the figure is computed, or the file read; 1 the file is
wrong (the message says where: line and column of a CSV, the part of a
REFI-QDA file) or the figure is undefined for this data (the counts are
printed with the reason); 2 a usage error.
`

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

// Run runs "coprod qda" with the arguments after "qda" and returns the exit
// code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "agreement":
		return runAgreement(args[1:], stdin, stdout, stderr)
	case "inspect":
		return runInspect(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "coprod qda: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}
