package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// A render that panics (recoverAndLog answers the reader) must still
// release the entry: otherwise everyone asking for that page would wait on
// it until they gave up, for as long as the server runs.
func TestBoardEntryIsReleasedWhenItsRenderPanics(t *testing.T) {
	c := newBoardCache(0)
	v := boardVersion{marker: 7, day: "2026-12-02"}
	e, mine := c.claim("/board?", v)
	if !mine {
		t.Fatal("an empty cache gave the page to someone else to render")
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic did not reach the caller")
			}
		}()
		c.render(httptest.NewRecorder(), httptest.NewRequest("GET", "/board", nil), e, func(http.ResponseWriter, *http.Request) error { panic("template") })
	}()
	select {
	case <-e.ready:
	default:
		t.Fatal("requests waiting for the page are left waiting")
	}
	if e.page != nil {
		t.Error("a failed render was kept")
	}
	if _, mine := c.claim("/board?", v); !mine {
		t.Error("the next request waits for the failed render instead of rendering")
	}
}
