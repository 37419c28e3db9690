package audit

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// A Checkpoint is a signed statement of the chain's head: "event Seq has
// hash Hash". Anyone may keep one; later, `coprod audit verify --checkpoint`
// shows whether the log still holds that event unchanged, so a log cut
// short or rewritten after the checkpoint was taken cannot pass.
type Checkpoint struct {
	Seq       int64     `json:"seq"`
	Hash      string    `json:"hash"`
	Time      time.Time `json:"time"` // the head event's time, so a checkpoint of one head is always the same bytes
	KeyID     string    `json:"key_id"`
	PublicKey string    `json:"public_key"` // Ed25519, base64
	Signature string    `json:"signature"`  // Ed25519 over signedBytes, base64
}

func (c Checkpoint) signedBytes() []byte {
	return []byte("coprod audit checkpoint v1\nseq:" + strconv.FormatInt(c.Seq, 10) + "\nhash:" + c.Hash +
		"\ntime:" + c.Time.UTC().Format(time.RFC3339Nano) + "\nkey:" + c.KeyID + "\n")
}

// Sign makes the checkpoint of head (the newest event) with key.
func (k Key) Sign(head Event) Checkpoint {
	c := Checkpoint{Seq: head.Seq, Hash: head.Hash, Time: head.Time.UTC(), KeyID: k.ID, PublicKey: k.PublicKey()}
	c.Signature = base64.StdEncoding.EncodeToString(ed25519.Sign(k.signingKey(), c.signedBytes()))
	return c
}

// CheckSignature verifies the checkpoint's signature. With a keyring, the
// signing key must be the operator's; without one, the checkpoint's own
// public key is used, and the caller should show it so the reader can
// compare it with the one they pinned.
func (c Checkpoint) CheckSignature(keys *Keyring) error {
	pub := c.PublicKey
	if keys != nil {
		k, ok := keys.Lookup(c.KeyID)
		if !ok {
			return fmt.Errorf("the checkpoint was signed with key %q, which is not in the key file", c.KeyID)
		}
		if k.PublicKey() != pub {
			return fmt.Errorf("the checkpoint's public key is not key %q's: it was not signed by this service", c.KeyID)
		}
	}
	raw, err := base64.StdEncoding.DecodeString(pub)
	if err != nil || len(raw) != ed25519.PublicKeySize {
		return fmt.Errorf("the checkpoint's public key is not an Ed25519 key in base64")
	}
	sig, err := base64.StdEncoding.DecodeString(c.Signature)
	if err != nil || !ed25519.Verify(ed25519.PublicKey(raw), c.signedBytes(), sig) {
		return fmt.Errorf("the checkpoint's signature does not verify: the file was altered or not signed by this service")
	}
	return nil
}

// ParseCheckpoint reads a checkpoint as the board publishes it (JSON).
func ParseCheckpoint(data []byte) (Checkpoint, error) {
	var c Checkpoint
	if err := json.Unmarshal(data, &c); err != nil {
		return c, fmt.Errorf("the checkpoint is not valid JSON: %v", err)
	}
	if c.Seq < 1 || c.Hash == "" || c.Signature == "" || c.PublicKey == "" {
		return c, fmt.Errorf("the checkpoint needs seq, hash, public_key and signature")
	}
	return c, nil
}
