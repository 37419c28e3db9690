package transcript

import (
	"errors"
	"io"
	"strings"
)

// Options changes how a transcript is measured.
type Options struct {
	// Roles gives participants a role by id ("SAM": "supporter"),
	// overriding the role the transcript declares. Ids match exactly or,
	// failing that, ignoring case.
	Roles map[string]string
}

// role looks id up in Roles, exactly or else ignoring case ("SAM" and
// "Sam" are the same person in a CHAT file and its captions).
func (o Options) role(id string) (string, bool) {
	if r, ok := o.Roles[id]; ok {
		return r, true
	}
	for k, r := range o.Roles {
		if strings.EqualFold(k, id) {
			return r, true
		}
	}
	return "", false
}

// QuestionTypes counts questions by form.
type QuestionTypes struct {
	Polar       int `json:"polar"`
	Wh          int `json:"wh"`
	Alternative int `json:"alternative"`
	Tag         int `json:"tag"`
	Other       int `json:"other"`
}

func (q *QuestionTypes) add(t QuestionType) {
	switch t {
	case QuestionPolar:
		q.Polar++
	case QuestionWh:
		q.Wh++
	case QuestionAlternative:
		q.Alternative++
	case QuestionTag:
		q.Tag++
	case QuestionOther:
		q.Other++
	}
}

// Counts are the measures kept per participant and per role.
type Counts struct {
	Utterances        int           `json:"utterances"`
	Turns             int           `json:"turns"`
	Words             int           `json:"words"`
	Fillers           int           `json:"fillers"`
	Fragments         int           `json:"fragments"`
	Questions         int           `json:"questions"`
	QuestionTypes     QuestionTypes `json:"question_types"`
	ChoiceOffers      int           `json:"choice_offers"`
	Directives        int           `json:"directives"`
	TopicInitiations  int           `json:"topic_initiations"`
	OverlapOnsets     int           `json:"overlap_onsets"`
	Interruptions     int           `json:"interruptions"`
	RepairInitiations int           `json:"repair_initiations"`
	Acknowledgements  int           `json:"acknowledgements"`
	Continuers        int           `json:"continuers"`
	// TalkMs is the sum of the participant's utterance durations; nil
	// when the transcript is not timed.
	TalkMs *int64 `json:"talk_ms"`
}

func (c *Counts) add(o *Counts) {
	c.Utterances += o.Utterances
	c.Turns += o.Turns
	c.Words += o.Words
	c.Fillers += o.Fillers
	c.Fragments += o.Fragments
	c.Questions += o.Questions
	c.QuestionTypes.Polar += o.QuestionTypes.Polar
	c.QuestionTypes.Wh += o.QuestionTypes.Wh
	c.QuestionTypes.Alternative += o.QuestionTypes.Alternative
	c.QuestionTypes.Tag += o.QuestionTypes.Tag
	c.QuestionTypes.Other += o.QuestionTypes.Other
	c.ChoiceOffers += o.ChoiceOffers
	c.Directives += o.Directives
	c.TopicInitiations += o.TopicInitiations
	c.OverlapOnsets += o.OverlapOnsets
	c.Interruptions += o.Interruptions
	c.RepairInitiations += o.RepairInitiations
	c.Acknowledgements += o.Acknowledgements
	c.Continuers += o.Continuers
	if o.TalkMs != nil {
		if c.TalkMs == nil {
			c.TalkMs = new(int64)
		}
		*c.TalkMs += *o.TalkMs
	}
}

// Shares relate a participant's or role's counts to the whole transcript.
type Shares struct {
	TurnShare float64  `json:"turn_share"`
	WordShare float64  `json:"word_share"`
	TalkShare *float64 `json:"talk_share"`
	// MeanTurnLength is words per turn.
	MeanTurnLength float64 `json:"mean_turn_length"`
}

// Latency summarises response latencies in ms (negative: the answer
// started before the question ended).
type Latency struct {
	Count  int     `json:"count"`
	MeanMs float64 `json:"mean_ms"`
	MinMs  int64   `json:"min_ms"`
	MaxMs  int64   `json:"max_ms"`
	sum    int64
}

func (l *Latency) add(ms int64) {
	if l.Count == 0 || ms < l.MinMs {
		l.MinMs = ms
	}
	if l.Count == 0 || ms > l.MaxMs {
		l.MaxMs = ms
	}
	l.Count++
	l.sum += ms
	l.MeanMs = float64(l.sum) / float64(l.Count)
}

// ParticipantReport is one participant's measures.
type ParticipantReport struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"`
	Counts
	Shares
	// ResponseLatency is how long this participant took to start after
	// another speaker's question (timed transcripts only).
	ResponseLatency *Latency `json:"response_latency,omitempty"`
}

// RoleReport adds up the participants of one role.
type RoleReport struct {
	Role         string   `json:"role"`
	Participants []string `json:"participants"`
	Counts
	Shares
}

// Report is the analysis of one transcript.
type Report struct {
	File         string              `json:"file"`
	Format       Format              `json:"format"`
	Utterances   int                 `json:"utterances"`
	Turns        int                 `json:"turns"`
	DurationMs   *int64              `json:"duration_ms"`
	Participants []ParticipantReport `json:"participants"`
	Roles        []RoleReport        `json:"roles"`
	Timing       *Timing             `json:"timing"`
	Asymmetry    *Asymmetry          `json:"asymmetry"`
}

// pstate is what the analyser keeps per speaker.
type pstate struct {
	id string
	Counts
	talk    int64
	timed   bool
	latency Latency
	// the speaker's last timed utterance, for overlap onsets from timing
	last struct {
		start, end int64
		words      int
		ok         bool
	}
}

// Analyser measures a transcript one utterance at a time; its memory is
// bounded by the number of speakers and the words of the last few
// utterances.
type Analyser struct {
	opts     Options
	speakers map[string]*pstate
	order    []string
	list     []*pstate // the speakers in order of appearance
	cur      *pstate   // the last speaker looked up
	utts     int
	turns    int
	prev     string // speaker of the previous utterance
	prevQ    bool   // the previous utterance was a question
	prevInt  bool   // the previous utterance was marked as interrupted
	seq      int
	sawTopic bool
	ws       []string
	// recent keeps the words of the last topicWindow utterances (a ring).
	recent    [topicWindow][]string
	recentSp  [topicWindow]string
	recentN   int
	recentArg [][]string
	ov        overlapState
	tm        timingState
}

// NewAnalyser returns an analyser.
func NewAnalyser(opts Options) *Analyser {
	return &Analyser{opts: opts, speakers: map[string]*pstate{}, tm: newTimingState()}
}

func (a *Analyser) speaker(id string) *pstate {
	if a.cur != nil && a.cur.id == id {
		return a.cur // the same speaker as last time: no map lookup
	}
	p, ok := a.speakers[id]
	if !ok {
		p = &pstate{id: id}
		a.speakers[id] = p
		a.order = append(a.order, id)
		a.list = append(a.list, p)
	}
	a.cur = p
	return p
}

// Add measures the next utterance, in transcript order.
func (a *Analyser) Add(u *Utterance) {
	p := a.speaker(u.Speaker)
	a.seq++
	a.utts++
	p.Utterances++
	newTurn := u.Speaker != a.prev
	if newTurn {
		a.turns++
		p.Turns++
	}
	ws := a.ws[:0]
	for i := range u.Tokens {
		switch t := &u.Tokens[i]; t.Kind {
		case TokWord:
			ws = append(ws, t.Clean)
		case TokFiller:
			p.Fillers++
		case TokFragment:
			p.Fragments++
		}
	}
	a.ws = ws
	p.Words += len(ws)

	afterOther := a.prev != "" && a.prev != u.Speaker
	q := ClassifyQuestion(u, ws)
	if q != QuestionNone {
		p.Questions++
		p.QuestionTypes.add(q)
	}
	choice := IsChoiceOffer(u, ws, q)
	if choice {
		p.ChoiceOffers++
	}
	directive := IsDirective(u, ws, q, choice)
	if directive {
		p.Directives++
	}
	ack, cont := Acknowledgement(u, ws, afterOther && a.prevQ)
	if ack {
		p.Acknowledgements++
		if cont {
			p.Continuers++
		}
	}
	var prevWords []string
	if afterOther && a.recentN > 0 {
		prevWords = a.recent[(a.recentN-1)%topicWindow]
	}
	repair := IsRepairInitiation(u, ws, prevWords, afterOther)
	if repair {
		p.RepairInitiations++
	}
	if IsTopicInitiation(u, ws, a.recentWords(), !a.sawTopic, repair || directive) {
		p.TopicInitiations++
		a.sawTopic = true
	}

	interrupted := afterOther && a.prevInt
	onset, intr := a.ov.add(u, len(ws), a.seq, a.prev, a.list, p)
	if onset {
		p.OverlapOnsets++
	}
	// A backchannel ("mhm") in overlap takes no floor: an onset, not an
	// interruption.
	if interrupted || intr && !ack {
		p.Interruptions++
	}
	a.tm.add(u, p, q != QuestionNone, len(ws))

	a.remember(u.Speaker, ws)
	a.prev = u.Speaker
	a.prevQ = q != QuestionNone
	a.prevInt = u.Interrupted()
}

// remember keeps the words of u in the ring of recent utterances.
func (a *Analyser) remember(sp string, ws []string) {
	k := a.recentN % topicWindow
	a.recent[k] = append(a.recent[k][:0], ws...)
	a.recentSp[k] = sp
	a.recentN++
}

func (a *Analyser) recentWords() [][]string {
	a.recentArg = a.recentArg[:0]
	n := min(a.recentN, topicWindow)
	for i := a.recentN - n; i < a.recentN; i++ {
		a.recentArg = append(a.recentArg, a.recent[i%topicWindow])
	}
	return a.recentArg
}

// Report returns the measures so far. h gives the participants' names and
// roles (and the order they are listed in); speakers h does not list are
// added in order of appearance.
func (a *Analyser) Report(file string, h *Header) *Report {
	r := &Report{File: file, Format: h.Format, Utterances: a.utts, Turns: a.turns}
	timed := a.tm.timed
	if timed {
		d := a.tm.lastEnd - a.tm.firstStart
		r.DurationMs = &d
		r.Timing = a.tm.report()
	}
	ids := make([]string, 0, len(a.order))
	seen := map[string]bool{}
	for _, p := range h.Participants {
		ids = append(ids, p.ID)
		seen[p.ID] = true
	}
	for _, id := range a.order {
		if !seen[id] {
			ids = append(ids, id)
		}
	}
	var total Counts
	for _, id := range ids {
		p := a.speaker(id)
		if timed {
			t := p.talk
			p.TalkMs = &t
		}
		total.add(&p.Counts)
	}
	roleIndex := map[string]int{}
	for _, id := range ids {
		pt, _ := h.Participant(id)
		role := pt.Role
		if r, ok := a.opts.role(id); ok {
			role = r
		}
		p := a.speakers[id]
		pr := ParticipantReport{ID: id, Name: pt.Name, Role: role, Counts: p.Counts, Shares: shares(&p.Counts, &total)}
		if p.latency.Count > 0 {
			l := p.latency
			pr.ResponseLatency = &l
		}
		r.Participants = append(r.Participants, pr)
		key := RoleSide(role)
		k, ok := roleIndex[key]
		if !ok {
			k = len(r.Roles)
			roleIndex[key] = k
			r.Roles = append(r.Roles, RoleReport{Role: key})
			if timed {
				r.Roles[k].TalkMs = new(int64)
			}
		}
		r.Roles[k].Participants = append(r.Roles[k].Participants, id)
		c := p.Counts
		r.Roles[k].Counts.add(&c)
	}
	for i := range r.Roles {
		r.Roles[i].Shares = shares(&r.Roles[i].Counts, &total)
	}
	r.Asymmetry = asymmetry(r.Roles)
	return r
}

func shares(c, total *Counts) Shares {
	s := Shares{TurnShare: ratio(c.Turns, total.Turns), WordShare: ratio(c.Words, total.Words)}
	if c.Turns > 0 {
		s.MeanTurnLength = float64(c.Words) / float64(c.Turns)
	}
	if c.TalkMs != nil && total.TalkMs != nil && *total.TalkMs > 0 {
		v := float64(*c.TalkMs) / float64(*total.TalkMs)
		s.TalkShare = &v
	}
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Analyse reads every utterance of d and returns its report.
func Analyse(d Decoder, file string, opts Options) (*Report, error) {
	a := NewAnalyser(opts)
	for {
		u, err := d.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		a.Add(u)
	}
	return a.Report(file, d.Header()), nil
}
