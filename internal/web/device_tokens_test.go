package web

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// FuzzDeviceTokens: whatever a browser sends as its coprod_device cookie,
// at most devicesPerBrowser tokens come out, each made only of the token
// alphabet; and tokens the service wrote come back as written.
func FuzzDeviceTokens(f *testing.F) {
	f.Add("abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwxyz234567")
	f.Add("aaaa.bbbb.cccc.dddd.eeee.ffff.gggg")
	f.Add("..a..")
	f.Add("AB\x00CD.ef=gh.ij;kl")
	f.Add("")
	f.Fuzz(func(t *testing.T, value string) {
		r := httptest.NewRequest("POST", "/login", nil)
		r.Header.Set("Cookie", deviceCookie+"="+value)
		got := deviceTokens(r)
		if len(got) > devicesPerBrowser {
			t.Fatalf("%d tokens from %q", len(got), value)
		}
		for _, tok := range got {
			if tok == "" || len(tok) > 64 || strings.Trim(tok, "abcdefghijklmnopqrstuvwxyz234567") != "" {
				t.Fatalf("token %q from %q", tok, value)
			}
		}
		// Round trip: what setDeviceCookie writes, deviceTokens reads back.
		s := &Server{}
		w := httptest.NewRecorder()
		s.setDeviceCookie(w, append(slices.Clone(got), got...))
		back := httptest.NewRequest("POST", "/login", nil)
		for _, c := range w.Result().Cookies() {
			back.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
		}
		want := append(slices.Clone(got), got...)[:min(2*len(got), devicesPerBrowser)]
		if again := deviceTokens(back); !slices.Equal(again, want) && !(len(again) == 0 && len(want) == 0) {
			t.Fatalf("round trip of %q: %q, want %q", got, again, want)
		}
	})
}
