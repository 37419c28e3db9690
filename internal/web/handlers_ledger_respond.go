package web

import (
	"net/http"
	"slices"
	"strconv"

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

// The forms that respond to an item, and the group's verdict.
var (
	ledgerCommitPage   = page[respondData]{"ledger_commit"}
	ledgerStatusPage   = page[respondData]{"ledger_status"}
	ledgerActionPage   = page[respondData]{"ledger_action"}
	ledgerEvidencePage = page[respondData]{"ledger_evidence"}
	ledgerVerdictPage  = page[respondData]{"ledger_verdict"}
)

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

func (s *Server) respondData(r *http.Request, it *ledger.Item) (respondData, error) {
	d := respondData{Item: s.flagged([]ledger.Item{*it})[0]}
	s.itemPicture(r, &d.Item)
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
		return d, err
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
			return d, err
		}
		for _, m := range ms {
			// Lived experience members of the organisation own no
			// commitments, and their account names stay out of the ledger.
			if as, err := s.store.AssignmentsOf(r.Context(), m.UserID); err != nil {
				return d, err
			} else if slices.ContainsFunc(as, func(a auth.Assignment) bool { return a.Role == auth.RoleMember && a.ScopeID == o.ID }) {
				continue
			}
			d.Owners = append(d.Owners, round.Option{Key: o.ID + " " + m.UserID, Label: m.UserName + ", " + o.Name})
		}
	}
	return d, nil
}

// respondPage draws a response form for the item in the path.
func (s *Server) respondPage(w http.ResponseWriter, r *http.Request, p page[respondData], title string) error {
	it, err := s.itemFor(r, auth.ActionRespond)
	if err != nil {
		return err
	}
	d, err := s.respondData(r, it)
	if err != nil {
		return err
	}
	form := r.URL.Query()
	form.Set("on", ledger.Today(s.cfg.Now()))
	if c := it.Commitment; c != nil && c.ContractID != "" && form.Get("indicator") == "" {
		form.Set("indicator", c.ContractID+" "+c.IndicatorID) // the linked indicator is the likely one
	}
	return p.show(s, w, r, http.StatusOK, view{Title: title, Form: form}, d)
}

// respond handles a response form: load and authorise, then save (which
// decodes, validates and stores), and either redirect or show the form
// again with its errors.
func (s *Server) respond(w http.ResponseWriter, r *http.Request, p page[respondData], title, done string, save func(*ledger.Item) error) error {
	it, err := s.itemFor(r, auth.ActionRespond)
	if err != nil {
		return err
	}
	if err := save(it); err != nil {
		return s.respondProblem(w, r, err, it, p, title)
	}
	http.Redirect(w, r, "/ledger/items/"+it.ID+"?done="+done, http.StatusSeeOther)
	return nil
}

// respondProblem shows a response form again when err is about its fields.
func (s *Server) respondProblem(w http.ResponseWriter, r *http.Request, err error, it *ledger.Item, p page[respondData], title string) error {
	return formProblem(err, func(status int, errs []apperr.FieldError) error {
		d, err := s.respondData(r, it)
		if err != nil {
			return err
		}
		return p.show(s, w, r, status, view{Title: title, Errors: errs, Form: r.PostForm}, d)
	})
}

func (s *Server) ledgerCommitForm(w http.ResponseWriter, r *http.Request) error {
	return s.respondPage(w, r, ledgerCommitPage, "What will change?")
}

func (s *Server) ledgerCommit(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	return s.respond(w, r, ledgerCommitPage, "What will change?", "committed", func(it *ledger.Item) error {
		n := commitmentForm(r.PostForm, ledger.Today(s.cfg.Now()))
		n.SaidOn = it.SaidOn
		if err := n.Validate(); err != nil {
			return onOwnerList(err)
		}
		if err := s.mayLinkIndicator(r, it, n.ContractID, n.IndicatorID); err != nil {
			return err
		}
		return s.store.Commit(r.Context(), it.ID, n)
	})
}

func (s *Server) ledgerStatusForm(w http.ResponseWriter, r *http.Request) error {
	return s.respondPage(w, r, ledgerStatusPage, "Change the status")
}

func (s *Server) ledgerStatus(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	return s.respond(w, r, ledgerStatusPage, "Change the status", "status-changed", func(it *ledger.Item) error {
		c := statusForm(r.PostForm, ledger.Today(s.cfg.Now()))
		if err := c.Validate(); err != nil {
			return err
		}
		return s.store.SetStatus(r.Context(), it.ID, c)
	})
}

func (s *Server) ledgerActionForm(w http.ResponseWriter, r *http.Request) error {
	return s.respondPage(w, r, ledgerActionPage, "What was done?")
}

func (s *Server) ledgerAction(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	return s.respond(w, r, ledgerActionPage, "What was done?", "action-added", func(it *ledger.Item) error {
		n := actionForm(r.PostForm, ledger.Today(s.cfg.Now()))
		if err := n.Validate(); err != nil {
			return err
		}
		return s.store.AddAction(r.Context(), it.ID, n)
	})
}

func (s *Server) ledgerEvidenceForm(w http.ResponseWriter, r *http.Request) error {
	return s.respondPage(w, r, ledgerEvidencePage, "Add evidence")
}

// ledgerEvidence adds evidence. A body over the limit leaves the form
// empty, so it is shown again with what is missing.
func (s *Server) ledgerEvidence(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, ledger.MaxFileSize+1<<20)
	_ = r.ParseMultipartForm(ledger.MaxFileSize + 1<<20)
	if err := cleanMultipart(r); err != nil {
		return err
	}
	return s.respond(w, r, ledgerEvidencePage, "Add evidence", "evidence-added", func(it *ledger.Item) error {
		n, err := evidenceForm(r.PostForm, r.MultipartForm)
		if err != nil {
			return err
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
func (s *Server) ledgerEvidenceFile(w http.ResponseWriter, r *http.Request) error {
	it, err := s.itemFor(r, auth.ActionViewLedger)
	if err != nil {
		return err
	}
	e, data, err := s.store.EvidenceFile(r.Context(), it.ID, r.PathValue("eid"))
	if err != nil {
		return err
	}
	download(w, "application/octet-stream", safeFileName(e.FileName))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
	return nil
}

// errNotInGroup refuses a verdict from anyone outside the group.
var errNotInGroup = apperr.Errorf(apperr.Forbidden, "Only members of the lived experience group this item came from can say whether it changed.")

// verdictBy decides who may say whether it changed, for a signed-in
// reader: for an item in a round, a member of that round's group (the
// round's member role, and a place in its group through round.Service);
// for an item with no round, someone holding the member role in a user-led
// organisation concerned. Anyone else gets errNotInGroup.
func (s *Server) verdictBy(r *http.Request, it *ledger.Item) (ledger.VerdictBy, error) {
	p := principal(r)
	if it.RoundID != "" {
		if !auth.Can(p, auth.ActionRecordVerdict, roundObject(it.RoundID)) {
			return ledger.VerdictBy{}, errNotInGroup
		}
		m, err := s.store.MemberForUser(r.Context(), it.RoundID, p.User.ID)
		switch {
		case apperr.Code(err) == apperr.NotFound:
			return ledger.VerdictBy{}, errNotInGroup
		case err != nil:
			return ledger.VerdictBy{}, err
		}
		return ledger.VerdictBy{UserID: p.User.ID, MemberID: m.ID, Pseudonym: m.Pseudonym}, nil
	}
	for _, o := range it.Orgs {
		if o.UserLed && auth.Can(p, auth.ActionRecordVerdict, auth.Object{Type: auth.ScopeOrganisation, ID: o.ID}) {
			return ledger.VerdictBy{UserID: p.User.ID}, nil
		}
	}
	return ledger.VerdictBy{}, errNotInGroup
}

// verdictItem loads the item for a verdict; only the group may give one.
func (s *Server) verdictItem(r *http.Request) (*ledger.Item, ledger.VerdictBy, error) {
	it, err := s.staffItem(r)
	if err != nil {
		return nil, ledger.VerdictBy{}, err
	}
	by, err := s.verdictBy(r, it)
	return it, by, err
}

func (s *Server) ledgerVerdictForm(w http.ResponseWriter, r *http.Request) error {
	it, _, err := s.verdictItem(r)
	if err != nil {
		return err
	}
	d, err := s.respondData(r, it)
	if err != nil {
		return err
	}
	return ledgerVerdictPage.show(s, w, r, http.StatusOK, view{Title: "Did it change?"}, d)
}

func (s *Server) ledgerVerdict(w http.ResponseWriter, r *http.Request) error {
	it, by, err := s.verdictItem(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	n := verdictForm(r.PostForm)
	err = n.Validate()
	if err == nil {
		err = s.store.RecordVerdict(r.Context(), it.ID, n, by)
	}
	if err != nil {
		return s.respondProblem(w, r, err, it, ledgerVerdictPage, "Did it change?")
	}
	http.Redirect(w, r, "/board/items/"+it.ID+"?done=verdict-given", http.StatusSeeOther)
	return nil
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
