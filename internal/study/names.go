package study

import (
	"bytes"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coprod/coprod/transcript"
)

// Labels gives every participant the label that replaces their name:
// "Supporter" and "Supported person", numbered when a side has several
// ("Supporter 1", "Supporter 2"), and "Speaker N" (N: their place in the
// list of participants) for anyone without either side.
func Labels(participants []transcript.Participant, roles map[string]string) map[string]string {
	count := map[string]int{}
	for _, p := range participants {
		count[roles[p.ID]]++
	}
	seen := map[string]int{}
	labels := map[string]string{}
	for i, p := range participants {
		role := roles[p.ID]
		if role != RoleSupporter && role != RoleSupported {
			labels[p.ID] = "Speaker " + strconv.Itoa(i+1)
			continue
		}
		seen[role]++
		labels[p.ID] = RoleLabel(role)
		if count[role] > 1 {
			labels[p.ID] += " " + strconv.Itoa(seen[role])
		}
	}
	return labels
}

// ReplaceNames returns a copy of t in which every participant's id and
// name are replaced by their label (see Labels): in the header, the
// speakers, the talk, events, comments and dependent tiers. Matching is by
// whole word and ignores case; a name is also matched by each of its parts
// ("Alex Smith" and "Alex_Smith" by "Alex" and "Smith"). In talk the label
// is written as one word ("Supported_person", as CHAT writes multi-word
// names) so word counts do not change. Ids and name parts of one letter
// are left alone in the text: they are words such as "a" and "I".
func ReplaceNames(t *transcript.Transcript, roles map[string]string) *transcript.Transcript {
	parts := Participants(t)
	labels := Labels(parts, roles)
	r := newNameReplacer(parts, labels)
	out := &transcript.Transcript{Name: r.word(t.Name), Header: transcript.Header{Format: t.Header.Format, CA: t.Header.CA}}
	for _, l := range t.Header.Lines {
		out.Header.Lines = append(out.Header.Lines, r.text(l))
	}
	for _, p := range parts {
		role := roles[p.ID]
		if role == "" {
			role = p.Role
			if side := transcript.RoleSide(role); side != RoleSupporter && side != RoleSupported {
				role = "" // a declared role such as "Mother_of_Alex" could name someone
			}
		}
		out.Header.Participants = append(out.Header.Participants, transcript.Participant{ID: labels[p.ID], Name: labels[p.ID], Role: role})
	}
	for _, u := range t.Utterances {
		c := u.Clone()
		c.Speaker = labels[u.Speaker]
		c.Text = r.text(c.Text)
		for i := range c.Tokens {
			tok := &c.Tokens[i]
			if tok.Kind == transcript.TokWord {
				tok.Text, tok.Clean = r.word(tok.Text), r.word(tok.Clean)
			} else {
				tok.Text, tok.Clean = r.text(tok.Text), r.text(tok.Clean)
			}
		}
		for i := range c.Dependent {
			c.Dependent[i].Text = r.text(c.Dependent[i].Text)
		}
		out.Utterances = append(out.Utterances, c)
	}
	return out
}

// Anonymised is a transcript rewritten without names, ready to store.
type Anonymised struct {
	// Source is the transcript as CHAT, the format that keeps everything
	// the measures use.
	Source string
	// FileName is the original name with names replaced and a .cha ending.
	FileName string
	// Participants and Roles are the ids the CHAT declares when read back
	// (SUPPORTER, SUPPORTED_PERSON ...) with their roles, so stored roles
	// match the stored file.
	Participants []string
	Roles        map[string]string
	r            *nameReplacer
}

// Text replaces the participants' names in any other text, such as a
// title typed for the session.
func (a *Anonymised) Text(s string) string { return a.r.text(s) }

// WithoutNames replaces names by labels (ReplaceNames) and writes the
// result as CHAT.
func WithoutNames(t *transcript.Transcript, roles map[string]string) (*Anonymised, error) {
	parts := Participants(t)
	rt := ReplaceNames(t, roles)
	var buf bytes.Buffer
	if err := transcript.WriteCHAT(&buf, rt); err != nil {
		return nil, err
	}
	name := strings.TrimSuffix(rt.Name, path.Ext(rt.Name)) + ".cha"
	back, err := transcript.Read(transcript.FormatCHAT, name, bytes.NewReader(buf.Bytes()))
	if err != nil {
		return nil, err
	}
	a := &Anonymised{Source: buf.String(), FileName: name, Roles: map[string]string{}, r: newNameReplacer(parts, Labels(parts, roles))}
	// WriteCHAT keeps the participants in order, so the ids read back
	// line up with the labelled participants.
	for i, p := range Participants(back) {
		a.Participants = append(a.Participants, p.ID)
		if i < len(parts) && roles[parts[i].ID] != "" {
			a.Roles[p.ID] = roles[parts[i].ID]
		}
	}
	return a, nil
}

// nameReplacer finds participants' names and ids as whole words.
type nameReplacer struct {
	re    *regexp.Regexp
	label map[string]string // lower-cased term -> label
}

func newNameReplacer(parts []transcript.Participant, labels map[string]string) *nameReplacer {
	r := &nameReplacer{label: map[string]string{}}
	add := func(term, label string) {
		term = strings.TrimSpace(term)
		if utf8.RuneCountInString(term) < 2 {
			return
		}
		if _, ok := r.label[strings.ToLower(term)]; !ok {
			r.label[strings.ToLower(term)] = label
		}
	}
	for _, p := range parts {
		l := labels[p.ID]
		add(p.ID, l)
		add(p.Name, l)
		add(strings.ReplaceAll(p.Name, "_", " "), l)
		for _, part := range strings.FieldsFunc(p.Name, func(r rune) bool { return r == '_' || unicode.IsSpace(r) }) {
			add(part, l)
		}
	}
	if len(r.label) == 0 {
		return r
	}
	terms := make([]string, 0, len(r.label))
	for t := range r.label {
		terms = append(terms, t)
	}
	// Longest first, so "alex smith" wins over "alex".
	sort.Slice(terms, func(i, j int) bool {
		if len(terms[i]) != len(terms[j]) {
			return len(terms[i]) > len(terms[j])
		}
		return terms[i] < terms[j]
	})
	for i, t := range terms {
		terms[i] = regexp.QuoteMeta(t)
	}
	r.re = regexp.MustCompile(`(?i)` + strings.Join(terms, "|"))
	return r
}

// replace swaps every whole-word match; Go's \b knows only ASCII letters,
// so the edges are checked here with Unicode letters and digits.
func (r *nameReplacer) replace(s string, oneWord bool) string {
	if r.re == nil || s == "" {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range r.re.FindAllStringIndex(s, -1) {
		before, _ := utf8.DecodeLastRuneInString(s[:m[0]])
		after, _ := utf8.DecodeRuneInString(s[m[1]:])
		if isWordRune(before) || isWordRune(after) {
			continue
		}
		label := r.labelOf(s[m[0]:m[1]])
		if oneWord {
			label = strings.ReplaceAll(label, " ", "_")
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(label)
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// labelOf finds the label of a match; Unicode case folding can match
// text whose lower case differs from the term's, hence the second look.
func (r *nameReplacer) labelOf(match string) string {
	if l, ok := r.label[strings.ToLower(match)]; ok {
		return l
	}
	for t, l := range r.label {
		if strings.EqualFold(t, match) {
			return l
		}
	}
	return "Speaker"
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func (r *nameReplacer) text(s string) string { return r.replace(s, false) }
func (r *nameReplacer) word(s string) string { return r.replace(s, true) }
