package web

import (
	"bytes"
	"net/http"

	"github.com/coprod/coprod/internal/adjustment"
	"github.com/coprod/coprod/internal/docx"
	"github.com/coprod/coprod/internal/pictures"
	"github.com/coprod/coprod/internal/round"
)

// The "About me: what helps me" passport: a person's register in Easy Read
// on one page, to show or give to a service, as a page and as a Word
// document. It holds the person's active adjustments whatever they share:
// it is theirs to carry.

var adjustmentPassportPage = page[passportData]{"adjustment_passport"}

type passportData struct {
	Person string
	Items  []passportItem
	// ReviewOn is the soonest review date.
	ReviewOn string
	// DocxHref is where the Word version downloads from.
	DocxHref string
}

type passportItem struct {
	Picture  string // a pictures key
	Category string
	Need     string
	Details  string
}

// passportPictures are the pictures of the Reasonable Adjustment Flag's
// categories.
var passportPictures = map[string]string{
	"communication_support":      "support",
	"communication_professional": "speak",
	"contact_method":             "phone",
	"information_format":         "read",
	"additional_communication":   "talk",
	"community_language":         "speak",
	"additional_support":         "carer",
	"individual_care":            "health",
	"care_environment":           "quiet",
	"additional_needs":           "help",
	"bespoke":                    "star",
}

func newPassport(entries []adjustment.Entry, docxHref string) passportData {
	d := passportData{DocxHref: docxHref}
	for _, e := range entries {
		if e.Status != adjustment.Active {
			continue
		}
		if d.Person == "" {
			d.Person = e.Person
		}
		if d.ReviewOn == "" || e.ReviewOn < d.ReviewOn {
			d.ReviewOn = e.ReviewOn
		}
		d.Items = append(d.Items, passportItem{Picture: passportPictures[e.Category], Category: e.CategoryLabel(), Need: e.Need, Details: e.Details})
	}
	return d
}

func (s *Server) showPassport(w http.ResponseWriter, r *http.Request, entries []adjustment.Entry, docxHref string) error {
	return adjustmentPassportPage.show(s, w, r, http.StatusOK, view{Title: "About me: what helps me"}, newPassport(entries, docxHref))
}

// passportDocx writes the passport as a Word document: 14 pt text, a
// picture beside each adjustment, and the pictures' credit.
func passportDocx(d passportData) ([]byte, error) {
	out := docx.Document{Title: "About me: what helps me", Lang: "en-GB", TextPoints: 14, PictureCm: 2.5}
	out.Blocks = append(out.Blocks, docx.Heading{Level: 0, Text: "About me: what helps me"})
	t := docx.Table{Caption: "What helps me"}
	if d.Person != "" {
		t.Rows = append(t.Rows, docx.Row{Picture: docxPicture("name"), Lines: []string{"My name is " + d.Person + "."}})
	}
	for _, it := range d.Items {
		t.Rows = append(t.Rows, docx.Row{Picture: docxPicture(it.Picture), Lines: []string{it.Category + ".", "I need: " + it.Need, "What helps me: " + it.Details}})
	}
	if d.ReviewOn != "" {
		t.Rows = append(t.Rows, docx.Row{Picture: docxPicture("date"), Lines: []string{"Please check this with me again by " + round.FormatDate(d.ReviewOn) + "."}})
	}
	out.Blocks = append(out.Blocks, t, docx.Paragraph{Text: pictures.Attribution + " (" + pictures.Licence + ")."})
	var b bytes.Buffer
	err := docx.Write(&b, out)
	return b.Bytes(), err
}

func writePassportDocx(w http.ResponseWriter, d passportData) error {
	b, err := passportDocx(d)
	if err != nil {
		return err
	}
	download(w, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "about-me-what-helps-me.docx")
	w.Write(b)
	return nil
}

func (s *Server) adjustmentsMinePassport(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	entries, err := s.store.MyAdjustments(r.Context())
	if err != nil {
		return err
	}
	return s.showPassport(w, r, entries, "/adjustments/passport.docx")
}

func (s *Server) adjustmentsMinePassportDocx(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	entries, err := s.store.MyAdjustments(r.Context())
	if err != nil {
		return err
	}
	return writePassportDocx(w, newPassport(entries, ""))
}

func (s *Server) adjustmentsMemberPassport(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	entries, err := s.store.MemberAdjustments(r.Context(), r.PathValue("mid"))
	if err != nil {
		return err
	}
	return s.showPassport(w, r, entries, "/rounds/"+r.PathValue("id")+"/members/"+r.PathValue("mid")+"/adjustments/passport.docx")
}

func (s *Server) adjustmentsMemberPassportDocx(w http.ResponseWriter, r *http.Request) error {
	if !principal(r).SignedIn() {
		return errSignIn
	}
	entries, err := s.store.MemberAdjustments(r.Context(), r.PathValue("mid"))
	if err != nil {
		return err
	}
	return writePassportDocx(w, newPassport(entries, ""))
}
