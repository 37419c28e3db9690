package findings

import (
	"sort"
	"strconv"
	"strings"
)

// Source is the round's data a document is made from, as the group may see
// it (content whose author withdrew consent is already left out).
type Source struct {
	RoundTitle string
	Themes     []Theme
	Factors    []Factor
	Vision     []Statement
	// VotesCounted is true once dot voting has closed and Dots are counted.
	VotesCounted bool
	Measures     []Measure
	Indicators   []Indicator
	Tenders      []Tender
	Voice        []Voice
}

// Theme is one of the round's themes and how many pieces of evidence carry it.
type Theme struct {
	ID, Name string
	Items    int
}

// Factor is something that helps or harms how people feel about themselves.
type Factor struct {
	ID     string
	Helps  bool   // protective; false for a risk
	Domain string // evidence.Domains key: health, home, money, …
	Text   string
	MeToo  int
}

// Statement is one "I statement" of the group's vision.
type Statement struct {
	ID, Text string
	Dots     int
	Picture  string // chosen by the facilitator; "" for the default
}

// Measure is one of the round's measures.
type Measure struct {
	ID, Title string
	EasyRead  string // the Easy Read text staff wrote for it
	SignedOff bool   // the group signed it off
	Picture   string
}

// Indicator is a measure written into a contract's payment profile.
type Indicator struct {
	Key       string // contract id and indicator code
	Provider  string // the provider holding the contract
	Name      string
	MeasureID string
}

// Tender is one of the round's tenders and its outcome.
type Tender struct {
	ID, Title string
	Published bool
	Awarded   bool
	Winner    string // the winning organisation, once awarded
	Stake     string // the group's stake, "20%"
	// Sensitivity: Tested is false when the engine could not test
	// whether the group's scores changed the winner (no compliant bid, a
	// stake of 0 or of all the quality weight).
	Tested          bool
	GroupChangedWho bool
}

// Voice is one ledger item of the round, with the group's verdict.
type Voice struct {
	ID       string
	Said     string
	EasyRead string
	// Verdict is the summary of members' verdicts: changed, partly,
	// not_changed, too_early, mixed; "" when nobody has given one.
	Verdict string
}

// Generate makes a document of the kind from the round's data. Every point
// starts included.
func Generate(src Source, k Kind) Document {
	d := Document{Kind: k, Title: k.Title()}
	switch k {
	case KindToldUs:
		d.Sections = toldUs(src)
	case KindWillChange:
		d.Sections = willChange(src)
	case KindDidChange:
		d.Sections = didChange(src)
	}
	return d
}

func point(key, pic string, lines ...string) Point {
	var kept []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			kept = append(kept, l)
		}
	}
	return Point{Key: key, Picture: pic, Text: strings.Join(kept, "\n"), Include: true}
}

// sentences puts each sentence of someone's words on a line of its own, so
// the page shows one idea a line, and ends the last with a full stop.
func sentences(s string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r", ""), "\n") {
		rest := strings.TrimSpace(line)
		for rest != "" {
			i := sentenceEnd(rest)
			out = append(out, strings.TrimSpace(rest[:i]))
			rest = strings.TrimSpace(rest[i:])
		}
	}
	if n := len(out); n > 0 && !strings.ContainsAny(out[n-1][len(out[n-1])-1:], ".!?") {
		out[n-1] += "."
	}
	return out
}

// sentenceEnd is the length of s's first sentence: up to and including a
// full stop, question or exclamation mark followed by a space.
func sentenceEnd(s string) int {
	for i := 0; i < len(s)-1; i++ {
		if strings.IndexByte(".!?", s[i]) >= 0 && s[i+1] == ' ' {
			return i + 1
		}
	}
	return len(s)
}

func times(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func toldUs(src Source) []Section {
	var out []Section
	if len(src.Themes) > 0 {
		s := Section{Key: "themes", Heading: "What you talked about"}
		themes := append([]Theme(nil), src.Themes...)
		sort.SliceStable(themes, func(i, j int) bool { return themes[i].Items > themes[j].Items })
		for _, t := range themes {
			lines := []string{"You talked about: " + strings.TrimRight(t.Name, ".") + "."}
			if t.Items > 0 {
				lines = append(lines, "It came up "+times(t.Items, "time", "times")+".")
			}
			s.Points = append(s.Points, point("theme:"+t.ID, PicTalk, lines...))
		}
		out = append(out, s)
	}
	for _, helps := range []bool{true, false} {
		s := Section{Key: "harms", Heading: "What harms you"}
		if helps {
			s = Section{Key: "helps", Heading: "What helps you"}
		}
		fs := []Factor{}
		for _, f := range src.Factors {
			if f.Helps == helps {
				fs = append(fs, f)
			}
		}
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].MeToo > fs[j].MeToo })
		for _, f := range fs {
			lines := sentences(f.Text)
			if f.MeToo > 0 {
				lines = append(lines, times(f.MeToo, "more person", "more people")+" said: me too.")
			}
			s.Points = append(s.Points, point("factor:"+f.ID, DomainPicture(f.Domain), lines...))
		}
		if len(s.Points) > 0 {
			out = append(out, s)
		}
	}
	if len(src.Vision) > 0 {
		s := Section{Key: "vision", Heading: "What good support looks like to you"}
		vs := append([]Statement(nil), src.Vision...)
		if src.VotesCounted {
			sort.SliceStable(vs, func(i, j int) bool { return vs[i].Dots > vs[j].Dots })
			s.Points = append(s.Points, point("vision:order", PicVote,
				"You voted with dots.", "The one with the most dots is first."))
		} else {
			s.Points = append(s.Points, point("vision:order", PicVote,
				"Voting has not finished yet.", "We will put them in order after the vote."))
		}
		for _, v := range vs {
			lines := sentences(v.Text)
			if src.VotesCounted {
				lines = append(lines, "It got "+times(v.Dots, "dot", "dots")+".")
			}
			pic := v.Picture
			if pic == "" {
				pic = PicIdea
			}
			s.Points = append(s.Points, point("vision:"+v.ID, pic, lines...))
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		out = append(out, Section{Key: "nothing", Heading: "Nothing yet", Points: []Point{
			point("nothing", PicTime, "The group has not told us things yet."),
		}})
	}
	return out
}

func willChange(src Source) []Section {
	var out []Section
	if len(src.Measures) > 0 {
		s := Section{Key: "measures", Heading: "What we will check"}
		for _, m := range src.Measures {
			lines := sentences(m.EasyRead)
			if len(lines) == 0 {
				lines = sentences(m.Title)
			}
			if m.SignedOff {
				lines = append(lines, "The group said yes to this.")
			} else {
				lines = append(lines, "The group has not said yes to this yet.")
			}
			pic := m.Picture
			if pic == "" {
				pic = PicMeasure
			}
			s.Points = append(s.Points, point("measure:"+m.ID, pic, lines...))
		}
		out = append(out, s)
	}
	if len(src.Indicators) > 0 {
		easy := map[string]string{}
		for _, m := range src.Measures {
			easy[m.ID] = m.EasyRead
		}
		s := Section{Key: "contract", Heading: "What goes in the contract"}
		for _, in := range src.Indicators {
			lines := []string{"This is in the contract with " + strings.TrimRight(in.Provider, ".") + "."}
			if e := sentences(easy[in.MeasureID]); len(e) > 0 {
				lines = append(lines, firstIdea(e)...)
			} else {
				lines = append(lines, sentences(in.Name)...)
			}
			lines = append(lines, "Some of their money depends on it.")
			s.Points = append(s.Points, point("indicator:"+in.Key, PicMoney, lines...))
		}
		out = append(out, s)
	}
	var ts []Tender
	for _, t := range src.Tenders {
		if t.Published {
			ts = append(ts, t)
		}
	}
	if len(ts) > 0 {
		s := Section{Key: "tender", Heading: "Who will run the service"}
		for _, t := range ts {
			s.Points = append(s.Points, point("tender:"+t.ID, PicContract, tenderLines(t)...))
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		out = append(out, Section{Key: "nothing", Heading: "Nothing yet", Points: []Point{
			point("nothing", PicTime, "Nothing has been agreed yet.", "We will tell you when it is."),
		}})
	}
	return out
}

// firstIdea is the first sentence of a text, with the next one too while
// a sentence ends in a colon ("We ask you:" needs its question).
func firstIdea(lines []string) []string {
	n := 1
	for n < len(lines) && strings.HasSuffix(lines[n-1], ":") {
		n++
	}
	return lines[:n]
}

// tenderLines says who won and, in one sentence, what the group's stake did.
func tenderLines(t Tender) []string {
	if !t.Awarded {
		return []string{"We have not chosen who will run the service yet.",
			"Your group's scores count for " + t.Stake + " of the marks."}
	}
	lines := []string{"The winner is " + strings.TrimRight(t.Winner, ".") + ".", "They will run the service."}
	switch {
	case !t.Tested:
		lines = append(lines, "Your group's scores counted for "+t.Stake+" of the marks.")
	case t.GroupChangedWho:
		lines = append(lines, "Your group's scores changed who won.")
	default:
		lines = append(lines, "Your group's scores did not change who won.")
	}
	return lines
}

// verdictSections are the verdicts in the order the document gives them.
var verdictSections = []struct {
	verdict, heading, said, picture string
}{
	{"changed", "It changed", "You said it changed.", PicAgree},
	{"partly", "It partly changed", "You said it changed a bit.", PicNotSure},
	{"not_changed", "It did not change", "You said it did not change.", PicDisagree},
	{"too_early", "It is too early to say", "You said it is too early to say.", PicTime},
	{"mixed", "People do not agree", "Some of you said it changed. Some said it did not.", PicTalk},
}

func didChange(src Source) []Section {
	var out []Section
	waiting := 0
	for _, vs := range verdictSections {
		s := Section{Key: vs.verdict, Heading: vs.heading}
		for _, v := range src.Voice {
			if v.Verdict != vs.verdict {
				continue
			}
			said := v.EasyRead
			if said == "" {
				said = v.Said
			}
			lines := append([]string{"You told us:"}, sentences(said)...)
			lines = append(lines, sentences(vs.said)...)
			s.Points = append(s.Points, point("voice:"+v.ID, vs.picture, lines...))
		}
		if len(s.Points) > 0 {
			out = append(out, s)
		}
	}
	for _, v := range src.Voice {
		if v.Verdict == "" {
			waiting++
		}
	}
	if waiting > 0 || len(out) == 0 {
		lines := []string{"No one has said if things changed yet."}
		if waiting > 0 {
			lines = []string{times(waiting, "thing is", "things are") + " waiting for you to say.",
				"You can say if it changed."}
		}
		out = append(out, Section{Key: "waiting", Heading: "Still to say", Points: []Point{
			point("waiting", PicTime, lines...),
		}})
	}
	return out
}
