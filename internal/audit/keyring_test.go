package audit

import (
	"strings"
	"testing"
	"time"
)

func testKey(t *testing.T, id string) Key {
	t.Helper()
	k, err := NewKey(id, time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// sealedChain builds n events sealed with key (nil: unkeyed).
func sealedChain(n int, key *Key) []Event {
	var evs []Event
	var prev *Event
	for i := range n {
		e := Event{Time: time.Date(2026, 12, 2, 9, i, 0, 0, time.UTC), Action: "thing.change", ObjectType: "thing", ObjectID: "t1",
			Details: map[string]string{"n": strings.Repeat("x", i)}}
		e.Seal(prev, key)
		evs = append(evs, e)
		prev = &evs[len(evs)-1]
	}
	return evs
}

func verify(evs []Event, keys *Keyring, cp *Checkpoint) error {
	v := Verifier{Keys: keys, Checkpoint: cp}
	for _, e := range evs {
		if err := v.Next(e); err != nil {
			return err
		}
	}
	return v.Finish()
}

func TestKeyFile(t *testing.T) {
	a, b := testKey(t, "first"), testKey(t, "")
	if b.ID != "20261202-090000" {
		t.Errorf("default id %q", b.ID)
	}
	kr, err := ParseKeyring([]byte("# audit keys, oldest first\n" + a.Line() + "\n\n" + b.Line() + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	if kr.Current().ID != b.ID {
		t.Errorf("current key %q, want the last line's", kr.Current().ID)
	}
	if k, ok := kr.Lookup("first"); !ok || string(k.Secret) != string(a.Secret) {
		t.Error("first key not found")
	}
	for _, c := range []struct{ file, want string }{
		{"", "holds no key"},
		{"first", "line 1: expected \"ID SECRET\""},
		{"First c2VjcmV0", "line 1: key id \"First\""},
		{"k c2VjcmV0", "line 1: the secret is 6 bytes; at least 32"},
		{"k not*base64", "line 1: the secret is not base64"},
		{a.Line() + "\n" + a.Line(), "line 2: key id \"first\" is used twice"},
	} {
		if _, err := ParseKeyring([]byte(c.file)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.file, err, c.want)
		}
	}
	if _, err := NewKey("Bad Id", time.Now()); err == nil {
		t.Error("a key id with capitals and a space was accepted")
	}
}

// The three attacks of issue 16, each named by its first bad event.
func TestKeyedChainDetectsRewritingAndCutting(t *testing.T) {
	k := testKey(t, "k1")
	kr, _ := ParseKeyring([]byte(k.Line()))
	evs := sealedChain(6, &k)
	if err := verify(evs, kr, nil); err != nil {
		t.Fatalf("intact chain: %v", err)
	}
	cp := k.Sign(evs[5])
	if err := cp.CheckSignature(kr); err != nil {
		t.Fatalf("checkpoint signature: %v", err)
	}
	if err := verify(evs, kr, &cp); err != nil {
		t.Fatalf("intact chain with checkpoint: %v", err)
	}

	// 1. The last two events deleted: a valid chain, caught by the checkpoint.
	if err := verify(evs[:4], kr, nil); err != nil {
		t.Fatalf("a cut chain still verifies on its own (that is why checkpoints exist): %v", err)
	}
	if err := verify(evs[:4], kr, &cp); err == nil || !strings.HasPrefix(err.Error(), "event 5: missing; the log ends at event 4") {
		t.Errorf("tail deleted: %v", err)
	}

	// 2. The last event rewritten and its plain hash recomputed.
	forged := append([]Event(nil), evs...)
	last := forged[5]
	last.Details = map[string]string{"n": "rewritten"}
	last.Hash = last.ComputeHash()
	forged[5] = last
	if err := verify(forged, nil, nil); err != nil {
		t.Fatalf("without the key the plain chain cannot tell: %v", err)
	}
	if err := verify(forged, kr, nil); err == nil || !strings.HasPrefix(err.Error(), "event 6 ") || !strings.Contains(err.Error(), "keyed link does not verify") {
		t.Errorf("rewritten, plain hash recomputed: %v", err)
	}
	if err := verify(forged, nil, &cp); err == nil || !strings.HasPrefix(err.Error(), "event 6: its hash is not the one the checkpoint") {
		t.Errorf("rewritten, checked against the checkpoint without the key: %v", err)
	}

	// 3. Rewritten with an HMAC recomputed by someone without the key.
	guess := testKey(t, "k1") // same id, another secret
	last.MAC = guess.MAC(forged[4].MAC, last.Hash)
	forged[5] = last
	if err := verify(forged, kr, nil); err == nil || !strings.HasPrefix(err.Error(), "event 6 ") {
		t.Errorf("rewritten with a guessed key: %v", err)
	}
	// … or with the keyed link stripped.
	last.KeyID, last.MAC = "", ""
	forged[5] = last
	if err := verify(forged, kr, nil); err == nil || !strings.HasPrefix(err.Error(), "event 6: it has no keyed link") {
		t.Errorf("keyed link stripped: %v", err)
	}
}

func TestRotationKeepsOldEventsVerifiable(t *testing.T) {
	old, cur := testKey(t, "old"), testKey(t, "new")
	evs := sealedChain(3, nil) // before any key
	prev := &evs[2]
	for i, k := range []Key{old, old, cur} {
		e := Event{Time: time.Date(2026, 12, 3, 9, i, 0, 0, time.UTC), Action: "a", ObjectType: "o", ObjectID: "x"}
		e.Seal(prev, &k)
		evs = append(evs, e)
		prev = &evs[len(evs)-1]
	}
	kr, _ := ParseKeyring([]byte(old.Line() + "\n" + cur.Line()))
	v := Verifier{Keys: kr}
	for _, e := range evs {
		if err := v.Next(e); err != nil {
			t.Fatal(err)
		}
	}
	if v.Count() != 6 || v.Unkeyed() != 3 {
		t.Errorf("count %d unkeyed %d, want 6 and 3", v.Count(), v.Unkeyed())
	}
	onlyNew, _ := ParseKeyring([]byte(cur.Line()))
	if err := verify(evs, onlyNew, nil); err == nil || !strings.Contains(err.Error(), "event 4: sealed with key \"old\", which is not in the key file") {
		t.Errorf("old key removed from the file: %v", err)
	}
}

func TestCheckpointSignature(t *testing.T) {
	k, other := testKey(t, "k1"), testKey(t, "k2")
	kr, _ := ParseKeyring([]byte(k.Line()))
	cp := k.Sign(sealedChain(2, &k)[1])
	data := `{"seq":2,"hash":"` + cp.Hash + `","time":"` + cp.Time.Format(time.RFC3339Nano) + `","key_id":"k1","public_key":"` + cp.PublicKey + `","signature":"` + cp.Signature + `"}`
	parsed, err := ParseCheckpoint([]byte(data))
	if err != nil || parsed.CheckSignature(kr) != nil || parsed.CheckSignature(nil) != nil {
		t.Fatalf("a checkpoint read back does not verify: %v", err)
	}
	tampered := parsed
	tampered.Seq = 1
	if err := tampered.CheckSignature(nil); err == nil || !strings.Contains(err.Error(), "does not verify") {
		t.Errorf("seq changed: %v", err)
	}
	forged := other.Sign(sealedChain(2, &other)[1])
	forged.KeyID = "k1"
	if err := forged.CheckSignature(kr); err == nil || !strings.Contains(err.Error(), "not key \"k1\"'s") {
		t.Errorf("signed by another key: %v", err)
	}
	if _, err := ParseCheckpoint([]byte(`{"seq":0}`)); err == nil {
		t.Error("an empty checkpoint was accepted")
	}
	if _, err := ParseCheckpoint([]byte(`{`)); err == nil || !strings.Contains(err.Error(), "not valid JSON") {
		t.Errorf("broken JSON: %v", err)
	}
}
