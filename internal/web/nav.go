package web

import (
	"net/http"
	"strings"

	"github.com/coprod/coprod/internal/auth"
)

// navLink is one link of a navigation: the main navigation, a round's tabs
// or a trail of breadcrumbs. Current is the aria-current value: "page" for
// the page itself, "true" for the section the page is in, "" otherwise.
type navLink struct {
	Label, Href string
	Current     string
	Count       int    // shown after the label when above zero (the number of tasks)
	Hint        string // what the section is for, on the home page
}

// section is one part of the main navigation: where it leads, whether the
// person may use it (asked of the policy from their role assignments, never
// by role name), and which addresses belong to it.
type section struct {
	label string
	hint  string
	href  func(p *auth.Principal) string
	uses  func(p *auth.Principal) bool
	holds func(path string) bool
}

func fixed(href string) func(*auth.Principal) string {
	return func(*auth.Principal) string { return href }
}

// under reports whether path is prefix or below it.
func under(prefix string) func(string) bool {
	return func(path string) bool { return path == prefix || strings.HasPrefix(path, prefix+"/") }
}

// roundArea reports whether path is in one of a round's areas:
// /rounds/{id}/<area>…
func roundArea(path string, areas ...string) bool {
	parts := strings.Split(strings.TrimPrefix(path, "/"), "/")
	if len(parts) < 3 || parts[0] != "rounds" {
		return false
	}
	for _, a := range areas {
		if parts[2] == a {
			return true
		}
	}
	return false
}

var contractAreas = []string{"measures", "specs", "contracts", "chain"}

// sections are the main navigation, in order.
var sections = []section{
	{"Your tasks", "", fixed("/"), (*auth.Principal).SignedIn, func(p string) bool { return p == "/" }},
	{"Rounds", "the commissioning rounds you take part in", fixed("/rounds"), usesRounds, func(p string) bool {
		return under("/rounds")(p) && !roundArea(p, "tenders") && !roundArea(p, contractAreas...)
	}},
	{"Tenders", "invitations to tender, bids, scoring and results", tendersHref, usesTenders, func(p string) bool { return under("/tenders")(p) || roundArea(p, "tenders") }},
	{"Contracts", "measures, service specifications and contracts: from the group's vision to payment", fixed("/contracts"), usesContracts, func(p string) bool { return under("/contracts")(p) || roundArea(p, contractAreas...) }},
	{"Ledger", "what is overdue, and what awaits evidence or a verdict", fixed("/ledger"), (*auth.Principal).ServesLedger, under("/ledger")},
	{"Board", "you said, we did: what was promised and whether it changed, in public", fixed("/board"), func(*auth.Principal) bool { return true }, under("/board")},
	{"Peer support", "ask for peer support from people who have been through it; referrals, supporters and safeguarding for those who run it", fixed("/peer"), func(*auth.Principal) bool { return true }, under("/peer")},
	{"Training", "training for providers' staff, delivered by people with lived experience", fixed("/training"), func(p *auth.Principal) bool { return auth.Can(p, auth.ActionViewTraining, auth.Object{}) }, under("/training")},
	{"Research", "research studies: conversations in support, measured and compared", fixed("/studies"), func(p *auth.Principal) bool { return auth.Can(p, auth.ActionListStudies, auth.Object{}) }, func(p string) bool { return under("/studies")(p) || under("/coding")(p) }},
	{"Letters", "check a letter or leaflet is easy to read", fixed("/readability"), func(p *auth.Principal) bool { return auth.Can(p, auth.ActionCheckReadability, auth.Object{}) }, under("/readability")},
	{"Admin", "people, organisations and the audit log", fixed("/admin"), func(p *auth.Principal) bool { return auth.Can(p, auth.ActionViewAdmin, auth.Object{}) }, under("/admin")},
}

// holdsScope reports whether the principal holds any role over a scope of
// the type, which the policy then decides actions on.
func holdsScope(p *auth.Principal, t auth.ScopeType) bool {
	if !p.SignedIn() {
		return false
	}
	for _, a := range p.Assignments {
		if a.ScopeType == t {
			return true
		}
	}
	return false
}

// usesRounds: the list of one's rounds, as the policy allows it.
func usesRounds(p *auth.Principal) bool { return auth.Can(p, auth.ActionListRounds, auth.Object{}) }

// usesTenders: bidders (the tenders open to them), and anyone who may see
// a round's tenders or sits on a tender's panel.
func usesTenders(p *auth.Principal) bool {
	return auth.Can(p, auth.ActionBid, auth.Object{}) || p.IsAdmin() || holdsScope(p, auth.ScopeRound) || holdsScope(p, auth.ScopeTender)
}

// tendersHref is "Your tenders", which links bidders on to the tenders
// open to them.
func tendersHref(*auth.Principal) string { return "/tenders/mine" }

// usesContracts: the contracts page (a provider's contracts and the
// measures of one's rounds) asks what the rounds list asks.
func usesContracts(p *auth.Principal) bool { return auth.Can(p, auth.ActionListRounds, auth.Object{}) }

// mainNav is the main navigation for the person asking, with the count of
// their tasks on "Your tasks". A visitor gets the public board only.
func (s *Server) mainNav(r *http.Request) []navLink {
	p := principal(r)
	var out []navLink
	for _, sec := range sections {
		if !sec.uses(p) {
			continue
		}
		l := navLink{Label: sec.label, Href: sec.href(p), Hint: sec.hint}
		switch {
		case r.URL.Path == l.Href:
			l.Current = "page"
		case sec.holds(r.URL.Path):
			l.Current = "true"
		}
		out = append(out, l)
	}
	if p.SignedIn() && len(out) > 0 {
		// A failure to count is no reason to fail the page: the tasks
		// page itself says what went wrong.
		if ts, err := s.store.Tasks(r.Context(), p.User.ID); err == nil {
			out[0].Count = len(ts)
		} else {
			s.log.Warn("counting tasks for the navigation", "err", err)
		}
	}
	return out
}

// roundTab is one tab of a round's navigation and the action that opens it.
type roundTab struct {
	label, path string // path below /rounds/{id}; "" for the overview
	action      auth.Action
	query       string // added to the address, for pages outside the round's own
}

// roundTabs cover every area of a round, in the order of its work.
var roundTabs = []roundTab{
	{"Overview", "", auth.ActionViewRound, ""},
	{"Group", "/members", auth.ActionViewGroupContent, ""},
	{"Invitations", "/invitations", auth.ActionManageInvitations, ""},
	{"Sessions", "/sessions", auth.ActionViewGroupContent, ""},
	{"Stories", "/stories", auth.ActionViewGroupContent, ""},
	{"What helps and harms", "/factors", auth.ActionViewGroupContent, ""},
	{"Services", "/services", auth.ActionViewRound, ""},
	{"Vision", "/vision", auth.ActionViewGroupContent, ""},
	{"Themes", "/themes", auth.ActionViewRound, ""},
	{"Decisions", "/decisions", auth.ActionViewDecisions, ""},
	{"Measures", "/measures", auth.ActionViewMeasures, ""},
	{"Specifications", "/specs", auth.ActionViewMeasures, ""},
	{"Contracts", "/contracts", auth.ActionViewMeasures, ""},
	{"Tenders", "/tenders", auth.ActionViewTenders, ""},
	{"Vision to payment", "/chain", auth.ActionViewMeasures, ""},
	{"You said, we did", "", auth.ActionViewBoard, "board"},
	{"What we found out", "/findings", auth.ActionViewFindings, ""},
	{"How to get support", "/pathway", auth.ActionViewGroupContent, ""},
	{"My information", "/mine", auth.ActionOwnInformation, ""},
}

// RoundTabs is the round's navigation for the reader: only the areas the
// policy lets them open, the current one marked ("page" on the area's own
// page, "true" below it). Templates call it as (.RoundTabs $roundID).
func (v view) RoundTabs(roundID string) []navLink {
	obj := auth.Object{Type: auth.ScopeRound, ID: roundID}
	base := "/rounds/" + roundID
	var out []navLink
	for _, t := range roundTabs {
		if !auth.Can(v.Principal, t.action, obj) {
			continue
		}
		l := navLink{Label: t.label, Href: base + t.path}
		if t.query == "board" {
			l.Href = "/board?round=" + roundID
		}
		switch {
		case v.Path == l.Href:
			l.Current = "page"
		case t.path != "" && strings.HasPrefix(v.Path, l.Href+"/"):
			l.Current = "true"
		}
		out = append(out, l)
	}
	return out
}

// navFor is what draw adds to every page: the main navigation, and on a
// page below an area's own page, its breadcrumbs. Error pages get no
// breadcrumbs: they would name what the reader may not see.
func (s *Server) navFor(r *http.Request, status int, title string) (nav, crumbs []navLink) {
	nav = s.mainNav(r)
	if status < 400 && r.Method == http.MethodGet {
		crumbs = s.breadcrumbs(r, title)
	}
	return nav, crumbs
}

// breadcrumbs is the trail from an area's list to the page: round, area,
// item (round > tender > bid, round > contract > report…), each a link only
// where the policy lets the reader open it, the page itself last. Pages an
// area's own navigation already places (an area's list, a round's overview)
// get none.
func (s *Server) breadcrumbs(r *http.Request, title string) []navLink {
	segs := strings.Split(strings.TrimPrefix(strings.TrimPrefix(r.Pattern, "GET "), "/"), "/")
	if len(segs) < 3 {
		return nil
	}
	p := principal(r)
	ctx := r.Context()
	var out []navLink
	add := func(label, href string, ok bool) {
		if ok && label != "" && href != r.URL.Path {
			out = append(out, navLink{Label: label, Href: href})
		}
	}
	roundCrumbs := func(roundID string) {
		rd, err := s.store.RoundByID(ctx, roundID)
		if err != nil {
			return
		}
		obj := auth.Object{Type: auth.ScopeRound, ID: roundID}
		add("Rounds", "/rounds", usesRounds(p))
		add(rd.Title, "/rounds/"+roundID, auth.Can(p, auth.ActionViewRound, obj))
	}
	switch segs[0] {
	case "rounds":
		if len(segs) < 4 {
			return nil // a round's area: its tabs place it
		}
		roundID := r.PathValue("id")
		roundCrumbs(roundID)
		for _, t := range roundTabs {
			if t.path == "/"+segs[2] {
				add(t.label, "/rounds/"+roundID+t.path, auth.Can(p, t.action, auth.Object{Type: auth.ScopeRound, ID: roundID}))
			}
		}
		if segs[2] == "specs" && len(segs) >= 5 {
			add("Specification", "/rounds/"+roundID+"/specs/"+r.PathValue("sid"), true)
		}
	case "tenders":
		t, err := s.store.TenderByID(ctx, r.PathValue("tid"))
		if err != nil {
			return nil
		}
		obj := auth.Object{Type: auth.ScopeRound, ID: t.RoundID}
		roundCrumbs(t.RoundID)
		switch {
		case auth.Can(p, auth.ActionViewTenders, obj):
			add("Tenders", "/rounds/"+t.RoundID+"/tenders", true)
		case usesTenders(p):
			add("Tenders", tendersHref(p), true)
		}
		add(t.Title, "/tenders/"+t.ID, true)
		if len(segs) >= 4 && (segs[2] == "score" || segs[2] == "bids") {
			add("Score bids", "/tenders/"+t.ID+"/score", auth.Can(p, auth.ActionEvaluate, auth.Object{Type: auth.ScopeTender, ID: t.ID}))
		}
	case "contracts":
		c, err := s.store.ContractByID(ctx, r.PathValue("cid"))
		if err != nil {
			return nil
		}
		obj := auth.Object{Type: auth.ScopeRound, ID: c.RoundID}
		if auth.Can(p, auth.ActionViewMeasures, obj) {
			roundCrumbs(c.RoundID)
			add("Contracts", "/rounds/"+c.RoundID+"/contracts", true)
		} else {
			add("Contracts", "/contracts", usesContracts(p))
		}
		add(c.Title, "/contracts/"+c.ID, true)
	case "ledger":
		add("Ledger", "/ledger", p.ServesLedger())
		if len(segs) >= 4 {
			add("The item", "/ledger/items/"+r.PathValue("id"), true)
		}
	case "studies":
		add("Research", "/studies", true)
		if len(segs) >= 4 {
			add("The study", "/studies/"+r.PathValue("study"), true)
		}
	case "coding":
		add("Coding projects", "/coding", true)
		if len(segs) >= 3 {
			add("The project", "/coding/"+r.PathValue("project"), true)
		}
	case "admin":
		add("Administration", "/admin", true)
		add(map[string]string{"users": "People", "organisations": "Organisations", "invitations": "Administration"}[segs[1]], "/admin/"+segs[1], segs[1] != "invitations")
	default:
		return nil
	}
	if len(out) == 0 {
		return nil
	}
	return append(out, navLink{Label: title, Href: r.URL.Path, Current: "page"})
}
