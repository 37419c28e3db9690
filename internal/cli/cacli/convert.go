package cacli

import (
	"flag"
	"fmt"
	"io"

	"github.com/coprod/coprod/transcript"
)

func convert(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("coprod ca convert", flag.ContinueOnError)
	fs.SetOutput(stderr)
	to := fs.String("to", "", "target format: chat, jefferson or json")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, "coprod ca convert: give one FILE\n", usage)
		return 2
	}
	var write func(io.Writer, *transcript.Transcript) error
	switch *to {
	case "chat", "cha":
		write = transcript.WriteCHAT
	case "jefferson", "txt":
		write = transcript.WriteJefferson
	case "json":
		write = transcript.WriteJSON
	default:
		fmt.Fprintf(stderr, "coprod ca convert: --to must be chat, jefferson or json\n")
		return 2
	}
	name := fs.Arg(0)
	in, err := open(name, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "coprod ca convert: %v\n", err)
		return 1
	}
	defer in.close()
	t, err := transcript.Read(in.format, name, in.r)
	if err != nil {
		fmt.Fprintf(stderr, "coprod ca convert: %v\n", err)
		return 1
	}
	if err := write(stdout, t); err != nil {
		fmt.Fprintf(stderr, "coprod ca convert: %v\n", err)
		return 1
	}
	return 0
}
