package transcript

// overlapState works out overlap onsets and interruptions.
//
// From markers: a top marker (CHAT ⌈ or [>], or a Jefferson [ with no
// open overlap before it) opens an overlap in the talk in progress; a
// bottom marker (⌊, [<], or a Jefferson [ on a later line of another
// speaker) answers it. The bottom speaker started talking while the other
// was in progress when the top marker has spoken words before it in its
// utterance; if both brackets stand at the start of their lines the two
// started together and nobody gets an onset. Such an onset is also an
// interruption when at least interruptWords words of the overlapped
// utterance remain from the onset on: it came away from a possible
// completion, not on the last word or two.
//
// From timings (when an utterance has no overlap markers): an utterance
// that starts after another speaker's utterance started and before it
// ended is an onset; the words that remained are estimated in proportion
// to the time that remained.
type overlapState struct {
	tops []pendingTop
}

type pendingTop struct {
	speaker   string
	index     int
	before    int // spoken words before the marker
	remaining int // spoken words from the marker to the end of the utterance
	seq       int
	matched   []string
}

// interruptWords is how many words must remain for an overlap onset to be
// away from a possible completion.
const interruptWords = 3

// overlapExpiry: a top marker not answered within this many utterances is dropped.
const overlapExpiry = 4

func (o *overlapState) add(u *Utterance, words, seq int, prev string, sp []*pstate, self *pstate) (onset, interruption bool) {
	k := 0
	for _, t := range o.tops {
		if seq-t.seq <= overlapExpiry {
			o.tops[k] = t
			k++
		}
	}
	o.tops = o.tops[:k]
	markers := false
	for _, l := range u.Linkers {
		if l == "+<" {
			markers = true
			if prev != "" && prev != u.Speaker {
				onset = true
			}
		}
	}
	for _, m := range u.Overlaps {
		if !m.Begin {
			continue
		}
		markers = true
		side := m.Side
		top := -1
		if side != OverlapTop {
			top = o.find(u.Speaker, m.Index, side == OverlapEither)
			if top < 0 && side == OverlapEither {
				side = OverlapTop
			}
		}
		if side == OverlapTop {
			o.tops = append(o.tops, pendingTop{speaker: u.Speaker, index: m.Index, before: m.Word, remaining: words - m.Word, seq: seq})
			continue
		}
		if top < 0 {
			continue
		}
		t := &o.tops[top]
		t.matched = append(t.matched, u.Speaker)
		if t.before > 0 {
			onset = true
			if t.remaining >= interruptWords {
				interruption = true
			}
		}
	}
	if !markers && u.Timed {
		for _, p := range sp {
			l := &p.last
			if p == self || !l.ok || !(l.start < u.Start && u.Start < l.end) {
				continue
			}
			onset = true
			left := (int64(l.words)*(l.end-u.Start)*2 + (l.end - l.start)) / (2 * (l.end - l.start)) // rounded
			if left >= interruptWords {
				interruption = true
			}
		}
	}
	if u.Timed {
		l := &self.last
		l.start, l.end, l.words, l.ok = u.Start, u.End, words, true
	}
	return onset, interruption
}

// find returns the most recent open top marker of another speaker with
// the same index that speaker has not answered yet.
func (o *overlapState) find(speaker string, index int, anyIndex bool) int {
	for i := len(o.tops) - 1; i >= 0; i-- {
		t := &o.tops[i]
		if t.speaker == speaker || !anyIndex && t.index != index {
			continue
		}
		answered := false
		for _, m := range t.matched {
			if m == speaker {
				answered = true
			}
		}
		if !answered {
			return i
		}
	}
	return -1
}
