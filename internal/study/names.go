package study

import (
	"bytes"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coprod/coprod/internal/pseudonym"
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
	out := &transcript.Transcript{Name: r.Word(t.Name), Header: transcript.Header{Format: t.Header.Format, CA: t.Header.CA}}
	for _, l := range t.Header.Lines {
		out.Header.Lines = append(out.Header.Lines, r.Text(l))
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
		c.Text = r.Text(c.Text)
		for i := range c.Tokens {
			tok := &c.Tokens[i]
			if tok.Kind == transcript.TokWord {
				tok.Text, tok.Clean = r.Word(tok.Text), r.Word(tok.Clean)
			} else {
				tok.Text, tok.Clean = r.Text(tok.Text), r.Text(tok.Clean)
			}
		}
		for i := range c.Dependent {
			c.Dependent[i].Text = r.Text(c.Dependent[i].Text)
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
func (a *Anonymised) Text(s string) string { return a.r.Text(s) }

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
type nameReplacer = pseudonym.Replacer

func newNameReplacer(parts []transcript.Participant, labels map[string]string) *nameReplacer {
	terms := map[string]string{}
	add := func(term, label string) {
		term = strings.TrimSpace(term)
		if utf8.RuneCountInString(term) < 2 {
			return
		}
		if _, ok := terms[strings.ToLower(term)]; !ok {
			terms[strings.ToLower(term)] = label
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
	return pseudonym.New(terms, "Speaker")
}
