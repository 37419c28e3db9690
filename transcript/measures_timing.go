package transcript

// Interval sums silences or overlaps.
type Interval struct {
	Count   int     `json:"count"`
	TotalMs int64   `json:"total_ms"`
	MeanMs  float64 `json:"mean_ms"`
}

func (i *Interval) add(ms int64) {
	i.Count++
	i.TotalMs += ms
	i.MeanMs = float64(i.TotalMs) / float64(i.Count)
}

// Timing classifies the transitions between timed utterances after
// Heldner and Edlund (2010), "Pauses, gaps and overlaps in conversations":
//
//   - a pause is silence between two stretches of talk by the same speaker;
//   - a gap is silence at a change of speaker (0 ms counts: a transition
//     with neither silence nor overlap);
//   - a between-speaker overlap is talk by a new speaker that starts before
//     the current talk ends and goes on after it (the floor changes hands);
//   - a within-speaker overlap is talk by another speaker that starts and
//     ends inside the current talk (the floor does not change: typically a
//     backchannel).
//
// "The current talk" is the utterance that has reached furthest in time so
// far, so a within-speaker overlap does not end the floor holder's turn.
type Timing struct {
	Gaps                   Interval `json:"gaps"`
	Pauses                 Interval `json:"pauses"`
	BetweenSpeakerOverlaps Interval `json:"between_speaker_overlaps"`
	WithinSpeakerOverlaps  Interval `json:"within_speaker_overlaps"`
	// ResponseLatency is from the end of a question to the start of the
	// next utterance by another speaker.
	ResponseLatency Latency `json:"response_latency"`
}

type timingState struct {
	timed               bool
	firstStart, lastEnd int64
	floorEnd            int64
	floorSpeaker        string
	t                   Timing
	questioner          string
	questionEnd         int64
	questionOpen        bool
}

func newTimingState() timingState { return timingState{} }

func (s *timingState) add(u *Utterance, p *pstate, isQuestion bool, words int) {
	if !u.Timed {
		return
	}
	p.talk += u.End - u.Start
	if !s.timed {
		s.timed = true
		s.firstStart, s.lastEnd = u.Start, u.End
		s.floorEnd, s.floorSpeaker = u.End, u.Speaker
	} else {
		s.firstStart = min(s.firstStart, u.Start)
		s.lastEnd = max(s.lastEnd, u.End)
		switch {
		case u.Start >= s.floorEnd && u.Speaker == s.floorSpeaker:
			if u.Start > s.floorEnd {
				s.t.Pauses.add(u.Start - s.floorEnd)
			}
		case u.Start >= s.floorEnd:
			s.t.Gaps.add(u.Start - s.floorEnd)
		case u.Speaker == s.floorSpeaker:
			// a speaker overlapping their own talk (two tiers): nothing to classify
		case u.End > s.floorEnd:
			s.t.BetweenSpeakerOverlaps.add(s.floorEnd - u.Start)
		default:
			s.t.WithinSpeakerOverlaps.add(u.End - u.Start)
		}
		if u.End > s.floorEnd {
			s.floorEnd, s.floorSpeaker = u.End, u.Speaker
		}
	}
	// Response latency: the first utterance by someone else after a
	// question; the questioner going on without a question closes it.
	if s.questionOpen && u.Speaker != s.questioner {
		ms := u.Start - s.questionEnd
		s.t.ResponseLatency.add(ms)
		p.latency.add(ms)
		s.questionOpen = false
	}
	switch {
	case isQuestion:
		s.questioner, s.questionEnd, s.questionOpen = u.Speaker, u.End, true
	case u.Speaker == s.questioner:
		s.questionOpen = false
	}
}

func (s *timingState) report() *Timing {
	t := s.t
	return &t
}
