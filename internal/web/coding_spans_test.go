package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestCodingSpans: the form for coding any span is on the page, hidden
// until its script shows it; a span posted as character positions (code
// points: "Café" and "£" are one each) is saved, listed under the coder's
// selections and in the coded segments, and does not tick the checkboxes
// of the units it touches. A missing selection or code says so.
func TestCodingSpans(t *testing.T) {
	t.Parallel()
	s, c, base, project := newCodingProject(t, "Spans")
	ctx := context.Background()
	text := "Café trips cost £3 each. The ramp is too steep for me."
	if r := c.post(base+"/sources", url.Values{"title": {"Narrative"}, "text": {text}, "units": {"sentences"}, "consent_note": {"Written consent"},
		"consent_confirmed": {"yes"}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("source = %d", r.StatusCode)
	}
	sources, _ := s.DB.Sources(ctx, project)
	codes, _ := s.DB.Codes(ctx, project)
	src, code := sources[0], codes[0]
	page := base + "/sources/" + src.ID

	body := c.get(page).Body
	for _, want := range []string{`<section id="span-coding" hidden`, `data-start="0"`, ">" + text + "</textarea>", `src="/static/coding-spans.`} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// "£3 each. The ramp": characters 16 to 33, across two sentences.
	if got := string([]rune(text)[16:33]); got != "£3 each. The ramp" {
		t.Fatalf("test positions: %q", got)
	}
	if r := c.post(page+"/spans", url.Values{"page": {"1"}, "start": {"16"}, "end": {"33"}, "span_code": {code.ID}}); r.StatusCode != http.StatusSeeOther ||
		!strings.Contains(r.Header.Get("Location"), "done=span-coded") {
		t.Fatalf("span = %d", r.StatusCode)
	}
	body = c.get(page).Body
	if want := "“<span class=\"their-words\">£3 each. The ramp</span>” (characters 16 to 33): " + code.Name; !strings.Contains(body, want) {
		t.Errorf("the page does not list the selection %q", want)
	}
	if strings.Contains(body, `value="`+code.ID+`" checked`) {
		t.Error("a selection ticked a unit's checkbox")
	}
	if segs := c.get(base + "/segments").Body; !strings.Contains(segs, "characters 16 to 33, coded by") {
		t.Error("the coded segments lack the selection")
	}
	for _, bad := range []struct {
		form url.Values
		want string
	}{
		{url.Values{"page": {"1"}, "span_code": {code.ID}}, "Select some of the text to code"},
		{url.Values{"page": {"1"}, "start": {"30"}, "end": {"900"}, "span_code": {code.ID}}, "Select some of the text to code"},
		{url.Values{"page": {"1"}, "start": {"0"}, "end": {"4"}}, "Choose at least one code for the selected text"},
	} {
		if r := c.post(page+"/spans", bad.form); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, bad.want) {
			t.Errorf("%v = %d, lacks %q", bad.form, r.StatusCode, bad.want)
		}
	}
}
