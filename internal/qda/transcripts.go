package qda

import (
	"strings"

	"github.com/coprod/coprod/internal/study"
)

// FromTranscript makes a source of a conversation-analysis study's
// transcript, for coding utterance by utterance: each utterance is a
// paragraph, "Speaker: words", so coding by paragraph codes utterances.
// Speakers are shown by their labels from their roles ("Supporter",
// "Supported person 2"), never by their ids; replaceNames also replaces
// the participants' names in the talk, as the study does when asked. The
// transcript's consent for research use comes with it, and the source is
// labelled "before" or "after" the study's intervention when it has one.
func FromTranscript(projectID string, st study.Study, tr study.Transcript, replaceNames bool) (NewSource, error) {
	parsed, err := tr.Parse()
	if err != nil {
		return NewSource{}, err
	}
	labels := study.Labels(study.Participants(parsed), tr.Roles)
	if replaceNames {
		parsed = study.ReplaceNames(parsed, tr.Roles)
		// ReplaceNames writes the labels in as the speakers.
		labels = nil
	}
	var b strings.Builder
	for _, u := range parsed.Utterances {
		words := strings.TrimSpace(withoutBullets(u.Text))
		if words == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		speaker := u.Speaker
		if labels != nil {
			speaker = labels[u.Speaker]
		}
		b.WriteString(speaker + ": " + strings.Join(strings.Fields(words), " "))
	}
	n := NewSource{
		ProjectID:     projectID,
		Title:         st.Title + ": " + tr.Title,
		Text:          b.String(),
		Units:         Paragraphs,
		ConsentNote:   "From the study “" + st.Title + "”: " + tr.ConsentNote,
		NamesReplaced: tr.NamesReplaced || replaceNames,
		TranscriptID:  tr.ID,
	}
	if p := study.PhaseOf(tr.SessionDate, st.InterventionDate); p != study.PhaseNone {
		n.Attribute = string(p)
	}
	return n, nil
}

// withoutBullets drops CHAT's media bullets (timings between two U+0015
// characters), which are not talk.
func withoutBullets(s string) string {
	for {
		i := strings.IndexByte(s, '\x15')
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i+1:], '\x15')
		if j < 0 {
			return s[:i]
		}
		s = s[:i] + s[i+1+j+1:]
	}
}
