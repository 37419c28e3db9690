package web_test

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/readability"
)

// The lived experience panel's scoring guide is in Easy Read: checked with
// the product's own Easy Read profile, its points (the panel's own wording
// of the scale, folded away below them, is left out) have no sentence over
// 15 words, no jargon and no long words, and every point has a picture
// with a text alternative.
func TestTenderGuideIsEasyRead(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, store.SQLite)
	c := srv.client(t)
	c.loginAs("evaluator2") // on the lived experience panel
	list := c.get("/tenders/mine").Body
	m := regexp.MustCompile(`/tenders/([a-z2-7]{26})`).FindStringSubmatch(list)
	if m == nil {
		t.Fatal("no tender listed for the panel member")
	}
	r := c.get("/tenders/" + m[1] + "/guide")
	if r.StatusCode != http.StatusOK {
		t.Fatalf("guide: %d", r.StatusCode)
	}
	start, end := strings.Index(r.Body, "<h1>How to score</h1>"), strings.Index(r.Body, "<details>")
	if start < 0 || end < start {
		t.Fatalf("the guide's shape changed:\n%s", r.Body)
	}
	body := r.Body[start:end]
	points := strings.Count(body, `class="er-point"`)
	if pics := regexp.MustCompile(`<img class="er-pic" src="[^"]+" alt="[^"]+"`).FindAllString(body, -1); points != 13 || len(pics) != points {
		t.Errorf("%d points, %d pictures with text alternatives; want 13 each", points, len(pics))
	}
	if strings.Contains(body, "major gaps") || strings.Contains(body, "confidence") {
		t.Errorf("the staff wording is still the guide")
	}
	text := regexp.MustCompile(`</(p|h1|h2|li)>`).ReplaceAllString(body, "\n")
	text = html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(text, ""))
	rep := readability.AnalyzeText(text, readability.EasyRead())
	for _, is := range rep.Issues {
		switch is.Rule {
		case readability.RuleSentenceTooLong, readability.RuleJargon, readability.RuleLongWords, readability.RuleNumberAsWord,
			readability.RuleAllCaps, readability.RuleWordyPhrase, readability.RulePassiveVoice:
			t.Errorf("%s: %q: %s", is.Rule, is.Text, is.Message)
		}
	}
}
