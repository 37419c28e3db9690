package auth

import (
	"testing"
	"time"
)

// TestPasswordHashesWaitTheirTurn: with every hashing slot taken, a check
// waits (holding no 64 MiB buffer) until one is free.
func TestPasswordHashesWaitTheirTurn(t *testing.T) {
	hash, err := HashPassword("a long passphrase")
	if err != nil {
		t.Fatal(err)
	}
	for range cap(hashing) {
		hashing <- struct{}{}
	}
	done := make(chan bool)
	go func() { done <- CheckPassword(hash, "a long passphrase") }()
	select {
	case <-done:
		t.Fatal("a password was hashed with every slot taken")
	case <-time.After(200 * time.Millisecond):
	}
	<-hashing // one slot frees
	if ok := <-done; !ok {
		t.Error("the right password did not match")
	}
	for range cap(hashing) - 1 {
		<-hashing
	}
}
