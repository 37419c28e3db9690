package web

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/agreement"
	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/csvcell"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/refiqda"
)

var codingComparePage = page[codingCompareData]{"coding_compare"}

// codingComparison is every visible coder's coding of a project, unit by
// unit. The store's blind rule decides what is visible: a refusal for any
// coder who has submitted is the page's answer.
type codingComparison struct {
	codingProjectData
	Coders   []qda.Coder // those compared: submitted, or anyone in an open project
	Segments []qda.Segment
	Units    []qda.UnitCodes
}

func (s *Server) codingComparison(r *http.Request) (codingComparison, error) {
	var c codingComparison
	d, err := s.codingProject(r, auth.ActionViewStudy)
	if err != nil {
		return c, err
	}
	c.codingProjectData = d
	coded := map[string]map[string]bool{}
	for _, coder := range d.Coders {
		if d.Project.Blind && coder.SubmittedAt == nil {
			continue
		}
		segs, err := s.store.Segments(r.Context(), d.Project.ID, coder.UserID)
		if err != nil {
			return c, err
		}
		c.Coders = append(c.Coders, coder)
		c.Segments = append(c.Segments, segs...)
		coded[coder.UserID] = map[string]bool{}
		for _, src := range d.Sources {
			// A submitted coder has coded every source (a unit left without
			// codes means none apply); otherwise a source counts as coded
			// once they have coded something in it.
			coded[coder.UserID][src.ID] = coder.SubmittedAt != nil
		}
		for _, seg := range segs {
			coded[coder.UserID][seg.SourceID] = true
		}
	}
	var units []qda.SourceUnits
	for _, src := range d.Sources {
		units = append(units, qda.SourceUnits{SourceID: src.ID, Units: qda.Split(src.Text, src.Units)})
	}
	c.Units = qda.ByUnit(units, c.Segments, coded)
	return c, nil
}

func (c codingComparison) coderIDs() []string {
	var ids []string
	for _, coder := range c.Coders {
		ids = append(ids, coder.UserID)
	}
	return ids
}

func (c codingComparison) codes() []qda.Code {
	var codes []qda.Code
	for _, n := range c.Codes {
		codes = append(codes, n.Code)
	}
	return codes
}

// agreementRow is one code's figures, in words where they are undefined.
type agreementRow struct {
	Code    *qda.Node
	Alpha   string
	Percent string
	Cohen   string // shown only when exactly two coders are compared
	Fleiss  string
	Units   int
}

// agreementFigures are a code's (or all codes') figures in words.
func agreementFigures(code *qda.Node, cr agreement.CodeResult) agreementRow {
	return agreementRow{Code: code, Alpha: figure(cr.Alpha, cr.AlphaErr), Percent: figure(cr.Percent, cr.PercentErr),
		Cohen: figure(cr.Cohen, cr.CohenErr), Fleiss: figure(cr.Fleiss, cr.FleissErr), Units: cr.Alpha.PairableUnits}
}

type differenceRow struct {
	SourceID string
	Source   string
	Index    int // the unit's index, for the reconciliation form
	Unit     int // the unit's number, for people
	Text     string
	By       []string // "Name: codes"
	// Options are the codes any coder applied, and those agreed, to
	// choose the reconciled coding from; Decided says who agreed it.
	Options []decisionOption
	Decided string
}

type decisionOption struct {
	ID, Name string
	Checked  bool
}

type codingCompareData struct {
	codingProjectData
	Compared    []qda.Coder
	Rows        []agreementRow
	Overall     agreementRow
	Interval    string // the bootstrapped 95% interval of the overall alpha, in words
	Differences []differenceRow
	More        int // differences not shown
}

func figure(r agreement.Result, err error) string {
	var u *agreement.UndefinedError
	if errors.As(err, &u) {
		return "cannot be worked out: " + u.Reason
	}
	if err != nil {
		return "cannot be worked out"
	}
	return fmt.Sprintf("%.3f", r.Value)
}

// maxDifferences bounds the list on the page; the CSV has every unit.
const maxDifferences = 200

func (s *Server) codingCompare(w http.ResponseWriter, r *http.Request) error {
	c, err := s.codingComparison(r)
	if err != nil {
		return err
	}
	d := codingCompareData{codingProjectData: c.codingProjectData, Compared: c.Coders}
	if len(c.Coders) >= 2 {
		sets := qda.AgreementSets(c.Units, c.coderIDs(), c.codes())
		per, all, err := agreement.PerCode(sets)
		if err != nil {
			return err
		}
		if _, ci, err := agreement.AlphaCI(sets.Pooled(), agreement.Nominal, agreement.MinSamples, agreement.DefaultSeed); err == nil {
			d.Interval = fmt.Sprintf("%.3f to %.3f", ci.Low, ci.High)
		}
		for i, cr := range per {
			d.Rows = append(d.Rows, agreementFigures(c.Codes[i], cr))
		}
		d.Overall = agreementFigures(nil, all)
	}
	titles := map[string]qda.Source{}
	for _, src := range c.Sources {
		titles[src.ID] = src
	}
	decisions, err := s.store.Decisions(r.Context(), c.Project.ID)
	if err != nil {
		return err
	}
	decided := map[string]qda.Decision{}
	for _, dec := range decisions {
		decided[dec.SourceID+"/"+strconv.Itoa(dec.Unit)] = dec
	}
	for _, u := range qda.Differences(c.Units) {
		if len(d.Differences) == maxDifferences {
			d.More++
			continue
		}
		src := titles[u.SourceID]
		row := differenceRow{SourceID: src.ID, Source: src.Title, Index: u.Unit.Index, Unit: u.Unit.Index + 1, Text: string([]rune(src.Text)[u.Unit.Start:u.Unit.End])}
		dec, isDecided := decided[src.ID+"/"+strconv.Itoa(u.Unit.Index)]
		offered := map[string]bool{}
		for _, codes := range u.ByCoder {
			for _, id := range codes {
				offered[id] = true
			}
		}
		for _, id := range dec.CodeIDs {
			offered[id] = true
		}
		var agreed []string
		for _, n := range c.Codes {
			if offered[n.ID] {
				row.Options = append(row.Options, decisionOption{ID: n.ID, Name: n.Name, Checked: slices.Contains(dec.CodeIDs, n.ID)})
			}
			if slices.Contains(dec.CodeIDs, n.ID) {
				agreed = append(agreed, n.Name)
			}
		}
		if isDecided {
			what := "no codes"
			if len(agreed) > 0 {
				what = strings.Join(agreed, ", ")
			}
			row.Decided = "Agreed by " + dec.DecidedByName + " on " + londonDate(dec.DecidedAt) + ": " + what
		}
		for _, coder := range c.Coders {
			codes, ok := u.ByCoder[coder.UserID]
			if !ok {
				continue
			}
			// In codebook order, not the order of the codes' ids.
			var applied []string
			for _, n := range c.Codes {
				if slices.Contains(codes, n.ID) {
					applied = append(applied, n.Name)
				}
			}
			words := "no codes"
			if len(applied) > 0 {
				words = strings.Join(applied, ", ")
			}
			row.By = append(row.By, coder.Name+": "+words)
		}
		d.Differences = append(d.Differences, row)
	}
	return codingComparePage.show(s, w, r, http.StatusOK, view{Title: "Compare coding: " + c.Project.Title}, d)
}

// codingAgreementCSV is the reliability data of one code (?code=ID), or of
// every code with one column per coder and code, as `coprod qda agreement`
// reads it: a header of coders, a row per unit, 1 where the coder applied
// the code, 0 where they coded the unit without it, blank where they did
// not code it.
func (s *Server) codingAgreementCSV(w http.ResponseWriter, r *http.Request) error {
	c, err := s.codingComparison(r)
	if err != nil {
		return err
	}
	code := r.URL.Query().Get("code")
	var which *qda.Node
	for _, n := range c.Codes {
		if n.ID == code {
			which = n
		}
	}
	if which == nil {
		return apperr.Errorf(apperr.NotFound, "No such code in this project")
	}
	download(w, "text/csv; charset=utf-8", "coprod-coding-"+c.Project.ID+"-"+which.ID+".csv")
	cw := csvcell.NewWriter(w)
	var header []string
	for _, coder := range c.Coders {
		header = append(header, coder.Name)
	}
	err = cw.Write(header)
	for _, u := range c.Units {
		if err != nil {
			break
		}
		row := make([]string, len(c.Coders))
		for i, coder := range c.Coders {
			codes, ok := u.ByCoder[coder.UserID]
			switch {
			case !ok:
			case slices.Contains(codes, which.ID):
				row[i] = "1"
			default:
				row[i] = "0"
			}
		}
		err = cw.Write(row)
	}
	if err == nil {
		err = cw.Flush()
	}
	if err != nil {
		s.log.Error("coding agreement export stopped", "project", c.Project.ID, "err", err)
	}
	return nil
}

// codingExport is the project as REFI-QDA (.qdpx), with the coding the
// viewer may see.
func (s *Server) codingExport(w http.ResponseWriter, r *http.Request) error {
	c, err := s.codingComparison(r)
	if err != nil {
		return err
	}
	e := qda.Export{Project: *c.Project, Coders: map[string]string{}, Sources: c.Sources, Segments: c.Segments, Codes: c.codes()}
	for _, coder := range c.Coders {
		e.Coders[coder.UserID] = coder.Name
	}
	// Memos on sources and codes go in as notes, their authors as users.
	if e.Memos, err = s.store.ProjectMemos(r.Context(), c.Project.ID); err != nil {
		return err
	}
	for _, m := range e.Memos {
		e.Coders[m.AuthorID] = m.AuthorName
	}
	// The reconciled coding goes in as one more user (qda.ReconciledName
	// says why), once there are two coders' coding to reconcile.
	if len(c.Coders) >= 2 {
		decisions, err := s.store.Decisions(r.Context(), c.Project.ID)
		if err != nil {
			return err
		}
		if agreed := qda.Reconciled(c.Units, decisions); len(agreed) > 0 {
			e.Coders[qda.ReconciledCoder] = qda.ReconciledName
			e.Segments = append(e.Segments, agreed...)
		}
	}
	p, err := qda.REFI(e)
	if err != nil {
		return err
	}
	download(w, "application/zip", "coprod-coding-"+c.Project.ID+".qdpx")
	if err := refiqda.WriteQDPX(w, p); err != nil {
		s.log.Error("coding export stopped", "project", c.Project.ID, "err", err)
	}
	return nil
}

// codingDecide saves the reconciled codes of one unit, then returns to the
// comparison at that unit.
func (s *Server) codingDecide(w http.ResponseWriter, r *http.Request) error {
	d, err := s.codingProject(r, auth.ActionManageStudy)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	sourceID := r.PostForm.Get("source")
	found := false
	for _, src := range d.Sources {
		found = found || src.ID == sourceID
	}
	unit, err := strconv.Atoi(r.PostForm.Get("unit"))
	if !found || err != nil {
		return apperr.Errorf(apperr.NotFound, "No such unit in this project")
	}
	if err := s.store.Decide(r.Context(), sourceID, unit, r.PostForm["code"]); err != nil {
		return err
	}
	http.Redirect(w, r, "/coding/"+d.Project.ID+"/compare?done=coding-decided#unit-"+sourceID+"-"+strconv.Itoa(unit), http.StatusSeeOther)
	return nil
}
