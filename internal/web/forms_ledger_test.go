package web

import (
	"bytes"
	"mime/multipart"
	"net/textproto"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/ledger"
)

// multipartForm is what a browser would send: fields, and files as
// field → name → contents, read back the way net/http reads them.
func multipartForm(t *testing.T, fields url.Values, files map[string]map[string]string) *multipart.Form {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for field, byName := range files {
		for name, data := range byName {
			h := textproto.MIMEHeader{}
			h.Set("Content-Disposition", `form-data; name="`+field+`"; filename="`+name+`"`)
			h.Set("Content-Type", "text/plain")
			w, err := mw.CreatePart(h)
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(data))
		}
	}
	mw.Close()
	f, err := multipart.NewReader(&body, mw.Boundary()).ReadForm(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.RemoveAll() })
	return f
}

func TestNewItemFormReadsEveryField(t *testing.T) {
	t.Parallel()
	f := url.Values{"said": {"The bus stopped running"}, "easy_read": {"No bus."}, "source": {"survey"}, "said_on": {"2 November 2026"},
		"round_id": {"r1"}, "member_id": {"m1"}, "org_ids": {"o1", "o2"}, "themes": {"Transport,Day services;Access"}}
	got := newItemForm(f, "2026-12-01")
	want := ledger.NewItem{Said: "The bus stopped running", EasyRead: "No bus.", Source: ledger.SourceSurvey, SaidOn: "2 November 2026",
		RoundID: "r1", MemberID: "m1", OrgIDs: []string{"o1", "o2"}, Themes: []string{"Transport", "Day services", "Access"}, Today: "2026-12-01"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("newItemForm:\n got %+v\nwant %+v", got, want)
	}
}

func TestCommitmentFormSplitsItsLists(t *testing.T) {
	t.Parallel()
	f := url.Values{"owner": {"org1 user1"}, "indicator": {"contract1 I3"}, "what": {"Open until 6pm"}, "due_on": {"31 March 2027"}, "committed_on": {"1 December 2026"}}
	got := commitmentForm(f, "2026-12-01")
	want := ledger.NewCommitment{OwnerOrgID: "org1", OwnerUserID: "user1", What: "Open until 6pm", DueOn: "31 March 2027",
		ContractID: "contract1", IndicatorID: "I3", CommittedOn: "1 December 2026", Today: "2026-12-01"}
	if got != want {
		t.Errorf("commitmentForm:\n got %+v\nwant %+v", got, want)
	}
	// Nothing chosen: nothing to link, and no owner for validation to miss.
	if got := commitmentForm(url.Values{}, "2026-12-01"); got.OwnerOrgID != "" || got.OwnerUserID != "" || got.ContractID != "" || got.IndicatorID != "" {
		t.Errorf("an empty form chose %+v", got)
	}
}

func TestOnOwnerListMovesOwnerProblemsToTheList(t *testing.T) {
	t.Parallel()
	err := onOwnerList(apperr.Fields([]apperr.FieldError{{Field: "what", Message: "a"}, {Field: "owner_org_id", Message: "b"}, {Field: "owner_user_id", Message: "c"}}))
	var fields []string
	for _, fe := range apperr.FieldsOf(err) {
		fields = append(fields, fe.Field)
	}
	if want := []string{"what", "owner", "owner"}; !reflect.DeepEqual(fields, want) {
		t.Errorf("fields %v, want %v", fields, want)
	}
	if onOwnerList(nil) != nil {
		t.Error("no problem became one")
	}
}

func TestEvidenceFormTakesOnlyTheChosenKindsPart(t *testing.T) {
	t.Parallel()
	sent := url.Values{"text": {"Minutes"}, "url": {"https://example.org/m"}, "indicator": {"c1 I2"}}
	files := map[string]map[string]string{"file": {"minutes.txt": "We met on Tuesday."}}
	for _, tc := range []struct {
		kind               ledger.EvidenceKind
		contract, ind      string
		fileName, fileData string
	}{
		{kind: ledger.EvidenceIndicator, contract: "c1", ind: "I2"},
		{kind: ledger.EvidenceFile, fileName: "minutes.txt", fileData: "We met on Tuesday."},
		{kind: ledger.EvidenceLink},
	} {
		f := url.Values{"kind": {string(tc.kind)}}
		for k, v := range sent {
			f[k] = v
		}
		n, err := evidenceForm(f, multipartForm(t, f, files))
		if err != nil {
			t.Fatal(err)
		}
		if n.Kind != tc.kind || n.Text != "Minutes" || n.URL != "https://example.org/m" || n.ContractID != tc.contract || n.IndicatorID != tc.ind ||
			n.FileName != tc.fileName || string(n.FileData) != tc.fileData {
			t.Errorf("%s: %+v", tc.kind, n)
		}
		if tc.kind == ledger.EvidenceFile && n.FileType != "text/plain" {
			t.Errorf("file type %q, want text/plain", n.FileType)
		}
	}
	// A form sent without multipart has no file to read.
	if n, err := evidenceForm(url.Values{"kind": {string(ledger.EvidenceFile)}}, nil); err != nil || n.FileData != nil {
		t.Errorf("no multipart form: %+v %v", n, err)
	}
}

func TestEvidenceFormReadsOneBytePastTheLimit(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("x", ledger.MaxFileSize+10)
	f := url.Values{"kind": {string(ledger.EvidenceFile)}}
	n, err := evidenceForm(f, multipartForm(t, f, map[string]map[string]string{"file": {"big.txt": big}}))
	if err != nil || len(n.FileData) != ledger.MaxFileSize+1 {
		t.Fatalf("read %d bytes (%v), want %d", len(n.FileData), err, ledger.MaxFileSize+1)
	}
	if fs := apperr.FieldsOf(n.Validate()); len(fs) == 0 || fs[0].Field != "file" {
		t.Errorf("a file over the limit validates as %v", fs)
	}
}

func TestImportCSVFormPrefersTheFile(t *testing.T) {
	t.Parallel()
	pasted := url.Values{"csv": {"said,said_on\nPasted,2026-10-01\n"}}
	fromFile := "said,said_on\nFrom the file,2026-10-02\n"
	got, err := importCSVForm(pasted, multipartForm(t, pasted, map[string]map[string]string{"file": {"voice.csv": fromFile}}))
	if err != nil || got != fromFile {
		t.Errorf("with a file: %q %v", got, err)
	}
	got, err = importCSVForm(pasted, multipartForm(t, pasted, nil))
	if err != nil || got != pasted.Get("csv") {
		t.Errorf("pasted only: %q %v", got, err)
	}
	if got, err := importCSVForm(pasted, nil); err != nil || got != pasted.Get("csv") {
		t.Errorf("not multipart: %q %v", got, err)
	}
}
