package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestBoardPublishesSignedCheckpoints: with the operator's audit key the
// board links a checkpoint of the log's head that verifies with that key,
// and the feed carries it; without a key neither the link nor the file is
// offered.
func TestBoardPublishesSignedCheckpoints(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		visitor := s.client(t)
		if r := visitor.get("/board/checkpoint.json"); r.StatusCode != http.StatusNotFound {
			t.Errorf("checkpoint without a key: %d", r.StatusCode)
		}
		if r := visitor.get("/board"); strings.Contains(r.Body, "/board/checkpoint.json") {
			t.Error("the board links a checkpoint the service cannot sign")
		}

		key, err := audit.NewKey("live", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		keys, _ := audit.ParseKeyring([]byte(key.Line()))
		s.DB.SetAuditKeys(keys)
		member := s.client(t)
		member.loginAs("member") // signing in writes an event, sealed with the key
		r := visitor.get("/board/checkpoint.json")
		if r.StatusCode != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("checkpoint: %d %s", r.StatusCode, r.Body)
		}
		cp, err := audit.ParseCheckpoint([]byte(r.Body))
		if err != nil {
			t.Fatal(err)
		}
		if err := cp.CheckSignature(keys); err != nil {
			t.Fatalf("the published checkpoint does not verify with the operator's key: %v", err)
		}
		head, err := s.DB.AuditHead(context.Background())
		if err != nil || cp.Seq != head {
			t.Fatalf("checkpoint at event %d, head %d (%v)", cp.Seq, head, err)
		}
		if _, err := s.DB.VerifyAuditAgainst(context.Background(), &cp); err != nil {
			t.Fatalf("the log against its own checkpoint: %v", err)
		}
		if r := visitor.get("/board"); !strings.Contains(r.Body, `<a href="/board/checkpoint.json">download the signed checkpoint</a>`) {
			t.Error("the board does not link the checkpoint")
		}
		feed := visitor.get("/board/feed.atom").Body
		if !strings.Contains(feed, "Signed checkpoint of the record at event ") || !strings.Contains(feed, cp.Signature) {
			t.Error("the feed does not carry the checkpoint")
		}
	})
}
