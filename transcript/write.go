package transcript

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// ResolveOverlapSides decides, for Jefferson's [ ] markers, whose talk
// each bracket sits in, the way the measures do: a [ answers the most
// recent unanswered [ of another speaker in the last few utterances
// (bottom) or else opens an overlap (top). A ] takes the side of the
// utterance's last [. CHAT markers are left alone.
func ResolveOverlapSides(t *Transcript) {
	var tops []pendingTop
	for seq, u := range t.Utterances {
		k := 0
		for _, p := range tops {
			if seq-p.seq <= overlapExpiry {
				tops[k] = p
				k++
			}
		}
		tops = tops[:k]
		last := OverlapTop
		for i := range u.Overlaps {
			m := &u.Overlaps[i]
			if m.Side != OverlapEither {
				last = m.Side
				continue
			}
			if !m.Begin {
				m.Side = last
				continue
			}
			o := overlapState{tops: tops}
			if top := o.find(u.Speaker, 0, true); top >= 0 {
				tops[top].matched = append(tops[top].matched, u.Speaker)
				m.Side = OverlapBottom
			} else {
				m.Side = OverlapTop
				tops = append(tops, pendingTop{speaker: u.Speaker, seq: seq})
			}
			last = m.Side
		}
	}
}

// chatCode makes a valid CHAT speaker code from an id: "Sam" -> "SAM".
func chatCode(id string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(id) {
		if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
		if b.Len() >= 16 {
			break
		}
	}
	if b.Len() == 0 {
		return "SPK"
	}
	return b.String()
}

// speakerCodes gives every participant a unique code made by mk.
func speakerCodes(t *Transcript, mk func(string) string) map[string]string {
	codes := map[string]string{}
	used := map[string]bool{}
	ids := []string{}
	for _, p := range t.Header.Participants {
		ids = append(ids, p.ID)
	}
	for _, u := range t.Utterances {
		ids = append(ids, u.Speaker)
	}
	for _, id := range ids {
		if _, ok := codes[id]; ok {
			continue
		}
		c := mk(id)
		for n := 2; used[c]; n++ {
			c = mk(id) + strconv.Itoa(n)
		}
		used[c] = true
		codes[id] = c
	}
	return codes
}

// sanitize keeps the letters of a word that another format could misread.
func sanitize(w, drop string) string {
	w = strings.Map(func(r rune) rune {
		if strings.ContainsRune(drop, r) || unicode.IsControl(r) {
			return -1
		}
		return r
	}, w)
	return strings.TrimRight(w, ".?!,;-")
}

const chatSpecial = "[]<>()&#^\"“”⌈⌉⌊⌋=@:"

// WriteCHAT writes t as a CHAT transcript (with @Options: CA unless every
// utterance has a terminator), keeping words, fillers, fragments, events,
// pauses, overlaps, terminators, latching, timings and dependent tiers.
func WriteCHAT(w io.Writer, t *Transcript) error {
	ResolveOverlapSides(t)
	bw := bufio.NewWriter(w)
	codes := speakerCodes(t, chatCode)
	parts := []Participant{}
	seen := map[string]bool{}
	for _, p := range t.Header.Participants {
		parts = append(parts, p)
		seen[p.ID] = true
	}
	for _, u := range t.Utterances {
		if !seen[u.Speaker] {
			parts = append(parts, Participant{ID: u.Speaker})
			seen[u.Speaker] = true
		}
	}
	ca := t.Header.CA
	for _, u := range t.Utterances {
		if u.Terminator == "" {
			ca = true
		}
	}
	fmt.Fprint(bw, "@UTF8\n@Begin\n@Languages:\teng\n@Participants:\t")
	for i, p := range parts {
		if i > 0 {
			bw.WriteString(", ")
		}
		role := chatRole(p.Role)
		name := strings.Join(strings.Fields(sanitize(p.Name, ",")), "_")
		if name != "" && name != codes[p.ID] {
			fmt.Fprintf(bw, "%s %s %s", codes[p.ID], name, role)
		} else {
			fmt.Fprintf(bw, "%s %s", codes[p.ID], role)
		}
	}
	bw.WriteString("\n")
	if ca {
		bw.WriteString("@Options:\tCA\n")
	}
	for _, p := range parts {
		fmt.Fprintf(bw, "@ID:\teng|coprod|%s|||||%s|||\n", codes[p.ID], chatRole(p.Role))
	}
	for _, u := range t.Utterances {
		if u.GapBefore >= 0 {
			fmt.Fprintf(bw, "@Comment:\tsilence %s\n", seconds(u.GapBefore))
		}
		fmt.Fprintf(bw, "*%s:\t%s\n", codes[u.Speaker], chatLine(u))
		for _, d := range u.Dependent {
			name := strings.Map(func(r rune) rune {
				if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, d.Tier)
			if t.Header.Format != FormatCHAT {
				name = "x" + name
			}
			text := strings.Join(strings.Fields(strings.Map(func(r rune) rune {
				if unicode.IsControl(r) {
					return ' '
				}
				return r
			}, d.Text)), " ")
			if text == "" {
				text = "0"
			}
			fmt.Fprintf(bw, "%%%s:\t%s\n", name, text)
		}
	}
	bw.WriteString("@End\n")
	return bw.Flush()
}

func chatRole(role string) string {
	r := strings.Join(strings.Fields(sanitize(role, ",|")), "_")
	if r == "" {
		return "Unidentified"
	}
	return r
}

func seconds(ms int64) string {
	if ms < 0 {
		return "."
	}
	s := strconv.FormatFloat(float64(ms)/1000, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += "."
	}
	return s
}

// overlapMarks returns the markers to write before word position pos.
func overlapMarks(u *Utterance, pos int, chat bool) []string {
	var out []string
	for _, m := range u.Overlaps {
		if m.Word != pos {
			continue
		}
		if !chat {
			if m.Begin {
				out = append(out, "[")
			} else {
				out = append(out, "]")
			}
			continue
		}
		s := map[[2]bool]string{{true, true}: "⌈", {true, false}: "⌉", {false, true}: "⌊", {false, false}: "⌋"}[[2]bool{m.Side != OverlapBottom, m.Begin}]
		if m.Index > 0 {
			s += strconv.Itoa(m.Index)
		}
		out = append(out, s)
	}
	return out
}

func chatLine(u *Utterance) string {
	var parts []string
	if u.LatchedBefore {
		parts = append(parts, "≡")
	}
	parts = append(parts, u.Linkers...)
	pos := 0
	for i, t := range u.Tokens {
		switch t.Kind {
		case TokWord:
			parts = append(parts, overlapMarks(u, pos, true)...)
			w := sanitize(t.Clean, chatSpecial)
			if w == "" || w[0] == '+' || w[0] == '0' || w[0] == '&' {
				w = "w" + w
			}
			parts = append(parts, w)
			pos++
			if endsWithComma(t.Text) && (i+1 == len(u.Tokens) || u.Tokens[i+1].Kind != TokSeparator) {
				parts = append(parts, ",")
			}
		case TokFiller, TokFragment, TokNonword:
			pre := map[TokenKind]string{TokFiller: "&-", TokFragment: "&+", TokNonword: "&~"}[t.Kind]
			w := sanitize(t.Clean, chatSpecial+" ")
			if w == "" {
				w = "x"
			}
			parts = append(parts, pre+w)
		case TokUnintelligible:
			parts = append(parts, "xxx")
		case TokOmitted:
			parts = append(parts, t.Text)
		case TokEvent, TokComment:
			label := strings.Join(strings.Fields(sanitize(t.Clean, chatSpecial+".?!")), "_")
			if label == "" {
				label = "event"
			}
			parts = append(parts, "&="+label)
		case TokPause:
			p := "(.)"
			if strings.HasPrefix(t.Text, "(") {
				p = t.Text
			}
			parts = append(parts, p)
		case TokSeparator:
			parts = append(parts, t.Text)
		}
	}
	parts = append(parts, overlapMarks(u, pos, true)...)
	if u.LatchedAfter {
		parts = append(parts, "≡")
	}
	if u.Terminator != "" {
		parts = append(parts, u.Terminator)
	}
	if u.Timed {
		parts = append(parts, fmt.Sprintf("\x15%d_%d\x15", u.Start, u.End))
	}
	if len(parts) == 0 {
		parts = append(parts, "0")
	}
	return strings.Join(parts, " ")
}

// jeffName makes a Jefferson speaker name from an id.
func jeffName(id string) string {
	var b strings.Builder
	for _, r := range id {
		if r < 0x80 && (isASCIILetter(byte(r)) || b.Len() > 0 && (r >= '0' && r <= '9' || r == '_')) {
			b.WriteRune(r)
		}
		if b.Len() >= 20 {
			break
		}
	}
	if b.Len() == 0 {
		return "S"
	}
	return b.String()
}

const jeffSpecial = "[]<>()=°:↑↓_#*~^\"“”£⌈⌉⌊⌋&"

// WriteJefferson writes t as Jefferson-style text, one speaker line per
// utterance. Timings are not kept (Jefferson text has none); silences
// written on lines of their own are.
func WriteJefferson(w io.Writer, t *Transcript) error {
	ResolveOverlapSides(t)
	markTimedOverlaps(t)
	bw := bufio.NewWriter(w)
	codes := speakerCodes(t, jeffName)
	fmt.Fprintf(bw, "Transcript converted by coprod from %s\n\n", t.Header.Format)
	for _, u := range t.Utterances {
		if u.GapBefore >= 0 {
			fmt.Fprintf(bw, "        (%s)\n", strings.TrimSuffix(seconds(u.GapBefore), "."))
		}
		fmt.Fprintf(bw, "%s: %s\n", codes[u.Speaker], jeffLineText(u))
	}
	return bw.Flush()
}

func jeffLineText(u *Utterance) string {
	var parts []string
	pos := 0
	for _, t := range u.Tokens {
		switch t.Kind {
		case TokWord:
			parts = append(parts, overlapMarks(u, pos, false)...)
			wd := sanitize(t.Clean, jeffSpecial)
			if wd == "" {
				wd = "w"
			}
			if endsWithComma(t.Text) {
				wd += ","
			}
			parts = append(parts, wd)
			pos++
		case TokSeparator:
			if n := len(parts); n > 0 && t.Text == "," {
				parts[n-1] += ","
			}
		case TokFiller:
			parts = append(parts, sanitize(t.Clean, jeffSpecial+" "))
		case TokFragment:
			parts = append(parts, sanitize(t.Clean, jeffSpecial+" ")+"-")
		case TokUnintelligible:
			parts = append(parts, "( )")
		case TokEvent, TokComment, TokNonword:
			label := strings.ReplaceAll(sanitize(t.Clean, jeffSpecial), "_", " ")
			if label == "" {
				label = "event"
			}
			parts = append(parts, "(("+label+"))")
		case TokPause:
			p := "(.)"
			if ms, dots, ok := parsePause(t.Text); ok && dots == 0 {
				p = "(" + strings.TrimSuffix(seconds(ms), ".") + ")"
			}
			parts = append(parts, p)
		}
	}
	parts = append(parts, overlapMarks(u, pos, false)...)
	switch u.Terminator {
	case "?", "+/?", "+//?", "+..?", "+!?":
		parts = append(parts, "?")
	case ".", "+.", "+\".", "+\"/.":
		parts = append(parts, ".")
	case "!":
		parts = append(parts, "!")
	case "+...":
		parts = append(parts, "...")
	case "+/.", "+//.":
		parts = append(parts, "-")
	}
	s := strings.Join(parts, " ")
	if u.LatchedBefore {
		s = "=" + s
	}
	if u.LatchedAfter {
		s += "="
	}
	return s
}

// WriteJSON writes t as JSON: the header and every utterance with its tokens.
func WriteJSON(w io.Writer, t *Transcript) error {
	type jtoken struct {
		Kind  string `json:"kind"`
		Text  string `json:"text"`
		Clean string `json:"clean,omitempty"`
	}
	type jutt struct {
		Speaker    string      `json:"speaker"`
		Text       string      `json:"text"`
		StartMs    *int64      `json:"start_ms"`
		EndMs      *int64      `json:"end_ms"`
		Terminator string      `json:"terminator,omitempty"`
		Line       int         `json:"line"`
		Tokens     []jtoken    `json:"tokens"`
		Dependent  []Dependent `json:"dependent,omitempty"`
	}
	out := struct {
		File       string `json:"file"`
		Header     Header `json:"header"`
		Utterances []jutt `json:"utterances"`
	}{File: t.Name, Header: t.Header, Utterances: []jutt{}}
	for _, u := range t.Utterances {
		j := jutt{Speaker: u.Speaker, Text: u.Text, Terminator: u.Terminator, Line: u.Line, Dependent: u.Dependent, Tokens: []jtoken{}}
		if u.Timed {
			s, e := u.Start, u.End
			j.StartMs, j.EndMs = &s, &e
		}
		for _, tk := range u.Tokens {
			j.Tokens = append(j.Tokens, jtoken{Kind: tk.Kind.String(), Text: tk.Text, Clean: tk.Clean})
		}
		out.Utterances = append(out.Utterances, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// markTimedOverlaps writes the overlaps that a timed transcript shows only
// in its timings as brackets, so that text without timings keeps them: a
// [ at the start of the utterance that comes in, and a [ in the overlapped
// utterance at the word reached by then (estimated in proportion to time,
// as the measures do).
func markTimedOverlaps(t *Transcript) {
	last := map[string]*Utterance{}
	words := func(u *Utterance) int {
		n := 0
		for _, k := range u.Tokens {
			if k.Kind == TokWord {
				n++
			}
		}
		return n
	}
	for _, u := range t.Utterances {
		if !u.Timed || len(u.Overlaps) > 0 {
			if u.Timed {
				last[u.Speaker] = u
			}
			continue
		}
		for id, l := range last {
			if id == u.Speaker || !(l.Start < u.Start && u.Start < l.End) {
				continue
			}
			n := int64(words(l))
			left := (n*(l.End-u.Start)*2 + (l.End - l.Start)) / (2 * (l.End - l.Start))
			pos := int(n - left)
			if pos < 1 && n > 0 {
				pos = 1
			}
			l.Overlaps = append(l.Overlaps, Overlap{Side: OverlapTop, Begin: true, Word: pos})
			u.Overlaps = append(u.Overlaps, Overlap{Side: OverlapBottom, Begin: true})
			break
		}
		last[u.Speaker] = u
	}
}
