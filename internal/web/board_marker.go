package web

import (
	"context"
	"errors"
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
// one of the requests waiting for it runs once the running read ends.
type markerReader struct {
	read func(context.Context) (int64, error)

	mu      sync.Mutex
	running bool
	next    *markerRead // the read the requests waiting now will share
}

type markerRead struct {
	start  chan struct{} // closed when no read runs: a waiter may run this one
	done   chan struct{} // closed when marker and err are set
	marker int64
	err    error
}

// markerTimeout bounds one shared read, which no single request's context
// may cancel, since others wait for it too.
const markerTimeout = 5 * time.Second

// marker returns the change marker as of some moment after the call began.
func (m *markerReader) marker(ctx context.Context) (int64, error) {
	m.mu.Lock()
	rd := m.next
	if rd == nil {
		rd = &markerRead{start: make(chan struct{}), done: make(chan struct{})}
		m.next = rd
		if !m.running {
			close(rd.start)
		}
	}
	m.mu.Unlock()
	select {
	case <-rd.start:
		if m.claim(rd) {
			m.run(rd)
		}
	case <-rd.done:
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	select {
	case <-rd.done:
		return rd.marker, rd.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// claim makes the caller the one to run rd, unless another waiter is.
func (m *markerReader) claim(rd *markerRead) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.next != rd {
		return false
	}
	m.next, m.running = nil, true
	return true
}

// run reads the marker for everyone waiting on rd, then lets the requests
// that arrived meanwhile start theirs.
// Whatever happens to the read, a panic included, the waiters are let go
// with an error rather than a marker, and the next read may start.
func (m *markerReader) run(rd *markerRead) {
	defer func() {
		m.mu.Lock()
		m.running = false
		if m.next != nil {
			close(m.next.start)
		}
		m.mu.Unlock()
		close(rd.done)
	}()
	ctx, cancel := context.WithTimeout(context.Background(), markerTimeout)
	defer cancel()
	rd.err = errMarkerUnread
	rd.marker, rd.err = m.read(ctx)
}

var errMarkerUnread = errors.New("the change marker was not read")
