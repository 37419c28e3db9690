package web

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

func (s *Server) factorList(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionViewRound)
	if !ok {
		return
	}
	p, err := s.newRoundPage(r, rd, nil)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	fs, err := s.store.Factors(r.Context(), rd.ID, p.Audience, p.Acting)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Page = fs
	s.render(w, r, http.StatusOK, "round_factors", view{Title: "What helps and what harms", Data: p})
}

// visibleStories lists, for link pickers and exports, every story the
// audience may see.
func (s *Server) visibleStories(r *http.Request, roundID string, a round.Audience) ([]evidence.Story, error) {
	var all []evidence.Story
	after := ""
	for {
		page, next, err := s.store.Stories(r.Context(), roundID, a, "", after, 200)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if next == "" {
			return all, nil
		}
		after = next
	}
}

func (s *Server) factorNewForm(w http.ResponseWriter, r *http.Request) {
	s.contribute(w, r, s.factorQuestions, false)
}

func (s *Server) factorCreate(w http.ResponseWriter, r *http.Request) {
	s.contribute(w, r, s.factorQuestions, true)
}

// factorQuestions asks for a risk or protective factor one question a page.
func (s *Server) factorQuestions(r *http.Request, p roundPage) questions {
	factor := func(a url.Values) evidence.NewFactor {
		return evidence.NewFactor{MemberID: p.actingMember(a), Kind: a.Get("kind"), Domain: a.Get("domain"), Description: a.Get("description"), StoryID: a.Get("story_id")}
	}
	list := append(memberQuestion(p, "Whose is it?"),
		question{Name: "kind", Title: "Does it help you or harm you?", Kind: "radio", Options: evidence.FactorKinds},
		question{Name: "domain", Title: "Which part of life is it about?", Kind: "radio", Options: evidence.Domains},
		question{Name: "description", Title: "What is it?", Hint: "For example: having a youth worker who knows me", Kind: "textarea"})
	// Offering stories needs them listed; a failure here only drops the question.
	if stories, err := s.visibleStories(r, p.Round.ID, p.Audience); err == nil && len(stories) > 0 {
		q := question{Name: "story_id", Title: "Which story is it from?", Kind: "select", Optional: true}
		for _, st := range stories {
			q.Options = append(q.Options, round.Option{Key: st.ID, Label: st.Title})
		}
		list = append(list, q)
	}
	return questions{Caption: "Add something that helps or harms", Action: "/rounds/" + p.Round.ID + "/factors", Button: "Add", List: list,
		check: func(a url.Values) error { n := factor(a); return n.Validate() },
		save: func(a url.Values) (string, error) {
			n := factor(a)
			if err := n.Validate(); err != nil {
				return "", err
			}
			_, err := s.store.AddFactor(r.Context(), p.Round.ID, n)
			return "/rounds/" + p.Round.ID + "/factors?done=factor-added", err
		}}
}

// factorMeToo records the reading member's "me too".
func (s *Server) factorMeToo(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionContribute)
	if !ok {
		return
	}
	p, err := s.newRoundPage(r, rd, nil)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if p.Acting == "" {
		s.fail(w, r, apperr.Errorf(apperr.Forbidden, "Only members of the group can say “me too”."))
		return
	}
	if err := s.store.EndorseFactor(r.Context(), rd.ID, r.PathValue("fid"), p.Acting); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/factors?done=me-too", http.StatusSeeOther)
}

func (s *Server) serviceList(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionViewRound)
	if !ok {
		return
	}
	a, err := s.audience(r, rd.ID)
	var svcs []evidence.LocalService
	if err == nil {
		svcs, err = s.store.Services(r.Context(), rd.ID, a)
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.showRound(w, r, http.StatusOK, "round_services", "Existing services and support", rd, svcs, nil)
}

func (s *Server) serviceNewForm(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionManageServices)
	if !ok {
		return
	}
	s.showRound(w, r, http.StatusOK, "round_service_new", "Add a service", rd, nil, nil)
}

func (s *Server) serviceCreate(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionManageServices)
	if !ok {
		return
	}
	_ = r.ParseForm()
	n := evidence.NewService{Name: r.PostForm.Get("name"), Provider: r.PostForm.Get("provider"), Type: r.PostForm.Get("type")}
	err := n.Validate()
	var svc *evidence.LocalService
	if err == nil {
		svc, err = s.store.AddService(r.Context(), rd.ID, n)
	}
	if err != nil {
		s.roundFormError(w, r, err, "round_service_new", "Add a service", rd, nil)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/services/"+svc.ID+"?done=service-added", http.StatusSeeOther)
}

type serviceData struct {
	Service  *evidence.LocalService
	Feedback []evidence.Feedback
}

func (s *Server) serviceShow(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionViewRound)
	if !ok {
		return
	}
	svc, e := s.store.ServiceByID(r.Context(), rd.ID, r.PathValue("sid"))
	if e != nil {
		s.fail(w, r, e)
		return
	}
	a, e := s.audience(r, rd.ID)
	var fb []evidence.Feedback
	if e == nil {
		fb, e = s.store.Feedback(r.Context(), rd.ID, svc.ID, a)
	}
	if e != nil {
		s.serverError(w, r, e)
		return
	}
	d := serviceData{Service: svc, Feedback: fb}
	s.showRound(w, r, http.StatusOK, "round_service", svc.Name, rd, d, nil)
}

func (s *Server) feedbackNewForm(w http.ResponseWriter, r *http.Request) {
	s.contribute(w, r, s.feedbackQuestions, false)
}

func (s *Server) feedbackCreate(w http.ResponseWriter, r *http.Request) {
	s.contribute(w, r, s.feedbackQuestions, true)
}

// notRated is the answer for a dimension the person chose not to rate.
const notRated = "none"

// feedbackQuestions asks for feedback on a service: each dimension is its
// own question, then a comment.
func (s *Server) feedbackQuestions(r *http.Request, p roundPage) questions {
	svcID := r.PathValue("sid")
	base := "/rounds/" + p.Round.ID + "/services/" + svcID
	list := memberQuestion(p, "Whose feedback is it?")
	for _, d := range evidence.Dimensions {
		opts := append(feelingOptions(), round.Option{Key: notRated, Label: "I would rather not rate this"})
		list = append(list, question{Name: "rating_" + d.Key, Title: d.Label, Hint: "1 is very bad, 5 is very good.", Kind: "radio", Options: opts})
	}
	list = append(list, question{Name: "comment", Title: "Anything else you want to say about it?", Kind: "textarea", Optional: true})
	feedback := func(a url.Values) (evidence.NewFeedback, []apperr.FieldError) {
		n := evidence.NewFeedback{MemberID: p.actingMember(a), Comment: a.Get("comment"), Ratings: map[string]int{}}
		var fs []apperr.FieldError
		for _, d := range evidence.Dimensions {
			switch v := a.Get("rating_" + d.Key); v {
			case notRated:
			case "":
				fs = append(fs, apperr.FieldError{Field: "rating_" + d.Key, Message: d.Label + ": choose a score, or that you would rather not rate it"})
			default:
				n.Ratings[d.Key], _ = strconv.Atoi(v)
			}
		}
		if n.MemberID == "" {
			fs = append(fs, apperr.FieldError{Field: "member_id", Message: "Select whose feedback this is"})
		}
		return n, fs
	}
	var name string
	if svc, err := s.store.ServiceByID(r.Context(), p.Round.ID, svcID); err == nil {
		name = svc.Name
	}
	return questions{Caption: "Feedback on " + name, Action: base + "/feedback", Button: "Save feedback", List: list,
		check: func(a url.Values) error {
			n, fs := feedback(a)
			return apperr.Fields(append(fs, apperr.FieldsOf(n.Validate())...))
		},
		save: func(a url.Values) (string, error) {
			n, fs := feedback(a)
			if err := apperr.Fields(append(fs, apperr.FieldsOf(n.Validate())...)); err != nil {
				return "", err
			}
			return base + "?done=feedback-added", s.store.AddFeedback(r.Context(), p.Round.ID, svcID, n)
		}}
}

// importData is the import page: the upload form, or the preview of a file.
type importData struct {
	Rows    []evidence.ImportRow
	Valid   int
	Invalid int
	File    string // the file's text, carried to the confirmation unchanged
	Header  string
	Problem string
}

// setRows keeps the previewed rows and counts the valid and invalid ones.
func (d *importData) setRows(rows []evidence.ImportRow) {
	d.Rows = rows
	for _, row := range rows {
		if row.Valid() {
			d.Valid++
		} else {
			d.Invalid++
		}
	}
}

// maxImportBytes bounds an uploaded feedback file.
const maxImportBytes = 1 << 20

func (s *Server) importForm(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionManageServices)
	if !ok {
		return
	}
	s.showRound(w, r, http.StatusOK, "round_import", "Import feedback from a file", rd, importData{Header: importHeader()}, nil)
}

func importHeader() string {
	var b bytes.Buffer
	for i, h := range evidence.ImportHeader() {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(h)
	}
	return b.String()
}

// parseImport reads a feedback file against the round's services.
func (s *Server) parseImport(r *http.Request, roundID, file string) ([]evidence.ImportRow, error) {
	svcs, err := s.store.Services(r.Context(), roundID, round.Facilitators)
	if err != nil {
		return nil, err
	}
	ids := map[string]string{}
	for _, sv := range svcs {
		ids[sv.Name] = sv.ID
	}
	return evidence.ParseFeedbackCSV(bytes.NewReader([]byte(file)), ids)
}

// importPreview reads the uploaded file and shows every row with its
// problems. Nothing is saved until the person confirms.
func (s *Server) importPreview(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionManageServices)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxImportBytes+4096)
	d := importData{Header: importHeader()}
	var rows []evidence.ImportRow
	err := r.ParseMultipartForm(maxImportBytes)
	var body []byte
	if err == nil {
		f, _, ferr := r.FormFile("file")
		if ferr != nil {
			err = apperr.Fields([]apperr.FieldError{{Field: "file", Message: "Choose a CSV file to upload"}})
		} else {
			body, err = io.ReadAll(io.LimitReader(f, maxImportBytes))
			f.Close()
		}
	} else {
		err = apperr.Fields([]apperr.FieldError{{Field: "file", Message: "The file must be a CSV file smaller than 1 MB"}})
	}
	if err == nil {
		d.File = string(body)
		rows, err = s.parseImport(r, rd.ID, d.File)
		if apperr.Code(err) == apperr.Invalid && len(apperr.FieldsOf(err)) == 0 {
			err = apperr.Fields([]apperr.FieldError{{Field: "file", Message: apperr.Message(err)}})
		}
	}
	if err != nil {
		s.roundFormError(w, r, err, "round_import", "Import feedback from a file", rd, d)
		return
	}
	d.setRows(rows)
	s.showRound(w, r, http.StatusOK, "round_import_preview", "Check the feedback before importing", rd, d, nil)
}

// importConfirm imports the previewed file's valid rows. A file with
// problems is imported only when the person explicitly chose to leave the
// bad rows out.
func (s *Server) importConfirm(w http.ResponseWriter, r *http.Request) {
	rd, ok := s.loadRound(w, r, auth.ActionManageServices)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 2*maxImportBytes)
	_ = r.ParseForm()
	d := importData{File: r.PostForm.Get("file"), Header: importHeader()}
	rows, err := s.parseImport(r, rd.ID, d.File)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.setRows(rows)
	if d.Invalid > 0 && r.PostForm.Get("valid_only") != "yes" {
		s.showRound(w, r, http.StatusUnprocessableEntity, "round_import_preview", "Check the feedback before importing", rd, d,
			[]apperr.FieldError{{Field: "valid_only", Message: "The file has rows with problems. Tick the box to import only the valid rows, or fix the file and upload it again"}})
		return
	}
	if _, err := s.store.ImportFeedback(r.Context(), rd.ID, rows); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/services?done=imported", http.StatusSeeOther)
}
