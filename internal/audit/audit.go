// Package audit defines audit events and their hash chain. Every state change
// in Coprod writes one event in the same transaction as the change; events are
// append-only and each stores SHA-256 over the previous event's hash and its
// own canonical form, so altering or removing any stored event breaks the chain
// from that event on.
//
// The plain chain can be recomputed by anyone who can write to the database,
// and a log cut short at its end is still a valid chain. Two things close
// those gaps: when the operator keeps an audit key (keyring.go), each event
// also carries an HMAC-SHA-256 link (MAC) that cannot be recomputed without
// the key; and signed checkpoints (checkpoint.go), which anyone can keep,
// pin the head of the log at a moment so a later cut or rewrite shows.
package audit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Event is one recorded state change.
type Event struct {
	Seq        int64             // position in the chain, from 1
	Time       time.Time         // UTC, microsecond precision (what both engines store)
	ActorID    string            // user id, or "" for the system (migrations, CLI without a user)
	Action     string            // dotted verb, e.g. "user.create"
	ObjectType string            // e.g. "user", "organisation"
	ObjectID   string            // the object's opaque id
	Details    map[string]string // what changed; never secrets
	PrevHash   string            // hex SHA-256 of the previous event, "" for the first
	Hash       string            // hex SHA-256 over PrevHash and Canonical()
	KeyID      string            // the audit key that sealed the event, "" when none was set
	MAC        string            // hex HMAC-SHA-256 link (Key.MAC), "" when no key was set
}

// Canonical is the exact byte form that is hashed: one field a line, details
// sorted by key and JSON-quoted so no value can forge a line break.
func (e *Event) Canonical() []byte {
	var b strings.Builder
	b.WriteString("seq:" + strconv.FormatInt(e.Seq, 10) + "\n")
	b.WriteString("time:" + e.Time.UTC().Format("2006-01-02T15:04:05.000000Z") + "\n")
	b.WriteString("actor:" + quote(e.ActorID) + "\n")
	b.WriteString("action:" + quote(e.Action) + "\n")
	b.WriteString("object:" + quote(e.ObjectType) + " " + quote(e.ObjectID) + "\n")
	keys := make([]string, 0, len(e.Details))
	for k := range e.Details {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b.WriteString("detail:" + quote(k) + "=" + quote(e.Details[k]) + "\n")
	}
	return []byte(b.String())
}

func quote(s string) string {
	q, _ := json.Marshal(s) // marshalling a string cannot fail
	return string(q)
}

// ComputeHash returns the hex hash of the event given its PrevHash.
func (e *Event) ComputeHash() string {
	h := sha256.New()
	h.Write([]byte(e.PrevHash))
	h.Write([]byte{'\n'})
	h.Write(e.Canonical())
	return hex.EncodeToString(h.Sum(nil))
}

// Seal sets Seq, PrevHash and Hash so the event follows prev (nil for the
// first event), and with a key its KeyID and MAC.
func (e *Event) Seal(prev *Event, key *Key) {
	e.Seq, e.PrevHash = 1, ""
	prevMAC := ""
	if prev != nil {
		e.Seq, e.PrevHash, prevMAC = prev.Seq+1, prev.Hash, prev.MAC
	}
	e.Time = e.Time.UTC().Truncate(time.Microsecond)
	e.Hash = e.ComputeHash()
	e.KeyID, e.MAC = "", ""
	if key != nil {
		e.KeyID, e.MAC = key.ID, key.MAC(prevMAC, e.Hash)
	}
}

// Verifier checks a chain fed to it in order, one event at a time, so a log of
// any length is verified in constant memory. With Keys it also checks every
// keyed link; with a Checkpoint, that the log still holds the event the
// checkpoint names, unchanged (call Finish after the last event).
type Verifier struct {
	Keys       *Keyring
	Checkpoint *Checkpoint

	prev     *Event
	n        int64
	unkeyed  int64 // events written before any key was set
	keyed    bool  // a keyed event has been seen: every later one must be keyed too
	cpPassed bool
}

// Next checks one event against the previous one.
func (v *Verifier) Next(e Event) error {
	wantSeq, wantPrev, prevMAC := int64(1), "", ""
	if v.prev != nil {
		wantSeq, wantPrev, prevMAC = v.prev.Seq+1, v.prev.Hash, v.prev.MAC
	}
	switch {
	case e.Seq != wantSeq:
		return fmt.Errorf("event %d: expected event %d here: an event is missing or out of order", e.Seq, wantSeq)
	case e.PrevHash != wantPrev:
		return fmt.Errorf("event %d: its previous hash does not match event %d", e.Seq, wantSeq-1)
	case e.ComputeHash() != e.Hash:
		return fmt.Errorf("event %d (%s %s %s): its content does not match its hash: it was altered", e.Seq, e.Action, e.ObjectType, e.ObjectID)
	}
	if err := v.checkMAC(e, prevMAC); err != nil {
		return err
	}
	if c := v.Checkpoint; c != nil && e.Seq == c.Seq {
		if e.Hash != c.Hash {
			return fmt.Errorf("event %d: its hash is not the one the checkpoint of %s signed: the log was rewritten", e.Seq, c.Time.Format(time.RFC3339))
		}
		v.cpPassed = true
	}
	ev := e
	v.prev = &ev
	v.n++
	return nil
}

func (v *Verifier) checkMAC(e Event, prevMAC string) error {
	if e.KeyID == "" {
		if v.keyed || e.MAC != "" {
			return fmt.Errorf("event %d: it has no keyed link though the events before it do: the log was rewritten from here", e.Seq)
		}
		v.unkeyed++
		return nil
	}
	v.keyed = true
	if v.Keys == nil {
		return nil // nothing to check the link with; Unchecked says so
	}
	k, ok := v.Keys.Lookup(e.KeyID)
	if !ok {
		return fmt.Errorf("event %d: sealed with key %q, which is not in the key file", e.Seq, e.KeyID)
	}
	if k.MAC(prevMAC, e.Hash) != e.MAC {
		return fmt.Errorf("event %d (%s %s %s): its keyed link does not verify: it was altered, or an event before it was removed", e.Seq, e.Action, e.ObjectType, e.ObjectID)
	}
	return nil
}

// Finish reports what only the end of the log shows: a log that ends
// before the checkpoint's event was cut short.
func (v *Verifier) Finish() error {
	if c := v.Checkpoint; c != nil && !v.cpPassed {
		return fmt.Errorf("event %d: missing; the log ends at event %d but the checkpoint of %s covers event %d: the log was cut short",
			v.n+1, v.n, c.Time.Format(time.RFC3339), c.Seq)
	}
	return nil
}

// Count is the number of events verified so far.
func (v *Verifier) Count() int64 { return v.n }

// Unkeyed is the number of events written before any audit key was set:
// their plain chain is checked, but anyone with write access could have
// recomputed it.
func (v *Verifier) Unkeyed() int64 { return v.unkeyed }

// Filter selects events for the admin log.
type Filter struct {
	ActorID    string
	Action     string // prefix match, e.g. "user." for every user action
	ObjectType string
	ObjectID   string
	Since      time.Time
	Until      time.Time
	BeforeSeq  int64 // keyset pagination: events with a smaller Seq; 0 for the newest
	Limit      int
}

type actorKey struct{}

// WithActor returns a context that records userID as the actor of every
// change made with it, so storage can write the audit event without each
// method taking an extra parameter.
func WithActor(ctx context.Context, userID string) context.Context {
	return context.WithValue(ctx, actorKey{}, userID)
}

// ActorFrom returns the actor recorded by WithActor, or "" for the system.
func ActorFrom(ctx context.Context) string {
	s, _ := ctx.Value(actorKey{}).(string)
	return s
}
