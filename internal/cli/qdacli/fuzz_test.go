package qdacli

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/agreement"
)

// FuzzReadTable feeds arbitrary text to the CSV reader at each level and
// checks that nothing panics, that a refusal names the file, and that
// what it accepts every metric can measure (a figure, or undefined with a
// reason), and prints as JSON and text.
func FuzzReadTable(f *testing.F) {
	example, err := os.ReadFile("testdata/krippendorff2011.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(example, uint8(0))
	f.Add(example, uint8(3))
	f.Add([]byte("a,b\n1,-2\n"), uint8(3))
	f.Add([]byte("\ufeffa,b\nx,\"y\"\"\"\n,\n"), uint8(0))
	f.Add([]byte("a;b\n1;2\n"), uint8(1))
	f.Add([]byte("a,b\n1e400,2\nNaN,0x1p3\n"), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, lv uint8) {
		level := agreement.Level(lv % 4)
		d, err := readTable("f.csv", bytes.NewReader(data), level)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.csv") {
				t.Fatalf("error without the file's name: %v", err)
			}
			return
		}
		if d.table.Units() == 0 || len(d.coders) != d.table.Coders {
			t.Fatalf("accepted an empty or misshapen table: %+v", d)
		}
		for _, m := range agreement.Metrics {
			rep := compute(d, agreementArgs{metric: m, level: level})
			var u *agreement.UndefinedError
			if rep.err != nil && !errors.As(rep.err, &u) {
				t.Fatalf("%s: the reader accepted what %s refuses: %v", level, m, rep.err)
			}
			for _, format := range []string{"json", "text"} {
				if err := rep.write(&bytes.Buffer{}, format); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}
