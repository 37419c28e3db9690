package ledger

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
)

// ImportColumns are the columns a voice-item CSV may have; "said" and
// "said_on" are required, the rest optional.
var ImportColumns = []string{"said", "said_on", "source", "easy_read", "said_by", "themes"}

// RowError is one problem with one row of an import.
type RowError struct {
	Line    int // the line in the file, counting the header as line 1
	Column  string
	Message string
}

// ImportRow is a row that is ready to save.
type ImportRow struct {
	Line   int
	Item   NewItem
	SaidBy string // as typed: a group name, or "" for the group
}

// Imported is a parsed file: rows ready to save and row-level problems.
type Imported struct {
	Rows   []ImportRow
	Errors []RowError
}

// MaxImportRows bounds one file, so a preview fits on a page.
const MaxImportRows = 5000

// ParseCSV reads voice items. Every row starts from base (round,
// organisations, today); members maps a group name, lower case, to the
// member's id, and "said_by" must be one of them or empty ("the group"),
// so no real name can enter the ledger by import. It fails only when the
// file as a whole cannot be read.
func ParseCSV(r io.Reader, base NewItem, members map[string]string) (Imported, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return Imported{}, errors.New("the file is empty")
	}
	if err != nil {
		return Imported{}, errors.New("the file is not a CSV file: " + err.Error())
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, req := range []string{"said", "said_on"} {
		if _, ok := col[req]; !ok {
			return Imported{}, errors.New("the first line must name the columns, including “said” and “said_on”")
		}
	}
	var out Imported
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			out.Errors = append(out.Errors, RowError{Line: pe.StartLine, Message: "This line could not be read: check its quotes"})
			continue
		} else if err != nil {
			return out, errors.New("the file could not be read: " + err.Error())
		}
		// The reader skips blank lines, so ask it where the row started.
		line, _ := cr.FieldPos(0)
		if len(out.Rows)+len(out.Errors) >= MaxImportRows {
			return out, errors.New("the file has more than " + strconv.Itoa(MaxImportRows) + " rows: split it into smaller files")
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if strings.Join(rec, "") == "" {
			continue // blank lines are not rows
		}
		n := base
		n.OrgIDs = append([]string(nil), base.OrgIDs...)
		n.Said, n.EasyRead, n.SaidOn = get("said"), get("easy_read"), get("said_on")
		n.Source = SourceImport
		if raw := get("source"); raw != "" {
			n.Source = Entered(raw)
		}
		n.Themes = SplitThemes(get("themes"))
		by := get("said_by")
		var rowErrs []RowError
		if by != "" && !strings.EqualFold(by, "the group") {
			id, ok := members[strings.ToLower(by)]
			if !ok {
				rowErrs = append(rowErrs, RowError{line, "said_by", "“" + by + "” is not the group name of a member of this round. Use a group name, or leave it empty for the group."})
			}
			n.MemberID = id
		} else {
			by = ""
		}
		if err := n.Validate(); err != nil {
			for _, fe := range apperr.FieldsOf(err) {
				if fe.Field == "member_id" || fe.Field == "org_ids" {
					continue // checked once for the whole file, on the form
				}
				rowErrs = append(rowErrs, RowError{line, fe.Field, fe.Message})
			}
		}
		if len(rowErrs) > 0 {
			out.Errors = append(out.Errors, rowErrs...)
			continue
		}
		out.Rows = append(out.Rows, ImportRow{Line: line, Item: n, SaidBy: by})
	}
	return out, nil
}
