package transcript

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"testing"
)

// chatStream produces a CHAT transcript line by line as it is read, so the
// test holds no copy of the file: whatever memory grows is the reader's.
type chatStream struct {
	limit   int64 // bytes of main and dependent tiers to produce
	written int64
	line    int
	t       int64
	pending []byte
	state   int // 0 header, 1 body, 2 footer, 3 done
}

func (s *chatStream) Read(p []byte) (int, error) {
	for len(s.pending) == 0 {
		switch s.state {
		case 0:
			s.pending = []byte("@UTF8\n@Begin\n@Languages:\teng\n@Participants:\tSUP Sam Support_Worker, PER Alex Person_Supported\n")
			s.state = 1
		case 1:
			if s.written >= s.limit {
				s.state = 2
				continue
			}
			l := benchLines[s.line%len(benchLines)]
			s.line++
			if l[0] == '%' {
				s.pending = []byte(l + "\n")
			} else {
				s.pending = fmt.Appendf(nil, "%s \x15%d_%d\x15\n", l, s.t, s.t+1800)
				s.t += 2000
			}
			s.written += int64(len(s.pending))
		case 2:
			s.pending = []byte("@End\n")
			s.state = 3
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, s.pending)
	s.pending = s.pending[n:]
	return n, nil
}

// liveHeap is the heap in use after a full collection: what is retained.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestCHATMemoryBoundedByUtteranceNotFile reads and measures 32 MB of CHAT
// (about 470,000 utterances) streamed from a generator and checks that the
// memory the decoder and analyser retain stops growing once the speakers
// are known: what is kept after 4 MB is what is kept after 32 MB, give or
// take 1 MiB. Keeping anything per utterance (a slice of turns, say) would
// retain tens of megabytes here.
func TestCHATMemoryBoundedByUtteranceNotFile(t *testing.T) {
	const total, first = 32 << 20, 4 << 20
	src := &chatStream{limit: total}
	d := NewCHATDecoder("stream.cha", src)
	a := NewAnalyser(Options{})
	var early, peak uint64
	checked, n := 0, 0
	for {
		u, err := d.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		a.Add(u)
		n++
		if n%20000 != 0 {
			continue
		}
		h := liveHeap()
		if early == 0 && src.written >= first {
			early = h
		} else if early != 0 {
			peak = max(peak, h)
			checked++
		}
	}
	r := a.Report("stream.cha", d.Header())
	if r.Utterances != n || n < 400000 {
		t.Fatalf("report counts %d utterances, read %d", r.Utterances, n)
	}
	if checked < 10 {
		t.Fatalf("only %d heap checkpoints after the first 4 MB", checked)
	}
	const slack = 1 << 20
	if peak > early+slack {
		t.Errorf("retained heap grew from %d KiB after 4 MB to %d KiB by 32 MB: memory follows the file, not the longest utterance", early>>10, peak>>10)
	}
	t.Logf("%d utterances; retained heap %d KiB after 4 MB, at most %d KiB to 32 MB", n, early>>10, peak>>10)
}
