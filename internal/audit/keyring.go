package audit

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// A Key is one of the operator's audit keys. Its secret never enters the
// database: someone who can write to the database but does not hold the key
// can rewrite events and recompute their plain SHA-256 chain, but cannot
// recompute the keyed chain (Event.MAC), and cannot sign a checkpoint.
type Key struct {
	ID     string
	Secret []byte
}

// MinSecretBytes is the shortest secret accepted: HMAC-SHA-256's block of
// strength.
const MinSecretBytes = 32

var keyIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,31}$`)

// NewKey makes a key with a fresh random secret. The id names the key in
// every event it seals, so old events stay verifiable after rotation; by
// default it is the date, which sorts keys in the order they were made.
func NewKey(id string, now time.Time) (Key, error) {
	if id == "" {
		id = now.UTC().Format("20060102-150405")
	}
	if !keyIDPattern.MatchString(id) {
		return Key{}, fmt.Errorf("key id %q: use 1 to 32 lower-case letters, digits and hyphens", id)
	}
	k := Key{ID: id, Secret: make([]byte, MinSecretBytes)}
	if _, err := rand.Read(k.Secret); err != nil {
		return Key{}, err
	}
	return k, nil
}

// Line is the key as one line of a key file: "ID SECRET", the secret in
// base64.
func (k Key) Line() string { return k.ID + " " + base64.StdEncoding.EncodeToString(k.Secret) }

// MAC is the keyed link for an event whose plain hash is hash, following
// the previous event's MAC ("" for the first keyed event): HMAC-SHA-256
// over both, so deleting, reordering or rewriting any keyed event breaks
// every MAC after it.
func (k Key) MAC(prevMAC, hash string) string {
	m := hmac.New(sha256.New, k.Secret)
	m.Write([]byte("coprod audit mac v1\n" + prevMAC + "\n" + hash))
	return hex.EncodeToString(m.Sum(nil))
}

// signingKey is the Ed25519 key that signs checkpoints, derived from the
// secret so the operator keeps one secret, not two.
func (k Key) signingKey() ed25519.PrivateKey {
	m := hmac.New(sha256.New, k.Secret)
	m.Write([]byte("coprod checkpoint signing key v1"))
	return ed25519.NewKeyFromSeed(m.Sum(nil))
}

// PublicKey is the checkpoint verification key, base64: what a reader pins
// when they first keep a checkpoint.
func (k Key) PublicKey() string {
	return base64.StdEncoding.EncodeToString(k.signingKey().Public().(ed25519.PublicKey))
}

// Keyring is the operator's keys, oldest first. The newest seals new
// events and signs checkpoints; the older ones verify the events they
// sealed. Rotating a key is adding a line at the end of the key file.
type Keyring struct{ keys []Key }

// ParseKeyring reads a key file: one "ID SECRET" line per key, oldest
// first; blank lines and lines starting with # are ignored.
func ParseKeyring(data []byte) (*Keyring, error) {
	kr := &Keyring{}
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, secret, ok := strings.Cut(line, " ")
		if !ok {
			return nil, fmt.Errorf("key file line %d: expected \"ID SECRET\"", n)
		}
		if !keyIDPattern.MatchString(id) {
			return nil, fmt.Errorf("key file line %d: key id %q: use 1 to 32 lower-case letters, digits and hyphens", n, id)
		}
		if seen[id] {
			return nil, fmt.Errorf("key file line %d: key id %q is used twice", n, id)
		}
		raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(secret))
		if err != nil {
			return nil, fmt.Errorf("key file line %d: the secret is not base64: %v", n, err)
		}
		if len(raw) < MinSecretBytes {
			return nil, fmt.Errorf("key file line %d: the secret is %d bytes; at least %d are needed", n, len(raw), MinSecretBytes)
		}
		seen[id] = true
		kr.keys = append(kr.keys, Key{ID: id, Secret: raw})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(kr.keys) == 0 {
		return nil, fmt.Errorf("the key file holds no key: create one with `coprod audit key new`")
	}
	return kr, nil
}

// Current is the key that seals new events.
func (kr *Keyring) Current() Key { return kr.keys[len(kr.keys)-1] }

// Lookup finds a key by its id.
func (kr *Keyring) Lookup(id string) (Key, bool) {
	for _, k := range kr.keys {
		if k.ID == id {
			return k, true
		}
	}
	return Key{}, false
}
