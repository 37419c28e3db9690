package web

import (
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/ledger"
	"github.com/coprod/coprod/internal/round"
)

// flaggedItem is an item with the flags that apply today.
type flaggedItem struct {
	ledger.Item
	Flags []ledger.Flag
	// ContractHref links the commitment's indicator to its contract, on
	// an item's page, for a reader allowed to see the contract.
	ContractHref  string
	ContractTitle string
	// Picture is the key of the picture chosen for the item, on the
	// item's own pages.
	Picture string
}

func (s *Server) flagged(items []ledger.Item) []flaggedItem {
	today := s.cfg.Now()
	out := make([]flaggedItem, len(items))
	for i, it := range items {
		out[i] = flaggedItem{Item: it, Flags: ledger.FlagsOn(itemFacts(&it), today)}
	}
	return out
}

func itemFacts(it *ledger.Item) ledger.Facts {
	f := ledger.Facts{Status: it.Status, DoneOn: it.DoneOn, EvidenceCount: it.EvidenceCount, VerdictCount: it.VerdictCount}
	if it.Commitment != nil {
		f.DueOn, f.Commitment = it.Commitment.DueOn, it.Commitment.What
	}
	return f
}

// boardQuery reads the board's filters from the address.
func boardQuery(q url.Values) ledger.Query {
	return ledger.Query{Theme: q.Get("theme"), OrgID: q.Get("org"), RoundID: q.Get("round"),
		Status: ledger.Status(q.Get("status")), Flag: ledger.Flag(q.Get("flag")), After: q.Get("after")}
}

// boardNext is the address query of the next page: the same filters.
func boardNext(q url.Values, next string) url.Values {
	if next == "" {
		return nil
	}
	v := url.Values{}
	for _, k := range boardFilters {
		if x := q.Get(k); x != "" {
			v.Set(k, x)
		}
	}
	v.Set("after", next)
	return v
}

type boardData struct {
	Stats         ledger.Stats
	Orgs, Rounds  []ledger.ScopeStats
	Themes        []string
	StatusOptions []round.Option
	FlagOptions   []round.Option
	Items         []flaggedItem
	Cards         []boardCard // the items as the list shows them (board_cards.go)
	Filters       url.Values  // the filters in force, for the export links
	Next          url.Values
	First         bool
	Filtered      bool
	Flags         []ledger.Flag
	Words         []ledger.VagueWord
	Checkpoints   bool // the operator signs checkpoints of the audit log (/board/checkpoint.json)
}

func statusOptions() []round.Option {
	var out []round.Option
	for _, s := range ledger.Statuses {
		out = append(out, round.Option{Key: string(s), Label: s.Label()})
	}
	return out
}

func flagOptions() []round.Option {
	var out []round.Option
	for _, f := range ledger.AllFlags {
		out = append(out, round.Option{Key: string(f), Label: f.Label()})
	}
	return out
}

// The public board's pages.
var (
	boardListPage     = page[boardData]{"board_list"}
	boardItemPage     = page[*boardItemData]{"board_item"}
	boardEasyReadPage = page[*boardItemData]{"board_easy_read"}
)

// board is the public board: figures, filters and a page of items.
func (s *Server) board(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewBoard, auth.Object{}); err != nil {
		return err
	}
	return s.cachedBoard(w, r, boardListView, s.boardList)
}

func (s *Server) boardList(w http.ResponseWriter, r *http.Request) error {
	ctx, q := r.Context(), r.URL.Query()
	bq := boardQuery(q)
	bq.Limit = boardPageSize
	page, err := s.store.BoardItems(ctx, bq)
	if err != nil {
		return err
	}
	d := boardData{StatusOptions: statusOptions(), FlagOptions: flagOptions(), Items: s.flagged(page.Items),
		Next: boardNext(q, page.Next), First: bq.After == "", Flags: ledger.AllFlags, Words: ledger.VagueWords,
		Checkpoints: s.store.AuditKeyed()}
	if d.Stats, d.Orgs, d.Rounds, err = s.store.BoardStats(ctx); err == nil {
		d.Themes, err = s.store.BoardThemes(ctx)
	}
	if err != nil {
		return err
	}
	d.Filters = boardNext(q, "-")
	d.Filters.Del("after")
	d.Filtered = len(d.Filters) > 0
	d.Cards = boardCards(d.Items)
	return boardListPage.show(s, w, r, http.StatusOK, view{Title: "You said, we did: did it change?", Form: q}, d)
}

type boardItemData struct {
	Item  flaggedItem
	Staff bool // the reader may open the item's management page
}

// publicItem loads an item as the public sees it.
func (s *Server) publicItem(r *http.Request) (*boardItemData, error) {
	it, err := s.store.LedgerItem(r.Context(), r.PathValue("id"), ledger.Public)
	if err != nil {
		if apperr.Code(err) == apperr.NotFound {
			err = apperr.Errorf(apperr.NotFound, "There is no item at this address. It may have been taken down because the person who said it withdrew their consent.")
		}
		return nil, err
	}
	d := &boardItemData{Item: s.flagged([]ledger.Item{*it})[0], Staff: s.canOnItem(r, auth.ActionViewLedger, it)}
	s.itemPicture(r, &d.Item)
	// The public copy has no contract; a reader allowed to see the
	// contract gets the link from the full item.
	if it.Commitment != nil && it.Commitment.Indicator != "" && principal(r).SignedIn() {
		if full, err := s.store.LedgerItem(r.Context(), it.ID, ledger.Staff); err == nil {
			if d.Item.ContractHref = contractHref(r, full.Commitment); d.Item.ContractHref != "" {
				d.Item.ContractTitle = full.Commitment.ContractTitle
			}
		}
	}
	return d, nil
}

func (s *Server) boardItem(w http.ResponseWriter, r *http.Request) error {
	return s.showBoardItem(w, r, boardItemPage, "What was said and what was done")
}

func (s *Server) boardItemEasyRead(w http.ResponseWriter, r *http.Request) error {
	return s.showBoardItem(w, r, boardEasyReadPage, "Easy Read: what was said and what was done")
}

// showBoardItem draws one item of the board, as page p.
func (s *Server) showBoardItem(w http.ResponseWriter, r *http.Request, p page[*boardItemData], title string) error {
	if err := allow(r, auth.ActionViewBoard, auth.Object{}); err != nil {
		return err
	}
	return s.cachedBoard(w, r, boardItemView, func(w http.ResponseWriter, r *http.Request) error {
		d, err := s.publicItem(r)
		if err != nil {
			return err
		}
		return p.show(s, w, r, http.StatusOK, view{Title: title}, d)
	})
}

// canOnItem asks the policy about an item: allowed if allowed over its
// round or any of its organisations.
func (s *Server) canOnItem(r *http.Request, action auth.Action, it *ledger.Item) bool {
	p := principal(r)
	if it.RoundID != "" && auth.Can(p, action, roundObject(it.RoundID)) {
		return true
	}
	for _, o := range it.Orgs {
		if auth.Can(p, action, auth.Object{Type: auth.ScopeOrganisation, ID: o.ID}) {
			return true
		}
	}
	return false
}
