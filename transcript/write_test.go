package transcript

import (
	"bytes"
	"encoding/json"
	"testing"
)

// Converting to CHAT and to Jefferson and reading the result back keeps
// every count (timings only survive in CHAT).
func TestConvertRoundTrip(t *testing.T) {
	for _, f := range []string{"lunch.cha", "lunch.eaf", "lunch.vtt", "lunch.srt", "lunch.txt", "dayout.cha", "dayout.txt", "review.vtt", "review.eaf"} {
		orig := readTranscript(t, "testdata/"+f)
		want := analyseTranscript(t, orig, nil)
		for _, to := range []Format{FormatCHAT, FormatJefferson} {
			var buf bytes.Buffer
			var err error
			if to == FormatCHAT {
				err = WriteCHAT(&buf, readTranscript(t, "testdata/"+f))
			} else {
				err = WriteJefferson(&buf, readTranscript(t, "testdata/"+f))
			}
			if err != nil {
				t.Fatal(err)
			}
			back, err := Read(to, f+"."+string(to), bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("%s -> %s does not read back: %v\n%s", f, to, err, buf.String())
			}
			got := analyseTranscript(t, back, nil)
			if len(got.Participants) != len(want.Participants) || got.Utterances != want.Utterances || got.Turns != want.Turns {
				t.Fatalf("%s -> %s: %d participants %d utterances %d turns", f, to, len(got.Participants), got.Utterances, got.Turns)
			}
			for i := range want.Participants {
				if handOf(got.Participants[i].Counts) != handOf(want.Participants[i].Counts) {
					t.Errorf("%s -> %s: %s\n got %+v\nwant %+v", f, to, want.Participants[i].ID,
						handOf(got.Participants[i].Counts), handOf(want.Participants[i].Counts))
				}
			}
			if to == FormatCHAT && (want.DurationMs == nil) != (got.DurationMs == nil) {
				t.Errorf("%s -> chat: timings lost", f)
			}
			if to == FormatCHAT && want.Timing != nil && *got.Timing != *want.Timing {
				t.Errorf("%s -> chat: timing %+v, want %+v", f, got.Timing, want.Timing)
			}
		}
	}
}

func TestWriteJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, readTranscript(t, "testdata/lunch.vtt")); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Header     Header `json:"header"`
		Utterances []struct {
			Speaker string `json:"speaker"`
			StartMs *int64 `json:"start_ms"`
			Tokens  []struct {
				Kind string `json:"kind"`
			} `json:"tokens"`
		} `json:"utterances"`
	}
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Utterances) != 16 || v.Utterances[2].Tokens[0].Kind != "filler" || *v.Utterances[1].StartMs != 2100 || v.Header.Format != FormatVTT {
		t.Errorf("json %s", buf.String()[:300])
	}
}
