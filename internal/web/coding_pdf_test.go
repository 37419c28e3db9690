package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/pdfwrite"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/store"
)

// TestCodingPDFSource: a researcher uploads a two-page PDF with a name to
// replace; the stored text has the role, not the name, and keeps its
// pages, which the coding page, the coded segments and their CSV show.
// PDFs that cannot be read say why, and a broken list of names says which
// line is wrong alongside the form's other problems.
func TestCodingPDFSource(t *testing.T) {
	t.Parallel()
	s, c, base, project := newCodingProject(t, "Policies")

	pdf := pdfwrite.Text([][]string{
		{"Short breaks policy", "Sam Jones, our support worker, explained the offer."},
		{"Transport is free for a carer travelling with a disabled person. Ask Sam for a pass."},
	})
	fields := map[string]string{"title": "Short breaks policy", "units": "sentences", "consent_note": "Published by the council",
		"consent_confirmed": "yes", "names": "Sam Jones = the support worker\nSam = the support worker"}
	if r := c.postMultipart(base+"/sources", fields, "policy.pdf", pdf); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("pdf source = %d\n%s", r.StatusCode, r.Body)
	}
	sources, _ := s.DB.Sources(context.Background(), project)
	if len(sources) != 1 {
		t.Fatalf("%d sources", len(sources))
	}
	src := sources[0]
	wantText := "Short breaks policy\n\nthe support worker, our support worker, explained the offer.\n\n" +
		"Transport is free for a carer travelling with a disabled person. Ask the support worker for a pass."
	if src.Text != wantText || !src.NamesReplaced || !slices.Equal(src.PageStarts, []int{0, 83}) {
		t.Fatalf("stored %q, names replaced %v, pages %v", src.Text, src.NamesReplaced, src.PageStarts)
	}

	page := c.get(base + "/sources/" + src.ID)
	for _, want := range []string{"from a document of 2 pages", "Sentence 2 (page 1): <span", "Sentence 4 (page 2): <span"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("the coding page lacks %q", want)
		}
	}
	// Code the last sentence (page 2) and find its page in the segments.
	codes, _ := s.DB.Codes(context.Background(), project)
	units := qda.Split(src.Text, src.Units)
	last := units[len(units)-1]
	if r := c.post(base+"/sources/"+src.ID, url.Values{"page": {"1"}, "unit": {strconv.Itoa(last.Index)}, "u" + strconv.Itoa(last.Index): {codes[0].ID}}); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("coding = %d", r.StatusCode)
	}
	segs := c.get(base + "/segments")
	if want := fmt.Sprintf("characters %d to %d (page 2), coded by", last.Start, last.End); !strings.Contains(segs.Body, want) {
		t.Errorf("the segments page lacks %q", want)
	}
	csv := c.get(base + "/segments.csv")
	if want := fmt.Sprintf("Short breaks policy,,Dr Morgan Lee,%d,%d,2,Ask the support worker for a pass.,", last.Start, last.End); !strings.Contains(csv.Body, want) {
		t.Errorf("the CSV lacks %q:\n%s", want, csv.Body)
	}

	// Files that cannot be read.
	encrypted := &pdfwrite.Writer{}
	root := encrypted.Document(encrypted.Helvetica(), false, "BT /F1 11 Tf 72 700 Td (Secret) Tj ET")
	encrypted.Trailer = fmt.Sprintf(" /Encrypt %d 0 R", encrypted.Add("<< /Filter /Standard /V 2 /R 3 >>"))
	scanned := &pdfwrite.Writer{}
	img := scanned.Stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", []byte{0}, false)
	scannedRoot := scanned.Document(fmt.Sprintf("<< /XObject << /Im1 %d 0 R >> >>", img), false, "q 595 0 0 842 0 0 cm /Im1 Do Q")
	for name, bad := range map[string]struct {
		file []byte
		want string
	}{
		"encrypted": {encrypted.Classic(root), "protected by a password"},
		"scanned":   {scanned.Classic(scannedRoot), "scanned pictures"},
		"damaged":   {pdf[:len(pdf)/2], "damaged or is not a PDF"},
	} {
		if r := c.postMultipart(base+"/sources", fields, name+".pdf", bad.file); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, bad.want) {
			t.Errorf("%s PDF = %d, lacks %q", name, r.StatusCode, bad.want)
		}
	}
	// A line without an equals sign is named, with the missing title.
	r := c.postMultipart(base+"/sources", map[string]string{"units": "sentences", "consent_note": "x", "consent_confirmed": "yes",
		"names": "Sam Jones the support worker"}, "policy.pdf", pdf)
	for _, want := range []string{"Line 1 needs an equals sign", "Enter a title for the source"} {
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, want) {
			t.Errorf("bad names = %d, lacks %q", r.StatusCode, want)
		}
	}
	if sources, _ := s.DB.Sources(context.Background(), project); len(sources) != 1 {
		t.Errorf("%d sources after the refusals", len(sources))
	}
}

// TestDemoPolicyPDF: the demo's transport policy excerpt was read from a
// PDF of two pages; its third sentence, coded by both demo coders, is on
// the second.
func TestDemoPolicyPDF(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	c := s.client(t)
	c.loginAs("researcher")
	ctx := context.Background()
	projects, _ := s.DB.ListProjects(ctx, []string{s.orgID(t, codingLab)})
	for _, p := range projects {
		sources, _ := s.DB.Sources(ctx, p.ID)
		for _, src := range sources {
			if src.Title != "Policy excerpt: transport strategy, section 4" {
				continue
			}
			page := c.get("/coding/" + p.ID + "/sources/" + src.ID)
			for _, want := range []string{"3 sentences from a document of 2 pages", "Sentence 3 (page 2): <span class=\"their-words\">Passengers who need help boarding should book assistance 24 hours ahead."} {
				if !strings.Contains(page.Body, want) {
					t.Errorf("the demo PDF's page lacks %q", want)
				}
			}
			return
		}
	}
	t.Fatal("no demo policy excerpt")
}

// codingLab is the demo research organisation, whose researcher codes.
const codingLab = "University of North Shire, Getting Things Changed study"

// newCodingProject starts a blind coding project of the demo lab as its
// researcher, signed in on the client returned; base is its page's path.
func newCodingProject(t *testing.T, title string) (s *testServer, c *client, base, project string) {
	t.Helper()
	s = newTestServer(t, store.SQLite)
	c = s.client(t)
	c.loginAs("researcher")
	r := c.post("/coding", url.Values{"org_id": {s.orgID(t, codingLab)}, "title": {title}, "blind": {"yes"}})
	base = strings.Split(r.Header.Get("Location"), "?")[0]
	return s, c, base, strings.TrimPrefix(base, "/coding/")
}
