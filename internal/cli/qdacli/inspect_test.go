package qdacli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/refiqda/refiqdatest"
)

// handwritten zips internal/refiqda's hand-written project (two coders,
// nested codes, memos) into a .qdpx.
func handwritten(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "walk.qdpx")
	if err := os.WriteFile(p, refiqdatest.Zip(t, "../../refiqda/testdata/handwritten"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestInspectText(t *testing.T) {
	code, out, errOut := run(t, "", "inspect", handwritten(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"REFI-QDA project \"Getting out and about\", written by hand-written test file\n",
		"Users (2):\n  Asha Patel\n  Ben Jones\n",
		"Codes (7):\n  Materials (a heading, not for coding), colour #1f77b4\n    Wheelchair, colour #aec7e8\n    Ramp, colour #AEC\n  Competences, colour #ff7f0e\n    Asking for help\n  Meanings (a heading, not for coding)\n    Independence, colour #2ca02c\n",
		"Sources (2):\n  Narrative 1: 192 characters, 5 selections\n  Policy excerpt: 82 characters, 3 selections\n",
		"Selections (8):\n  Narrative 1, characters 9 to 19, \"wheelchair\": Wheelchair by Asha Patel\n",
		"  Narrative 1, characters 40 to 76, \"The ramp at the library is too steep\": Ramp by Asha Patel; Ramp by Ben Jones\n",
		"  Policy excerpt, characters 0 to 23, \"Staff décided 😀 to help\": Asking for help by Ben Jones\n",
		"Notes (2):\n  Memo: going in alone by Ben Jones, on selection in Narrative 1 at 81 to 100: \"Independence here means not waiting for someone to fetch th…\"\n",
		"  Memo: the code Independence by Asha Patel, on code Independence: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Not imported") {
		t.Errorf("a file Coprod can read whole lists parts not imported:\n%s", out)
	}
}

func TestInspectJSONAndSkipped(t *testing.T) {
	p := filepath.Join(t.TempDir(), "mixed.qdpx")
	if err := os.WriteFile(p, refiqdatest.Zip(t, "../../refiqda/testdata/others"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "", "inspect", "--format", "json", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got inspection
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Kind != "project" || len(got.Selections) != 1 || got.Selections[0].Text != "bus fare" ||
		got.Selections[0].Codings[0].Code != "Cost" || got.Selections[0].Codings[0].User != "Researcher" || len(got.Skipped) != 10 {
		t.Errorf("%+v", got)
	}
	if code, out, _ := run(t, "", "inspect", p); code != 0 || !strings.Contains(out, "Not imported (10):\n  Sources/TextSource 1 (\"Interview A\"): 1 codings of the whole source\n") {
		t.Errorf("text: %s", out)
	}
}

func TestInspectCodebookAndQDE(t *testing.T) {
	code, out, errOut := run(t, "", "inspect", "../../refiqda/testdata/annex-a1.qdc")
	if code != 0 || !strings.HasPrefix(out, "REFI-QDA codebook\n\nCodes (6):\n  Topics (a heading, not for coding)\n  Economy, colour #ffff00\n") {
		t.Errorf("exit %d %s\n%s", code, errOut, out)
	}
	code, out, errOut = run(t, "", "inspect", "../../refiqda/testdata/others/project.qde")
	if code != 0 || !strings.Contains(out, "Interview A: 32 characters, 1 selections") {
		t.Errorf("exit %d %s\n%s", code, errOut, out)
	}
}

func TestInspectErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.qde")
	qde, _ := os.ReadFile("../../refiqda/testdata/others/project.qde")
	_ = os.WriteFile(bad, []byte(strings.Replace(string(qde), `endPosition="12"`, `endPosition="40"`, 1)), 0o600)
	notZip := filepath.Join(dir, "x.qdpx")
	_ = os.WriteFile(notZip, []byte("hello"), 0o600)
	other := filepath.Join(dir, "x.txt")
	_ = os.WriteFile(other, []byte("hello"), 0o600)
	for file, want := range map[string]string{
		bad:                        `bad.qde: project.qde: Sources/TextSource 1 ("Interview A")/PlainTextSelection 1: endPosition 40 is past the end of the text (32 characters)`,
		notZip:                     "x.qdpx: not a zip archive, so not a .qdpx file",
		other:                      "x.txt: not a REFI-QDA file",
		filepath.Join(dir, "none"): "no such file",
	} {
		code, out, errOut := run(t, "", "inspect", file)
		if code != 1 || out != "" || !strings.Contains(errOut, want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%s: exit %d, %q; want one line with %q", file, code, errOut, want)
		}
	}
	for _, args := range [][]string{{"inspect"}, {"inspect", "a", "b"}, {"inspect", "--format", "xml", "a"}} {
		if code, _, _ := run(t, "", args...); code != 2 {
			t.Errorf("%q: exit %d", args, code)
		}
	}
}
