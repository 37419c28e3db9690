package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/cli/qdacli"
	"github.com/coprod/coprod/internal/refiqda"
	"github.com/coprod/coprod/internal/refiqda/refiqdatest"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
)

// TestCodingBlindOverHTTP: the demo researcher starts a blind coding
// project, adds a source, and codes it by checkbox with a second coder
// (the admin). Until both have submitted, a coder's request for the
// comparison, the reliability data or the export is refused (the store's
// blind rule); then the comparison shows the hand-worked agreement (the
// example of internal/agreement's TestPerCode: Materials 1, Meanings .125),
// and `coprod qda agreement` on the page's CSV gives the same figure.
func TestCodingBlindOverHTTP(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		ctx := context.Background()
		lead := s.client(t)
		lead.loginAs("researcher")
		if r := lead.get("/coding"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "Start a coding project") {
			t.Fatalf("/coding = %d", r.StatusCode)
		}
		lab, project := s.startCodingProject(t, lead, "Getting out")
		base := "/coding/" + project
		if r := lead.post(base+"/sources", url.Values{"title": {"Narrative 1"}, "text": {"One. Two. Three. Four."}, "units": {"sentences"},
			"consent_note": {"Written consent"}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Confirm that consent") {
			t.Fatalf("source without consent = %d", r.StatusCode)
		}
		if r := lead.post(base+"/sources", url.Values{"title": {"Narrative 1"}, "text": {"One. Two. Three. Four."}, "units": {"sentences"},
			"consent_note": {"Written consent"}, "consent_confirmed": {"yes"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("source = %d %s", r.StatusCode, r.Body)
		}
		admin, err := s.DB.UserByEmail(ctx, "admin@demo.test")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DB.AddMember(ctx, admin.ID, lab); err != nil {
			t.Fatal(err)
		}
		if err := s.DB.AddCoder(ctx, project, admin.ID); err != nil {
			t.Fatal(err)
		}
		sources, _ := s.DB.Sources(ctx, project)
		codes, _ := s.DB.Codes(ctx, project)
		id := map[string]string{}
		for _, c := range codes {
			id[c.Name] = c.ID
		}
		A, B := id["Materials"], id["Meanings"]
		src := base + "/sources/" + sources[0].ID
		page := lead.get(src)
		if page.StatusCode != http.StatusOK || !strings.Contains(page.Body, "Sentence 3: <span class=\"their-words\">Three.</span>") ||
			!strings.Contains(page.Body, `name="u0" value="`+A+`"`) {
			t.Fatalf("coding page = %d\n%s", page.StatusCode, page.Body)
		}
		save := func(c *client, ticks map[string][]string) {
			t.Helper()
			f := url.Values{"page": {"1"}, "unit": {"0", "1", "2", "3"}}
			for k, v := range ticks {
				f[k] = v
			}
			if r := c.post(src, f); r.StatusCode != http.StatusSeeOther {
				t.Fatalf("save = %d %s", r.StatusCode, r.Body)
			}
		}
		save(lead, map[string][]string{"u0": {A}, "u1": {A, B}, "u3": {B}})
		if p := lead.get(src); !strings.Contains(p.Body, `id="u1-`+B+`" name="u1" value="`+B+`" checked`) {
			t.Fatal("the saved tick is not shown")
		}
		second := s.client(t)
		second.loginAs("admin")
		save(second, map[string][]string{"u0": {A}, "u1": {A}, "u2": {B}, "u3": {B}})

		if r := lead.post(base+"/submit", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("submit = %d", r.StatusCode)
		}
		// Blind: the admin has not submitted, so the researcher's coding is
		// refused to them however they ask for it.
		for _, p := range []string{base + "/compare", base + "/agreement.csv?code=" + B, base + "/export.qdpx"} {
			if r := second.get(p); r.StatusCode != http.StatusForbidden || !strings.Contains(r.Body, "once you have submitted yours") {
				t.Errorf("%s before submitting = %d", p, r.StatusCode)
			}
		}
		if r := lead.get(base + "/compare"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "at least two coders who have submitted") {
			t.Errorf("compare with one submitted = %d", r.StatusCode)
		}
		if r := lead.post(src, url.Values{"page": {"1"}, "unit": {"2"}, "u2": {A}}); r.StatusCode != http.StatusConflict {
			t.Errorf("changing submitted coding = %d", r.StatusCode)
		}
		if r := second.post(base+"/submit", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("second submit = %d", r.StatusCode)
		}
		cmp := second.get(base + "/compare")
		for _, want := range []string{"<th scope=\"row\">Materials</th><td>1.000</td><td>1.000</td>", "<th scope=\"row\">Meanings</th><td>0.125</td><td>0.500</td>",
			"Narrative 1, unit 2: <span class=\"their-words\">Two.</span>", "The 95% interval of the alpha for all codes together is ", "Narrative 1, unit 3: <span class=\"their-words\">Three.</span>"} {
			if cmp.StatusCode != http.StatusOK || !strings.Contains(cmp.Body, want) {
				t.Errorf("compare lacks %q", want)
			}
		}
		// Reconciling: the lead agrees Materials and Meanings for unit 2.
		if r := lead.post(base+"/decide", url.Values{"source": {sources[0].ID}, "unit": {"1"}, "code": {A, B}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("decide = %d %s", r.StatusCode, r.Body)
		}
		if r := lead.post(base+"/decide", url.Values{"source": {"nope"}, "unit": {"1"}, "code": {A}}); r.StatusCode != http.StatusNotFound {
			t.Errorf("decide on another source = %d", r.StatusCode)
		}
		if cmp := second.get(base + "/compare"); !strings.Contains(cmp.Body, "Agreed by Dr Morgan Lee on ") || !strings.Contains(cmp.Body, ": Materials, Meanings</p>") {
			t.Errorf("the decision is not shown")
		}
		// The CLI on the page's reliability data gives the page's figure.
		csv := second.get(base + "/agreement.csv?code=" + B)
		file := filepath.Join(t.TempDir(), "meanings.csv")
		if err := os.WriteFile(file, []byte(csv.Body), 0o600); err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		if code := qdacli.Run([]string{"agreement", "--bootstrap", "0", "--format", "json", file}, nil, &out, &errOut); code != 0 {
			t.Fatalf("coprod qda agreement: %d %s\n%s", code, errOut.String(), csv.Body)
		}
		var got struct{ Value float64 }
		if err := json.Unmarshal(out.Bytes(), &got); err != nil || got.Value != 0.125 {
			t.Errorf("the CLI gives %v (%v) on\n%s", got.Value, err, csv.Body)
		}
		// The export reads back with both coders' selections and the
		// reconciled coding as a third user (units 1 and 4, where the coders
		// agree, and unit 2, decided above: 7 + 3 selections), and validates.
		exp := second.get(base + "/export.qdpx")
		p, err := refiqda.ReadQDPX(strings.NewReader(exp.Body), int64(len(exp.Body)))
		if err != nil || len(p.Users) != 3 || len(p.Sources) != 1 || len(p.Sources[0].Selections) != 10 {
			t.Fatalf("export: %+v %v", p, err)
		}
		qde, err := refiqda.MarshalQDE(p, true)
		if err != nil {
			t.Fatal(err)
		}
		refiqdatest.Validate(t, qde)

		for _, role := range []string{"member", "commissioner"} {
			c := s.client(t)
			c.loginAs(role)
			for _, path := range []string{"/coding", "/coding/new", base, src, base + "/compare"} {
				if r := c.get(path); r.StatusCode != http.StatusForbidden {
					t.Errorf("%s %s = %d", role, path, r.StatusCode)
				}
			}
		}
		if r := s.client(t).get(base); r.StatusCode != http.StatusSeeOther {
			t.Errorf("anonymous = %d", r.StatusCode)
		}
	})
}

// TestCodingDemo opens the demo's coding project as the researcher: six
// narratives and two policy excerpts coded blind by two coders, both
// submitted, so the comparison shows agreement for every code.
func TestCodingDemo(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	c := s.client(t)
	c.loginAs("researcher")
	list := c.get("/coding")
	i := strings.Index(list.Body, `<a href="/coding/`)
	if list.StatusCode != http.StatusOK || i < 0 || !strings.Contains(list.Body, "Getting out and about") {
		t.Fatalf("/coding = %d", list.StatusCode)
	}
	base := list.Body[i+len(`<a href="`):]
	base = base[:strings.Index(base, `"`)]
	show := c.get(base)
	for _, want := range []string{"Narrative 1: the library ramp</a> (before)", "Policy excerpt: day services review, paragraph 12", "Jordan Reid: submitted", "Dr Morgan Lee: submitted", "2 of 2 coders have submitted"} {
		if !strings.Contains(show.Body, want) {
			t.Errorf("project page lacks %q", want)
		}
	}
	cmp := c.get(base + "/compare")
	if cmp.StatusCode != http.StatusOK || !strings.Contains(cmp.Body, "<th scope=\"row\">All codes together</th><td>0.") ||
		!strings.Contains(cmp.Body, "Jordan Reid: Skills of supporters, Materials and competences") ||
		!strings.Contains(cmp.Body, "Agreed by Dr Morgan Lee on ") {
		t.Errorf("compare = %d", cmp.StatusCode)
	}
	// Retrieval: "Disables" in the first narrative is on sentences 2 and 3
	// from both coders, so four segments (counted by hand from
	// internal/demo/coding.go).
	project := strings.TrimPrefix(base, "/coding/")
	codes, _ := s.DB.Codes(context.Background(), project)
	var disables string
	for _, code := range codes {
		if code.Name == "Disables" {
			disables = code.ID
		}
	}
	tables := c.get(base + "/tables")
	if tables.StatusCode != http.StatusOK || !strings.Contains(tables.Body, "<th scope=\"row\">Disables</th><td>4</td>") {
		t.Errorf("tables = %d", tables.StatusCode)
	}
	segs := c.get(base + "/segments?label=before&code=" + disables)
	if segs.StatusCode != http.StatusOK || !strings.Contains(segs.Body, "<mark>Nobody asked me where I wanted to go.</mark>") ||
		strings.Contains(segs.Body, "not safe for me to go out alone") {
		t.Errorf("segments = %d", segs.StatusCode)
	}
	csv := c.get(base + "/segments.csv?label=before&code=" + disables)
	if !strings.HasPrefix(csv.Body, "source,label,coder,start,end,page,text,codes\n") || !strings.Contains(csv.Body, "Narrative 5: the café,before,Dr Morgan Lee,") {
		t.Errorf("segments.csv:\n%s", csv.Body)
	}
}

// TestCodingImport imports REFI-QDA files into a new project (which starts
// with the Social Practice Theory codebook): the standard's Annex A.1
// codebook adds its six codes; a project shaped like other tools' exports
// adds its codes and its text source, with consent, and lists what it
// leaves behind; a project whose top code "Materials" is already there is
// refused whole.
func TestCodingImport(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	c := s.client(t)
	c.loginAs("researcher")
	lab := s.orgID(t, "University of North Shire, Getting Things Changed study")
	r := c.post("/coding", url.Values{"org_id": {lab}, "title": {"Imports"}, "blind": {"yes"}})
	base := strings.Split(r.Header.Get("Location"), "?")[0]
	project := strings.TrimPrefix(base, "/coding/")
	if r := c.get(base + "/import"); r.StatusCode != http.StatusOK {
		t.Fatalf("import form = %d", r.StatusCode)
	}
	annex, _ := os.ReadFile("../refiqda/testdata/annex-a1.qdc")
	if r := c.postMultipart(base+"/import", nil, "codebook.qdc", annex); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "6 codes and 0 sources were added") {
		t.Fatalf("qdc import = %d\n%s", r.StatusCode, r.Body)
	}
	others := refiqdatest.Zip(t, "../refiqda/testdata/others")
	if r := c.postMultipart(base+"/import", nil, "mixed.qdpx", others); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "The file has 1 sources") {
		t.Fatalf("qdpx without consent = %d", r.StatusCode)
	}
	r = c.postMultipart(base+"/import", map[string]string{"consent_note": "Consent forms on file", "consent_confirmed": "yes"}, "mixed.qdpx", others)
	for _, want := range []string{"2 codes and 1 sources were added", "1 coded selections by 1 coders", "PictureSource &#34;Photo of the step&#34;", "Cases: 1 cases"} {
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, want) {
			t.Errorf("qdpx import lacks %q (%d)", want, r.StatusCode)
		}
	}
	hand := refiqdatest.Zip(t, "../refiqda/testdata/handwritten")
	if r := c.postMultipart(base+"/import", map[string]string{"consent_note": "x", "consent_confirmed": "yes"}, "walk.qdpx", hand); r.StatusCode != http.StatusConflict || !strings.Contains(r.Body, "nothing was imported") {
		t.Errorf("clashing import = %d", r.StatusCode)
	}
	if r := c.postMultipart(base+"/import", nil, "broken.qdc", []byte("<CodeBook/>")); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "The file cannot be read: the root element is CodeBook in namespace") {
		t.Errorf("broken file = %d", r.StatusCode)
	}
	// A source from an uploaded Markdown file keeps its words, not its marks.
	fields := map[string]string{"title": "From a file", "units": "sentences", "consent_note": "Written consent", "consent_confirmed": "yes"}
	if r := c.postMultipart(base+"/sources", fields, "story.md", []byte("# My week\n\nI went to the *market* on my own.\n")); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("markdown source = %d %s", r.StatusCode, r.Body)
	}
	if r := c.postMultipart(base+"/sources", fields, "story.docx", []byte("not a word document")); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "cannot be read as text") {
		t.Errorf("broken docx = %d", r.StatusCode)
	}
	codes, _ := s.DB.Codes(context.Background(), project)
	sources, _ := s.DB.Sources(context.Background(), project)
	if len(sources) != 2 || !strings.Contains(sources[1].Text, "I went to the market on my own.") || strings.Contains(sources[1].Text, "*") {
		t.Fatalf("sources: %+v", sources)
	}
	sources = sources[:1]
	if len(codes) != 17+6+2 || len(sources) != 1 || sources[0].Text != "The bus fare is too dear for me." || sources[0].ConsentNote != "Consent forms on file" {
		t.Errorf("%d codes, sources %+v", len(codes), sources)
	}
}
