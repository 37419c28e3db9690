package web_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/round"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/tender"
)

// upload is a file sent with a form.
type upload struct{ field, name string }

// postFiles sends a form with files as a same-origin browser would.
func (c *client) postFiles(path string, form url.Values, files map[upload][]byte) response {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for f, data := range files {
		w, err := mw.CreateFormFile(f.field, f.name)
		if err != nil {
			c.t.Fatal(err)
		}
		w.Write(data)
	}
	if err := mw.Close(); err != nil {
		c.t.Fatal(err)
	}
	req, _ := http.NewRequest("POST", c.base+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", c.base)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return c.do(req)
}

var (
	attachPDF  = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	attachLink = regexp.MustCompile(`/tenders/[^/"]+/bids/([^/"]+)/attachments/([^/"]+)">([^<]*)<`)
)

// publishedTestTender creates and publishes a tender in the demo's first
// round whose deadline is two days away, through the commissioner's pages,
// once the group has agreed its questions.
func publishedTestTender(t *testing.T, s *testServer) *tender.Tender {
	t.Helper()
	_, tn := draftTender(t, s, "Short breaks")
	lead := s.client(t)
	lead.loginAs("commissioner")
	if r := lead.post("/tenders/"+tn.ID+"/itt", ittFormFor(s)); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("save ITT: %d %s", r.StatusCode, r.Body)
	}
	groupPasses(t, s, tn.RoundID, round.NewProposal{Kind: round.KindAgreeTender, TenderID: tn.ID})
	if r := lead.post("/tenders/"+tn.ID+"/publish", nil); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("publish: %d %s", r.StatusCode, r.Body)
	}
	return tn
}

// TestBidAttachmentsThroughHTTP uploads, lists, downloads and removes
// files on a bid through the bid form, and checks who may download them,
// on both engines.
func TestBidAttachmentsThroughHTTP(t *testing.T) {
	t.Parallel()
	storetest.Engines(t, func(t *testing.T, engine store.Engine) {
		s := newTestServer(t, engine)
		tn := publishedTestTender(t, s)
		tp := "/tenders/" + tn.ID
		prov := s.client(t)
		prov.loginAs("provider")

		r := prov.get(tp + "/bid")
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `enctype="multipart/form-data"`) ||
			!strings.Contains(r.Body, `id="file-Q1" name="file-Q1"`) || !strings.Contains(r.Body, `<label class="label" for="file-Q2">`) {
			t.Fatalf("bid form: %d %s", r.StatusCode, r.Body)
		}

		// A good file is attached when the draft is saved.
		answers := url.Values{"answer-Q1": {"We will deliver."}, "answer-Q2": {"With the group."}, "price": {"120000"}, "action": {"save"}}
		r = prov.postFiles(tp+"/bid", answers, map[upload][]byte{{"file-Q1", "budget.pdf"}: attachPDF})
		if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != tp+"/bid?done=bid-saved" {
			t.Fatalf("saving with a PDF: %d %s", r.StatusCode, r.Body)
		}
		r = prov.get(tp + "/bid")
		m := attachLink.FindStringSubmatch(r.Body)
		if m == nil || m[3] != "budget.pdf" || !strings.Contains(r.Body, "Remove budget.pdf") || !strings.Contains(r.Body, "(PDF, ") {
			t.Fatalf("bid form lists no file: %s", r.Body)
		}
		bidID, fileID := m[1], m[2]
		download := tp + "/bids/" + bidID + "/attachments/" + fileID
		r = prov.get(download)
		if r.StatusCode != http.StatusOK || r.Body != string(attachPDF) || r.Header.Get("Content-Type") != "application/octet-stream" ||
			r.Header.Get("Content-Disposition") != `attachment; filename="budget.pdf"` || r.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Fatalf("own download: %d %v %q", r.StatusCode, r.Header, r.Body)
		}

		// A refused type and a file too big come back on the form, with
		// the typed answers kept and saved.
		typed := url.Values{"answer-Q1": {"A changed answer."}, "answer-Q2": {"With the group."}, "price": {"120000"}, "action": {"save"}}
		r = prov.postFiles(tp+"/bid", typed, map[upload][]byte{{"file-Q2", "budget.exe"}: []byte("MZ\x90\x00\x03")})
		want := "budget.exe is not a file type we accept: use PDF, Word, Excel, OpenDocument, text, CSV, PNG or JPEG"
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, want) || !strings.Contains(r.Body, `href="#file-Q2"`) ||
			!strings.Contains(r.Body, "A changed answer.") || !strings.Contains(r.Body, `aria-invalid="true"`) {
			t.Fatalf("an .exe: %d %s", r.StatusCode, r.Body)
		}
		big := append(append([]byte{}, attachPDF...), bytes.Repeat([]byte{' '}, 12*tender.MB+400*1024-len(attachPDF))...)
		r = prov.postFiles(tp+"/bid", typed, map[upload][]byte{{"file-Q1", "big.pdf"}: big})
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "The file must be 10 MB or smaller: big.pdf is 12.4 MB") {
			t.Fatalf("a 12 MB file: %d %.2000s", r.StatusCode, r.Body)
		}
		r = prov.get(tp + "/bid")
		if !strings.Contains(r.Body, "A changed answer.") || len(attachLink.FindAllString(r.Body, -1)) != 1 {
			t.Fatalf("after refused files the answers are saved and the first file is still there: %s", r.Body)
		}

		// A second file, removed with its own form.
		r = prov.postFiles(tp+"/bid", typed, map[upload][]byte{{"file-Q2", "notes.txt"}: []byte("Our notes.\n")})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("a text file: %d %s", r.StatusCode, r.Body)
		}
		r = prov.get(tp + "/bid")
		var notesID string
		for _, m := range attachLink.FindAllStringSubmatch(r.Body, -1) {
			if m[3] == "notes.txt" {
				notesID = m[2]
			}
		}
		if notesID == "" || !strings.Contains(r.Body, `form="remove-`+notesID+`"`) || !strings.Contains(r.Body, `<form id="remove-`+notesID+`" method="post" action="`+tp+`/bid/attachments/`+notesID+`/remove">`) {
			t.Fatalf("no remove form for notes.txt: %s", r.Body)
		}

		// The other bidder cannot download or remove the file.
		other := s.client(t)
		other.loginAs("bidder2")
		if r := other.postFiles(tp+"/bid", url.Values{"answer-Q1": {"Ours."}, "action": {"save"}}, nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("bidder2 saving a draft: %d %s", r.StatusCode, r.Body)
		}
		if r := other.get(download); r.StatusCode != http.StatusNotFound && r.StatusCode != http.StatusForbidden || strings.Contains(r.Body, "%PDF") {
			t.Fatalf("bidder2 downloading the provider's file: %d %.300s", r.StatusCode, r.Body)
		}
		if r := other.post(tp+"/bid/attachments/"+notesID+"/remove", nil); r.StatusCode != http.StatusNotFound {
			t.Fatalf("bidder2 removing the provider's file: %d %.300s", r.StatusCode, r.Body)
		}
		if r := other.get(tp + "/bid"); strings.Contains(r.Body, "budget.pdf") || strings.Contains(r.Body, "notes.txt") {
			t.Fatalf("bidder2 sees the provider's files: %s", r.Body)
		}
		if r := prov.post(tp+"/bid/attachments/"+notesID+"/remove", nil); r.StatusCode != http.StatusSeeOther ||
			r.Header.Get("Location") != tp+"/bid?done=attachment-removed" {
			t.Fatalf("removing notes.txt: %d %s", r.StatusCode, r.Body)
		}
		if r := prov.get(tp + "/bid?done=attachment-removed"); strings.Contains(r.Body, "notes.txt") || !strings.Contains(r.Body, "File removed.") {
			t.Fatalf("notes.txt still listed: %s", r.Body)
		}

		// The commissioner may not download; an evaluator may not before
		// the deadline.
		lead := s.client(t)
		lead.loginAs("commissioner")
		if r := lead.get(download); r.StatusCode != http.StatusForbidden {
			t.Fatalf("commissioner download: %d", r.StatusCode)
		}
		ctx := audit.WithActor(context.Background(), "")
		ev, err := s.DB.UserByEmail(ctx, "evaluator@demo.test")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DB.AddPanelMember(ctx, tn.ID, ev.ID, tender.Commissioner, false); err != nil {
			t.Fatal(err)
		}
		evc := s.client(t)
		evc.loginAs("evaluator")
		if r := evc.get(download); r.StatusCode != http.StatusNotFound {
			t.Fatalf("evaluator download before the deadline: %d", r.StatusCode)
		}

		// Submitting gives a receipt listing the file and its hash.
		typed.Set("action", "submit")
		r = prov.postFiles(tp+"/bid", typed, nil)
		sum := sha256.Sum256(attachPDF)
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "Bid submitted") || !strings.Contains(r.Body, "budget.pdf") ||
			!strings.Contains(r.Body, hex.EncodeToString(sum[:])) {
			t.Fatalf("receipt: %d %s", r.StatusCode, r.Body)
		}
		if r := prov.postFiles(tp+"/bid", typed, map[upload][]byte{{"file-Q1", "late.pdf"}: attachPDF}); r.StatusCode != http.StatusConflict ||
			!strings.Contains(html.UnescapeString(r.Body), "Your bid has been submitted, so it cannot be changed") {
			t.Fatalf("a file on a submitted bid: %d %.500s", r.StatusCode, r.Body)
		}

		// After the deadline the evaluator sees the file only once they
		// have declared their interests.
		s.advance(49 * time.Hour)
		evc.loginAs("evaluator") // the sessions have expired meanwhile
		prov.loginAs("provider")
		if r := evc.get(download); r.StatusCode != http.StatusNotFound {
			t.Fatalf("evaluator download before declaring: %d", r.StatusCode)
		}
		bidders, err := s.DB.Bidders(ctx, tn.ID)
		if err != nil || len(bidders) != 2 {
			t.Fatalf("bidders: %v %v", bidders, err)
		}
		decl := url.Values{}
		for _, b := range bidders {
			decl.Set("conflict-"+b.ID, "no")
		}
		if r := evc.post(tp+"/conflicts", decl); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("declaring: %d %s", r.StatusCode, r.Body)
		}
		if r := evc.get(download); r.StatusCode != http.StatusOK || r.Body != string(attachPDF) {
			t.Fatalf("evaluator download after declaring: %d %.300s", r.StatusCode, r.Body)
		}
		if r := evc.get(tp + "/score/" + bidID); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `href="`+download+`">Download budget.pdf</a>`) {
			t.Fatalf("scoring page lists no file: %d %s", r.StatusCode, r.Body)
		}
		if r := prov.post(tp+"/bid/attachments/"+fileID+"/remove", nil); r.StatusCode != http.StatusConflict ||
			!strings.Contains(r.Body, "The deadline for bids was") {
			t.Fatalf("removing after the deadline: %d %.500s", r.StatusCode, r.Body)
		}
	})
}
