package web

import (
	"bytes"
	"net/http"
	"net/url"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

// The pages of what helps and harms and of existing services; their
// questions are round_question's.
var (
	roundFactorsPage       = page[roundPage[[]evidence.Factor]]{"round_factors"}
	roundServicesPage      = page[roundPage[[]evidence.LocalService]]{"round_services"}
	roundServiceNewPage    = page[roundPage[noData]]{"round_service_new"}
	roundServicePage       = page[roundPage[serviceData]]{"round_service"}
	roundImportPage        = page[roundPage[importData]]{"round_import"}
	roundImportPreviewPage = page[roundPage[importData]]{"round_import_preview"}
)

func (s *Server) factorList(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionViewGroupContent)
	if err != nil {
		return err
	}
	p, err := newRoundPage[[]evidence.Factor](s, r, rd)
	if err != nil {
		return err
	}
	if p.Page, err = s.store.Factors(r.Context(), rd.ID, p.Audience, p.Acting); err != nil {
		return err
	}
	return roundFactorsPage.show(s, w, r, http.StatusOK, view{Title: "What helps and what harms"}, p)
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

func (s *Server) factorNewForm(w http.ResponseWriter, r *http.Request) error {
	return s.contribute(w, r, s.factorQuestions, false)
}

func (s *Server) factorCreate(w http.ResponseWriter, r *http.Request) error {
	return s.contribute(w, r, s.factorQuestions, true)
}

// factorQuestions asks for a risk or protective factor one question a page.
func (s *Server) factorQuestions(r *http.Request, p roundPage[questionPage]) questions {
	factor := func(a url.Values) evidence.NewFactor { return newFactorForm(a, p.actingMember(a)) }
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
func (s *Server) factorMeToo(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionContribute)
	if err != nil {
		return err
	}
	a, err := s.audience(r, rd.ID)
	if err != nil {
		return err
	}
	if a.Self == "" {
		return apperr.Errorf(apperr.Forbidden, "Only members of the group can say “me too”.")
	}
	if err := s.store.EndorseFactor(r.Context(), rd.ID, r.PathValue("fid"), a.Self); err != nil {
		return err
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/factors?done=me-too", http.StatusSeeOther)
	return nil
}

func (s *Server) serviceList(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionViewRound)
	if err != nil {
		return err
	}
	p, err := newRoundPage[[]evidence.LocalService](s, r, rd)
	if err != nil {
		return err
	}
	if p.Page, err = s.store.Services(r.Context(), rd.ID, p.Audience); err != nil {
		return err
	}
	return roundServicesPage.show(s, w, r, http.StatusOK, view{Title: "Existing services and support", Form: formValues(r)}, p)
}

func (s *Server) serviceNewForm(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageServices)
	if err != nil {
		return err
	}
	return showInRound(s, w, r, roundServiceNewPage, http.StatusOK, view{Title: "Add a service"}, rd, noData{})
}

func (s *Server) serviceCreate(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageServices)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	n := newServiceForm(r.PostForm)
	err = n.Validate()
	var svc *evidence.LocalService
	if err == nil {
		svc, err = s.store.AddService(r.Context(), rd.ID, n)
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return showInRound(s, w, r, roundServiceNewPage, status, view{Title: "Add a service", Errors: errs}, rd, noData{})
		})
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/services/"+svc.ID+"?done=service-added", http.StatusSeeOther)
	return nil
}

type serviceData struct {
	Service  *evidence.LocalService
	Feedback []evidence.Feedback
}

func (s *Server) serviceShow(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionViewGroupContent)
	if err != nil {
		return err
	}
	svc, err := s.store.ServiceByID(r.Context(), rd.ID, r.PathValue("sid"))
	if err != nil {
		return err
	}
	p, err := newRoundPage[serviceData](s, r, rd)
	if err != nil {
		return err
	}
	p.Page.Service = svc
	if p.Page.Feedback, err = s.store.Feedback(r.Context(), rd.ID, svc.ID, p.Audience); err != nil {
		return err
	}
	return roundServicePage.show(s, w, r, http.StatusOK, view{Title: svc.Name, Form: formValues(r)}, p)
}

func (s *Server) feedbackNewForm(w http.ResponseWriter, r *http.Request) error {
	return s.contribute(w, r, s.feedbackQuestions, false)
}

func (s *Server) feedbackCreate(w http.ResponseWriter, r *http.Request) error {
	return s.contribute(w, r, s.feedbackQuestions, true)
}

// feedbackQuestions asks for feedback on a service: each dimension is its
// own question, then a comment.
func (s *Server) feedbackQuestions(r *http.Request, p roundPage[questionPage]) questions {
	svcID := r.PathValue("sid")
	base := "/rounds/" + p.Round.ID + "/services/" + svcID
	list := memberQuestion(p, "Whose feedback is it?")
	for _, d := range evidence.Dimensions {
		opts := append(feelingOptions(), round.Option{Key: notRated, Label: "I would rather not rate this"})
		list = append(list, question{Name: "rating_" + d.Key, Title: d.Label, Hint: "1 is very bad, 5 is very good.", Kind: "radio", Options: opts})
	}
	list = append(list, question{Name: "comment", Title: "Anything else you want to say about it?", Kind: "textarea", Optional: true})
	feedback := func(a url.Values) (evidence.NewFeedback, []apperr.FieldError) {
		return feedbackForm(a, p.actingMember(a))
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

func (s *Server) importForm(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageServices)
	if err != nil {
		return err
	}
	return showInRound(s, w, r, roundImportPage, http.StatusOK, view{Title: "Import feedback from a file"}, rd, importData{Header: importHeader()})
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
func (s *Server) importPreview(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageServices)
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxImportBytes+4096)
	d := importData{Header: importHeader()}
	var rows []evidence.ImportRow
	d.File, err = importFileForm(r)
	if err == nil {
		rows, err = s.parseImport(r, rd.ID, d.File)
		// A file the parser cannot read at all is a problem with the file field.
		if apperr.Code(err) == apperr.Invalid && len(apperr.FieldsOf(err)) == 0 {
			err = apperr.Fields([]apperr.FieldError{{Field: "file", Message: apperr.Message(err)}})
		}
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return showInRound(s, w, r, roundImportPage, status, view{Title: "Import feedback from a file", Errors: errs}, rd, d)
		})
	}
	d.setRows(rows)
	return showInRound(s, w, r, roundImportPreviewPage, http.StatusOK, view{Title: "Check the feedback before importing"}, rd, d)
}

// importConfirm imports the previewed file's valid rows. A file with
// problems is imported only when the person explicitly chose to leave the
// bad rows out.
func (s *Server) importConfirm(w http.ResponseWriter, r *http.Request) error {
	rd, err := s.roundFor(r, auth.ActionManageServices)
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, 2*maxImportBytes)
	_ = r.ParseForm()
	d := importData{File: r.PostForm.Get("file"), Header: importHeader()}
	rows, err := s.parseImport(r, rd.ID, d.File)
	if err != nil {
		return err
	}
	d.setRows(rows)
	if d.Invalid > 0 && r.PostForm.Get("valid_only") != "yes" {
		return showInRound(s, w, r, roundImportPreviewPage, http.StatusUnprocessableEntity, view{Title: "Check the feedback before importing",
			Errors: []apperr.FieldError{{Field: "valid_only", Message: "The file has rows with problems. Tick the box to import only the valid rows, or fix the file and upload it again"}}}, rd, d)
	}
	if _, err := s.store.ImportFeedback(r.Context(), rd.ID, rows); err != nil {
		return err
	}
	http.Redirect(w, r, "/rounds/"+rd.ID+"/services?done=imported", http.StatusSeeOther)
	return nil
}
