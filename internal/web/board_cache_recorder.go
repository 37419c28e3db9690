package web

import (
	"bytes"
	"net/http"
)

// pageRecorder keeps what a board handler writes so the cache can keep it.
// Past limit bytes it stops keeping and streams the rest to the client,
// so an export of a very large board never sits in memory whole.
type pageRecorder struct {
	client  http.ResponseWriter
	header  http.Header
	status  int
	body    bytes.Buffer
	limit   int
	spilled bool // too big: what was kept went to the client, the rest follows it
	spoiled bool // the handler said the response is not whole (dropFromCache)
}

func newPageRecorder(client http.ResponseWriter, limit int) *pageRecorder {
	return &pageRecorder{client: client, header: http.Header{}, limit: limit}
}

func (p *pageRecorder) Header() http.Header {
	if p.spilled {
		return p.client.Header()
	}
	return p.header
}

func (p *pageRecorder) WriteHeader(code int) {
	if p.status == 0 {
		p.status = code
	}
}

func (p *pageRecorder) Write(b []byte) (int, error) {
	p.WriteHeader(http.StatusOK)
	if !p.spilled && p.body.Len()+len(b) > p.limit {
		p.spill()
	}
	if p.spilled {
		return p.client.Write(b)
	}
	return p.body.Write(b)
}

// spill sends what was kept and switches to streaming.
func (p *pageRecorder) spill() {
	p.replay()
	p.body = bytes.Buffer{}
	p.spilled = true
}

// replay sends the recorded response to the client as it was written.
func (p *pageRecorder) replay() {
	h := p.client.Header()
	for k, v := range p.header {
		h[k] = v
	}
	if p.status == 0 {
		p.status = http.StatusOK
	}
	p.client.WriteHeader(p.status)
	p.client.Write(p.body.Bytes())
}

// keepable reports whether the response is a whole, successful page the
// cache may keep and give to others.
func (p *pageRecorder) keepable() bool {
	return p.status == http.StatusOK && !p.spilled && !p.spoiled
}

// dropFromCache marks a board response that was cut short, so the cache
// sends it to this client only.
func dropFromCache(w http.ResponseWriter) {
	if p, ok := w.(*pageRecorder); ok {
		p.spoiled = true
	}
}
