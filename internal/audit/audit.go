// Package audit defines audit events and their hash chain. Every state change
// in Coprod writes one event in the same transaction as the change; events are
// append-only and each stores SHA-256 over the previous event's hash and its
// own canonical form, so altering or removing any stored event breaks the chain
// from that event on.
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

// Seal sets Seq, PrevHash and Hash so the event follows prev (nil for the first event).
func (e *Event) Seal(prev *Event) {
	e.Seq, e.PrevHash = 1, ""
	if prev != nil {
		e.Seq, e.PrevHash = prev.Seq+1, prev.Hash
	}
	e.Time = e.Time.UTC().Truncate(time.Microsecond)
	e.Hash = e.ComputeHash()
}

// Verifier checks a chain fed to it in order, one event at a time, so a log of
// any length is verified in constant memory.
type Verifier struct {
	prev *Event
	n    int64
}

// Next checks one event against the previous one.
func (v *Verifier) Next(e Event) error {
	wantSeq, wantPrev := int64(1), ""
	if v.prev != nil {
		wantSeq, wantPrev = v.prev.Seq+1, v.prev.Hash
	}
	switch {
	case e.Seq != wantSeq:
		return fmt.Errorf("event %d: expected event %d here: an event is missing or out of order", e.Seq, wantSeq)
	case e.PrevHash != wantPrev:
		return fmt.Errorf("event %d: its previous hash does not match event %d", e.Seq, wantSeq-1)
	case e.ComputeHash() != e.Hash:
		return fmt.Errorf("event %d (%s %s %s): its content does not match its hash: it was altered", e.Seq, e.Action, e.ObjectType, e.ObjectID)
	}
	ev := e
	v.prev = &ev
	v.n++
	return nil
}

// Count is the number of events verified so far.
func (v *Verifier) Count() int64 { return v.n }

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
