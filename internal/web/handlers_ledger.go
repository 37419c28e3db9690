package web

import (
	"errors"
	"net/http"
	"net/url"
	"sort"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
)

// The ledger's staff pages.
var (
	ledgerDashboardPage = page[dashboardData]{"ledger_dashboard"}
	ledgerNewPage       = page[ledgerNewData]{"ledger_new"}
	ledgerItemPage      = page[ledgerItemData]{"ledger_item"}
)

// staffItem loads the item in the path as staff see it, for a signed-in
// reader; what they may do with it is the caller's to ask.
func (s *Server) staffItem(r *http.Request) (*ledger.Item, error) {
	if !principal(r).SignedIn() {
		return nil, errSignIn
	}
	return s.store.LedgerItem(r.Context(), r.PathValue("id"), ledger.Staff)
}

// itemFor loads the item in the path for staff allowed action on it.
func (s *Server) itemFor(r *http.Request, action auth.Action) (*ledger.Item, error) {
	it, err := s.staffItem(r)
	if err != nil {
		return nil, err
	}
	if !s.canOnItem(r, action, it) {
		return nil, errForbidden
	}
	return it, nil
}

// ledgerScope is what a person may record voice for: rounds (with the
// members of each group, by group name only) and organisations.
type ledgerScope struct {
	Rounds  []round.Round
	Members []memberChoice
	Orgs    []auth.Organisation
}

type memberChoice struct {
	ID, Label string
}

func (s *Server) recordScope(r *http.Request) (ledgerScope, error) {
	ctx, p := r.Context(), principal(r)
	var sc ledgerScope
	rounds, _, err := s.store.ListRounds(ctx, round.Query{UserID: p.User.ID, All: p.IsAdmin(), Limit: 200})
	if err != nil {
		return sc, err
	}
	orgs := map[string]auth.Organisation{}
	for _, rd := range rounds {
		if !auth.Can(p, auth.ActionRecordVoice, roundObject(rd.ID)) {
			continue
		}
		sc.Rounds = append(sc.Rounds, rd)
		orgs[rd.OrgID] = auth.Organisation{ID: rd.OrgID, Name: rd.OrgName}
		ms, err := s.store.RoundMembers(ctx, rd.ID, round.Group)
		if err != nil {
			return sc, err
		}
		for _, m := range ms {
			sc.Members = append(sc.Members, memberChoice{m.ID, m.Pseudonym + " (" + rd.Title + ")"})
		}
	}
	all, err := s.libraryOrgs(r)
	if err != nil {
		return sc, err
	}
	for _, o := range all {
		orgs[o.ID] = o
	}
	for _, o := range orgs {
		sc.Orgs = append(sc.Orgs, o)
	}
	sort.Slice(sc.Orgs, func(i, j int) bool { return sc.Orgs[i].Name < sc.Orgs[j].Name })
	return sc, nil
}

// mayRecord applies the rule for recording voice: permission over the
// round when there is one, otherwise over every organisation named.
func mayRecord(p *auth.Principal, roundID string, orgIDs []string) bool {
	if roundID != "" {
		return auth.Can(p, auth.ActionRecordVoice, roundObject(roundID))
	}
	for _, id := range orgIDs {
		if !auth.Can(p, auth.ActionRecordVoice, auth.Object{Type: auth.ScopeOrganisation, ID: id}) {
			return false
		}
	}
	return len(orgIDs) > 0
}

type ledgerNewData struct {
	Scope         ledgerScope
	SourceOptions []round.Option
	OrgOptions    []round.Option
}

func (s *Server) ledgerNewData(r *http.Request) (ledgerNewData, error) {
	sc, err := s.recordScope(r)
	if err != nil {
		return ledgerNewData{}, err
	}
	d := ledgerNewData{Scope: sc}
	for _, src := range ledger.Sources {
		d.SourceOptions = append(d.SourceOptions, round.Option{Key: string(src), Label: src.Label()})
	}
	for _, o := range sc.Orgs {
		d.OrgOptions = append(d.OrgOptions, round.Option{Key: o.ID, Label: o.Name})
	}
	return d, nil
}

func (s *Server) ledgerNewForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewDashboard, auth.Object{}); err != nil {
		return err
	}
	d, err := s.ledgerNewData(r)
	if err != nil {
		return err
	}
	form := url.Values{"source": {string(ledger.SourceSession)}, "said_on": {ledger.Today(s.cfg.Now())}}
	return ledgerNewPage.show(s, w, r, http.StatusOK, view{Title: "Record what was said", Form: form}, d)
}

func (s *Server) ledgerCreate(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewDashboard, auth.Object{}); err != nil {
		return err
	}
	_ = r.ParseForm()
	n := newItemForm(r.PostForm, ledger.Today(s.cfg.Now()))
	err := n.Validate()
	if err == nil && !mayRecord(principal(r), n.RoundID, n.OrgIDs) {
		err = apperr.Fields([]apperr.FieldError{{Field: "org_ids", Message: "You can record voice only for your own organisations and rounds"}})
	}
	var it *ledger.Item
	if err == nil {
		it, err = s.store.CreateItem(r.Context(), n)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			d, err := s.ledgerNewData(r)
			if err != nil {
				return err
			}
			return ledgerNewPage.show(s, w, r, status, view{Title: "Record what was said", Errors: errs, Form: r.PostForm}, d)
		})
	}
	http.Redirect(w, r, "/ledger/items/"+it.ID+"?done=voice-recorded", http.StatusSeeOther)
	return nil
}

type ledgerItemData struct {
	Item       flaggedItem
	CanRespond bool
	CanRecord  bool
	CanVerdict bool
}

// ledgerItem is an item's management page: everything the public sees,
// the owner's name, and the forms the reader may use.
func (s *Server) ledgerItem(w http.ResponseWriter, r *http.Request) error {
	it, err := s.itemFor(r, auth.ActionViewLedger)
	if err != nil {
		return err
	}
	_, err = s.verdictBy(r, it)
	if err != nil && !errors.Is(err, errNotInGroup) {
		return err
	}
	d := ledgerItemData{Item: s.flagged([]ledger.Item{*it})[0], CanRespond: s.canOnItem(r, auth.ActionRespond, it),
		CanRecord: mayRecord(principal(r), it.RoundID, orgIDs(it)), CanVerdict: err == nil}
	if d.Item.ContractHref = contractHref(r, it.Commitment); d.Item.ContractHref != "" {
		d.Item.ContractTitle = it.Commitment.ContractTitle
	}
	s.itemPicture(r, &d.Item)
	return ledgerItemPage.show(s, w, r, http.StatusOK, view{Title: "Voice item"}, d)
}

func orgIDs(it *ledger.Item) []string {
	var out []string
	for _, o := range it.Orgs {
		out = append(out, o.ID)
	}
	return out
}

func (s *Server) ledgerWithdraw(w http.ResponseWriter, r *http.Request) error {
	it, err := s.itemFor(r, auth.ActionViewLedger)
	if err != nil {
		return err
	}
	if !mayRecord(principal(r), it.RoundID, orgIDs(it)) {
		return errForbidden
	}
	if err := s.store.WithdrawItem(r.Context(), it.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/ledger/items/"+it.ID+"?done=voice-withdrawn", http.StatusSeeOther)
	return nil
}

type dashboardSection struct {
	Section ledger.Section
	Items   []flaggedItem
	Next    url.Values
}

type dashboardData struct {
	Sections []dashboardSection
	All      bool
}

// ledgerDashboard is the commissioner's view: what is overdue, what awaits
// evidence and what awaits the group's verdict, for the organisations and
// rounds they serve. Each list pages on its own (?section=…&after=…).
func (s *Server) ledgerDashboard(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewDashboard, auth.Object{}); err != nil {
		return err
	}
	p, q := principal(r), r.URL.Query()
	dq := ledger.DashboardQuery{All: p.IsAdmin(), Limit: 20}
	for _, a := range p.Assignments {
		if a.Role != auth.RoleCommissioner && a.Role != auth.RoleFacilitator {
			continue
		}
		switch a.ScopeType {
		case auth.ScopeOrganisation:
			dq.OrgIDs = append(dq.OrgIDs, a.ScopeID)
		case auth.ScopeRound:
			dq.RoundIDs = append(dq.RoundIDs, a.ScopeID)
		}
	}
	d := dashboardData{All: dq.All}
	for _, sec := range ledger.Sections {
		dq.Section, dq.After = sec, ""
		if q.Get("section") == string(sec) {
			dq.After = q.Get("after")
		}
		page, err := s.store.Dashboard(r.Context(), dq)
		if err != nil {
			return err
		}
		ds := dashboardSection{Section: sec, Items: s.flagged(page.Items)}
		if page.Next != "" {
			ds.Next = url.Values{"section": {string(sec)}, "after": {page.Next}}
		}
		d.Sections = append(d.Sections, ds)
	}
	return ledgerDashboardPage.show(s, w, r, http.StatusOK, view{Title: "Ledger: what needs doing"}, d)
}
