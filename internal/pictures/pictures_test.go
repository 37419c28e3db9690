package pictures

import (
	"bytes"
	"encoding/xml"
	"io"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

func TestEveryPictureHasAnSVGFile(t *testing.T) {
	t.Parallel()
	for _, p := range All() {
		b, err := SVG(p)
		if err != nil {
			t.Errorf("%s: %v", p.Key, err)
			continue
		}
		root, err := svgRoot(b)
		if err != nil {
			t.Errorf("%s (%s): does not parse as XML: %v", p.Key, p.File, err)
			continue
		}
		if root.Name.Local != "svg" || root.Name.Space != "http://www.w3.org/2000/svg" {
			t.Errorf("%s (%s): root element is %v, want svg in the SVG namespace", p.Key, p.File, root.Name)
		}
		if !hasAttr(root, "viewBox") {
			t.Errorf("%s (%s): no viewBox, so it would not scale", p.Key, p.File)
		}
		// No scripts or external references: the file is served under a strict CSP
		// and may be embedded in documents.
		low := strings.ToLower(string(b))
		for _, bad := range []string{"<script", "javascript:", "href=\"http", "<foreignobject"} {
			if strings.Contains(low, bad) {
				t.Errorf("%s (%s): contains %q", p.Key, p.File, bad)
			}
		}
	}
}

func svgRoot(b []byte) (xml.StartElement, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var root xml.StartElement
	found := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return root, err
		}
		if se, ok := tok.(xml.StartElement); ok && !found {
			root, found = se, true
		}
	}
	if !found {
		return root, io.ErrUnexpectedEOF
	}
	return root, nil
}

func hasAttr(se xml.StartElement, name string) bool {
	for _, a := range se.Attr {
		if a.Name.Local == name && a.Value != "" {
			return true
		}
	}
	return false
}

var keyShape = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

func TestKeysFilesAndAltsAreUniqueAndPlain(t *testing.T) {
	t.Parallel()
	ps := All()
	if n := len(ps); n < 150 || n > 220 {
		t.Errorf("%d pictures; the set is meant to hold about 150 to 200", n)
	}
	keys, files, alts := map[string]bool{}, map[string]string{}, map[string]string{}
	for _, p := range ps {
		if !keyShape.MatchString(p.Key) {
			t.Errorf("key %q: use lower-case words joined by hyphens", p.Key)
		}
		if keys[p.Key] {
			t.Errorf("key %q listed twice", p.Key)
		}
		keys[p.Key] = true
		if other, ok := files[p.File]; ok {
			t.Errorf("%s and %s share the drawing %s", other, p.Key, p.File)
		}
		files[p.File] = p.Key
		if other, ok := alts[p.Alt]; ok {
			t.Errorf("%s and %s share the text alternative %q", other, p.Key, p.Alt)
		}
		alts[p.Alt] = p.Key
		if p.Topic == "" {
			t.Errorf("%s: no topic", p.Key)
		}
		checkAlt(t, p)
		if got, ok := Get(p.Key); !ok || got != p || !Valid(p.Key) {
			t.Errorf("Get(%q) = %v, %v", p.Key, got, ok)
		}
	}
	if Valid("") || Valid("Vote") || Valid("no-such-picture") {
		t.Error("Valid accepts a key that is not in the set")
	}
	// The slice All returns is a copy: changing it changes nothing.
	ps[0].Alt = "changed"
	if All()[0].Alt == "changed" {
		t.Error("All returns the package's own slice")
	}
}

// checkAlt holds a text alternative to the Easy Read conventions: a few
// everyday words, starting with a capital, no full stop (a screen reader reads
// it inside a sentence), no capitals-only words, no long words.
func checkAlt(t *testing.T, p Picture) {
	t.Helper()
	a := p.Alt
	words := strings.Fields(a)
	switch {
	case a == "" || strings.TrimSpace(a) != a:
		t.Errorf("%s: text alternative %q is empty or padded", p.Key, a)
		return
	case len(words) > 7:
		t.Errorf("%s: %q is %d words; keep it to 7", p.Key, a, len(words))
	case !unicode.IsUpper([]rune(a)[0]):
		t.Errorf("%s: %q should start with a capital", p.Key, a)
	case strings.ContainsAny(a, ".;:!_/\\"):
		t.Errorf("%s: %q has punctuation a screen reader would read out", p.Key, a)
	case strings.HasPrefix(strings.ToLower(a), "picture of") || strings.HasPrefix(strings.ToLower(a), "image of"):
		t.Errorf("%s: %q: screen readers already say it is a picture", p.Key, a)
	}
	for _, w := range words {
		if len([]rune(w)) > 11 {
			t.Errorf("%s: %q has the long word %q", p.Key, a, w)
		}
		if len(w) > 1 && strings.ToUpper(w) == w && strings.ToLower(w) != w && w != "ID" {
			t.Errorf("%s: %q has the capitals-only word %q", p.Key, a, w)
		}
	}
}

// The drawings are OpenMoji's, named by the Unicode code points of the emoji
// they draw (or OpenMoji's own extra code points). These code points are from
// the Unicode emoji charts, not from this package.
func TestKnownDrawings(t *testing.T) {
	t.Parallel()
	want := map[string]string{
		"vote":       "1F5F3.svg",            // U+1F5F3 BALLOT BOX WITH BALLOT
		"agree":      "1F44D.svg",            // U+1F44D THUMBS UP SIGN
		"disagree":   "1F44E.svg",            // U+1F44E THUMBS DOWN SIGN
		"not-sure":   "1F914.svg",            // U+1F914 THINKING FACE
		"hospital":   "1F3E5.svg",            // U+1F3E5 HOSPITAL
		"letter":     "2709.svg",             // U+2709 ENVELOPE
		"home":       "1F3E0.svg",            // U+1F3E0 HOUSE BUILDING
		"money":      "1F4B7.svg",            // U+1F4B7 BANKNOTE WITH POUND SIGN
		"school":     "1F3EB.svg",            // U+1F3EB SCHOOL
		"not-safe":   "26A0.svg",             // U+26A0 WARNING SIGN
		"phone":      "1F4F1.svg",            // U+1F4F1 MOBILE PHONE
		"wheelchair": "1F9D1-200D-1F9BD.svg", // PERSON IN MANUAL WHEELCHAIR (ZWJ sequence)
	}
	for key, file := range want {
		p, ok := Get(key)
		if !ok || p.File != file {
			t.Errorf("%s: drawing %q, want %q", key, p.File, file)
		}
	}
}

func TestTopicsListEveryPictureOnce(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, topic := range Topics() {
		if seen[topic] {
			t.Errorf("topic %q appears in two places in the list", topic)
		}
		seen[topic] = true
	}
	for _, p := range All() {
		if !seen[p.Topic] {
			t.Errorf("%s: topic %q missing from Topics", p.Key, p.Topic)
		}
	}
}

// The licence travels with the drawings, and nothing else sits in the folder.
func TestLicenceShippedAndNoStrayFiles(t *testing.T) {
	t.Parallel()
	lic, err := fs.ReadFile(FS(), "LICENSE.txt")
	if err != nil || !bytes.Contains(lic, []byte("Attribution-ShareAlike 4.0 International")) {
		t.Fatalf("licence: %v", err)
	}
	used := map[string]bool{"LICENSE.txt": true}
	for _, p := range All() {
		used[p.File] = true
	}
	entries, err := fs.ReadDir(FS(), ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !used[e.Name()] {
			t.Errorf("%s is shipped but no picture uses it", e.Name())
		}
	}
}

func TestChoiceValidate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		c  Choice
		ok bool
	}{
		{Choice{KindVision, "v1", "vote"}, true},
		{Choice{KindMeasure, "m1", ""}, true}, // no picture
		{Choice{KindVision, "v1", "Vote"}, false},
		{Choice{KindVision, "v1", "no-such"}, false},
		{Choice{"round", "r1", "vote"}, false},
		{Choice{KindProposal, "", "vote"}, false},
	} {
		if err := c.c.Validate(); (err == nil) != c.ok {
			t.Errorf("%+v: %v", c.c, err)
		}
	}
}
