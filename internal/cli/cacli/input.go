package cacli

import (
	"bufio"
	"io"
	"os"

	"github.com/coprod/coprod/transcript"
)

// input is an open transcript file with its detected format.
type input struct {
	name   string
	format transcript.Format
	r      *bufio.Reader
	close  func() error
}

// open opens name ("-" for stdin) and detects its format from its first
// bytes and its extension.
func open(name string, stdin io.Reader) (*input, error) {
	in := &input{name: name, close: func() error { return nil }}
	var src io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		src, in.close = f, f.Close
	}
	in.r = bufio.NewReaderSize(src, 64<<10)
	head, _ := in.r.Peek(1024)
	in.format, _ = transcript.Detect(name, head)
	return in, nil
}
