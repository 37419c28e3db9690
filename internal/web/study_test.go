package web_test

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/study"
)

// demoStudy returns the demo study's id.
func demoStudy(t *testing.T, s *testServer) string {
	t.Helper()
	p, err := s.DB.ListStudies(context.Background(), study.StudyQuery{All: true})
	if err != nil || len(p.Items) != 1 {
		t.Fatalf("demo studies = %+v, %v", p.Items, err)
	}
	return p.Items[0].ID
}

// upload sends the upload form with a file.
func (c *client) upload(studyID string, fields map[string]string, name, file string) response {
	c.t.Helper()
	return c.postMultipart("/studies/"+studyID+"/transcripts", fields, name, []byte(file))
}

func uploadFields(title, date string, extra ...string) map[string]string {
	f := map[string]string{"title": title, "session_date": date, "consent_note": "Both agreed on the easy read form", "consent_confirmed": "yes"}
	for i := 0; i+1 < len(extra); i += 2 {
		f[extra[i]] = extra[i+1]
	}
	return f
}

func TestStudyAccess(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	id := demoStudy(t, s)
	page, _ := s.DB.ListTranscripts(context.Background(), study.TranscriptQuery{StudyID: id})
	report := "/studies/" + id + "/transcripts/" + page.Items[0].ID
	paths := []string{"/studies", "/studies/new", "/studies/" + id, "/studies/" + id + "/upload", report, report + "/roles",
		"/studies/" + id + "/compare", "/studies/" + id + "/measures.csv"}

	anon := s.client(t)
	for _, p := range paths {
		if r := anon.get(p); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
			t.Errorf("anonymous %s = %d", p, r.StatusCode)
		}
	}
	for _, role := range []string{"member", "provider", "commissioner"} {
		c := s.client(t)
		c.loginAs(role)
		for _, p := range paths {
			if r := c.get(p); r.StatusCode != http.StatusForbidden {
				t.Errorf("%s %s = %d", role, p, r.StatusCode)
			}
		}
		if r := c.upload(id, uploadFields("x", "2026-11-01"), "x.txt", "A: hi.\n"); r.StatusCode != http.StatusForbidden {
			t.Errorf("%s upload = %d", role, r.StatusCode)
		}
		if r := c.post(report+"/roles", url.Values{"role-0": {"other"}}); r.StatusCode != http.StatusForbidden {
			t.Errorf("%s roles = %d", role, r.StatusCode)
		}
		if r := c.get("/"); strings.Contains(r.Body, `href="/studies"`) {
			t.Errorf("%s home links to the studies", role)
		}
	}
	for _, role := range []string{"researcher", "admin"} {
		c := s.client(t)
		c.loginAs(role)
		for _, p := range paths {
			if r := c.get(p); r.StatusCode != http.StatusOK {
				t.Errorf("%s %s = %d", role, p, r.StatusCode)
			}
		}
	}
	researcher := s.client(t)
	researcher.loginAs("researcher")
	if r := researcher.get("/"); !strings.Contains(r.Body, `href="/studies"`) {
		t.Error("the researcher's home page does not link to the studies")
	}
	// A researcher starts studies only for their own research organisation.
	icb, _, _ := s.DB.ListOrganisations(context.Background(), auth.ListQuery{Search: "Integrated"})
	r := researcher.post("/studies", url.Values{"org_id": {icb[0].ID}, "title": {"Not mine"}})
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#org_id"`) {
		t.Fatalf("study for another organisation = %d", r.StatusCode)
	}
	lab, _, _ := s.DB.ListOrganisations(context.Background(), auth.ListQuery{Search: "University"})
	r = researcher.post("/studies", url.Values{"org_id": {lab[0].ID}, "title": {""}, "intervention_date": {"30 February 2027"}})
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#title"`) || !strings.Contains(r.Body, `href="#intervention_date"`) {
		t.Fatalf("empty study = %d", r.StatusCode)
	}
	r = researcher.post("/studies", url.Values{"org_id": {lab[0].ID}, "title": {"Mealtimes"}, "intervention_date": {"1 February 2027"}})
	if r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/studies/") {
		t.Fatalf("new study = %d %s", r.StatusCode, r.Body)
	}
	if r := researcher.get(r.Header.Get("Location")); !strings.Contains(r.Body, "Study created.") || !strings.Contains(r.Body, "1 February 2027") {
		t.Fatal("the new study's page lacks its confirmation or its date")
	}
	// Another organisation's researcher would not see it: nor does a study id that does not exist.
	if r := researcher.get("/studies/nope"); r.StatusCode != http.StatusNotFound {
		t.Errorf("missing study = %d", r.StatusCode)
	}
}

func TestStudyUploadErrors(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	id := demoStudy(t, s)
	c := s.client(t)
	c.loginAs("researcher")
	// A CHAT main tier without its colon and tab: the reader's position is shown at the field.
	broken := "@UTF8\n@Begin\n*SAM hello .\n@End\n"
	r := c.upload(id, uploadFields("Broken", "2026-11-20"), "broken.cha", broken)
	if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `<a href="#file">The transcript could not be read: broken.cha:3:5: `) ||
		!strings.Contains(r.Body, `id="file-error"`) {
		t.Fatalf("parse error = %d\n%s", r.StatusCode, r.Body)
	}
	// Nothing chosen, no consent, no date, roles that name nobody: every problem at once, in form order.
	r = c.upload(id, map[string]string{"title": "Lunch", "roles": "BOB=supporter"}, "lunch.txt", "SAM: Hello.\nALEX: Hi.\n")
	links := regexp.MustCompile(`<li><a href="#([a-z_]+)">`).FindAllStringSubmatch(r.Body, -1)
	var got []string
	for _, l := range links {
		got = append(got, l[1])
	}
	if r.StatusCode != http.StatusUnprocessableEntity || strings.Join(got, ",") != "session_date,roles,consent_note,consent_confirmed" {
		t.Fatalf("errors = %d %v", r.StatusCode, got)
	}
	if !strings.Contains(r.Body, "There is no participant &#34;BOB&#34; in the transcript; its participants are SAM, ALEX") {
		t.Error("the roles error does not list the participants")
	}
	if r := c.upload(id, uploadFields("No file", "2026-11-20"), "", ""); !strings.Contains(r.Body, `<a href="#file">Choose a transcript file to upload</a>`) {
		t.Errorf("no file = %d", r.StatusCode)
	}
}

// mealtime is written for these tests, with names in the header and the talk.
const mealtime = `Tea at Ben Carter's house, with his PA Ana

ANA:  Would you like tea or coffee, Ben?
BEN:  Coffee please, Ana.
ANA:  Sit down here.
ANA:  Do you take sugar?
BEN:  No.
BEN:  Thanks Ana.
`

func TestStudyUploadReplacesNames(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	id := demoStudy(t, s)
	c := s.client(t)
	c.loginAs("researcher")
	r := c.upload(id, uploadFields("Tea with Ben", "2026-11-20", "roles", "ANA=supporter, BEN=supported", "replace_names", "yes",
		"consent_note", "Ben and Ana signed the easy read form"), "ben-tea.txt", mealtime)
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload = %d %s", r.StatusCode, r.Body)
	}
	loc := r.Header.Get("Location")
	tid := strings.TrimSuffix(strings.Split(loc, "/transcripts/")[1], "?done=transcript-uploaded")
	stored, err := s.DB.TranscriptByID(context.Background(), tid)
	if err != nil {
		t.Fatal(err)
	}
	page := c.get(loc)
	csvBody := c.get("/studies/" + id + "/measures.csv").Body
	names := regexp.MustCompile(`(?i)\b(ana|ben)\b`)
	for what, text := range map[string]string{"source": stored.Source, "title": stored.Title, "file name": stored.FileName, "consent note": stored.ConsentNote,
		"participants": strings.Join(stored.Participants, ","), "report": page.Body, "CSV": csvBody} {
		if m := names.FindString(text); m != "" {
			t.Errorf("%s still holds %q", what, m)
		}
	}
	if stored.Format != "chat" || !stored.NamesReplaced || stored.Title != "Tea with Supported person" || stored.FileName != "Supported_person-tea.cha" ||
		stored.ConsentNote != "Supported person and Supporter signed the easy read form" {
		t.Errorf("stored = %q %q %q %q", stored.Format, stored.Title, stored.FileName, stored.ConsentNote)
	}
	// Replacing names keeps the measures: the supporter's 13 words (6 + 3 + 4; "Ben" becomes one word).
	if !strings.Contains(page.Body, "Transcript uploaded and consent recorded.") ||
		!regexp.MustCompile(`<th scope="row">Supporter \(SUPPORTER\)</th><td>Supporter</td><td>3</td><td>2</td><td>14</td>`).MatchString(page.Body) {
		t.Errorf("report does not show the supporter's counts:\n%s", page.Body)
	}
}

func TestStudyRolesChangeTheReport(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	id := demoStudy(t, s)
	c := s.client(t)
	c.loginAs("researcher")
	r := c.upload(id, uploadFields("Tea", "2026-11-21"), "tea.txt", mealtime)
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload = %d %s", r.StatusCode, r.Body)
	}
	report := strings.Split(r.Header.Get("Location"), "?")[0]
	page := c.get(report)
	if !strings.Contains(page.Body, "Not everyone has a role.") || strings.Contains(page.Body, "Initiative index:") {
		t.Fatal("a transcript without roles shows a comparison of sides")
	}
	if p := c.get("/studies/" + id); !strings.Contains(p.Body, "Not all assigned") {
		t.Error("the study's list does not say the roles are missing")
	}
	form := c.get(report + "/roles")
	if !strings.Contains(form.Body, `<label class="label" for="role-0">Role of ANA</label>`) || !strings.Contains(form.Body, `for="role-1">Role of BEN`) {
		t.Fatalf("roles form:\n%s", form.Body)
	}
	if r := c.post(report+"/roles", url.Values{"role-0": {"boss"}}); r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `href="#role-0"`) {
		t.Fatalf("bad role = %d", r.StatusCode)
	}
	r = c.post(report+"/roles", url.Values{"role-0": {"supporter"}, "role-1": {"supported"}})
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != report+"?done=roles-saved" {
		t.Fatalf("save roles = %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	// By hand: Ana has 3 utterances in 2 turns, 14 of the 20 words, 7 words
	// per turn; she asks 2 questions, offers 1 choice (tea or coffee), gives
	// 1 directive (sit down here) and starts 2 topics (the drink, sugar).
	// Ben makes none of these moves, so the initiative index is +1.
	page = c.get(r.Header.Get("Location"))
	roleRow := regexp.MustCompile(`<th scope="row">Supporter</th><td>3</td><td>2</td><td>14</td><td>50%</td><td>70%</td><td>7</td><td>2</td><td>1</td><td>1</td><td>2</td>`)
	if !strings.Contains(page.Body, "Roles saved.") || !roleRow.MatchString(page.Body) || !strings.Contains(page.Body, "Initiative index: 1.00") {
		t.Fatalf("report after roles:\n%s", page.Body)
	}
	if f := c.get(report + "/roles"); !strings.Contains(f.Body, `<option value="supporter" selected>Supporter</option>`) ||
		!strings.Contains(f.Body, `<option value="supported" selected>Supported person</option>`) {
		t.Error("the roles form does not show the saved roles")
	}
	// Swapping the roles moves Ana's counts to the supported person's row.
	c.post(report+"/roles", url.Values{"role-0": {"supported"}, "role-1": {"supporter"}})
	page = c.get(report)
	if !regexp.MustCompile(`<th scope="row">Supported person</th><td>3</td><td>2</td><td>14</td>`).MatchString(page.Body) || !strings.Contains(page.Body, "Initiative index: -1.00") {
		t.Fatalf("report after swapping roles:\n%s", page.Body)
	}
}

func TestStudyCSVExport(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, testStudyCSVExport)
}

func testStudyCSVExport(t *testing.T, engine store.Engine) {
	s := newTestServer(t, engine)
	c := s.client(t)
	c.loginAs("researcher")
	lab, _, _ := s.DB.ListOrganisations(context.Background(), auth.ListQuery{Search: "University"})
	r := c.post("/studies", url.Values{"org_id": {lab[0].ID}, "title": {"Mealtimes"}, "intervention_date": {"2027-02-01"}})
	id := strings.TrimPrefix(strings.Split(r.Header.Get("Location"), "?")[0], "/studies/")
	r = c.upload(id, uploadFields("Tea", "15 January 2027", "roles", "ANA=supporter, BEN=supported"), "tea.txt", mealtime)
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload = %d %s", r.StatusCode, r.Body)
	}
	r = c.get("/studies/" + id + "/measures.csv")
	if r.StatusCode != 200 || r.Header.Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Fatalf("export = %d %s", r.StatusCode, r.Header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(r.Body)).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("rows = %v, %v", rows, err)
	}
	get := func(row int, col string) string {
		for i, h := range rows[0] {
			if h == col {
				return rows[row][i]
			}
		}
		t.Fatalf("no column %s", col)
		return ""
	}
	// Hand counts of mealtime. Ana: 3 utterances in 2 turns (lines 1, 3-4);
	// words 7 ("Would you like tea or coffee Ben") + 3 + 4 = 14; questions 2:
	// one alternative (a choice offer), one polar; directives 1 ("Sit down
	// here"). Ben: 3 utterances in 2 turns (line 2, lines 5-6); words 3 + 1
	// + 2 = 6. Turns 4 in all: Ana 2/4 = 0.5; words 20: Ana 14/20 = 0.7.
	want := []map[string]string{
		{"participant_id": "ANA", "role": "supporter", "utterances": "3", "turns": "2", "words": "14", "turn_share": "0.5000", "word_share": "0.7000",
			"questions": "2", "alternative_questions": "1", "polar_questions": "1", "choice_offers": "1", "directives": "1", "talk_ms": ""},
		{"participant_id": "BEN", "role": "supported", "utterances": "3", "turns": "2", "words": "6", "turn_share": "0.5000", "word_share": "0.3000",
			"questions": "0", "choice_offers": "0", "directives": "0"},
	}
	for i, w := range want {
		w["session_date"], w["phase"], w["transcript_title"], w["format"] = "2027-01-15", "before", "Tea", "jefferson"
		for col, v := range w {
			if got := get(i+1, col); got != v {
				t.Errorf("row %d %s = %q, want %q", i+1, col, got, v)
			}
		}
	}
}
