package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
)

// postMultipart sends a multipart form with an optional file, same-origin.
func (c *client) postMultipart(path string, fields map[string]string, fileName string, file []byte) response {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if fileName != "" {
		fw, _ := mw.CreateFormFile("file", fileName)
		fw.Write(file)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", c.base+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", c.base)
	return c.do(req)
}

// docx builds a minimal Word document with one paragraph per string.
func docx(t *testing.T, paras ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, p := range paras {
		b.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + p + `</w:t></w:r></w:p>`)
	}
	b.WriteString(`</w:body></w:document>`)
	w.Write([]byte(b.String()))
	zw.Close()
	return buf.Bytes()
}

func TestReadabilityCheckMarksIssuesInPlace(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	if r := s.client(t).get("/readability"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("anonymous checker = %d", r.StatusCode)
	}
	c := s.client(t)
	c.loginAs("member")
	r := c.postMultipart("/readability", map[string]string{"text": "Dear Sam,\n\nIn order to help, call the CMHT at 14:00.", "profile": "plain"}, "", nil)
	if r.StatusCode != 200 {
		t.Fatalf("check = %d %s", r.StatusCode, r.Body)
	}
	// Three issues by hand: "In order to" (wordy), "CMHT" (acronym), "14:00" (24-hour clock).
	for _, want := range []string{`<mark>In order to</mark>`, `<mark>CMHT</mark>`, `<mark>14:00</mark>`, `id="issue-3"`, `href="#issue-1"`, "Flesch Reading Ease", "This text is short."} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("report lacks %s", want)
		}
	}
	if strings.Contains(r.Body, `id="issue-4"`) {
		t.Error("more than the three issues counted by hand")
	}
	// A Word document is read too; its issues point into its text.
	r = c.postMultipart("/readability", map[string]string{"profile": "easyread"}, "letter.docx", docx(t, "YOUR APPOINTMENT", "You can't park at the clinic."))
	if r.StatusCode != 200 || !strings.Contains(r.Body, "<mark>YOUR APPOINTMENT</mark>") || !strings.Contains(r.Body, "<mark>can&#39;t</mark>") {
		t.Fatalf("docx check = %d", r.StatusCode)
	}
}

func TestReadabilityInputErrors(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	c := s.client(t)
	c.loginAs("member")
	if r := c.postMultipart("/readability", map[string]string{"text": "  ", "profile": "plain"}, "", nil); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#text"`) {
		t.Fatalf("empty text = %d", r.StatusCode)
	}
	if r := c.postMultipart("/readability", map[string]string{"profile": "plain"}, "scan.pdf", []byte("%PDF-1.4")); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, ".pdf files cannot be checked") {
		t.Fatalf("pdf = %d", r.StatusCode)
	}
	if r := c.postMultipart("/readability", map[string]string{"profile": "plain"}, "broken.docx", []byte("not a zip")); r.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, `href="#file"`) {
		t.Fatalf("broken docx = %d %s", r.StatusCode, r.Body)
	}
	if r := c.postMultipart("/readability", map[string]string{"text": "Hello.", "profile": "legal"}, "", nil); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#profile"`) {
		t.Fatalf("bad profile = %d", r.StatusCode)
	}
}

func TestReadabilityLibrarySaveAndCompare(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ctx := context.Background()
	orgs, _, _ := s.DB.ListOrganisations(ctx, auth.ListQuery{Search: "Voices"})
	icb, _, _ := s.DB.ListOrganisations(ctx, auth.ListQuery{Search: "Integrated"})
	voices := orgs[0].ID
	member := s.client(t)
	member.loginAs("member")
	save := url.Values{"text": {"Please attend in order to be seen."}, "format": {"text"}, "profile": {"plain"}, "title": {"Reminder, v1"}, "org_id": {voices}}
	r := member.post("/readability/checks", save)
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("save = %d %s", r.StatusCode, r.Body)
	}
	saved := strings.Split(r.Header.Get("Location"), "?")[0]
	if r := member.get(saved); r.StatusCode != 200 || !strings.Contains(r.Body, "Reminder, v1") || !strings.Contains(r.Body, "<mark>in order to</mark>") {
		t.Fatalf("saved check = %d", r.StatusCode)
	}
	// Saving to a library the member does not belong to is refused at the field.
	save.Set("org_id", icb[0].ID)
	if r := member.post("/readability/checks", save); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#org_id"`) {
		t.Fatalf("save to another library = %d", r.StatusCode)
	}
	save.Set("org_id", voices)
	save.Set("title", "")
	if r := member.post("/readability/checks", save); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#title"`) {
		t.Fatalf("save without title = %d", r.StatusCode)
	}
	// The library lists the demo letters and the new check, newest first.
	r = member.get("/readability/library/" + voices)
	titles := regexp.MustCompile(`<a href="/readability/checks/([a-z0-9]+)">([^<]+)</a>`).FindAllStringSubmatch(r.Body, -1)
	if len(titles) != 3 || titles[0][2] != "Reminder, v1" {
		t.Fatalf("library = %v", titles)
	}
	// A provider is not part of Voices Together: no library, no saved check.
	provider := s.client(t)
	provider.loginAs("provider")
	if r := provider.get("/readability/library/" + voices); r.StatusCode != http.StatusForbidden {
		t.Fatalf("provider library = %d", r.StatusCode)
	}
	if r := provider.get(saved); r.StatusCode != http.StatusForbidden {
		t.Fatalf("provider saved check = %d", r.StatusCode)
	}
	// Before and after: the rewritten demo letter is easier on every score.
	v1, v2 := titles[2][1], titles[1][1]
	r = member.get("/readability/compare/saved?before=" + v1 + "&after=" + v2)
	if r.StatusCode != 200 || strings.Contains(r.Body, "harder to read") || strings.Count(r.Body, "easier to read") < 5 {
		t.Fatalf("comparison = %d: %d easier", r.StatusCode, strings.Count(r.Body, "easier to read"))
	}
	r = member.post("/readability/compare", url.Values{"before": {"In order to help you, we will call."}, "after": {"We will call to help."}, "profile": {"plain"}})
	if r.StatusCode != 200 || !regexp.MustCompile(`<th scope="row">wordy-phrase</th><td>1</td><td>0</td><td>-1</td>`).MatchString(r.Body) {
		t.Fatalf("pasted comparison = %d", r.StatusCode)
	}
	if r := member.post("/readability/compare", url.Values{"before": {""}, "after": {"x"}, "profile": {"plain"}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#before"`) {
		t.Fatalf("comparison without a first version = %d", r.StatusCode)
	}
}
