package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/round"
)

// nextSteps lists what the reader can usefully do next in the round: what
// its stage needs (Vision: the group's vision and its vote; Focus:
// measures, the specification, a tender; Impact: contracts, the ledger,
// the group's impact decision), offering only what the policy lets this
// reader do, so no step leads to a refusal.
func nextSteps(rd *round.Round, c stepCan) []todo {
	if rd.Closed() {
		return nil
	}
	base := "/rounds/" + rd.ID
	var out []todo
	addAt := func(ok bool, text, href string) {
		if ok {
			out = append(out, todo{text, href})
		}
	}
	add := func(ok bool, text, href string) { addAt(ok, text, base+href) }
	propose := c.Propose && rd.Published()
	measures := rd.Purpose != round.PurposeCoprocurement
	tenders := rd.Purpose != round.PurposeMeasures

	add(c.Manage && !rd.Published(), "Check the stake of "+rd.Stake.String()+", then publish the round to lock it", "#publish")
	add(c.Manage && !rd.Published(), "Change the round's title or dates, or delete this draft", "/edit")
	add(c.Manage && rd.Published() && !rd.Closed(), "Change the round's title or dates", "/edit")
	add(c.Invite, "Invite people to the round", "/invitations/new")
	add(c.Group, "Add a member to the group", "/members/new")
	add(c.Group, "Plan or record a session", "/sessions/new")
	switch rd.Stage {
	case round.StageStories:
		add(c.Contribute, "Share a story and map the pathway", "/stories/new")
	case round.StageFactors:
		add(c.Contribute, "Add something that helps or harms", "/factors/new")
	case round.StageServices:
		add(c.Services, "Add a service", "/services/new")
		add(c.Contribute, "Give feedback on a service", "/services")
	case round.StageVision:
		add(c.Contribute, "Add an “I statement” to the vision", "/vision/new")
		add(c.Contribute && rd.Voting == round.VotingOpen, "Place your dots on the vision", "/vision#vote")
		add(c.Group && rd.Voting != round.VotingClosed, "Open or close the dot vote", "/vision#voting")
		add(c.GroupContent && !c.Contribute && !c.Group, "Read the group's vision: its “I statements” and how the dots fell", "/vision")
		add(propose, "Put a question or a proposal to the group", "/decisions/new")
	case round.StageFocus:
		add(measures && c.ManageMeasures, "Write a measure that turns the group's vision into something you can count", "/measures/new")
		add(measures && c.ViewMeasures && !c.ManageMeasures, "See the measures drawn from the group's vision", "/measures")
		add(measures && c.ManageMeasures, "Write or revise the service specification", "/specs")
		add(tenders && c.ManageTenders && rd.Published(), "Start a tender: the group's stake of "+rd.Stake.String()+" is written into its scoring", "/tenders")
		add(tenders && c.ViewTenders && !(c.ManageTenders && rd.Published()), "See the round's tenders", "/tenders")
		add(propose && measures, "Ask the group to sign off a measure or a version of the specification", "/decisions/new")
	case round.StageImpact:
		add(measures && c.ManageMeasures, "Record a contract with its indicators and payment profile", "/contracts/new")
		add(measures && c.ViewMeasures, "See the contracts and what providers report", "/contracts")
		add(tenders && c.ViewTenders, "See the tenders and their results", "/tenders")
		addAt(c.Ledger, "Follow the ledger: what is overdue, and what awaits evidence or the group's verdict", "/ledger")
		addAt(!c.Ledger, "See on the public board what was promised and whether it changed", "/board")
		add(propose, "Propose the round's impact to the group: the round closes when the group agrees it", "/decisions/new?kind=agree_impact")
	}
	add(c.Stage, "Move the round to another stage", "/stage")
	return out
}

// stepCan is what the reader may do, for the next steps: what every round
// page knows, and what the later stages need.
type stepCan struct {
	roundCan
	Propose, ViewMeasures, ManageMeasures, ViewTenders, ManageTenders, Ledger bool
}

// stepsCan asks the policy what the next steps need.
func stepsCan(r *http.Request, rd *round.Round, rc roundCan) stepCan {
	c := stepCan{roundCan: rc}
	c.Propose = can(r, auth.ActionPropose, rd.ID)
	c.ViewMeasures = can(r, auth.ActionViewMeasures, rd.ID)
	c.ManageMeasures = canManageMeasures(r, rd)
	c.ViewTenders = can(r, auth.ActionViewTenders, rd.ID)
	c.ManageTenders = can(r, auth.ActionManageTender, rd.ID)
	c.Ledger = principal(r).ServesLedger()
	return c
}
