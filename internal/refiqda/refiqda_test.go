package refiqda_test

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/refiqda"
	"github.com/coprod/coprod/internal/refiqda/refiqdatest"
)

func readQDPX(t *testing.T, data []byte) refiqda.Project {
	t.Helper()
	p, err := refiqda.ReadQDPX(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func writeQDPX(t *testing.T, p refiqda.Project) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := refiqda.WriteQDPX(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestHandwritten reads testdata/handwritten, written by hand: two coders
// (Asha and Ben), codes nested two deep, a memo on a selection and one on
// a code, one source in the sources folder and one inside the XML with
// an accented letter and an emoji before its selections (positions count
// characters, not bytes or UTF-16 units). Every selection must come back
// with the words it was made on, its codes and who applied them.
func TestHandwritten(t *testing.T) {
	p := readQDPX(t, refiqdatest.Zip(t, "testdata/handwritten"))
	if p.Name != "Getting out and about" || len(p.Skipped) != 0 {
		t.Errorf("name %q, skipped %q", p.Name, p.Skipped)
	}
	users := map[string]string{}
	for _, u := range p.Users {
		users[u.GUID] = u.Name
	}
	codes := map[string]string{}
	var walk func([]refiqda.Code, string)
	var tree []string
	walk = func(cs []refiqda.Code, indent string) {
		for _, c := range cs {
			codes[c.GUID] = c.Name
			tree = append(tree, indent+c.Name)
			walk(c.Children, indent+"  ")
		}
	}
	walk(p.Codes, "")
	if got := strings.Join(tree, "|"); got != "Materials|  Wheelchair|  Ramp|Competences|  Asking for help|Meanings|  Independence" {
		t.Errorf("code tree %s", got)
	}
	if p.Codes[0].Codable || !p.Codes[0].Children[0].Codable || p.Codes[0].Children[1].Color != "#AEC" || !p.Codes[1].Children[0].Codable {
		t.Errorf("codable flags or colours: %+v", p.Codes)
	}
	type sel struct{ source, text, codings string }
	want := []sel{
		{"Narrative 1", "wheelchair", "Wheelchair by Asha Patel"},
		{"Narrative 1", "The ramp at the library is too steep", "Ramp by Asha Patel, Ramp by Ben Jones"},
		{"Narrative 1", "I can't go in alone", "Independence by Ben Jones"},
		{"Narrative 1", "My sister taught me to ask for the portable ramp", "Asking for help by Asha Patel"},
		{"Narrative 1", "staff bring it without being asked", "Independence by Ben Jones"},
		{"Policy excerpt", "Staff décided 😀 to help", "Asking for help by Ben Jones"},
		{"Policy excerpt", "they learnt how to fold the chair", "Competences by Asha Patel"},
		{"Policy excerpt", "Nobody asked me first.", "Independence by Asha Patel, Independence by Ben Jones"},
	}
	var got []sel
	for _, s := range p.Sources {
		for _, x := range s.Selections {
			text, err := s.Span(x.Start, x.End)
			if err != nil {
				t.Fatal(err)
			}
			var cs []string
			for _, c := range x.Codings {
				cs = append(cs, codes[c.Code]+" by "+users[c.User])
			}
			got = append(got, sel{s.Name, text, strings.Join(cs, ", ")})
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("selections:\n got %q\nwant %q", got, want)
	}
	if n := p.Sources[0].Length(); n != 192 {
		t.Errorf("narrative 1 has %d characters, want 192 (193 bytes: é is two)", n)
	}
	if n := p.Sources[1].Length(); n != 82 {
		t.Errorf("the policy excerpt has %d characters, want 82 (86 bytes)", n)
	}
	memo := p.Sources[0].Selections[2]
	if len(memo.NoteRefs) != 1 || memo.Description != "The whole point of the story." {
		t.Fatalf("selection 3's memo: %+v", memo)
	}
	notes := map[string]refiqda.Note{}
	for _, n := range p.Notes {
		notes[n.GUID] = n
	}
	if n := notes[memo.NoteRefs[0]]; !strings.HasPrefix(n.Text, "Independence here means") || users[n.CreatingUser] != "Ben Jones" {
		t.Errorf("memo on selection 3: %+v", n)
	}
	if refs := p.Codes[2].Children[0].NoteRefs; len(refs) != 1 || !strings.HasPrefix(notes[refs[0]].Text, "Use for choice") {
		t.Errorf("memo on the code Independence: %v", refs)
	}
	// GUIDs are kept in one form: lower case, no braces.
	if p.Users[1].GUID != "a1b2c3d4-0000-4000-8000-000000000002" || p.Sources[0].GUID != "a1b2c3d4-0000-4000-8000-000000000101" {
		t.Errorf("GUIDs not normalised: %s %s", p.Users[1].GUID, p.Sources[0].GUID)
	}
}

// TestRoundTrip writes what was read and reads it again: nothing is lost,
// and what Coprod writes validates against the REFI-QDA Project schema.
func TestRoundTrip(t *testing.T) {
	p := readQDPX(t, refiqdatest.Zip(t, "testdata/handwritten"))
	out := writeQDPX(t, p)
	back := readQDPX(t, out)
	if !reflect.DeepEqual(p, back) {
		t.Errorf("round trip changed the project:\n%+v\n%+v", p, back)
	}
	qde, err := refiqda.MarshalQDE(p, true)
	if err != nil {
		t.Fatal(err)
	}
	refiqdatest.Validate(t, qde)
	inline, err := refiqda.MarshalQDE(p, false)
	if err != nil {
		t.Fatal(err)
	}
	refiqdatest.Validate(t, inline)
	if again, err := refiqda.ReadQDE(inline); err != nil || !reflect.DeepEqual(again, p) {
		t.Errorf("project.qde with the text inside: %v", err)
	}
}

// TestOtherParts reads testdata/others, shaped like other tools' exports:
// what Coprod uses is imported, the rest is listed.
func TestOtherParts(t *testing.T) {
	p := readQDPX(t, refiqdatest.Zip(t, "testdata/others"))
	if len(p.Users) != 1 || len(p.Codes) != 2 || len(p.Sources) != 1 || p.Origin != "Another QDA program 9.1" {
		t.Fatalf("imported %+v", p)
	}
	s := p.Sources[0]
	if text, _ := s.Span(s.Selections[0].Start, s.Selections[0].End); text != "bus fare" || s.Selections[0].Codings[0].Code != p.Codes[1].GUID {
		t.Errorf("the selection: %q %+v", text, s.Selections[0])
	}
	want := []string{
		`Sources/TextSource 1 ("Interview A"): 1 codings of the whole source`,
		`Sources/TextSource 1 ("Interview A"): 1 variable values`,
		`Sources/TextSource 2 ("Letter"): only a rich-text copy (internal://c0000000-0000-4000-8000-000000000104.docx) and no plain text, so its 0 selections`,
		`PictureSource "Photo of the step" (Coprod imports text sources only)`,
		`PDFSource "Transport policy" (Coprod imports text sources only)`,
		"Variables: 2 variables",
		"Cases: 1 cases",
		"Links: 1 links",
		"Sets: 1 sets",
		"Graphs: 1 graphs",
	}
	if !reflect.DeepEqual(p.Skipped, want) {
		t.Errorf("skipped:\n%s\nwant:\n%s", strings.Join(p.Skipped, "\n"), strings.Join(want, "\n"))
	}
}

// TestErrors: each broken file gets one error naming the part that is wrong.
func TestErrors(t *testing.T) {
	base, err := os.ReadFile("testdata/handwritten/project.qde")
	if err != nil {
		t.Fatal(err)
	}
	qde := string(base)
	for name, c := range map[string]struct{ from, to, want string }{
		"past the end":   {`startPosition="60" endPosition="82"`, `startPosition="60" endPosition="83"`, `project.qde: Sources/TextSource 2 ("Policy excerpt")/PlainTextSelection 3: endPosition 83 is past the end of the text (82 characters)`},
		"backwards":      {`startPosition="9" endPosition="19"`, `startPosition="19" endPosition="9"`, `PlainTextSelection 1: endPosition 9 comes before startPosition 19`},
		"not a number":   {`startPosition="9"`, `startPosition="nine"`, `PlainTextSelection 1: startPosition "nine" is not a whole number`},
		"unknown code":   {`<CodeRef targetGUID="a1b2c3d4-0000-4000-8000-000000000011"/>`, `<CodeRef targetGUID="a1b2c3d4-0000-4000-8000-0000000000ff"/>`, `PlainTextSelection 1/Coding 1: CodeRef "a1b2c3d4-0000-4000-8000-0000000000ff" is not a code in the CodeBook`},
		"unknown user":   {`<Coding guid="a1b2c3d4-0000-4000-8000-000000000301" creatingUser="a1b2c3d4-0000-4000-8000-000000000001">`, `<Coding guid="a1b2c3d4-0000-4000-8000-000000000301" creatingUser="a1b2c3d4-0000-4000-8000-000000000009">`, `Coding 1: creatingUser "a1b2c3d4-0000-4000-8000-000000000009" is not in Users`},
		"unknown note":   {`<NoteRef targetGUID="a1b2c3d4-0000-4000-8000-000000000901"/>`, `<NoteRef targetGUID="a1b2c3d4-0000-4000-8000-000000000999"/>`, `PlainTextSelection 3: NoteRef "a1b2c3d4-0000-4000-8000-000000000999" is not a note in Notes`},
		"duplicate guid": {`name="Ramp" isCodable="true"`, `name="Ramp" isCodable="true"><Code guid="a1b2c3d4-0000-4000-8000-000000000011" name="Again" isCodable="true"/></Code><Code guid="a1b2c3d4-0000-4000-8000-0000000000fe" name="x" isCodable="true"`, `CodeBook/Code "Materials"/Code "Ramp"/Code "Again": guid a1b2c3d4-0000-4000-8000-000000000011 is also the guid of CodeBook/Code "Materials"/Code "Wheelchair"`},
		"bad guid":       {`guid="a1b2c3d4-0000-4000-8000-000000000001" name="Asha Patel"`, `guid="asha" name="Asha Patel"`, `Users/User 1 ("Asha Patel"): guid "asha" is not a GUID`},
		"bad colour":     {`color="#AEC"`, `color="teal"`, `CodeBook/Code "Materials"/Code "Ramp": colour "teal" is not #rrggbb`},
		"codable":        {`isCodable="1"`, `isCodable="yes"`, `Code "Asking for help": isCodable is "yes"; it must be true or false`},
		"namespace":      {`xmlns="urn:QDA-XML:project:1.0"`, `xmlns="urn:other"`, `project.qde: the root element is Project in namespace "urn:other"`},
		"not xml":        {`</Notes>`, `</Note>`, `project.qde: line 90: the XML is not well formed`},
		"missing text":   {`internal://A1B2C3D4-0000-4000-8000-000000000101.txt`, `internal://nothing.txt`, `Sources/TextSource 1 ("Narrative 1"): the archive has no sources/nothing.txt`},
		"outside":        {`internal://A1B2C3D4-0000-4000-8000-000000000101.txt`, `relative:///Narrative.txt`, `plainTextPath "relative:///Narrative.txt" is outside the file`},
	} {
		if !strings.Contains(qde, c.from) {
			t.Fatalf("%s: the test's text %q is not in the file", name, c.from)
		}
		dir := t.TempDir()
		if err := os.MkdirAll(dir+"/sources", 0o700); err != nil {
			t.Fatal(err)
		}
		src, _ := os.ReadFile("testdata/handwritten/sources/A1B2C3D4-0000-4000-8000-000000000101.TXT")
		_ = os.WriteFile(dir+"/sources/A1B2C3D4-0000-4000-8000-000000000101.TXT", src, 0o600)
		_ = os.WriteFile(dir+"/project.qde", []byte(strings.Replace(qde, c.from, c.to, 1)), 0o600)
		data := refiqdatest.Zip(t, dir)
		_, err := refiqda.ReadQDPX(bytes.NewReader(data), int64(len(data)))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v\nwant %q", name, err, c.want)
		}
	}
	for name, data := range map[string][]byte{
		"not a zip":  []byte("hello"),
		"no project": refiqdatest.Zip(t, "testdata/handwritten/sources"),
	} {
		if _, err := refiqda.ReadQDPX(bytes.NewReader(data), int64(len(data))); err == nil {
			t.Errorf("%s: read", name)
		}
	}
}

// TestCodebook writes the handwritten project's codes as a .qdc and reads
// them back, and reads the codebook example of the standard's Annex A.1
// (a heading that is not codable, Economy, Health care, Values, ...).
func TestCodebook(t *testing.T) {
	p := readQDPX(t, refiqdatest.Zip(t, "testdata/handwritten"))
	var buf bytes.Buffer
	cb := refiqda.CodeBook{Origin: "Coprod", Codes: p.Codes}
	if err := refiqda.WriteQDC(&buf, cb); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Coprod">`) {
		t.Errorf("qdc:\n%s", buf.String())
	}
	back, err := refiqda.ReadQDC(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	// A codebook carries no notes, so the code's memo does not travel.
	cb.Codes[2].Children[0].NoteRefs = nil
	if !reflect.DeepEqual(back, cb) {
		t.Errorf("codebook round trip:\n%+v\n%+v", cb, back)
	}
	annex, err := os.ReadFile("testdata/annex-a1.qdc")
	if err != nil {
		t.Fatal(err)
	}
	a, err := refiqda.ReadQDC(annex)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range a.Codes {
		names = append(names, c.Name)
	}
	if strings.Join(names, ", ") != "Topics, Economy, Health care, Values, Conservatives, Liberals" || a.Codes[0].Codable || a.Codes[1].Color != "#ffff00" {
		t.Errorf("annex A.1: %+v", a.Codes)
	}
	if _, err := refiqda.ReadQDC([]byte(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes></Codes></CodeBook>`)); err == nil {
		t.Error("an empty codebook was read")
	}
}

func TestSpan(t *testing.T) {
	s := refiqda.Source{Text: "a😀é"}
	for _, c := range []struct {
		start, end int
		want       string
		ok         bool
	}{{0, 3, "a😀é", true}, {1, 2, "😀", true}, {3, 3, "", true}, {2, 4, "", false}, {-1, 1, "", false}, {2, 1, "", false}} {
		got, err := s.Span(c.start, c.end)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("Span(%d, %d) = %q, %v", c.start, c.end, got, err)
		}
	}
}

func TestNewGUID(t *testing.T) {
	g := refiqda.NewGUID()
	if !refiqda.ValidGUID(g) || g != strings.ToLower(g) || g[14] != '4' || g == refiqda.NewGUID() {
		t.Errorf("NewGUID() = %s", g)
	}
}
