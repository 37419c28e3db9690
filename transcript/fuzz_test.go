package transcript

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/coprod/coprod/internal/testkit"
)

// seeds adds the shared files and our testdata matching the patterns.
func seeds(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		for _, base := range []string{testkit.SharedDataDir(f), "testdata"} {
			files, _ := filepath.Glob(filepath.Join(base, p))
			for _, name := range files {
				b, err := os.ReadFile(name)
				if err != nil {
					continue
				}
				if len(b) > 64<<10 {
					b = b[:64<<10] // the big ELAN sample: its start is enough
				}
				f.Add(b)
			}
		}
	}
}

// fuzzDecode reads data, checks that errors carry positions, and on
// success measures and converts the transcript, none of which may panic.
func fuzzDecode(t *testing.T, format Format, data []byte) {
	d, err := NewDecoder(format, "fuzz", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	a := NewAnalyser(Options{})
	tr := &Transcript{Name: "fuzz"}
	for {
		u, err := d.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Column < 1 {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		a.Add(u)
		tr.Utterances = append(tr.Utterances, u.Clone())
	}
	tr.Header = *d.Header()
	a.Report("fuzz", d.Header())
	var buf bytes.Buffer
	if err := WriteCHAT(&buf, tr); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(FormatCHAT, "fuzz.cha", bytes.NewReader(buf.Bytes())); err != nil && len(tr.Utterances) > 0 {
		t.Fatalf("converted CHAT does not read back: %v\n%q", err, buf.String())
	}
	buf.Reset()
	if err := WriteJefferson(&buf, tr); err != nil {
		t.Fatal(err)
	}
	_ = WriteJSON(io.Discard, tr)
}

func FuzzCHAT(f *testing.F) {
	seeds(f, "chat/reference/*.cha", "chat/invalid/*.cha", "*.cha")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, FormatCHAT, data) })
}

func FuzzEAF(f *testing.F) {
	seeds(f, "eaf/*.eaf", "*.eaf")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, FormatEAF, data) })
}

func FuzzVTT(f *testing.F) {
	seeds(f, "*.vtt")
	f.Add([]byte("WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>hi <c.x>there</c>?\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, FormatVTT, data) })
}

func FuzzSRT(f *testing.F) {
	seeds(f, "*.srt")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, FormatSRT, data) })
}

func FuzzJefferson(f *testing.F) {
	seeds(f, "*.txt")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, FormatJefferson, data) })
}
