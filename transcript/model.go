package transcript

// Format names a transcript file format.
type Format string

// The formats this package reads.
const (
	FormatCHAT      Format = "chat"
	FormatEAF       Format = "eaf"
	FormatVTT       Format = "vtt"
	FormatSRT       Format = "srt"
	FormatJefferson Format = "jefferson"
)

// Timed reports whether every utterance of the format carries start and end
// times. CHAT may carry them too (media bullets); that is decided per
// utterance with Utterance.Timed.
func (f Format) Timed() bool { return f == FormatEAF || f == FormatVTT || f == FormatSRT }

// Participant is one person taking part in the interaction.
type Participant struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	Role string `json:"role,omitempty"`
}

// Header is what a transcript says about itself before (or beside) the talk.
type Header struct {
	Format       Format        `json:"format"`
	Participants []Participant `json:"participants"`
	// Lines keeps header material verbatim (CHAT @ headers, the Jefferson
	// header block, the WebVTT header text) so that nothing is lost.
	Lines []string `json:"lines,omitempty"`
	// CA is true for CHAT files with "@Options: CA", where terminators are
	// optional, and for Jefferson transcripts.
	CA bool `json:"ca,omitempty"`
}

// Participant returns the participant with the given id, if declared.
func (h *Header) Participant(id string) (Participant, bool) {
	for _, p := range h.Participants {
		if p.ID == id {
			return p, true
		}
	}
	return Participant{}, false
}

// addSpeaker declares a participant the first time a speaker is seen, for
// formats that have no participant list.
func (h *Header) addSpeaker(id string) {
	if _, ok := h.Participant(id); !ok {
		h.Participants = append(h.Participants, Participant{ID: id, Name: id})
	}
}

// TokenKind says what a token of an utterance is.
type TokenKind uint8

// Token kinds. Only TokWord counts as a word (see the package documentation).
const (
	TokWord           TokenKind = iota // a spoken word: "that's", "ice+cream"
	TokFiller                          // um, &-um
	TokFragment                        // a cut-off or fragment: wor-, &+fr
	TokNonword                         // babbling and the like: &~baba
	TokUnintelligible                  // xxx, yyy, www, (inaudible), ( )
	TokOmitted                         // CHAT 0word, 0: material not said
	TokEvent                           // &=laughs, ((coughs)), [laughs], .hhh
	TokPause                           // (.), (0.5)
	TokOverlap                         // ⌈ ⌉ ⌊ ⌋ [>] [<], Jefferson [ ]
	TokTerminator                      // . ? ! +/. and the rest
	TokLinker                          // +< +, ++ +^ +" +≈ +≋
	TokSeparator                       // , ; „ ‡
	TokAnnotation                      // CHAT [...] scoped annotations and postcodes
	TokMarker                          // prosody, latching, group and quote marks
	TokComment                         // Jefferson ((comment))
	TokBullet                          // CHAT media bullet
)

var tokenKindNames = [...]string{"word", "filler", "fragment", "nonword", "unintelligible", "omitted",
	"event", "pause", "overlap", "terminator", "linker", "separator", "annotation", "marker", "comment", "bullet"}

func (k TokenKind) String() string {
	if int(k) < len(tokenKindNames) {
		return tokenKindNames[k]
	}
	return "unknown"
}

// Token is one item of an utterance's main line.
type Token struct {
	Kind TokenKind
	// Text is the token as written.
	Text string
	// Clean is the spoken form of a word, filler or fragment without
	// transcription marks (no::↑ -> no, &-um -> um, °yes° -> yes). It shares
	// memory with Text when nothing had to be removed.
	Clean string
}

// OverlapSide tells whose talk an overlap marker sits in.
type OverlapSide uint8

// Overlap sides. CHAT distinguishes the talk in progress (top: ⌈ ⌉ and [>])
// from the talk that comes in over it (bottom: ⌊ ⌋ and [<]); Jefferson's
// [ and ] do not, so the measures work the side out from the order of lines.
const (
	OverlapEither OverlapSide = iota
	OverlapTop
	OverlapBottom
)

// Overlap is one overlap marker of an utterance.
type Overlap struct {
	Side  OverlapSide
	Begin bool // onset ([ ⌈ ⌊ [>] [<]) rather than end (] ⌉ ⌋)
	Index int  // CHAT index (⌈2, [<1]); 0 when unindexed
	// Word is the number of spoken words of the utterance before the marker
	// (for [>] and [<], before the material they scope over).
	Word int
}

// Pause is a pause within an utterance.
type Pause struct {
	// Ms is the length of a timed pause, or -1 for (.) (..) (...).
	Ms int64
	// Dots is 1, 2 or 3 for (.) (..) (...), 0 for a timed pause.
	Dots int
	Word int // words before the pause
}

// Dependent is material that belongs to an utterance without being its
// talk: CHAT %tiers, ELAN annotations on dependent tiers.
type Dependent struct {
	Tier string `json:"tier"`
	Text string `json:"text"`
	Line int    `json:"line,omitempty"`
}

// Utterance is the unit of talk: one CHAT main tier, one ELAN annotation on
// an independent tier, one caption cue (per voice), one Jefferson speaker line.
//
// Decoders reuse the slices of the Utterance they return; copy it with Clone
// to keep it beyond the next call.
type Utterance struct {
	Speaker string
	// Text is the talk as written, continuation lines joined by one space.
	Text   string
	Tokens []Token
	// Start and End are in milliseconds and meaningful only when Timed.
	Start, End int64
	Timed      bool
	// Terminator is the utterance's ending in CHAT form: "." "?" "!" "+..."
	// "+/." "+//." "+/?" "+//?" "+..?" "+!?" "+\"/." "+\"." "+." or "" for
	// none. Other formats are mapped onto these (see the package doc).
	Terminator string
	Linkers    []string
	Overlaps   []Overlap
	Pauses     []Pause
	// LatchedBefore and LatchedAfter record latching (= ≈ ≡, +^): no gap
	// between this utterance and the one before or after.
	LatchedBefore, LatchedAfter bool
	// GapBefore is a silence written on a line of its own before this
	// utterance (Jefferson "(0.8)"), in ms; -1 when none; 0 for "(.)".
	GapBefore int64
	Line      int
	Dependent []Dependent
}

// reset empties u keeping its slices' memory.
func (u *Utterance) reset() {
	*u = Utterance{Tokens: u.Tokens[:0], Linkers: u.Linkers[:0], Overlaps: u.Overlaps[:0],
		Pauses: u.Pauses[:0], Dependent: u.Dependent[:0], GapBefore: -1}
}

// Clone returns a deep copy of u that later decoding will not change.
func (u *Utterance) Clone() *Utterance {
	c := *u
	c.Tokens = append([]Token(nil), u.Tokens...)
	c.Linkers = append([]string(nil), u.Linkers...)
	c.Overlaps = append([]Overlap(nil), u.Overlaps...)
	c.Pauses = append([]Pause(nil), u.Pauses...)
	c.Dependent = append([]Dependent(nil), u.Dependent...)
	return &c
}

// IsQuestion reports whether the terminator is a question: "?" and CHAT's
// question forms +/? +//? +..? +!?.
func (u *Utterance) IsQuestion() bool { return IsQuestionTerminator(u.Terminator) }

// IsQuestionTerminator reports whether t is one of the question terminators.
func IsQuestionTerminator(t string) bool {
	switch t {
	case "?", "+/?", "+//?", "+..?", "+!?":
		return true
	}
	return false
}

// Interrupted reports whether the utterance was marked as broken off by
// someone else (CHAT +/. and +/?, a cut-off at the end of a line elsewhere).
func (u *Utterance) Interrupted() bool { return u.Terminator == "+/." || u.Terminator == "+/?" }

// Transcript is a whole transcript held in memory, for callers that do not
// need streaming.
type Transcript struct {
	Name       string       `json:"file"`
	Header     Header       `json:"header"`
	Utterances []*Utterance `json:"utterances"`
}
