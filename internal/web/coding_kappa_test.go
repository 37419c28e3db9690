package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/cli/qdacli"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/refiqda"
	"github.com/coprod/coprod/internal/store"
)

// TestCodingKappasAndReconciledExport, on the demo project (two coders,
// both submitted): the comparison page shows Cohen's and Fleiss' kappa for
// every code beside alpha, and for Disables and Independence and control
// they are what `coprod qda agreement --metric cohen|fleiss` gives on the
// page's reliability data (the CLI agrees with the web). The .qdpx export
// holds the reconciled coding as a third user: 18 units, counted by hand
// from internal/demo/coding.go (17 sentences both coders coded alike, and
// the one of the first narrative they differed on, reconciled).
func TestCodingKappasAndReconciledExport(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	c := s.client(t)
	c.loginAs("researcher")
	base := demoCodingProject(t, c)
	cmp := c.get(base + "/compare")
	if !strings.Contains(cmp.Body, `<th scope="col">Cohen's kappa</th><th scope="col">Fleiss' kappa</th>`) {
		t.Fatal("the comparison has no kappa columns")
	}
	codes, _ := s.DB.Codes(context.Background(), strings.TrimPrefix(base, "/coding/"))
	for _, code := range codes {
		if code.Name != "Disables" && code.Name != "Independence and control" {
			continue
		}
		csv := c.get(base + "/agreement.csv?code=" + code.ID)
		file := filepath.Join(t.TempDir(), "code.csv")
		if err := os.WriteFile(file, []byte(csv.Body), 0o600); err != nil {
			t.Fatal(err)
		}
		cli := map[string]string{}
		for _, metric := range []string{"alpha", "percent", "cohen", "fleiss"} {
			var out, errOut bytes.Buffer
			args := []string{"agreement", "--metric", metric, "--format", "json", file}
			if metric == "alpha" {
				args = append(args[:1], append([]string{"--bootstrap", "0"}, args[1:]...)...)
			}
			if rc := qdacli.Run(args, nil, &out, &errOut); rc != 0 {
				t.Fatalf("coprod qda agreement --metric %s: %d %s", metric, rc, errOut.String())
			}
			var got struct{ Value float64 }
			if err := json.Unmarshal(out.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			cli[metric] = fmt.Sprintf("%.3f", got.Value)
		}
		row := fmt.Sprintf(`<th scope="row">%s</th><td>%s</td><td>%s</td><td>%s</td><td>%s</td>`, code.Name, cli["alpha"], cli["percent"], cli["cohen"], cli["fleiss"])
		if !strings.Contains(cmp.Body, row) {
			t.Errorf("the page lacks %s", row)
		}
	}

	exp := c.get(base + "/export.qdpx")
	p, err := refiqda.ReadQDPX(strings.NewReader(exp.Body), int64(len(exp.Body)))
	if err != nil {
		t.Fatal(err)
	}
	var reconciled string
	for _, u := range p.Users {
		if u.Name == qda.ReconciledName {
			reconciled = u.GUID
		}
	}
	n := 0
	for _, src := range p.Sources {
		for _, sel := range src.Selections {
			if sel.CreatingUser == reconciled {
				n++
			}
		}
	}
	if len(p.Users) != 3 || reconciled == "" || n != 18 {
		t.Errorf("export: %d users, reconciled %q with %d selections; want 3 users, 18", len(p.Users), reconciled, n)
	}
}
