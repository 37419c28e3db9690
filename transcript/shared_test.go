package transcript

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every reference CHAT file from TalkBank's own parser reads.
func TestSharedCHATReference(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedData(t), "chat", "reference", "*.cha"))
	if len(files) != 105 {
		t.Fatalf("%d reference files, want 105", len(files))
	}
	for _, f := range files {
		tr := readTranscript(t, f)
		if strings.Contains(f, "headers-media-notrans") {
			if len(tr.Utterances) != 0 {
				t.Errorf("%s: notrans file has utterances", f)
			}
			continue
		}
		if len(tr.Utterances) == 0 {
			t.Errorf("%s: no utterances", f)
		}
	}
}

// Every invalid CHAT file is rejected with a position.
func TestSharedCHATInvalid(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedData(t), "chat", "invalid", "*.cha"))
	if len(files) != 22 {
		t.Fatalf("%d invalid files, want 22", len(files))
	}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Read(FormatCHAT, filepath.Base(f), fh)
		fh.Close()
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("%s: accepted (or no position): %v", filepath.Base(f), err)
			continue
		}
		if pe.Line < 1 || pe.Column < 1 || !strings.HasPrefix(pe.Error(), filepath.Base(f)+":") {
			t.Errorf("%s: bad position in %q", filepath.Base(f), pe.Error())
		}
	}
}

// Positions checked by hand against a few invalid files.
func TestSharedCHATInvalidPositions(t *testing.T) {
	dir := filepath.Join(sharedData(t), "chat", "invalid")
	want := map[string]string{
		"E003_empty_string.cha":                     "E003_empty_string.cha:1:1:",
		"E101_invalid_line_format.cha":              "E101_invalid_line_format.cha:3:1:",
		"E202_missing_form_type.cha":                "E202_missing_form_type.cha:8:12:", // *CHI:\thello@ : the @ is byte 12
		"E313_unclosed_parenthesis.cha":             "E313_unclosed_parenthesis.cha:7:13:",
		"E323_missing_colon.cha":                    "E323_missing_colon.cha:7:5:",
		"E345_unmatched_scoped_begin.cha":           "E345_unmatched_scoped_begin.cha:8:13:",
		"E320_languages_trailing_comma.cha":         "E320_languages_trailing_comma.cha:3:21:",
		"E315_invalid_control_char.cha":             "E315_invalid_control_char.cha:7:12:",
		"E369_nonvocal_label_mismatch.cha":          "E369_nonvocal_label_mismatch.cha:8:13:",
		"E364_terminator_in_event_label_period.cha": "E364_terminator_in_event_label_period.cha:6:15:",
	}
	for name, prefix := range want {
		fh, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		_, err = Read(FormatCHAT, name, fh)
		fh.Close()
		if err == nil || !strings.HasPrefix(err.Error(), prefix) {
			t.Errorf("%s: got %v, want %s...", name, err, prefix)
		}
	}
}

// sample_3.0.eaf: 6 tiers, 8,778 annotations (grep -c '<ANNOTATION>'),
// of which 399 on "text" and 1,197 on "gestures" are on independent tiers;
// 1,572 of its 7,182 time slots have no value.
func TestSharedEAF(t *testing.T) {
	tr := readTranscript(t, filepath.Join(sharedData(t), "eaf", "sample_3.0.eaf"))
	per := map[string]int{}
	dep := 0
	for _, u := range tr.Utterances {
		per[u.Speaker]++
		dep += len(u.Dependent)
		if !u.Timed || u.End < u.Start {
			t.Fatalf("utterance at line %d: bad times %d-%d", u.Line, u.Start, u.End)
		}
	}
	if len(tr.Utterances)+dep != 8778 {
		t.Errorf("%d utterances + %d dependent annotations, want 8778 annotations", len(tr.Utterances), dep)
	}
	if per["text"] != 399 || per["gestures"] != 1197 {
		t.Errorf("per tier %v", per)
	}
	first := tr.Utterances[1]
	// <ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts2" TIME_SLOT_REF2="ts19"> (2000, 5000)
	if first.Text != "The quick brown fox 001" || first.Start != 2000 || first.End != 5000 || len(first.Dependent) < 5 {
		t.Errorf("first text annotation %+v", first)
	}
	for i := 1; i < len(tr.Utterances); i++ {
		if tr.Utterances[i].Start < tr.Utterances[i-1].Start {
			t.Fatal("utterances not in time order")
		}
	}
	f, _ := os.Open(filepath.Join(sharedData(t), "eaf", "sample_3.0.eaf"))
	defer f.Close()
	r, err := Analyse(NewEAFDecoder("sample_3.0.eaf", f), "sample_3.0.eaf", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Utterances != 1596 || r.DurationMs == nil {
		t.Errorf("report: %d utterances, duration %v", r.Utterances, r.DurationMs)
	}
}

func TestInterpolateSlots(t *testing.T) {
	s := []eafSlot{{}, {ms: 1000, has: true}, {}, {}, {ms: 4000, has: true}, {}}
	interpolateSlots(s)
	got := []int64{s[0].ms, s[1].ms, s[2].ms, s[3].ms, s[4].ms, s[5].ms}
	want := []int64{1000, 1000, 2000, 3000, 4000, 4000}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("interpolated %v, want %v", got, want)
		}
	}
}
