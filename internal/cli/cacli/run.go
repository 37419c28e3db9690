// Package cacli is the "coprod ca" command: conversation analysis of
// transcripts (CHAT, ELAN, WebVTT, SRT, Jefferson-style text) with the
// transcript package.
package cacli

import (
	"fmt"
	"io"
)

const usage = `usage:
  coprod ca analyse [--format json|csv|text] [--roles ID=supporter,ID=supported] [--keep-going] FILE...
  coprod ca convert --to chat|jefferson|json FILE

The format of each file is detected from its content and extension.
"-" reads standard input. "analyze" is accepted for "analyse".
`

// Run runs "coprod ca" with the arguments after "ca" and returns the exit
// code: 0 success, 1 invalid input or a file that cannot be read, 2 usage.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "analyse", "analyze":
		return analyse(args[1:], stdin, stdout, stderr)
	case "convert":
		return convert(args[1:], stdin, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "coprod ca: unknown command %q\n%s", args[0], usage)
	return 2
}
