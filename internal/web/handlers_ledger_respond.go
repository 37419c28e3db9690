package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
)

// ledgerFlash are this area's confirmations, shown after post/redirect/get.
var ledgerFlash = map[string]string{
	"voice-recorded":  "Voice item recorded.",
	"voice-imported":  "Voice items imported.",
	"voice-withdrawn": "Consent withdrawn: the item is hidden from the public board and its figures.",
	"committed":       "Commitment recorded.",
	"status-changed":  "Status changed.",
	"action-added":    "Action added.",
	"evidence-added":  "Evidence added.",
	"verdict-given":   "Thank you. Your verdict is recorded.",
}

// respondData is what the response forms need: the item, and choices.
type respondData struct {
	Item          flaggedItem
	Owners        []round.Option // people who may own a commitment: "orgID userID" → name
	StatusOptions []round.Option
	KindOptions   []round.Option
	VerdictOpts   []round.Option
	// Indicators are the contract indicators the item may link to, as
	// "contractID indicatorID", of contracts the reader may see.
	Indicators []round.Option
}

func (s *Server) respondData(r *http.Request, it *ledger.Item) (*respondData, error) {
	d := &respondData{Item: s.flagged([]ledger.Item{*it})[0]}
	for _, st := range ledger.Statuses[1:] {
		d.StatusOptions = append(d.StatusOptions, round.Option{Key: string(st), Label: st.Label()})
	}
	for _, k := range ledger.EvidenceKinds {
		d.KindOptions = append(d.KindOptions, round.Option{Key: string(k), Label: k.Label()})
	}
	for _, v := range ledger.Verdicts {
		d.VerdictOpts = append(d.VerdictOpts, round.Option{Key: string(v), Label: v.Label()})
	}
	opts, err := s.store.IndicatorOptions(r.Context(), it.ID)
	if err != nil {
		return nil, err
	}
	for _, o := range opts {
		if mayViewContract(r, o.RoundID, o.ProviderOrgID) {
			d.Indicators = append(d.Indicators, round.Option{Key: o.ContractID + " " + o.IndicatorID,
				Label: o.Name + " (" + o.IndicatorID + ", " + o.ContractTitle + ")"})
		}
	}
	for _, o := range it.Orgs {
		ms, err := s.store.Members(r.Context(), o.ID)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			d.Owners = append(d.Owners, round.Option{Key: o.ID + " " + m.UserID, Label: m.UserName + ", " + o.Name})
		}
	}
	return d, nil
}

// respondPage loads the item for a response form and renders page.
func (s *Server) respondPage(w http.ResponseWriter, r *http.Request, page, title string, action auth.Action) {
	it, ok := s.loadItem(w, r, action)
	if !ok {
		return
	}
	d, err := s.respondData(r, it)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	form := r.URL.Query()
	form.Set("on", ledger.Today(s.cfg.Now()))
	if c := it.Commitment; c != nil && c.ContractID != "" && form.Get("indicator") == "" {
		form.Set("indicator", c.ContractID+" "+c.IndicatorID) // the linked indicator is the likely one
	}
	s.render(w, r, http.StatusOK, page, view{Title: title, Form: form, Data: d})
}

// respond handles a response form: load and authorise, build and validate
// the input, save, and either redirect or show the form with its errors.
func (s *Server) respond(w http.ResponseWriter, r *http.Request, page, title, done string, save func(*ledger.Item) error) {
	it, ok := s.loadItem(w, r, auth.ActionRespond)
	if !ok {
		return
	}
	if err := save(it); err != nil {
		s.formError(w, r, err, page, title, func() any { d, _ := s.respondData(r, it); return d })
		return
	}
	http.Redirect(w, r, "/ledger/items/"+it.ID+"?done="+done, http.StatusSeeOther)
}

func (s *Server) ledgerCommitForm(w http.ResponseWriter, r *http.Request) {
	s.respondPage(w, r, "ledger_commit", "What will change?", auth.ActionRespond)
}

func (s *Server) ledgerCommit(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	s.respond(w, r, "ledger_commit", "What will change?", "committed", func(it *ledger.Item) error {
		f := r.PostForm
		org, user, _ := strings.Cut(f.Get("owner"), " ")
		contract, indicator, _ := strings.Cut(f.Get("indicator"), " ")
		n := ledger.NewCommitment{OwnerOrgID: org, OwnerUserID: user, What: f.Get("what"), DueOn: f.Get("due_on"),
			ContractID: contract, IndicatorID: indicator, CommittedOn: f.Get("committed_on"), Today: ledger.Today(s.cfg.Now())}
		err := n.Validate()
		for i, fe := range apperr.FieldsOf(err) {
			if fe.Field == "owner_org_id" || fe.Field == "owner_user_id" {
				apperr.FieldsOf(err)[i].Field = "owner" // one list on the form chooses both
			}
		}
		if err == nil {
			err = s.mayLinkIndicator(r, it, n.ContractID, n.IndicatorID)
		}
		if err != nil {
			return err
		}
		return s.store.Commit(r.Context(), it.ID, n)
	})
}

func (s *Server) ledgerStatusForm(w http.ResponseWriter, r *http.Request) {
	s.respondPage(w, r, "ledger_status", "Change the status", auth.ActionRespond)
}

func (s *Server) ledgerStatus(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	s.respond(w, r, "ledger_status", "Change the status", "status-changed", func(it *ledger.Item) error {
		c := ledger.StatusChange{Status: ledger.Status(r.PostForm.Get("status")), Reason: r.PostForm.Get("reason"),
			On: r.PostForm.Get("on"), Today: ledger.Today(s.cfg.Now())}
		if err := c.Validate(); err != nil {
			return err
		}
		return s.store.SetStatus(r.Context(), it.ID, c)
	})
}

func (s *Server) ledgerActionForm(w http.ResponseWriter, r *http.Request) {
	s.respondPage(w, r, "ledger_action", "What was done?", auth.ActionRespond)
}

func (s *Server) ledgerAction(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	s.respond(w, r, "ledger_action", "What was done?", "action-added", func(it *ledger.Item) error {
		n := ledger.NewAction{On: r.PostForm.Get("on"), What: r.PostForm.Get("what"), Today: ledger.Today(s.cfg.Now())}
		if err := n.Validate(); err != nil {
			return err
		}
		return s.store.AddAction(r.Context(), it.ID, n)
	})
}

func (s *Server) ledgerEvidenceForm(w http.ResponseWriter, r *http.Request) {
	s.respondPage(w, r, "ledger_evidence", "Add evidence", auth.ActionRespond)
}

func (s *Server) ledgerEvidence(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, ledger.MaxFileSize+1<<20)
	if err := r.ParseMultipartForm(ledger.MaxFileSize + 1<<20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		_ = r.ParseForm()
	}
	s.respond(w, r, "ledger_evidence", "Add evidence", "evidence-added", func(it *ledger.Item) error {
		f := r.PostForm
		n := ledger.NewEvidence{Kind: ledger.EvidenceKind(f.Get("kind")), Text: f.Get("text"), URL: f.Get("url")}
		if n.Kind == ledger.EvidenceIndicator {
			n.ContractID, n.IndicatorID, _ = strings.Cut(f.Get("indicator"), " ")
		}
		if n.Kind == ledger.EvidenceFile {
			if file, hdr, err := r.FormFile("file"); err == nil {
				n.FileData, _ = io.ReadAll(io.LimitReader(file, ledger.MaxFileSize+1))
				n.FileName, n.FileType = hdr.Filename, hdr.Header.Get("Content-Type")
				file.Close()
			}
		}
		if err := n.Validate(); err != nil {
			return err
		}
		if err := s.mayLinkIndicator(r, it, n.ContractID, n.IndicatorID); err != nil {
			return err
		}
		return s.store.AddEvidence(r.Context(), it.ID, n)
	})
}

// ledgerEvidenceFile downloads an uploaded file, for staff only: files are
// not published, as nobody has checked them for personal details.
func (s *Server) ledgerEvidenceFile(w http.ResponseWriter, r *http.Request) {
	it, ok := s.loadItem(w, r, auth.ActionViewLedger)
	if !ok {
		return
	}
	e, data, err := s.store.EvidenceFile(r.Context(), it.ID, r.PathValue("eid"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	download(w, "application/octet-stream", safeFileName(e.FileName))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
}

// safeFileName keeps a download name to letters, digits and . - _ so it
// cannot break out of its header.
func safeFileName(s string) string {
	b := []rune(s)
	for i, c := range b {
		if !(c == '.' || c == '-' || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			b[i] = '_'
		}
	}
	if len(b) == 0 {
		return "evidence"
	}
	return string(b)
}

// verdictBy decides who may say whether it changed: for an item in a
// round, a member of that round's group (the round's member role, and a
// place in its group through round.Service); for an item with no round,
// someone holding the member role in a user-led organisation concerned.
func (s *Server) verdictBy(r *http.Request, it *ledger.Item) (ledger.VerdictBy, bool) {
	p := principal(r)
	if !p.SignedIn() {
		return ledger.VerdictBy{}, false
	}
	if it.RoundID != "" {
		if !auth.Can(p, auth.ActionRecordVerdict, roundObject(it.RoundID)) {
			return ledger.VerdictBy{}, false
		}
		m, err := s.store.MemberForUser(r.Context(), it.RoundID, p.User.ID)
		if err != nil {
			return ledger.VerdictBy{}, false
		}
		return ledger.VerdictBy{UserID: p.User.ID, MemberID: m.ID, Pseudonym: m.Pseudonym}, true
	}
	for _, o := range it.Orgs {
		if o.UserLed && auth.Can(p, auth.ActionRecordVerdict, auth.Object{Type: auth.ScopeOrganisation, ID: o.ID}) {
			return ledger.VerdictBy{UserID: p.User.ID}, true
		}
	}
	return ledger.VerdictBy{}, false
}

// verdictItem loads the item for a verdict; only the group may give one.
func (s *Server) verdictItem(w http.ResponseWriter, r *http.Request) (*ledger.Item, ledger.VerdictBy, bool) {
	if !principal(r).SignedIn() {
		http.Redirect(w, r, "/login?next="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return nil, ledger.VerdictBy{}, false
	}
	it, err := s.store.LedgerItem(r.Context(), r.PathValue("id"), ledger.Staff)
	if err != nil {
		s.fail(w, r, err)
		return nil, ledger.VerdictBy{}, false
	}
	by, ok := s.verdictBy(r, it)
	if !ok {
		s.fail(w, r, apperr.Errorf(apperr.Forbidden, "Only members of the lived experience group this item came from can say whether it changed."))
		return nil, by, false
	}
	return it, by, true
}

func (s *Server) ledgerVerdictForm(w http.ResponseWriter, r *http.Request) {
	it, _, ok := s.verdictItem(w, r)
	if !ok {
		return
	}
	d, err := s.respondData(r, it)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "ledger_verdict", view{Title: "Did it change?", Data: d})
}

func (s *Server) ledgerVerdict(w http.ResponseWriter, r *http.Request) {
	it, by, ok := s.verdictItem(w, r)
	if !ok {
		return
	}
	_ = r.ParseForm()
	n := ledger.NewVerdict{Verdict: ledger.Verdict(r.PostForm.Get("verdict")), Comment: r.PostForm.Get("comment")}
	err := n.Validate()
	if err == nil {
		err = s.store.RecordVerdict(r.Context(), it.ID, n, by)
	}
	if err != nil {
		s.formError(w, r, err, "ledger_verdict", "Did it change?", func() any { d, _ := s.respondData(r, it); return d })
		return
	}
	http.Redirect(w, r, "/board/items/"+it.ID+"?done=verdict-given", http.StatusSeeOther)
}

// mayViewContract: the contract's round or its provider lets the reader
// see it (the rule of loadContract).
func mayViewContract(r *http.Request, roundID, providerOrgID string) bool {
	p := principal(r)
	return auth.Can(p, auth.ActionViewContract, roundObject(roundID)) ||
		auth.Can(p, auth.ActionViewContract, auth.Object{Type: auth.ScopeOrganisation, ID: providerOrgID})
}

// mayLinkIndicator refuses an indicator of a contract the reader may not
// see: the form does not offer one, so neither may a hand-made post. The
// store checks the rest (the contract is the item's, the indicator is in
// its payment profile).
func (s *Server) mayLinkIndicator(r *http.Request, it *ledger.Item, contractID, indicatorID string) error {
	if contractID == "" {
		return nil
	}
	opts, err := s.store.IndicatorOptions(r.Context(), it.ID)
	if err != nil {
		return err
	}
	for _, o := range opts {
		if o.ContractID == contractID && o.IndicatorID == indicatorID && mayViewContract(r, o.RoundID, o.ProviderOrgID) {
			return nil
		}
	}
	return apperr.Fields([]apperr.FieldError{{Field: "indicator", Message: "Select an indicator from the payment profile of a contract this item concerns"}})
}

// contractHref is the address of the contract a commitment's indicator
// belongs to, for a reader allowed to see it; "" otherwise.
func contractHref(r *http.Request, c *ledger.Commitment) string {
	if c == nil || c.ContractID == "" || !mayViewContract(r, c.ContractRoundID, c.ContractProviderOrgID) {
		return ""
	}
	return "/contracts/" + c.ContractID
}
