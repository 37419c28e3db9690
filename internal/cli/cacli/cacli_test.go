package cacli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const td = "../../../transcript/testdata/"

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestAnalyseJSONShape(t *testing.T) {
	code, out, errs := run(t, "", "analyse", "--format", "json", "--roles", "Sam=supporter,Alex=supported", td+"lunch.vtt", td+"lunch.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var v map[string][]map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	ts := v["transcripts"]
	if len(ts) != 2 {
		t.Fatalf("%d transcripts", len(ts))
	}
	vtt, txt := ts[0], ts[1]
	if vtt["format"] != "vtt" || txt["format"] != "jefferson" || vtt["utterances"] != 16.0 || vtt["turns"] != 14.0 {
		t.Errorf("transcript fields %v", vtt)
	}
	if vtt["duration_ms"] != 27500.0 || txt["duration_ms"] != nil {
		t.Errorf("duration_ms %v / %v, want 27500 and null", vtt["duration_ms"], txt["duration_ms"])
	}
	ps := vtt["participants"].([]any)
	sam := ps[0].(map[string]any)
	for _, k := range []string{"id", "name", "role", "utterances", "turns", "words", "questions", "question_types", "overlap_onsets", "interruptions", "talk_ms"} {
		if _, ok := sam[k]; !ok {
			t.Errorf("participant has no %q", k)
		}
	}
	if sam["id"] != "Sam" || sam["role"] != "supporter" || sam["words"] != 54.0 || sam["talk_ms"] != 16000.0 {
		t.Errorf("Sam: %v", sam)
	}
	qt := sam["question_types"].(map[string]any)
	if qt["polar"] != 2.0 || qt["wh"] != 1.0 || qt["alternative"] != 2.0 || qt["tag"] != 0.0 || qt["other"] != 0.0 {
		t.Errorf("question types %v", qt)
	}
	alex := txt["participants"].([]any)[1].(map[string]any)
	if alex["id"] != "ALEX" || alex["talk_ms"] != nil || alex["overlap_onsets"] != 1.0 || alex["role"] != "supported" {
		t.Errorf("Jefferson ALEX: %v", alex)
	}
	if _, ok := vtt["asymmetry"].(map[string]any)["initiative_index"]; !ok {
		t.Error("no asymmetry index")
	}
}

func badFile(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "bad.cha")
	if err := os.WriteFile(p, []byte("@Begin\n@Participants:\tA Adult\n*A:\thello [ .\n@End\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAnalyseExitCodes(t *testing.T) {
	bad := badFile(t)
	code, out, errs := run(t, "", "analyze", td+"lunch.cha", bad, td+"review.srt")
	if code != 1 || out != "" || !strings.Contains(errs, "bad.cha:3:11: [ is not closed") {
		t.Errorf("without --keep-going: exit %d out %q err %q", code, out, errs)
	}
	code, out, errs = run(t, "", "analyse", "--keep-going", td+"lunch.cha", bad, td+"review.srt")
	var v struct {
		Transcripts []struct {
			File string `json:"file"`
		} `json:"transcripts"`
		Errors []struct {
			File, Error string
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if code != 1 || len(v.Transcripts) != 2 || v.Transcripts[1].File != td+"review.srt" || len(v.Errors) != 1 || !strings.Contains(errs, "bad.cha:3:11") {
		t.Errorf("--keep-going: exit %d, %+v, stderr %q", code, v, errs)
	}
	for _, args := range [][]string{{}, {"frobnicate"}, {"analyse"}, {"analyse", "--format", "xml", "a"}, {"analyse", "--roles", "SAM", "a"}, {"convert", "--to", "doc", "a"}} {
		if code, _, _ := run(t, "", args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	if code, _, _ := run(t, "", "analyse", "no/such/file.cha"); code != 1 {
		t.Errorf("missing file: exit %d", code)
	}
}

func TestAnalyseCSVAndText(t *testing.T) {
	code, out, _ := run(t, "", "analyse", "--format", "csv", td+"review.eaf")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 4 || !strings.HasPrefix(lines[0], "file,format,participant") {
		t.Fatalf("csv: exit %d\n%s", code, out)
	}
	// Kim: 5 utterances, 5 turns, 44 words; talk 18000 ms
	if !strings.Contains(lines[1], ",Kim,Kim,,5,5,44,") || !strings.HasSuffix(lines[1], ",18000") {
		t.Errorf("Kim's row %q", lines[1])
	}
	code, out, _ = run(t, "", "analyse", "--format", "text", td+"dayout.cha")
	if code != 0 || !strings.Contains(out, "19 utterances, 17 turns, untimed") || !strings.Contains(out, "initiative asymmetry") {
		t.Errorf("text: %s", out)
	}
}

func TestAnalyseStdin(t *testing.T) {
	in, _ := os.ReadFile(td + "lunch.srt")
	code, out, errs := run(t, string(in), "analyse", "-")
	if code != 0 || !strings.Contains(out, `"format": "srt"`) {
		t.Errorf("stdin: exit %d %s %s", code, out, errs)
	}
}

// convert --to chat and --to jefferson give files that analyse to the
// same counts as the original.
func TestConvertRoundTripCounts(t *testing.T) {
	dir := t.TempDir()
	strip := func(out string) []any {
		var v map[string][]map[string]any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err)
		}
		var keep []any
		for _, p := range v["transcripts"][0]["participants"].([]any) {
			m := p.(map[string]any)
			for _, k := range []string{"id", "name", "role", "talk_ms", "talk_share", "response_latency"} {
				delete(m, k)
			}
			keep = append(keep, m)
		}
		return keep
	}
	for _, src := range []string{"lunch.eaf", "dayout.txt", "review.vtt"} {
		_, orig, _ := run(t, "", "analyse", td+src)
		for _, to := range []string{"chat", "jefferson"} {
			code, conv, errs := run(t, "", "convert", "--to", to, td+src)
			if code != 0 {
				t.Fatalf("convert %s to %s: %d %s", src, to, code, errs)
			}
			p := filepath.Join(dir, src+"."+map[string]string{"chat": "cha", "jefferson": "txt"}[to])
			os.WriteFile(p, []byte(conv), 0o644)
			code, back, errs := run(t, "", "analyse", p)
			if code != 0 {
				t.Fatalf("analyse converted %s: %s\n%s", p, errs, conv)
			}
			a, b := strip(orig), strip(back)
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			if !bytes.Equal(ja, jb) {
				t.Errorf("%s -> %s changed counts:\n%s\n%s", src, to, ja, jb)
			}
		}
	}
	code, out, _ := run(t, "", "convert", "--to", "json", td+"lunch.cha")
	if code != 0 || !strings.Contains(out, `"utterances"`) {
		t.Errorf("json: %d", code)
	}
	if code, _, errs := run(t, "", "convert", "--to", "chat", badFile(t)); code != 1 || !strings.Contains(errs, ":3:11:") {
		t.Errorf("convert of an invalid file: %d %s", code, errs)
	}
}

func TestProgressOnlyOnTerminal(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, 10)
	p.step(1, "a.cha")
	p.done()
	if b.Len() != 0 || isTerminal(&b) {
		t.Error("progress drawn on a buffer")
	}
	f, err := os.CreateTemp(t.TempDir(), "x")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("a regular file is not a terminal")
	}
}
