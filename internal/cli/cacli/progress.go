package cacli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// progressMin is how many files make a progress bar worth drawing.
const progressMin = 3

// progress draws a bar on stderr when it is a terminal and there are
// many files; otherwise it does nothing.
type progress struct {
	w     io.Writer
	total int
	on    bool
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, total: total, on: total >= progressMin && isTerminal(w)}
}

// isTerminal: a character device, by os.File.Stat alone.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (p *progress) step(i int, name string) {
	if !p.on {
		return
	}
	const width = 30
	done := width * i / p.total
	base := filepath.Base(name)
	if len(base) > 30 {
		base = base[:27] + "..."
	}
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d %-30s", strings.Repeat("=", done), strings.Repeat(" ", width-done), i+1, p.total, base)
}

// clear wipes the bar so that a message can be printed, and returns the writer.
func (p *progress) clear() io.Writer {
	if p.on {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", 80))
	}
	return p.w
}

func (p *progress) done() { p.clear() }
