package web_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/readability"
)

// easyReadAllowed are the words the Easy Read profile flags that member
// pages keep, each with the reason it stays. Keep this list short: every
// entry is a word a member meets and must learn.
var easyReadAllowed = func() map[string]string {
	m := map[string]string{
		// The round's tabs (templates/layout/round_fields.html): one word
		// each, the same on every page, learnt in the group's first session.
		"overview":       "the round tab Overview",
		"services":       "the round tab Services, and the stage Existing services",
		"specifications": "the round tab Specifications",
		"specification":  "the round tab Specifications, and what the group signs off in a proposal",
		"decisions":      "the round tab Decisions",
		"information":    "the tab My information",
		// The group's own words for what it does.
		"proposal":  "what the group decides on is a proposal on every page and in the group's sessions",
		"proposals": "the same word as proposal",
		// Everyday words the checker counts as long.
		"understand": "the Department of Health's Easy Read guide uses it in its own title (\"easier to understand\"); a rating of services asks about information members could understand",
		"disagree":   "one of the three answers, always shown with its thumbs-down picture",
		"hospital":   "an everyday word, with its picture in the set (the issue names it among the first ideas to draw)",
	}
	// Dates: Easy Read writes days and months out in full, never as numbers alone.
	for _, d := range []string{"saturday", "wednesday", "january", "february", "september", "october", "november", "december"} {
		m[d] = "dates are written out in full"
	}
	return m
}()

// theirWords are the parts of a page that quote what people wrote — members'
// stories and statements, a facilitator's proposal — which the product shows
// as written: they are checked where they are written (the checker beside
// the box), not rewritten by the page. They are marked with the class
// "their-words".
var theirWords = regexp.MustCompile(`(?s)<(p|div|blockquote|span|q|li|h1|a)\b[^>]*class="[^"]*\btheir-words\b[^"]*"[^>]*>.*?</(p|div|blockquote|span|q|li|h1|a)>`)

// erPictures are a page's pictures (internal/pictures), and altText a
// picture's text alternative.
// textBoxes are form fields with what someone typed in them: their words too.
var textBoxes = regexp.MustCompile(`(?s)<textarea\b[^>]*>.*?</textarea>`)

var erPictures, altText = regexp.MustCompile(`<img class="er-pic"[^>]*>`), regexp.MustCompile(` alt="([^"]*)"`)

// TestMemberPagesPassEasyRead renders every page a group member reaches in
// the demo round in Easy Read mode (Robin asked the demo round for Easy
// Read, so it is on) and checks the page's own words with the readability
// package's Easy Read profile: no sentence over 15 words, no jargon, no long
// words outside the reviewed list above. Each page shows pictures, each
// with a text alternative: words, or empty only inside a link, button or
// label whose own words say the same (the picWithWords template).
func TestMemberPagesPassEasyRead(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	ids := findDemoRound(t, s)
	base := "/rounds/" + ids.round
	item := demoItem(t, s, ledger.Query{Status: ledger.StatusInProgress}, "Appointments are only in school hours")
	robin := s.client(t)
	robin.loginAs("member")
	pages := []string{"/", base, base + "/stories", base + "/factors", base + "/services", base + "/themes", base + "/vision",
		base + "/decisions", base + "/mine", "/ledger/items/" + item, "/ledger/items/" + item + "/verdict",
		"/board/items/" + item, "/board/items/" + item + "/easy-read", "/account/display", base + "/findings",
		// The main navigation's pages and the account's, which a member opens too.
		"/tenders/mine", "/contracts", "/board", "/peer", "/training", "/readability", "/account", "/notifications",
		base + "/pathway", "/adjustments/passport"}
	// One of each kind of record, as the lists link them.
	for _, l := range []struct{ list, link string }{
		{base + "/stories", base + `/stories/[a-z0-9]{20,}`},
		{base + "/services", base + `/services/[a-z0-9]{20,}`},
		{base + "/decisions", base + `/decisions/[a-z0-9]{20,}`},
		{base + "/findings", base + `/findings/[a-z-]+`},
	} {
		for _, m := range regexp.MustCompile(`href="(`+l.link+`)"`).FindAllStringSubmatch(robin.get(l.list).Body, -1) {
			if !slices.Contains(pages, m[1]) {
				pages = append(pages, m[1])
			}
			if !strings.Contains(l.link, "findings") {
				break
			}
		}
	}
	if len(pages) != 31 {
		t.Errorf("%d pages to check, want 31 (a story, a service, a proposal and three findings documents): %v", len(pages), pages)
	}
	for _, p := range pages {
		body := robin.get(p).Body
		if !strings.Contains(body, `class="easy-read"`) {
			t.Errorf("%s is not in Easy Read", p)
		}
		start, end := strings.Index(body, "<main"), strings.Index(body, "</main>")
		if start < 0 || end < start {
			t.Fatalf("%s: no main content", p)
		}
		pics, described := erPictures.FindAllString(body[start:end], -1), 0
		for _, img := range pics {
			switch alt := altText.FindStringSubmatch(img); {
			case alt == nil:
				t.Errorf("%s: a picture with no text alternative: %s", p, img)
			case alt[1] != "":
				described++
			}
		}
		if len(pics) == 0 || (described == 0 && !strings.Contains(p, "/findings")) {
			t.Errorf("%s: %d pictures, %d with words of their own", p, len(pics), described)
		}
		main := textBoxes.ReplaceAllString(theirWords.ReplaceAllString(body[start:end+len("</main>")], ""), "")
		r, err := readability.Analyze([]byte(main), readability.FormatHTML, readability.EasyRead())
		if err != nil {
			t.Fatal(err)
		}
		if r.Words < 5 {
			t.Errorf("%s: only %d words found", p, r.Words)
		}
		for _, is := range r.Issues {
			switch is.Rule {
			case readability.RuleSentenceTooLong, readability.RuleJargon, readability.RuleLongWords:
			default:
				continue
			}
			if _, ok := easyReadAllowed[strings.ToLower(is.Text)]; ok && is.Rule != readability.RuleSentenceTooLong {
				continue
			}
			t.Errorf("%s: %s: %q", p, is.Rule, is.Text)
		}
	}
}
