package study

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/transcript"
)

// MaxSourceBytes bounds a stored transcript: an hour of talk in CHAT is
// a few hundred kilobytes.
const MaxSourceBytes = 5 << 20

// Roles a researcher gives a participant. Supporter and supported are the
// two sides the transcript package compares; other is anyone else (a
// relative, a second person supported who is not the focus).
const (
	RoleSupporter = transcript.RoleSupporter
	RoleSupported = transcript.RoleSupported
	RoleOther     = "other"
)

// RoleChoices lists the roles in the order forms show them.
var RoleChoices = []string{RoleSupporter, RoleSupported, RoleOther}

// RoleLabel is a role in plain English.
func RoleLabel(role string) string {
	switch role {
	case RoleSupporter:
		return "Supporter"
	case RoleSupported:
		return "Supported person"
	case RoleOther:
		return "Other"
	case "", "unknown":
		return "Not assigned"
	}
	return role
}

// Transcript is one recorded session kept in a study.
type Transcript struct {
	ID          string
	StudyID     string
	Title       string
	SessionDate string // YYYY-MM-DD
	FileName    string
	Format      transcript.Format
	// Source is the file as stored: as uploaded, or rewritten as CHAT with
	// names replaced. Empty in lists (see TranscriptQuery.WithSource).
	Source string
	// Participants are the ids of everyone who speaks, in order.
	Participants []string
	// Roles gives participants a role by id: supporter, supported or
	// other. It overrides the roles the file declares.
	Roles         map[string]string
	NamesReplaced bool
	// Consent: how it was given, who recorded it and when.
	ConsentNote   string
	ConsentBy     string
	ConsentByName string
	ConsentAt     time.Time
	CreatedAt     time.Time
}

// RolesAssigned reports whether every participant has a role.
func (t *Transcript) RolesAssigned() bool {
	for _, id := range t.Participants {
		if t.Roles[id] == "" {
			return false
		}
	}
	return len(t.Participants) > 0
}

// Parse reads the stored source.
func (t *Transcript) Parse() (*transcript.Transcript, error) {
	return transcript.Read(t.Format, t.FileName, strings.NewReader(t.Source))
}

// Measure reads the stored source once and measures it, for pages that
// show the talk (a timeline) as well as the measures.
func (t *Transcript) Measure() (*transcript.Transcript, *transcript.Report, error) {
	tr, err := t.Parse()
	if err != nil {
		return nil, nil, err
	}
	a := transcript.NewAnalyser(transcript.Options{Roles: t.Roles})
	for _, u := range tr.Utterances {
		a.Add(u)
	}
	return tr, a.Report(t.FileName, &tr.Header), nil
}

// Analyse measures the stored source with the assigned roles.
func (t *Transcript) Analyse() (*transcript.Report, error) {
	d, err := transcript.NewDecoder(t.Format, t.FileName, strings.NewReader(t.Source))
	if err != nil {
		return nil, err
	}
	return transcript.Analyse(d, t.FileName, transcript.Options{Roles: t.Roles})
}

// NewTranscript is what a researcher uploads, once the file has been read:
// Participants and Roles come from PrepareRoles, Source from the file or
// from WithoutNames.
type NewTranscript struct {
	StudyID          string
	Title            string
	SessionDate      string // as typed; Validate stores it as YYYY-MM-DD
	FileName         string
	Format           transcript.Format
	Source           string
	Participants     []string
	Roles            map[string]string
	NamesReplaced    bool
	ConsentNote      string
	ConsentConfirmed bool
}

// Validate normalises the input and returns every problem at once.
func (n *NewTranscript) Validate() error {
	n.Title = strings.TrimSpace(n.Title)
	n.ConsentNote = strings.TrimSpace(n.ConsentNote)
	var fs []apperr.FieldError
	fs = append(fs, checkTitle(n.Title, "title", "Enter a title for the session, for example “Choosing lunch, week 1”")...)
	if strings.TrimSpace(n.SessionDate) == "" {
		fs = append(fs, apperr.FieldError{Field: "session_date", Message: "Enter the date of the session, like 31 March 2027"})
	} else if d, msg := ParseDate(n.SessionDate); msg != "" {
		fs = append(fs, apperr.FieldError{Field: "session_date", Message: "Date of the session: " + msg})
	} else {
		n.SessionDate = d
	}
	if _, ok := transcript.ParseFormat(string(n.Format)); !ok || n.Source == "" {
		fs = append(fs, apperr.FieldError{Field: "file", Message: "Choose a transcript file to upload"})
	} else if len(n.Source) > MaxSourceBytes {
		fs = append(fs, apperr.FieldError{Field: "file", Message: "The transcript is too long to keep: the limit is 5 MB"})
	}
	if n.ConsentNote == "" {
		fs = append(fs, apperr.FieldError{Field: "consent_note", Message: "Say how everyone in the recording gave their consent"})
	} else if len(n.ConsentNote) > 5000 {
		fs = append(fs, apperr.FieldError{Field: "consent_note", Message: "The note about consent must be 5,000 characters or fewer"})
	}
	if !n.ConsentConfirmed {
		fs = append(fs, apperr.FieldError{Field: "consent_confirmed", Message: "Confirm that everyone in the recording agreed to it being used in this study"})
	}
	if err := CheckRoles(n.Participants, n.Roles); err != nil {
		fs = append(fs, apperr.FieldsOf(err)...)
	}
	return apperr.Fields(fs)
}

// CheckRoles checks that roles name only participants and only known roles.
func CheckRoles(participants []string, roles map[string]string) error {
	known := map[string]bool{}
	for _, p := range participants {
		known[p] = true
	}
	var fs []apperr.FieldError
	for _, id := range sortedKeys(roles) {
		switch {
		case !known[id]:
			fs = append(fs, apperr.FieldError{Field: "roles", Message: fmt.Sprintf("There is no participant %q in the transcript", id)})
		case roles[id] != RoleSupporter && roles[id] != RoleSupported && roles[id] != RoleOther:
			fs = append(fs, apperr.FieldError{Field: "roles", Message: fmt.Sprintf("The role of %s must be supporter, supported or other", id)})
		}
	}
	return apperr.Fields(fs)
}

// ParseRoles reads "ID=supporter, ID=supported" as typed in the upload
// form. Besides supporter, supported and other it takes the role names the
// transcript package knows ("support worker", "person supported" ...).
func ParseRoles(s string) (map[string]string, error) {
	roles := map[string]string{}
	for _, pair := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		id, role, ok := strings.Cut(pair, "=")
		id, role = strings.TrimSpace(id), strings.TrimSpace(role)
		if !ok || id == "" || role == "" {
			return nil, apperr.Fields([]apperr.FieldError{{Field: "roles",
				Message: fmt.Sprintf("Write roles as ID=role separated by commas, like SAM=supporter, ALEX=supported (not “%s”)", strings.TrimSpace(pair))}})
		}
		side := transcript.RoleSide(role)
		if strings.EqualFold(role, RoleOther) {
			side = RoleOther
		}
		if side != RoleSupporter && side != RoleSupported && side != RoleOther {
			return nil, apperr.Fields([]apperr.FieldError{{Field: "roles", Message: fmt.Sprintf("The role of %s must be supporter, supported or other, not “%s”", id, role)}})
		}
		roles[id] = side
	}
	return roles, nil
}

// Participants lists everyone in a transcript in order: those the header
// declares, then speakers it does not.
func Participants(t *transcript.Transcript) []transcript.Participant {
	var out []transcript.Participant
	seen := map[string]bool{}
	for _, p := range t.Header.Participants {
		if !seen[p.ID] {
			seen[p.ID] = true
			out = append(out, p)
		}
	}
	for _, u := range t.Utterances {
		if !seen[u.Speaker] {
			seen[u.Speaker] = true
			out = append(out, transcript.Participant{ID: u.Speaker})
		}
	}
	return out
}

// PrepareRoles gives each participant its role: the one typed for it
// (ids match exactly or ignoring case), else the side its declared role
// names (a CHAT Support_Worker is a supporter); participants with neither
// stay unassigned. It returns the participant ids too.
func PrepareRoles(t *transcript.Transcript, given map[string]string) ([]string, map[string]string, error) {
	parts := Participants(t)
	ids := make([]string, len(parts))
	roles := map[string]string{}
	used := map[string]bool{}
	for i, p := range parts {
		ids[i] = p.ID
		if side := transcript.RoleSide(p.Role); side == RoleSupporter || side == RoleSupported {
			roles[p.ID] = side
		}
		if r, ok := given[p.ID]; ok {
			roles[p.ID], used[p.ID] = r, true
			continue
		}
		for g, r := range given {
			if !used[g] && strings.EqualFold(g, p.ID) {
				roles[p.ID], used[g] = r, true
				break
			}
		}
	}
	var fs []apperr.FieldError
	for _, g := range sortedKeys(given) {
		if !used[g] {
			fs = append(fs, apperr.FieldError{Field: "roles", Message: fmt.Sprintf("There is no participant %q in the transcript; its participants are %s", g, strings.Join(ids, ", "))})
		}
	}
	return ids, roles, apperr.Fields(fs)
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
