package web

import (
	"context"
	"sync"
	"time"
)

// markerReader shares reads of the store's change marker (the audit head)
// among the requests that arrive together, so a burst on the board costs
// the database one query at a time, not one per request.
//
// A request may only use a read that began after it arrived: one begun
// earlier could have missed a change the reader had already seen made.
// So a request arriving while a read runs waits for the next read, which
// starts when the running one ends, for everyone waiting by then.
type markerReader struct {
	read func(context.Context) (int64, error)

	mu      sync.Mutex
	running bool
	next    *markerRead // the read the requests waiting now will share
}

type markerRead struct {
	done   chan struct{}
	marker int64
	err    error
}

// markerTimeout bounds one shared read, which no single request's context
// may cancel, since others wait for it too.
const markerTimeout = 5 * time.Second

// marker returns the change marker as of some moment after the call began.
func (m *markerReader) marker(ctx context.Context) (int64, error) {
	m.mu.Lock()
	if m.next == nil {
		m.next = &markerRead{done: make(chan struct{})}
	}
	mine := m.next
	if !m.running {
		m.start()
	}
	m.mu.Unlock()
	select {
	case <-mine.done:
		return mine.marker, mine.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// start runs the waiting read; m.mu is held.
func (m *markerReader) start() {
	rd := m.next
	m.next, m.running = nil, true
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), markerTimeout)
		rd.marker, rd.err = m.read(ctx)
		cancel()
		close(rd.done)
		m.mu.Lock()
		m.running = false
		if m.next != nil {
			m.start()
		}
		m.mu.Unlock()
	}()
}
