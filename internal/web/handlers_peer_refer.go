package web

import (
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/peer"
	"github.com/coprod/coprod/internal/round"
)

// Asking for peer support needs no account: one question a page, in
// Easy Read, the answers so far carried in the form itself (nothing is
// kept until the person sends it). Abuse is held back by a honeypot field
// and throttling per address, never by a puzzle.
var (
	peerReferPage        = page[peerReferData]{"peer_refer"}
	peerReferSentPage    = page[noData]{"peer_refer_sent"}
	peerProfessionalPage = page[peerProfessionalData]{"peer_professional"}
)

// referStep is one page of the person's form: the fields it asks.
type referStep struct {
	Key    string
	Fields []string
}

// referSteps are the pages in order; the last one checks the answers and
// sends them.
var referSteps = []referStep{
	{"org", []string{"org"}},
	{"what", []string{"trigger"}},
	{"name", []string{"name"}},
	{"contact", []string{"contact_way", "contact"}},
	{"experience", []string{"experiences"}},
	{"language", []string{"languages"}},
	{"needs", []string{"access_needs"}},
	{"meet", []string{"places", "phone", "video"}},
	{"consent", []string{"consent"}},
	{"check", nil},
}

// honeypot is a field people never see or fill in (it is in a hidden
// element, out of the keyboard's way); a form that arrives with it filled
// was filled by a program.
const honeypot = "website"

// peerReferData is one page of the form.
type peerReferData struct {
	Step      string
	Number    int // this page's number, from 1
	Of        int
	Orgs      []round.Option
	Triggers  []round.Option
	Carried   []hiddenField // the answers from the other pages
	Answers   peer.NewReferral
	OrgName   string
	TriggerOf string
	// The fixed choices of some pages.
	ContactWays, Yes, Consent []round.Option
}

var consentYes = []round.Option{{Key: "yes", Label: "Yes, you can keep my answers and contact me"}}

func stepIndex(key string) int {
	return slices.IndexFunc(referSteps, func(s referStep) bool { return s.Key == key })
}

// referOrgs are the ULOs that offer peer support, for the first page, and
// each one's offers.
func (s *Server) referOrgs(r *http.Request) ([]round.Option, map[string][]peer.Offer, error) {
	offers, err := s.store.Offers(r.Context(), "")
	if err != nil {
		return nil, nil, err
	}
	var orgs []round.Option
	by := map[string][]peer.Offer{}
	for _, o := range offers {
		if by[o.OrgID] == nil {
			orgs = append(orgs, round.Option{Key: o.OrgID, Label: o.OrgName})
		}
		by[o.OrgID] = append(by[o.OrgID], o)
	}
	return orgs, by, nil
}

// showReferStep draws page i with the answers in form.
func (s *Server) showReferStep(w http.ResponseWriter, r *http.Request, i, status int, form url.Values, errs []apperr.FieldError) error {
	orgs, by, err := s.referOrgs(r)
	if err != nil {
		return err
	}
	st := referSteps[i]
	d := peerReferData{Step: st.Key, Number: i + 1, Of: len(referSteps), Orgs: orgs, Triggers: triggerOptions(by[form.Get("org")]),
		Answers: referralForm(form, peer.SourceSelf), ContactWays: optionsOf(peer.ContactWays), Yes: yesOption, Consent: consentYes}
	for _, o := range orgs {
		if o.Key == d.Answers.OrgID {
			d.OrgName = o.Label
		}
	}
	if d.Answers.Trigger.Valid() {
		d.TriggerOf = d.Answers.Trigger.Label()
	}
	for _, name := range []string{"org", "trigger", "name", "contact_way", "contact", "experiences", "languages", "access_needs",
		"places", "phone", "video", "consent"} {
		if v := form.Get(name); v != "" && !slices.Contains(st.Fields, name) {
			d.Carried = append(d.Carried, hiddenField{name, v})
		}
	}
	return peerReferPage.show(s, w, r, status, view{Title: referTitles[st.Key], Errors: errs, Form: form}, d)
}

// referTitles are the pages' questions, which are their titles.
var referTitles = map[string]string{
	"org":        "Who would you like peer support from?",
	"what":       "What is happening for you?",
	"name":       "What should we call you?",
	"contact":    "How can we contact you?",
	"experience": "What have you been through?",
	"language":   "Which language would you like to talk in?",
	"needs":      "What do you need to take part?",
	"meet":       "How would you like to meet?",
	"consent":    "Can we contact you?",
	"check":      "Check your answers",
}

func (s *Server) peerReferStart(w http.ResponseWriter, r *http.Request) error {
	form := url.Values{}
	if org := r.URL.Query().Get("org"); org != "" {
		form.Set("org", org)
	}
	return s.showReferStep(w, r, 0, http.StatusOK, form, nil)
}

func (s *Server) peerReferStep(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	form := r.PostForm
	i := stepIndex(form.Get("step"))
	if i < 0 {
		i = 0
	}
	if form.Get("go") == "back" {
		return s.showReferStep(w, r, max(0, i-1), http.StatusOK, form, nil)
	}
	if errs := s.referStepProblems(r, i, form); len(errs) > 0 {
		return s.showReferStep(w, r, i, http.StatusUnprocessableEntity, form, errs)
	}
	if referSteps[i].Key != "check" {
		return s.showReferStep(w, r, i+1, http.StatusOK, form, nil)
	}
	if form.Get(honeypot) != "" {
		// Answer as if it worked, so a program learns nothing; keep nothing.
		http.Redirect(w, r, "/peer/refer/sent", http.StatusSeeOther)
		return nil
	}
	wait, err := s.store.SelfReferralWait(r.Context(), s.clientAddress(r))
	if err != nil {
		return err
	}
	if wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		return apperr.Errorf(apperr.RateLimited, "Many requests for peer support have been sent from this internet connection in the last hour. "+
			"Please wait %s and send it again, or phone the organisation. Your answers are not saved.", auth.SayWait(wait))
	}
	n := referralForm(form, peer.SourceSelf)
	if _, err := s.store.CreateReferral(r.Context(), n, signedInID(r), time.Time{}); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showReferStep(w, r, i, status, form, errs)
		})
	}
	http.Redirect(w, r, "/peer/refer/sent", http.StatusSeeOther)
	return nil
}

// referStepProblems are the problems with page i's own answers: the
// domain checks the whole referral, and the page shows what is about its
// fields. The organisation and trigger point must be ones on offer.
func (s *Server) referStepProblems(r *http.Request, i int, form url.Values) []apperr.FieldError {
	n := referralForm(form, peer.SourceSelf)
	var errs []apperr.FieldError
	for _, e := range apperr.FieldsOf(n.Validate()) {
		if slices.Contains(referSteps[i].Fields, e.Field) {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 || (referSteps[i].Key != "org" && referSteps[i].Key != "what") {
		return errs
	}
	_, by, err := s.referOrgs(r)
	if err != nil {
		return []apperr.FieldError{{Field: referSteps[i].Fields[0], Message: "Something went wrong on our side. Please try again."}}
	}
	offers := by[n.OrgID]
	if referSteps[i].Key == "org" && len(offers) == 0 {
		return []apperr.FieldError{{Field: "org", Message: "Choose who you would like peer support from"}}
	}
	if referSteps[i].Key == "what" && !slices.ContainsFunc(offers, func(o peer.Offer) bool { return o.Trigger == n.Trigger }) {
		return []apperr.FieldError{{Field: "trigger", Message: "Choose what is happening"}}
	}
	return nil
}

func (s *Server) peerReferSent(w http.ResponseWriter, r *http.Request) error {
	return peerReferSentPage.show(s, w, r, http.StatusOK, view{Title: "We have your request"}, noData{})
}

// peerProfessionalData is the professional's referral form.
type peerProfessionalData struct {
	Offers                    []round.Option // "org trigger" keys
	ContactWays, Yes, Consent []round.Option
}

var professionalConsent = []round.Option{{Key: "yes", Label: "The person agrees to this referral and to being contacted"}}

func professionalData(offers []round.Option) peerProfessionalData {
	return peerProfessionalData{Offers: offers, ContactWays: optionsOf(peer.ContactWays), Yes: yesOption, Consent: professionalConsent}
}

func (s *Server) professionalOffers(r *http.Request) ([]round.Option, error) {
	offers, err := s.store.Offers(r.Context(), "")
	if err != nil {
		return nil, err
	}
	var out []round.Option
	for _, o := range offers {
		out = append(out, round.Option{Key: o.OrgID + " " + string(o.Trigger),
			Label: o.OrgName + ": " + o.Trigger.Label() + " (first contact within " + o.Standard.String() + ")"})
	}
	return out, nil
}

func (s *Server) peerProfessionalForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionReferPeer, auth.Object{}); err != nil {
		return err
	}
	offers, err := s.professionalOffers(r)
	if err != nil {
		return err
	}
	return peerProfessionalPage.show(s, w, r, http.StatusOK, view{Title: "Refer someone for peer support"}, professionalData(offers))
}

func (s *Server) peerProfessional(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionReferPeer, auth.Object{}); err != nil {
		return err
	}
	_ = r.ParseForm()
	offers, err := s.professionalOffers(r)
	if err != nil {
		return err
	}
	again := func(status int, errs []apperr.FieldError) error {
		return peerProfessionalPage.show(s, w, r, status, view{Title: "Refer someone for peer support", Errors: errs, Form: r.PostForm},
			professionalData(offers))
	}
	f := url.Values{}
	for k, v := range r.PostForm {
		f[k] = v
	}
	org, trig, _ := strings.Cut(r.PostForm.Get("offer"), " ")
	f.Set("org", org)
	f.Set("trigger", trig)
	n := referralForm(f, peer.SourceProfessional)
	var received time.Time
	if v := r.PostForm.Get("received"); v != "" {
		at, m := parseDeadline(v)
		if m != "" {
			return again(http.StatusUnprocessableEntity, []apperr.FieldError{{Field: "received", Message: m}})
		}
		received = at
	}
	if err := n.Validate(); err != nil {
		return formProblem(offerProblems(err), again)
	}
	if _, err := s.store.CreateReferral(r.Context(), n, "", received); err != nil {
		return formProblem(offerProblems(err), again)
	}
	http.Redirect(w, r, "/peer?done=peer-referred", http.StatusSeeOther)
	return nil
}

// offerProblems puts problems with the organisation or trigger point on the
// one field that chooses both.
func offerProblems(err error) error {
	fs := apperr.FieldsOf(err)
	if len(fs) == 0 {
		return err
	}
	for i := range fs {
		if fs[i].Field == "org" || fs[i].Field == "trigger" {
			fs[i].Field = "offer"
		}
	}
	return apperr.Fields(fs)
}

// signedInID is the reader's account, or "" for a visitor.
func signedInID(r *http.Request) string {
	if p := principal(r); p.SignedIn() {
		return p.User.ID
	}
	return ""
}
