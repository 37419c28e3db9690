package web

import (
	"net/http"
	"net/url"
	"sort"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
)

// loadItem loads the item in the path for staff and checks action on it;
// on false the response has been written.
func (s *Server) loadItem(w http.ResponseWriter, r *http.Request, action auth.Action) (*ledger.Item, bool) {
	p := principal(r)
	if !p.SignedIn() {
		http.Redirect(w, r, "/login?next="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return nil, false
	}
	it, err := s.store.LedgerItem(r.Context(), r.PathValue("id"), ledger.Staff)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	if !s.canOnItem(r, action, it) {
		s.forbidden(w, r)
		return nil, false
	}
	return it, true
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

func (s *Server) recordScope(r *http.Request) (*ledgerScope, error) {
	ctx, p := r.Context(), principal(r)
	sc := &ledgerScope{}
	rounds, _, err := s.store.ListRounds(ctx, round.Query{UserID: p.User.ID, All: p.IsAdmin(), Limit: 200})
	if err != nil {
		return nil, err
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
			return nil, err
		}
		for _, m := range ms {
			sc.Members = append(sc.Members, memberChoice{m.ID, m.Pseudonym + " (" + rd.Title + ")"})
		}
	}
	all, err := s.libraryOrgs(r)
	if err != nil {
		return nil, err
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
	Scope         *ledgerScope
	SourceOptions []round.Option
	OrgOptions    []round.Option
}

func (s *Server) ledgerNewData(r *http.Request) (*ledgerNewData, error) {
	sc, err := s.recordScope(r)
	if err != nil {
		return nil, err
	}
	d := &ledgerNewData{Scope: sc}
	for _, src := range ledger.Sources {
		d.SourceOptions = append(d.SourceOptions, round.Option{Key: string(src), Label: src.Label()})
	}
	for _, o := range sc.Orgs {
		d.OrgOptions = append(d.OrgOptions, round.Option{Key: o.ID, Label: o.Name})
	}
	return d, nil
}

func (s *Server) ledgerNewForm(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionViewDashboard, auth.Object{}) {
		return
	}
	d, err := s.ledgerNewData(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	form := url.Values{"source": {string(ledger.SourceSession)}, "said_on": {ledger.Today(s.cfg.Now())}}
	s.render(w, r, http.StatusOK, "ledger_new", view{Title: "Record what was said", Form: form, Data: d})
}

func (s *Server) ledgerCreate(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionViewDashboard, auth.Object{}) {
		return
	}
	_ = r.ParseForm()
	f := r.PostForm
	n := ledger.NewItem{Said: f.Get("said"), EasyRead: f.Get("easy_read"), Source: ledger.Source(f.Get("source")), SaidOn: f.Get("said_on"),
		RoundID: f.Get("round_id"), MemberID: f.Get("member_id"), OrgIDs: f["org_ids"], Themes: ledger.SplitThemes(f.Get("themes")),
		Today: ledger.Today(s.cfg.Now())}
	err := n.Validate()
	if err == nil && !mayRecord(principal(r), n.RoundID, n.OrgIDs) {
		err = apperr.Fields([]apperr.FieldError{{Field: "org_ids", Message: "You can record voice only for your own organisations and rounds"}})
	}
	var it *ledger.Item
	if err == nil {
		it, err = s.store.CreateItem(r.Context(), n)
	}
	if err != nil {
		s.formError(w, r, err, "ledger_new", "Record what was said", func() any { d, _ := s.ledgerNewData(r); return d })
		return
	}
	http.Redirect(w, r, "/ledger/items/"+it.ID+"?done=voice-recorded", http.StatusSeeOther)
}

type ledgerItemData struct {
	Item       flaggedItem
	CanRespond bool
	CanRecord  bool
	CanVerdict bool
}

// ledgerItem is an item's management page: everything the public sees,
// the owner's name, and the forms the reader may use.
func (s *Server) ledgerItem(w http.ResponseWriter, r *http.Request) {
	it, ok := s.loadItem(w, r, auth.ActionViewLedger)
	if !ok {
		return
	}
	_, canVerdict := s.verdictBy(r, it)
	d := ledgerItemData{Item: s.flagged([]ledger.Item{*it})[0], CanRespond: s.canOnItem(r, auth.ActionRespond, it),
		CanRecord: mayRecord(principal(r), it.RoundID, orgIDs(it)), CanVerdict: canVerdict}
	if d.Item.ContractHref = contractHref(r, it.Commitment); d.Item.ContractHref != "" {
		d.Item.ContractTitle = it.Commitment.ContractTitle
	}
	s.render(w, r, http.StatusOK, "ledger_item", view{Title: "Voice item", Data: d})
}

func orgIDs(it *ledger.Item) []string {
	var out []string
	for _, o := range it.Orgs {
		out = append(out, o.ID)
	}
	return out
}

func (s *Server) ledgerWithdraw(w http.ResponseWriter, r *http.Request) {
	it, ok := s.loadItem(w, r, auth.ActionViewLedger)
	if !ok {
		return
	}
	if !mayRecord(principal(r), it.RoundID, orgIDs(it)) {
		s.forbidden(w, r)
		return
	}
	if err := s.store.WithdrawItem(r.Context(), it.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/ledger/items/"+it.ID+"?done=voice-withdrawn", http.StatusSeeOther)
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
func (s *Server) ledgerDashboard(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r, auth.ActionViewDashboard, auth.Object{}) {
		return
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
			s.fail(w, r, err)
			return
		}
		ds := dashboardSection{Section: sec, Items: s.flagged(page.Items)}
		if page.Next != "" {
			ds.Next = url.Values{"section": {string(sec)}, "after": {page.Next}}
		}
		d.Sections = append(d.Sections, ds)
	}
	s.render(w, r, http.StatusOK, "ledger_dashboard", view{Title: "Ledger: what needs doing", Data: d})
}
