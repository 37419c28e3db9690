package web

import (
	"net/http/httptest"
	"testing"
)

// TestClientAddress checks which address the sign-in throttle counts,
// with and without trusted proxies, including forged and unreadable
// X-Forwarded-For entries.
func TestClientAddress(t *testing.T) {
	t.Parallel()
	proxies, err := ParseTrustedProxies(" 10.0.0.0/8, 192.0.2.10 ,2001:db8::/32")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, remote string
		xff          []string
		trusted      bool
		want         string
	}{
		{"no proxy configured: the header is ignored", "203.0.113.7:5000", []string{"198.51.100.1"}, false, "203.0.113.7"},
		{"an untrusted peer cannot name another client", "203.0.113.7:5000", []string{"198.51.100.1"}, true, "203.0.113.7"},
		{"one trusted proxy", "10.1.2.3:443", []string{"198.51.100.1"}, true, "198.51.100.1"},
		{"a forged entry left of the one the proxy added", "10.1.2.3:443", []string{"1.2.3.4, 198.51.100.1"}, true, "198.51.100.1"},
		{"two trusted proxies in a row", "192.0.2.10:443", []string{"198.51.100.1, 10.0.0.9"}, true, "198.51.100.1"},
		{"the header given twice reads as one list", "10.1.2.3:443", []string{"1.2.3.4", "198.51.100.1"}, true, "198.51.100.1"},
		{"an unreadable hop: the proxy's own address", "10.1.2.3:443", []string{"198.51.100.1, not-an-ip"}, true, "10.1.2.3"},
		{"no header from a trusted proxy", "10.1.2.3:443", nil, true, "10.1.2.3"},
		{"every hop trusted", "10.1.2.3:443", []string{"10.9.9.9"}, true, "10.1.2.3"},
		{"IPv6 behind an IPv6 proxy", "[2001:db8::1]:443", []string{"2001:db9::5"}, true, "2001:db9::5"},
		{"an IPv4 address written as IPv6", "10.1.2.3:443", []string{"::ffff:198.51.100.1"}, true, "198.51.100.1"},
	}
	for _, c := range cases {
		s := &Server{}
		if c.trusted {
			s.cfg.TrustedProxies = proxies
		}
		r := httptest.NewRequest("POST", "/login", nil)
		r.RemoteAddr = c.remote
		for _, v := range c.xff {
			r.Header.Add("X-Forwarded-For", v)
		}
		if got := s.clientAddress(r); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestParseTrustedProxiesRefusesNonsense(t *testing.T) {
	t.Parallel()
	if _, err := ParseTrustedProxies("10.0.0.0/8, proxy.example"); err == nil || err.Error() != `trusted proxy "proxy.example" is not an address (10.0.0.5) or a network (10.0.0.0/8)` {
		t.Errorf("err = %v", err)
	}
	if ps, err := ParseTrustedProxies(""); err != nil || len(ps) != 0 {
		t.Errorf("empty list: %v %v", ps, err)
	}
}
