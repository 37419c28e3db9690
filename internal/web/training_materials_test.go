package web_test

import (
	"bytes"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

var materialLink = regexp.MustCompile(`href="(/training/courses/[^/"]+/materials/[^/"]+/file)" download>Easy Read: easy-read-notes\.txt</a> \(Text, 54 bytes\)`)

// TestTrainingMaterialsOverHTTP: the ULO's coordinator uploads an Easy Read
// file to the demo course; a group member downloads it byte for byte. A
// file whose contents are not what its name says, one too big, and an
// upload by anyone but the coordinators are refused; a visitor is sent to
// sign in.
func TestTrainingMaterialsOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		srv := newTestServer(t, engine)
		_, course, _, _ := demoCourse(t, srv)
		fac := srv.client(t)
		fac.loginAs("facilitator")
		wantContains(t, fac.get(course), "course page", "Plain English: nhs-constitution-notes.txt", "Easy Read: nhs-constitution-easy-read.txt", `enctype="multipart/form-data"`)

		easy := []byte("The NHS has a list of promises.\nYou can ask for help.\n")
		r := fac.postFiles(course+"/materials", url.Values{"version": {"easy_read"}}, map[upload][]byte{{"file", "easy-read-notes.txt"}: easy})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("upload: %d %s", r.StatusCode, r.Body)
		}
		m := materialLink.FindStringSubmatch(fac.get(course).Body)
		if m == nil {
			t.Fatal("the uploaded file is not listed on the course page")
		}
		robin := srv.client(t)
		robin.loginAs("member")
		got := robin.get(m[1])
		if got.StatusCode != http.StatusOK || !bytes.Equal([]byte(got.Body), easy) ||
			got.Header.Get("Content-Disposition") != `attachment; filename="easy-read-notes.txt"` {
			t.Errorf("download: %d %q %q", got.StatusCode, got.Header.Get("Content-Disposition"), got.Body)
		}
		if r := srv.client(t).get(m[1]); r.StatusCode != http.StatusSeeOther {
			t.Errorf("a visitor downloads: %d", r.StatusCode)
		}

		for _, tc := range []struct {
			name, version string
			data          []byte
			want          string
		}{
			{"notes.pdf", "plain", []byte("not a pdf at all"), "notes.pdf does not contain a PDF, although its name says it does"},
			{"notes.doc", "plain", []byte("x"), "notes.doc is an older Word format: save it as .docx or PDF and upload that"},
			{"notes.exe", "plain", []byte("MZ"), "notes.exe is not a file type we accept"},
			{"notes.txt", "", []byte("words"), "Choose whether the file is in plain English or Easy Read"},
			{"big.txt", "plain", bytes.Repeat([]byte("a"), 11<<20), "The file must be 10 MB or smaller"},
		} {
			r := fac.postFiles(course+"/materials", url.Values{"version": {tc.version}}, map[upload][]byte{{"file", tc.name}: tc.data})
			if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, tc.want) {
				t.Errorf("%s: %d, want 422 saying %q", tc.name, r.StatusCode, tc.want)
			}
		}
		for _, role := range []string{"admin", "commissioner", "member", "provider", "researcher"} {
			c := srv.client(t)
			c.loginAs(role)
			if r := c.postFiles(course+"/materials", url.Values{"version": {"plain"}}, map[upload][]byte{{"file", "x.txt"}: easy}); r.StatusCode != http.StatusForbidden {
				t.Errorf("%s uploads: %d", role, r.StatusCode)
			}
		}
	})
}
