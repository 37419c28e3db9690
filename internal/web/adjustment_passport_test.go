package web_test

import (
	"net/http"
	"strings"
	"testing"

	ooxml "github.com/coprod/coprod/internal/docx"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/readability"
)

// TestAdjustmentPassport: Robin's "About me: what helps me" in Easy Read,
// as a page with a picture beside each adjustment and as a Word document
// that passes the Word checker and reads back with the same words; the
// facilitator sees the same for Robin; nobody else may.
func TestAdjustmentPassport(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, store.SQLite)
	letters := demoRegister(t, s, "member")[0]
	memberPassport := "/rounds/" + letters.RoundID + "/members/" + letters.MemberID + "/adjustments/passport"

	robin := s.client(t)
	robin.loginAs("member")
	wantContains(t, robin.get("/adjustments"), "my register", `href="/adjustments/passport"`)
	r := robin.get("/adjustments/passport")
	wantStatus(t, r, http.StatusOK, "passport")
	wantContains(t, r, "passport", "About me: what helps me", "<p>My name is Robin.</p>", `I need: <span class="their-words">I read Easy Read best.</span>`,
		`What helps me: <span class="their-words">Send letters in Easy Read, and phone me the day before an appointment.</span>`,
		`What helps me: <span class="their-words">Let my support worker come with me to appointments.</span>`, `class="er-pic"`, `href="/adjustments/passport.docx"`)

	w := robin.get("/adjustments/passport.docx")
	wantStatus(t, w, http.StatusOK, "passport.docx")
	if err := ooxml.Check([]byte(w.Body)); err != nil {
		t.Errorf("the Word document: %v", err)
	}
	if !strings.Contains(w.Body, "word/media/") {
		t.Error("the Word document has no pictures")
	}
	rep, err := readability.Analyze([]byte(w.Body), readability.FormatDOCX, readability.EasyRead())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"About me: what helps me", "My name is Robin.", "What helps me: Send letters in Easy Read"} {
		if !strings.Contains(rep.Text, want) {
			t.Errorf("the Word document lacks %q:\n%s", want, rep.Text)
		}
	}

	fac := s.client(t)
	fac.loginAs("facilitator")
	wantContains(t, fac.get("/rounds/"+letters.RoundID+"/members/"+letters.MemberID+"/adjustments"), "register", `href="`+memberPassport+`"`)
	wantContains(t, fac.get(memberPassport), "facilitator's copy", "<p>My name is Robin.</p>")
	wantStatus(t, fac.get(memberPassport+".docx"), http.StatusOK, "facilitator's Word copy")
	for _, role := range []string{"admin", "provider", "member2"} {
		c := s.client(t)
		c.loginAs(role)
		wantStatus(t, c.get(memberPassport), http.StatusNotFound, role)
		wantStatus(t, c.get(memberPassport+".docx"), http.StatusNotFound, role+" docx")
	}
}
