package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
)

// maxImport bounds an uploaded or pasted CSV of voice items.
const maxImport = 2 << 20

// The pages of importing voice items from a file.
var (
	ledgerImportPage        = page[voiceImportData]{"ledger_import"}
	ledgerImportPreviewPage = page[voiceImportData]{"ledger_import_preview"}
)

type voiceImportData struct {
	ledgerNewData
	Parsed  ledger.Imported
	CSV     string
	Columns []string
}

func (s *Server) ledgerImportForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewDashboard, auth.Object{}); err != nil {
		return err
	}
	d, err := s.ledgerNewData(r)
	if err != nil {
		return err
	}
	return ledgerImportPage.show(s, w, r, http.StatusOK, view{Title: "Import voice items"}, voiceImportData{ledgerNewData: d, Columns: ledger.ImportColumns})
}

// parseVoiceImport reads the form and the file, checks the person may record
// for the round or organisations chosen, and parses every row. Nothing is
// saved: the preview and the confirmation both call it.
func (s *Server) parseVoiceImport(r *http.Request) (voiceImportData, error) {
	d := voiceImportData{Columns: ledger.ImportColumns}
	nd, err := s.ledgerNewData(r)
	if err != nil {
		return d, err
	}
	d.ledgerNewData = nd
	if d.CSV, err = importCSVForm(r.PostForm, r.MultipartForm); err != nil {
		return d, err
	}
	base := importBaseForm(r.PostForm, ledger.Today(s.cfg.Now()))
	var fs []apperr.FieldError
	if len(base.OrgIDs) == 0 {
		fs = append(fs, apperr.FieldError{Field: "org_ids", Message: "Select at least one organisation the items are for"})
	} else if !mayRecord(principal(r), base.RoundID, base.OrgIDs) {
		fs = append(fs, apperr.FieldError{Field: "org_ids", Message: "You can import voice only for your own organisations and rounds"})
	}
	if strings.TrimSpace(d.CSV) == "" {
		fs = append(fs, apperr.FieldError{Field: "file", Message: "Choose a CSV file, or paste its contents"})
	}
	if len(fs) > 0 {
		return d, apperr.Fields(fs)
	}
	members := map[string]string{}
	if base.RoundID != "" {
		ms, err := s.store.RoundMembers(r.Context(), base.RoundID, round.Group)
		if err != nil {
			return d, err
		}
		for _, m := range ms {
			members[strings.ToLower(m.Pseudonym)] = m.ID
		}
	}
	d.Parsed, err = ledger.ParseCSV(strings.NewReader(d.CSV), base, members)
	if err != nil {
		return d, apperr.Fields([]apperr.FieldError{{Field: "file", Message: "The file could not be imported: " + err.Error()}})
	}
	return d, nil
}

// readVoiceImport checks the reader may import and reads the form, with
// its file when it has one.
func readVoiceImport(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewDashboard, auth.Object{}); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxImport+1<<20)
	if err := r.ParseMultipartForm(maxImport + 1<<20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return apperr.Errorf(apperr.Invalid, "The file is too big: the limit is 2 MB. Split it into smaller files.")
	}
	return nil
}

// importProblem shows the import form again when err is about its fields.
func (s *Server) importProblem(w http.ResponseWriter, r *http.Request, err error, d voiceImportData) error {
	return formProblem(err, func(status int, errs []apperr.FieldError) error {
		return ledgerImportPage.show(s, w, r, status, view{Title: "Import voice items", Errors: errs, Form: r.PostForm}, d)
	})
}

// ledgerImportPreview shows what would be imported and every row's
// problems; the confirmation form carries the file back.
func (s *Server) ledgerImportPreview(w http.ResponseWriter, r *http.Request) error {
	if err := readVoiceImport(w, r); err != nil {
		return err
	}
	d, err := s.parseVoiceImport(r)
	if err != nil {
		return s.importProblem(w, r, err, d)
	}
	return ledgerImportPreviewPage.show(s, w, r, http.StatusOK, view{Title: "Check the import", Form: r.PostForm}, d)
}

func (s *Server) ledgerImportConfirm(w http.ResponseWriter, r *http.Request) error {
	if err := readVoiceImport(w, r); err != nil {
		return err
	}
	d, err := s.parseVoiceImport(r)
	if err == nil && len(d.Parsed.Rows) == 0 {
		err = apperr.Fields([]apperr.FieldError{{Field: "file", Message: "No row can be imported: correct the file and try again"}})
	}
	if err != nil {
		return s.importProblem(w, r, err, d)
	}
	items := make([]ledger.NewItem, len(d.Parsed.Rows))
	for i, row := range d.Parsed.Rows {
		items[i] = row.Item
	}
	n, err := s.store.ImportItems(r.Context(), items)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/ledger?done=voice-imported&imported="+strconv.Itoa(n), http.StatusSeeOther)
	return nil
}
