package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/study"
)

var codingTranscriptsPage = page[codingTranscriptsData]{"coding_transcripts"}

// codingTranscriptsData lists the transcripts of the conversation-analysis
// studies of the project's organisation, to add one as a source.
type codingTranscriptsData struct {
	codingProjectData
	Studies []transcriptChoices
}

type transcriptChoices struct {
	Study   study.Study
	Choices []transcriptChoice
}

type transcriptChoice struct {
	ID, Title, Date string
	Added           bool // already a source of this project
}

// maxTranscriptChoices bounds the list: a study has a few dozen sessions.
const maxTranscriptChoices = 200

func (s *Server) codingTranscriptChoices(r *http.Request) (codingTranscriptsData, error) {
	d, err := s.codingProject(r, auth.ActionManageStudy)
	if err != nil {
		return codingTranscriptsData{}, err
	}
	out := codingTranscriptsData{codingProjectData: d}
	added := map[string]bool{}
	for _, src := range d.Sources {
		added[src.TranscriptID] = true
	}
	studies, err := s.store.ListStudies(r.Context(), study.StudyQuery{OrgIDs: []string{d.Project.OrgID}, Limit: maxTranscriptChoices})
	if err != nil {
		return out, err
	}
	for _, st := range studies.Items {
		ts, err := s.store.ListTranscripts(r.Context(), study.TranscriptQuery{StudyID: st.ID, Limit: maxTranscriptChoices})
		if err != nil {
			return out, err
		}
		if len(ts.Items) == 0 {
			continue
		}
		c := transcriptChoices{Study: st}
		for _, t := range ts.Items {
			c.Choices = append(c.Choices, transcriptChoice{ID: t.ID, Title: t.Title, Date: study.FormatDate(t.SessionDate), Added: added[t.ID]})
		}
		out.Studies = append(out.Studies, c)
	}
	return out, nil
}

func (s *Server) codingTranscriptsForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.codingTranscriptChoices(r)
	if err != nil {
		return err
	}
	return codingTranscriptsPage.show(s, w, r, http.StatusOK, view{Title: "Add a transcript from a study"}, d)
}

// codingTranscriptAdd adds a study transcript as a source of utterances
// (qda.FromTranscript), with the transcript's consent for research use.
func (s *Server) codingTranscriptAdd(w http.ResponseWriter, r *http.Request) error {
	d, err := s.codingTranscriptChoices(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	again := func(status int, msg string) error {
		return codingTranscriptsPage.show(s, w, r, status, view{Title: "Add a transcript from a study", Form: r.PostForm,
			Errors: []apperr.FieldError{{Field: "transcript", Message: msg}}}, d)
	}
	id := r.PostForm.Get("transcript")
	if id == "" {
		return again(http.StatusUnprocessableEntity, "Choose the transcript to add")
	}
	tr, err := s.store.TranscriptByID(r.Context(), id)
	if apperr.Code(err) == apperr.NotFound {
		return again(http.StatusUnprocessableEntity, "That transcript is not in a study of this project's organisation")
	}
	if err != nil {
		return err
	}
	st, err := s.store.StudyByID(r.Context(), tr.StudyID)
	if err != nil {
		return err
	}
	if st.OrgID != d.Project.OrgID {
		return again(http.StatusUnprocessableEntity, "That transcript is not in a study of this project's organisation")
	}
	n, err := qda.FromTranscript(d.Project.ID, *st, *tr, r.PostForm.Get("replace_names") == "yes")
	if err != nil {
		return again(http.StatusUnprocessableEntity, "The transcript cannot be read, so it cannot be coded")
	}
	if err := n.Validate(); err != nil {
		return again(http.StatusUnprocessableEntity, "The transcript cannot be a source: "+apperr.Message(err))
	}
	switch _, err := s.store.AddSource(r.Context(), n); apperr.Code(err) {
	case "":
	case apperr.Conflict:
		return again(http.StatusConflict, apperr.Message(err))
	case apperr.NotFound:
		return again(http.StatusUnprocessableEntity, apperr.Message(err))
	default:
		return err
	}
	http.Redirect(w, r, "/coding/"+d.Project.ID+"?done=source-added", http.StatusSeeOther)
	return nil
}
