package refiqda_test

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/refiqda"
)

// FuzzReadQDE feeds arbitrary text to the project reader (and the codebook
// reader) and checks that nothing panics, that a refusal says where, and
// that whatever is read writes back and reads again unchanged.
func FuzzReadQDE(f *testing.F) {
	for _, name := range []string{"testdata/others/project.qde", "testdata/annex-a1.qdc"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="c0000000-0000-4000-8000-000000000101"><PlainTextContent>a&#xD;b</PlainTextContent><PlainTextSelection guid="c0000000-0000-4000-8000-000000000102" startPosition="0" endPosition="3"/></TextSource></Sources></Project>`))
	f.Add([]byte(`<Project xmlns="urn:QDA-XML:project:1.0"><CodeBook><Codes><Code guid="{C0000000-0000-4000-8000-000000000101}" name="a" isCodable="0"><Code guid="c0000000-0000-4000-8000-000000000102" name="b" isCodable="true"/></Code></Codes></CodeBook></Project>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := refiqda.ReadQDE(data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "project.qde: ") {
				t.Fatalf("an error that does not name the file: %v", err)
			}
		} else {
			out, err := refiqda.MarshalQDE(p, false)
			if err != nil {
				t.Fatalf("read but cannot write: %v\n%+v", err, p)
			}
			back, err := refiqda.ReadQDE(out)
			if err != nil {
				t.Fatalf("wrote what does not read: %v\n%s", err, out)
			}
			p.Skipped, back.Skipped = nil, nil
			if !reflect.DeepEqual(p, back) {
				t.Fatalf("round trip changed the project:\n%+v\n%+v", p, back)
			}
		}
		if cb, err := refiqda.ReadQDC(data); err == nil {
			var sb strings.Builder
			if err := refiqda.WriteQDC(&sb, cb); err != nil {
				t.Fatalf("codebook read but cannot write: %v", err)
			}
		}
	})
}
