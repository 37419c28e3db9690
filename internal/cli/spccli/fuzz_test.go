package spccli

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/spc"
)

// FuzzReadSeries feeds arbitrary bytes to the CSV reader and checks that:
//
//   - nothing panics, and a refusal names the file (and, for a row, its line);
//   - what the reader accepts, internal/spc accepts: at least two values,
//     and dates (when there are any) one for each value, in time order;
//   - the chart can be written in every format, the JSON valid.
func FuzzReadSeries(f *testing.F) {
	shift, err := os.ReadFile("testdata/shift.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(shift)
	f.Add([]byte("1\n2\n3\n"))
	f.Add([]byte("\ufeffValue,Date\r\n3,01/03/2026\r\n5,02/03/2026\r\n"))
	f.Add([]byte("value\n1e30\n-1e-30\n.5\n"))
	f.Add([]byte("date,value\n2026-01,1\n2026-01-02,2\n"))
	f.Add([]byte("\"1\n2"))
	f.Add([]byte("a,b,c\n"))

	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := readSeries("in.csv", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "in.csv") {
				t.Fatalf("error without the file's name: %v", err)
			}
			return
		}
		if len(s.Values) < 2 || (s.Dates != nil && len(s.Dates) != len(s.Values)) {
			t.Fatalf("%d values, %d dates", len(s.Values), len(s.Dates))
		}
		for i := 1; i < len(s.Dates); i++ {
			if !s.Dates[i].Time.After(s.Dates[i-1].Time) {
				t.Fatalf("dates out of order: %v", s.Dates)
			}
		}
		c, err := spc.New(s.Values, spc.Up)
		if err != nil {
			t.Fatalf("reader accepted what spc refuses: %v", err)
		}
		for name, w := range writers {
			var b bytes.Buffer
			if err := w(&b, c, s); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if name == "json" && !json.Valid(b.Bytes()) {
				t.Fatalf("invalid JSON:\n%s", b.String())
			}
		}
	})
}
