package tender

import "time"

// Evaluation is one tender's evaluation as it stands at Now: the tender,
// its panels, every declaration, the submitted bids, every individual and
// consensus score. It holds the evaluation's rules, so that the store only
// loads it, asks it (see evaluation_changes.go for the changes it allows),
// writes what it allows and audits; and it decides who sees which scores,
// so that no face can be handed a score its reader may not see.
type Evaluation struct {
	Tender       *Tender
	Members      []PanelMember
	Declarations []Declaration
	Bids         []StoredBid       // the submitted bids
	Scores       []ScoreRecord     // every individual score, drafts included
	Consensus    []ConsensusRecord // every consensus score
	Now          time.Time
}

// Seat returns userID's seat on the tender's panels.
func (e *Evaluation) Seat(userID string) (PanelMember, bool) {
	for _, m := range e.Members {
		if m.UserID == userID {
			return m, true
		}
	}
	return PanelMember{}, false
}

// declaration returns evaluatorID's declaration about bidderID, nil when
// they have made none.
func (e *Evaluation) declaration(evaluatorID, bidderID string) *Declaration {
	for i := range e.Declarations {
		if d := &e.Declarations[i]; d.Evaluator == evaluatorID && d.Bidder == bidderID {
			return d
		}
	}
	return nil
}

// Access decides evaluatorID's access to bidderID's bid (see [BidAccess]).
func (e *Evaluation) Access(evaluatorID, bidderID string) Decision {
	return BidAccess(e.declaration(evaluatorID, bidderID))
}

// bid returns the submitted bid with the id.
func (e *Evaluation) bid(id string) (StoredBid, bool) {
	for _, b := range e.Bids {
		if b.ID == id {
			return b, true
		}
	}
	return StoredBid{}, false
}

// bidAccess decides evaluatorID's access to the submitted bid bidID; a bid
// that is not among them is refused like an undeclared one.
func (e *Evaluation) bidAccess(evaluatorID, bidID string) Decision {
	b, ok := e.bid(bidID)
	if !ok {
		return BidAccess(nil)
	}
	return e.Access(evaluatorID, b.BidderID)
}

// Owed lists the scores evaluatorID owes on panel, as "bid/criterion":
// every criterion the panel scores, on every submitted bid they are not
// excluded from, in bid then ITT order.
func (e *Evaluation) Owed(evaluatorID string, panel Panel) []string {
	var out []string
	for _, b := range e.Bids {
		if !e.Access(evaluatorID, b.BidderID).Allowed {
			continue
		}
		for _, c := range e.Tender.ITT.Criteria {
			if c.ScoredBy(panel) {
				out = append(out, b.ID+"/"+c.ID)
			}
		}
	}
	return out
}

// declaredAll reports whether evaluatorID has declared about the bidder of
// every submitted bid.
func (e *Evaluation) declaredAll(evaluatorID string) bool {
	for _, b := range e.Bids {
		if e.declaration(evaluatorID, b.BidderID) == nil {
			return false
		}
	}
	return true
}

// given returns evaluatorID's scores on panel by "bid/criterion".
func (e *Evaluation) given(evaluatorID string, panel Panel) map[string]ScoreRecord {
	out := map[string]ScoreRecord{}
	for _, s := range e.Scores {
		if s.Evaluator == evaluatorID && s.Panel == panel {
			out[s.Bid+"/"+s.Criterion] = s
		}
	}
	return out
}

// SubmittedAll reports whether evaluatorID has submitted every score they
// owe on panel. Until they have declared for every bidder they can submit
// nothing (see [Evaluation.Submit]), so they have not.
func (e *Evaluation) SubmittedAll(evaluatorID string, panel Panel) bool {
	if !e.declaredAll(evaluatorID) {
		return false
	}
	have := e.given(evaluatorID, panel)
	for _, k := range e.Owed(evaluatorID, panel) {
		if !have[k].Submitted {
			return false
		}
	}
	return true
}

// Progress is each member of panel with whether they have submitted all
// they owe, in the order of the members.
func (e *Evaluation) Progress(panel Panel) []MemberProgress {
	var out []MemberProgress
	for _, m := range e.Members {
		if m.Panel == panel {
			out = append(out, MemberProgress{Evaluator: m.UserID, SubmittedAll: e.SubmittedAll(m.UserID, panel)})
		}
	}
	return out
}

// sealedSeat is viewer's seat as the sealed-scoring rules need it; someone
// on no panel has a seat on none and sees nothing but their own.
func (e *Evaluation) sealedSeat(viewer string) (Seat, PanelState) {
	m, ok := e.Seat(viewer)
	if !ok {
		return Seat{Evaluator: viewer}, PanelState{}
	}
	return Seat{Evaluator: viewer, Panel: m.Panel, Chair: m.Chair, SubmittedAll: e.SubmittedAll(viewer, m.Panel)},
		PanelState{ModerationOpen: e.Tender.Moderation[m.Panel]}
}

// VisibleScores is the individual scores viewer may see under
// [SeeIndividualScore]: their own always, and their panel's others only
// once they have submitted all theirs and moderation is open, never on a
// bid a conflict excludes them from.
func (e *Evaluation) VisibleScores(viewer string) []ScoreRecord {
	seat, state := e.sealedSeat(viewer)
	var out []ScoreRecord
	for _, s := range e.Scores {
		if SeeIndividualScore(seat, s.Evaluator, s.Panel, e.bidAccess(viewer, s.Bid), state).Allowed {
			out = append(out, s)
		}
	}
	return out
}

// VisibleConsensus is the consensus scores viewer, as a panel member, may
// see under [SeeConsensus]: their own panel's, once moderation is open,
// never on a bid a conflict excludes them from.
func (e *Evaluation) VisibleConsensus(viewer string) []ConsensusRecord {
	seat, state := e.sealedSeat(viewer)
	var out []ConsensusRecord
	for _, c := range e.Consensus {
		if SeeConsensus(seat, c.Panel, e.bidAccess(viewer, c.Bid), state).Allowed {
			out = append(out, c)
		}
	}
	return out
}
