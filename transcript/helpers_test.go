package transcript

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/coprod/coprod/internal/testkit"
)

// sharedData returns the shared data folder. When it is missing the test
// is skipped, unless COPROD_TEST_STRICT=1.
func sharedData(t testing.TB) string {
	t.Helper()
	dir := testkit.SharedDataDir(t)
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("COPROD_TEST_STRICT") == "1" {
			t.Fatalf("shared data folder %s is missing", dir)
		}
		t.Skipf("shared data folder %s is missing (set COPROD_SHARED_DATA to its path; COPROD_TEST_STRICT=1 fails instead)", dir)
	}
	return dir
}

func readTranscript(t testing.TB, path string) *Transcript {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := f.Read(head)
	format, _ := Detect(path, head[:n])
	if _, err := f.Seek(0, 0); err != nil {
		t.Fatal(err)
	}
	tr, err := Read(format, filepath.Base(path), f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return tr
}

// memDecoder replays a Transcript held in memory.
type memDecoder struct {
	t *Transcript
	i int
}

func (m *memDecoder) Header() *Header { return &m.t.Header }
func (m *memDecoder) Next() (*Utterance, error) {
	if m.i >= len(m.t.Utterances) {
		return nil, io.EOF
	}
	m.i++
	return m.t.Utterances[m.i-1], nil
}

func analyseTranscript(t testing.TB, tr *Transcript, roles map[string]string) *Report {
	t.Helper()
	r, err := Analyse(&memDecoder{t: tr}, tr.Name, Options{Roles: roles})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func analyseFile(t testing.TB, path string, roles map[string]string) *Report {
	t.Helper()
	return analyseTranscript(t, readTranscript(t, path), roles)
}

// hand is a participant's hand count.
type hand struct {
	utt, turns, words, fillers, frags            int
	q                                            int
	qt                                           QuestionTypes
	choice, dir, topic, onset, intr, repair, ack int
	cont                                         int
}

func handOf(c Counts) hand {
	return hand{c.Utterances, c.Turns, c.Words, c.Fillers, c.Fragments, c.Questions, c.QuestionTypes,
		c.ChoiceOffers, c.Directives, c.TopicInitiations, c.OverlapOnsets, c.Interruptions, c.RepairInitiations,
		c.Acknowledgements, c.Continuers}
}

func checkHands(t *testing.T, r *Report, want []hand) {
	t.Helper()
	if len(r.Participants) != len(want) {
		t.Fatalf("%s: %d participants, want %d", r.File, len(r.Participants), len(want))
	}
	for i, w := range want {
		if got := handOf(r.Participants[i].Counts); got != w {
			t.Errorf("%s: participant %s:\n got %+v\nwant %+v", r.File, r.Participants[i].ID, got, w)
		}
	}
}

func ms(v int64) *int64 { return &v }
