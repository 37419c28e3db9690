package web

import (
	"io"
	"mime/multipart"
	"net/url"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/ledger"
)

// The ledger's forms, decoded into the domain's inputs, so its handlers
// read: allow, load, decode, validate and store, then redirect or show
// the form again. today is ledger.Today of the server's clock.

// newItemForm reads the form that records what was said.
func newItemForm(f url.Values, today string) ledger.NewItem {
	return ledger.NewItem{Said: f.Get("said"), EasyRead: f.Get("easy_read"), Source: ledger.Entered(f.Get("source")), SaidOn: f.Get("said_on"),
		RoundID: f.Get("round_id"), MemberID: f.Get("member_id"), OrgIDs: f["org_ids"], Themes: ledger.SplitThemes(f.Get("themes")),
		Today: today}
}

// importBaseForm reads what every row of an imported file shares: the
// round and the organisations the items are for.
func importBaseForm(f url.Values, today string) ledger.NewItem {
	return ledger.NewItem{RoundID: f.Get("round_id"), OrgIDs: f["org_ids"], Today: today}
}

// importCSVForm reads the CSV to import: an uploaded file wins over text
// pasted into the form, and either is cut at maxImport bytes.
func importCSVForm(f url.Values, mf *multipart.Form) (string, error) {
	fh := uploaded(mf, "file")
	if fh == nil {
		return f.Get("csv"), nil
	}
	b, err := readUpload(fh, maxImport)
	return string(b), err
}

// commitmentForm reads a commitment. One list chooses the owner, as
// "orgID userID", and another the indicator, as "contractID indicatorID".
func commitmentForm(f url.Values, today string) ledger.NewCommitment {
	org, user, _ := strings.Cut(f.Get("owner"), " ")
	contract, indicator, _ := strings.Cut(f.Get("indicator"), " ")
	return ledger.NewCommitment{OwnerOrgID: org, OwnerUserID: user, What: f.Get("what"), DueOn: f.Get("due_on"),
		ContractID: contract, IndicatorID: indicator, CommittedOn: f.Get("committed_on"), Today: today}
}

// onOwnerList puts a commitment's problems with its owner's organisation
// or person on the one list of the form that chooses both.
func onOwnerList(err error) error {
	fs := apperr.FieldsOf(err)
	for i := range fs {
		if fs[i].Field == "owner_org_id" || fs[i].Field == "owner_user_id" {
			fs[i].Field = "owner"
		}
	}
	return err
}

// statusForm reads a change of status.
func statusForm(f url.Values, today string) ledger.StatusChange {
	return ledger.StatusChange{Status: ledger.Status(f.Get("status")), Reason: f.Get("reason"), On: f.Get("on"), Today: today}
}

// actionForm reads an action taken.
func actionForm(f url.Values, today string) ledger.NewAction {
	return ledger.NewAction{On: f.Get("on"), What: f.Get("what"), Today: today}
}

// evidenceForm reads evidence. The form has a part for each kind: only the
// chosen kind's indicator or file is taken. A file is read one byte past
// the limit, so validation can say it is too big.
func evidenceForm(f url.Values, mf *multipart.Form) (ledger.NewEvidence, error) {
	n := ledger.NewEvidence{Kind: ledger.EvidenceKind(f.Get("kind")), Text: f.Get("text"), URL: f.Get("url")}
	switch n.Kind {
	case ledger.EvidenceIndicator:
		n.ContractID, n.IndicatorID, _ = strings.Cut(f.Get("indicator"), " ")
	case ledger.EvidenceFile:
		if fh := uploaded(mf, "file"); fh != nil {
			data, err := readUpload(fh, ledger.MaxFileSize+1)
			if err != nil {
				return n, err
			}
			n.FileData, n.FileName, n.FileType = data, fh.Filename, fh.Header.Get("Content-Type")
		}
	}
	return n, nil
}

// verdictForm reads the group's verdict.
func verdictForm(f url.Values) ledger.NewVerdict {
	return ledger.NewVerdict{Verdict: ledger.Verdict(f.Get("verdict")), Comment: f.Get("comment"), Reason: f.Get("reason")}
}

// uploaded is the first file sent as name, or nil when none was: a form
// not sent as multipart has no files, and a browser sends a file input
// left empty as a plain value.
func uploaded(mf *multipart.Form, name string) *multipart.FileHeader {
	if mf == nil || len(mf.File[name]) == 0 {
		return nil
	}
	return mf.File[name][0]
}

// readUpload reads at most limit bytes of an uploaded file.
func readUpload(fh *multipart.FileHeader, limit int64) ([]byte, error) {
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit))
}
