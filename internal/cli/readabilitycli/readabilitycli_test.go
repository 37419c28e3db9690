package readabilitycli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

const letter = "Dear Ms Patel,\n\nYour appointment is at 14:30. In order to help, please don't be late.\n"

func TestJSONOutput(t *testing.T) {
	code, out, errOut := run(t, "", "--format", "json", writeFile(t, "letter.txt", letter))
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"sentences", "words", "syllables", "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau", "ari", "reading_age", "issues", "explanations", "caveat"} {
		if _, ok := got[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	// hand count: "Dear Ms Patel," / "Your appointment is at 14:30." /
	// "In order to help, please don't be late." = 3 sentences, 3+5+8 = 16 words
	if got["sentences"].(float64) != 3 || got["words"].(float64) != 16 {
		t.Errorf("sentences %v words %v, want 3 and 16", got["sentences"], got["words"])
	}
	issues := got["issues"].([]any)
	seen := map[string]map[string]any{}
	for _, i := range issues {
		m := i.(map[string]any)
		for _, k := range []string{"rule", "line", "column", "text", "message", "suggestion"} {
			if _, ok := m[k]; !ok {
				t.Errorf("issue lacks %q: %v", k, m)
			}
		}
		seen[m["rule"].(string)] = m
	}
	tf := seen["time-format"]
	if tf == nil || tf["text"] != "14:30" || tf["line"].(float64) != 3 || tf["column"].(float64) != 24 {
		t.Errorf("time-format issue = %v, want \"14:30\" at 3:24 (\"Your appointment is at \" is 23 characters)", tf)
	}
	if w := seen["wordy-phrase"]; w == nil || w["text"] != "In order to" {
		t.Errorf("wordy-phrase issue = %v", w)
	}
}

func TestTextOutputAndFailOn(t *testing.T) {
	p := writeFile(t, "letter.md", "# Your visit\n\nPlease come *in order to* talk.\n")
	code, out, _ := run(t, "", "--fail-on", "issues", p)
	if code != 1 {
		t.Errorf("exit %d with issues and --fail-on issues, want 1", code)
	}
	if !strings.Contains(out, p+":3:14: wordy-phrase:") || !strings.Contains(out, "Flesch Reading Ease") || !strings.Contains(out, "short") {
		t.Errorf("text output:\n%s", out)
	}
	clean := writeFile(t, "clean.txt", "We will see you soon.")
	if code, _, _ := run(t, "", "--fail-on", "issues", clean); code != 0 {
		t.Errorf("exit %d for a clean text, want 0", code)
	}
	if code, _, _ := run(t, "", p); code != 0 {
		t.Errorf("exit %d without --fail-on, want 0", code)
	}
}

func TestEasyReadProfile(t *testing.T) {
	p := writeFile(t, "l.txt", "You can come to the group on Monday because it is free for everyone.")
	_, plain, _ := run(t, "", "--format", "json", p)
	_, easy, _ := run(t, "", "--format", "json", "--profile", "easyread", p)
	if strings.Contains(plain, "one-idea-per-sentence") || !strings.Contains(easy, "one-idea-per-sentence") {
		t.Errorf("one-idea rule: plain %v, easyread %v", strings.Contains(plain, "one-idea"), strings.Contains(easy, "one-idea"))
	}
}

func TestStdinSniffing(t *testing.T) {
	code, out, errOut := run(t, "<!doctype html><p>Please don&#8217;t wait.</p>", "--format", "json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, `"format": "html"`) || !strings.Contains(out, `"text": "don\u0026#8217;t"`) {
		t.Errorf("stdin HTML not sniffed:\n%s", out)
	}
	// a DOCX on stdin
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>We can't wait.</w:t></w:r></w:p></w:body></w:document>`))
	zw.Close()
	code, out, errOut = run(t, buf.String(), "--format", "json", "-")
	if code != 0 || !strings.Contains(out, `"format": "docx"`) || !strings.Contains(out, "negative-contraction") {
		t.Errorf("stdin DOCX: exit %d %s\n%s", code, errOut, out)
	}
}

func TestUsageAndInputErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{nil, "give one FILE"},
		{[]string{"--profile", "legal", "x.txt"}, "unknown profile"},
		{[]string{"--format", "xml", "x.txt"}, "unknown output format"},
		{[]string{"--fail-on", "warnings", "x.txt"}, "unknown --fail-on"},
		{[]string{"--bogus"}, "flag provided but not defined"},
		{[]string{"/no/such/file.txt"}, "/no/such/file.txt"},
		{[]string{writeFile(t, "notes.pdf", "x")}, "notes.pdf: unknown file type"},
		{[]string{writeFile(t, "broken.docx", "not a zip")}, "broken.docx: not a DOCX file"},
	}
	for _, c := range cases {
		code, _, errOut := run(t, "", c.args...)
		if code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, errOut, c.want)
		}
	}
	if code, out, _ := run(t, "", "--help"); code != 0 || !strings.Contains(out, "Usage") {
		t.Errorf("--help: exit %d", code)
	}
}

func TestSyllablesSubcommand(t *testing.T) {
	// hand-counted: cat 1, table 2, medication 4, hospital 3
	code, out, _ := run(t, "cat\ntable\n\nmedication\nhospital\n", "syllables")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	want := "cat\t1\ntable\t2\nmedication\t4\nhospital\t3\n"
	if out != want {
		t.Errorf("got %q, want %q", out, want)
	}
	if code, _, _ := run(t, "", "syllables", "extra"); code != 2 {
		t.Errorf("extra argument: exit %d, want 2", code)
	}
}

// The JSON gives each rule's explanation once, in "rules", however many
// issues the rule found; issues name their rule.
func TestJSONExplainsEachRuleOnce(t *testing.T) {
	text := "You can't park here. We don't know why. They won't say."
	code, out, errOut := run(t, "", "--format", "json", writeFile(t, "letter.txt", text))
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	var got struct {
		Rules  map[string]map[string]string `json:"rules"`
		Issues []map[string]any             `json:"issues"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	n := 0
	for _, is := range got.Issues {
		if is["rule"] == "negative-contraction" {
			n++
		}
		if _, ok := is["explanation"]; ok {
			t.Errorf("issue carries its own explanation: %v", is)
		}
	}
	ex := got.Rules["negative-contraction"]["explanation"]
	if n != 3 || !strings.Contains(ex, "easy to misread") {
		t.Fatalf("%d negative contractions (want 3: can't, don't, won't), rule explained as %q", n, ex)
	}
	if c := strings.Count(out, "easy to misread"); c != 1 {
		t.Errorf("the explanation appears %d times, want once", c)
	}
}
