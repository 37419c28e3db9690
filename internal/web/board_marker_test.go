package web

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A request that arrives while a marker read runs must not take that
// read's answer, which may predate a change the reader has seen made; it
// shares the next read with the others who arrived meanwhile.
func TestMarkerReadsAreSharedButNeverStale(t *testing.T) {
	var head, reads atomic.Int64
	started, gate := make(chan struct{}), make(chan struct{})
	m := &markerReader{read: func(context.Context) (int64, error) {
		h := head.Load()
		if reads.Add(1) == 1 {
			close(started)
			<-gate
		}
		return h, nil
	}}
	ctx := context.Background()

	head.Store(1)
	first := make(chan int64)
	go func() { v, _ := m.marker(ctx); first <- v }()
	<-started     // read 1 has seen head 1 and not yet answered
	head.Store(2) // a change commits meanwhile

	const late = 5
	var wg sync.WaitGroup
	got := make([]int64, late)
	for i := range late {
		wg.Add(1)
		go func() { defer wg.Done(); got[i], _ = m.marker(ctx) }()
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		m.mu.Lock()
		queued := m.next != nil
		m.mu.Unlock()
		if queued {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no request queued behind the running read")
		}
	}
	time.Sleep(50 * time.Millisecond) // let the others queue too
	close(gate)

	if v := <-first; v != 1 {
		t.Errorf("the first request got %d, want 1", v)
	}
	wg.Wait()
	for i, v := range got {
		if v != 2 {
			t.Errorf("late request %d got head %d, want 2: the change it could have seen", i, v)
		}
	}
	if n := reads.Load(); n >= 1+late {
		t.Errorf("%d reads for %d requests: the late ones did not share", n, 1+late)
	}
}
