package web

import (
	"net/http"
	"runtime"
	"strconv"
	"time"

	"github.com/coprod/coprod/internal/apperr"
)

// heavyWork bounds the analyses of uploads (letters, transcripts,
// documents, CSV imports) that run at once: each can take hundreds of
// megabytes and seconds of a core, so a burst of them must wait its turn or
// be told to come back, and every other page keeps answering.
type heavyWork struct {
	slots chan struct{}
	wait  time.Duration
}

func newHeavyWork(cfg Config) *heavyWork {
	n := cfg.HeavyWork
	if n <= 0 {
		// Leave a core for everything else: sign-in and the board must
		// answer while documents are checked.
		n = max(1, runtime.GOMAXPROCS(0)-1)
	}
	wait := cfg.HeavyWait
	if wait <= 0 {
		wait = 5 * time.Second
	}
	return &heavyWork{slots: make(chan struct{}, n), wait: wait}
}

// retryAfter is what a busy answer asks the reader to wait, in seconds.
const retryAfter = 60

var errBusy = apperr.Errorf(apperr.Unavailable, "Many people are checking documents at the moment. Nothing was saved. Please try again in a minute.")

// heavy runs h when a slot is free within the wait, and otherwise answers
// 503 with Retry-After. The slot is taken before the upload is read, so
// waiting requests hold no file in memory.
func (s *Server) heavy(h handler) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		t := time.NewTimer(s.work.wait)
		defer t.Stop()
		select {
		case s.work.slots <- struct{}{}:
			defer func() { <-s.work.slots }()
			return h(w, r)
		case <-t.C:
			w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
			return errBusy
		case <-r.Context().Done():
			return nil // the reader left
		}
	}
}
