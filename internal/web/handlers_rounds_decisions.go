package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/pictures"
	"github.com/coprod/coprod/internal/round"
)

// The group's decisions: proposals put to the lived experience group, the
// members' responses, and carrying out what passed.
var (
	roundDecisionsPage   = page[roundPage[decisionsData]]{"round_decisions"}
	roundDecisionPage    = page[roundPage[decisionData]]{"round_decision"}
	roundDecisionNewPage = page[roundPage[decisionNewData]]{"round_decision_new"}
)

// ukWhen is a moment in words in UK time: "Thursday 10 June 2027 at 6:30pm".
func ukWhen(t time.Time) string { return t.In(round.London).Format("Monday 2 January 2006 at 3:04pm") }

// decisionRow is one proposal in the list.
type decisionRow struct {
	round.Proposal
	Href          string
	Now           round.ProposalState // where it is at the time of reading
	Opens, Closes string              // in words, UK time
	Tally         round.Outcome
	Explanation   string // why it passed or not, once counted
	Waiting       bool   // the reader is a member who has not responded yet
}

// decisionsData groups the round's proposals by where they are.
type decisionsData struct {
	Open, Upcoming, Passed, NotPassed, Withdrawn []decisionRow
	CanPropose                                   bool
}

// countClosed counts every proposal of the round whose closing time has
// passed, so nobody reads a decision as still open once it has closed.
func (s *Server) countClosed(r *http.Request, roundID string) error {
	due, err := s.store.Proposals(r.Context(), roundID, round.StateToCount)
	if err != nil {
		return err
	}
	for _, p := range due {
		// Another reader may have counted it a moment ago: that is fine.
		if _, err := s.store.CloseProposal(r.Context(), roundID, p.ID); err != nil && apperr.Code(err) != apperr.Conflict {
			return err
		}
	}
	return nil
}

// decisionRows lists the round's proposals with their counts; open ones
// carry the count so far and whether the reader (acting as member) has
// responded.
func (s *Server) decisionRows(r *http.Request, rd *round.Round, a round.Audience) ([]decisionRow, error) {
	if err := s.countClosed(r, rd.ID); err != nil {
		return nil, err
	}
	ps, err := s.store.Proposals(r.Context(), rd.ID)
	if err != nil {
		return nil, err
	}
	_, easyRead := s.displayFor(r)
	out := make([]decisionRow, 0, len(ps))
	for _, p := range ps {
		row := decisionRow{Proposal: p, Href: "/rounds/" + rd.ID + "/decisions/" + p.ID, Now: p.State(s.cfg.Now()),
			Opens: ukWhen(p.OpensAt), Closes: ukWhen(p.ClosesAt)}
		switch {
		case p.Outcome != nil:
			row.Tally, row.Explanation = *p.Outcome, outcomeWords(easyRead, *p.Outcome)
		case p.Status == round.StatusOpen:
			d, err := s.store.ProposalByID(r.Context(), rd.ID, p.ID, a)
			if err != nil {
				return nil, err
			}
			row.Tally = d.Tally
			row.Waiting = a.Self != "" && row.Now == round.StateOpen && myResponse(d, a.Self) == nil
		}
		out = append(out, row)
	}
	return out, nil
}

// outcomeWords says why a proposal passed or did not, in Easy Read for a
// reader who reads Easy Read.
func outcomeWords(easyRead bool, o round.Outcome) string {
	if easyRead {
		return o.EasyRead()
	}
	return o.Explanation()
}

// myResponse is the member's current response, if any.
func myResponse(d *round.ProposalDetail, memberID string) *round.Response {
	for i := range d.Responses {
		if d.Responses[i].MemberID == memberID {
			return &d.Responses[i]
		}
	}
	return nil
}

func (s *Server) decisionList(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionViewDecisions)
	if err != nil {
		return err
	}
	p, err := newRoundPage[decisionsData](s, r, rd)
	if err != nil {
		return err
	}
	rows, err := s.decisionRows(r, rd, p.Audience)
	if err != nil {
		return err
	}
	d := &p.Page
	for _, row := range rows {
		switch row.Now {
		case round.StateOpen:
			d.Open = append(d.Open, row)
		case round.StateUpcoming:
			d.Upcoming = append(d.Upcoming, row)
		case round.StatePassed:
			d.Passed = append(d.Passed, row)
		case round.StateNotPassed:
			d.NotPassed = append(d.NotPassed, row)
		case round.StateWithdrawn:
			d.Withdrawn = append(d.Withdrawn, row)
		}
	}
	d.CanPropose = can(r, auth.ActionPropose, rd.ID) && rd.Published() && !rd.Closed()
	return roundDecisionsPage.show(s, w, r, http.StatusOK, view{Title: "The group's decisions"}, p)
}

// decisionNewData is what the new proposal form offers: the kinds, and
// for each the subjects of this round that can still be decided, as
// choices (value and label).
type decisionNewData struct {
	Kinds, Measures, Versions, Tenders, Outcomes []round.Option
	// WritesEasyRead: the proposer writes its Easy Read version too; a
	// member is not asked to (the facilitator writes it later).
	WritesEasyRead bool
}

func (s *Server) decisionNewData(r *http.Request, rd *round.Round) (decisionNewData, error) {
	ctx := r.Context()
	d := decisionNewData{WritesEasyRead: can(r, auth.ActionWriteEasyRead, rd.ID)}
	for _, k := range round.ProposalKinds {
		d.Kinds = append(d.Kinds, round.Option{Key: string(k), Label: k.Label()})
	}
	ms, _, err := s.store.Measures(ctx, rd.ID, "", 200)
	if err != nil {
		return d, err
	}
	for _, m := range ms {
		if m.SignOff == nil {
			d.Measures = append(d.Measures, round.Option{Key: m.ID, Label: m.Title})
		}
	}
	specs, err := s.store.Specifications(ctx, rd.ID)
	if err != nil {
		return d, err
	}
	for _, sp := range specs {
		for _, v := range sp.Versions {
			if v.SignOff == nil {
				n := strconv.Itoa(v.Number)
				d.Versions = append(d.Versions, round.Option{Key: sp.ID + ":" + n, Label: sp.Title + ", version " + n})
			}
		}
	}
	ts, _, err := s.store.ListTenders(ctx, rd.ID, "", 100)
	if err != nil {
		return d, err
	}
	for _, t := range ts {
		if !t.Published() {
			d.Tenders = append(d.Tenders, round.Option{Key: t.ID, Label: t.Title})
		}
	}
	outcomes, err := s.store.ImpactOutcomes(ctx, rd.ID)
	for _, o := range outcomes {
		d.Outcomes = append(d.Outcomes, round.Option{Key: o.Key(), Label: o.Kind.Label() + ": " + o.Name})
	}
	return d, err
}

// proposable loads the round for proposing: only once published (before
// that the commissioner sets things alone) and while it is open.
func (s *Server) proposable(r *http.Request) (*round.Round, error) {
	rd, err := s.roundFor(r, auth.ActionPropose)
	if err != nil {
		return nil, err
	}
	if !rd.Published() || rd.Closed() {
		return nil, apperr.Errorf(apperr.Conflict, "The group decides while the round is published and open. "+
			"Before it is published the commissioner sets the stake and the decision rule directly.")
	}
	return rd, nil
}

func (s *Server) decisionNewForm(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.proposable(r)
	if err != nil {
		return err
	}
	d, err := s.decisionNewData(r, rd)
	if err != nil {
		return err
	}
	p, err := newRoundPage[decisionNewData](s, r, rd)
	if err != nil {
		return err
	}
	p.Page = d
	return roundDecisionNewPage.show(s, w, r, http.StatusOK, view{Title: "Put a proposal to the group", Form: proposalStartForm(r.URL.Query(), s.cfg.Now())}, p)
}

func (s *Server) decisionCreate(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.proposable(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	n := newProposalForm(r.PostForm, principal(r).User.ID)
	if !can(r, auth.ActionWriteEasyRead, rd.ID) {
		n.EasyRead = "" // the form did not ask for it
	}
	pr, err := s.store.CreateProposal(r.Context(), rd.ID, n)
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			d, err := s.decisionNewData(r, rd)
			if err != nil {
				return err
			}
			return showInRound(s, w, r, roundDecisionNewPage, status, view{Title: "Put a proposal to the group", Errors: errs}, rd, d)
		})
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/decisions/"+pr.ID+"?done=proposal-started", http.StatusSeeOther)
	return nil
}

// decisionData is one proposal as the reader may see it.
type decisionData struct {
	round.ProposalDetail
	State         round.ProposalState
	Opens, Closes string
	Explanation   string
	// Mine is the reader's own current response, when they are a member.
	Mine     *round.Response
	Resolved map[string]bool       // members whose current block is resolved
	Outcomes []round.LinkedOutcome // what an impact statement links, by name
	// What the reader may do with it now.
	CanRespond, CanHelp, CanWithdraw, CanCarryOut bool
	// Picture is the picture a facilitator chose for it (Easy Read), if any;
	// CanChoosePicture says the reader may choose it.
	Picture          string
	CanChoosePicture bool
	// CanWriteEasyRead: the reader may write or change its Easy Read
	// version now.
	CanWriteEasyRead bool
}

func (s *Server) decisionShow(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionViewDecisions)
	if err != nil {
		return err
	}
	return s.showDecision(w, r, rd, http.StatusOK, view{Title: "Proposal"})
}

// showDecision draws a proposal, counting it first if its time is up; v
// carries a form's problems when one of its forms is re-displayed.
func (s *Server) showDecision(w http.ResponseWriter, r *http.Request, rd *round.Round, status int, v view) error {
	ctx, pid := r.Context(), r.PathValue("pid")
	pg, err := newRoundPage[decisionData](s, r, rd)
	if err != nil {
		return err
	}
	pr, err := s.store.ProposalByID(ctx, rd.ID, pid, pg.Audience)
	if err != nil {
		return err
	}
	if pr.State(s.cfg.Now()) == round.StateToCount {
		if _, err := s.store.CloseProposal(ctx, rd.ID, pid); err != nil && apperr.Code(err) != apperr.Conflict {
			return err
		}
		if pr, err = s.store.ProposalByID(ctx, rd.ID, pid, pg.Audience); err != nil {
			return err
		}
	}
	state := pr.State(s.cfg.Now())
	d := decisionData{ProposalDetail: *pr, State: state, Opens: ukWhen(pr.OpensAt), Closes: ukWhen(pr.ClosesAt),
		Resolved: round.ResolvedBlocks(pr.Responses, pr.Resolutions)}
	if pr.Outcome != nil {
		_, easyRead := s.displayFor(r)
		d.Explanation = outcomeWords(easyRead, *pr.Outcome)
	}
	if pg.Acting != "" {
		d.Mine = myResponse(pr, pg.Acting)
	}
	if len(pr.Subject.Outcomes) > 0 {
		if d.Outcomes, err = s.linkedOutcomes(r, rd.ID, pr.Subject.Outcomes); err != nil {
			return err
		}
	}
	open := state == round.StateOpen
	d.CanRespond = open && pg.Acting != "" && can(r, auth.ActionRespondToProposal, rd.ID)
	d.CanHelp = open && can(r, auth.ActionHelpDecide, rd.ID)
	d.CanWithdraw = (open || state == round.StateUpcoming) && pr.ProposedBy == principal(r).User.ID && can(r, auth.ActionWithdrawProposal, rd.ID)
	d.CanCarryOut = state == round.StatePassed && pr.CarriedOutAt == nil && carriedOutHere(pr.Kind) && can(r, auth.ActionCarryOut, rd.ID)
	d.Picture, d.CanChoosePicture = s.chosenPictures(r, pictures.KindProposal, []string{pr.ID})[pr.ID], can(r, auth.ActionRunGroup, rd.ID)
	d.CanWriteEasyRead = round.EasyReadChangeable(state) == "" && can(r, auth.ActionWriteEasyRead, rd.ID)
	pg.Page = d
	if v.Form == nil {
		v.Form = formValues(r)
		if d.Mine != nil {
			v.Form = url.Values{"answer": {string(d.Mine.Answer)}}
		}
	}
	v.Title = pr.Title
	return roundDecisionPage.show(s, w, r, status, v, pg)
}

// carriedOutHere says whether the proposal page offers "Carry out" for a
// kind: not for a tender agreement (publishing the tender carries it out)
// nor a general question (nothing to change).
func carriedOutHere(k round.ProposalKind) bool {
	return k != round.KindAgreeTender && k != round.KindQuestion
}

// linkedOutcomes names the outcomes an impact statement links; one no
// longer among the round's real outcomes keeps its kind with no name.
func (s *Server) linkedOutcomes(r *http.Request, roundID string, refs []round.OutcomeRef) ([]round.LinkedOutcome, error) {
	real, err := s.store.ImpactOutcomes(r.Context(), roundID)
	if err != nil {
		return nil, err
	}
	names := map[round.OutcomeRef]string{}
	for _, o := range real {
		names[o.OutcomeRef] = o.Name
	}
	out := make([]round.LinkedOutcome, 0, len(refs))
	for _, ref := range refs {
		out = append(out, round.LinkedOutcome{OutcomeRef: ref, Name: names[ref]})
	}
	return out, nil
}

// decisionAct runs one of a proposal's forms: on field problems the
// proposal page is drawn again with them; otherwise to the proposal with
// the confirmation done.
func (s *Server) decisionAct(w http.ResponseWriter, r *http.Request, action auth.Action, done string, act func(rd *round.Round, pid string) error) error {
	rd, err := s.roundFor(r, action)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	pid := r.PathValue("pid")
	if err := act(rd, pid); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showDecision(w, r, rd, status, view{Errors: errs, Form: r.PostForm})
		})
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/decisions/"+pid+"?done="+done, http.StatusSeeOther)
	return nil
}

func (s *Server) decisionRespond(w http.ResponseWriter, r *http.Request) error {
	return s.decisionAct(w, r, auth.ActionRespondToProposal, "response-saved", func(rd *round.Round, pid string) error {
		return s.store.Respond(r.Context(), rd.ID, pid, principal(r).User.ID, responseForm(r.PostForm))
	})
}

func (s *Server) decisionInPerson(w http.ResponseWriter, r *http.Request) error {
	return s.decisionAct(w, r, auth.ActionHelpDecide, "response-recorded", func(rd *round.Round, pid string) error {
		return s.store.RecordInPerson(r.Context(), rd.ID, pid, r.PostForm.Get("member_id"), responseForm(r.PostForm))
	})
}

func (s *Server) decisionResolve(w http.ResponseWriter, r *http.Request) error {
	return s.decisionAct(w, r, auth.ActionHelpDecide, "block-resolved", func(rd *round.Round, pid string) error {
		return s.store.ResolveBlock(r.Context(), rd.ID, pid, r.PostForm.Get("member_id"), r.PostForm.Get("resolution"))
	})
}

func (s *Server) decisionWithdraw(w http.ResponseWriter, r *http.Request) error {
	return s.decisionAct(w, r, auth.ActionWithdrawProposal, "proposal-withdrawn", func(rd *round.Round, pid string) error {
		return s.store.WithdrawProposal(r.Context(), rd.ID, pid, principal(r).User.ID)
	})
}

func (s *Server) decisionCarryOut(w http.ResponseWriter, r *http.Request) error {
	return s.decisionAct(w, r, auth.ActionCarryOut, "carried-out", func(rd *round.Round, pid string) error {
		return s.store.CarryOut(r.Context(), rd.ID, pid)
	})
}

// seesDecisions says whether the reader may see the round's decisions, for
// the round's tabs, which pages of every area draw.
func seesDecisions(p *auth.Principal, roundID string) bool {
	return auth.Can(p, auth.ActionViewDecisions, roundObject(roundID))
}

// answerOptions are the four responses, for the response forms.
func answerOptions() []round.Option {
	var out []round.Option
	for _, a := range round.Answers {
		out = append(out, round.Option{Key: string(a), Label: a.Label()})
	}
	return out
}

// waitingDecisions are the open proposals the reader, as a member, has not
// yet responded to, for "What you can do next".
func (s *Server) waitingDecisions(r *http.Request, rd *round.Round, a round.Audience) ([]todo, error) {
	if a.Self == "" || !can(r, auth.ActionRespondToProposal, rd.ID) {
		return nil, nil
	}
	rows, err := s.decisionRows(r, rd, a)
	if err != nil {
		return nil, err
	}
	var out []todo
	for _, row := range rows {
		if row.Waiting {
			out = append(out, todo{"Respond to the proposal “" + row.Title + "” (closes " + row.Closes + ")", row.Href})
		}
	}
	return out, nil
}
