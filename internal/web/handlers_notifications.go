package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/notify"
)

// A person's notifications are their own: any signed-in person sees and
// marks only theirs (the store takes the id from the session, never the form).
var (
	notificationsPage = page[notificationsData]{"notifications"}
	notifyPrefsPage   = page[notifyPrefsData]{"notifications_prefs"}
	emailProblemsPage = page[emailProblemsData]{"notifications_emails"}
)

// notificationsPerPage is how many notifications a page lists.
const notificationsPerPage = 25

type notificationsData struct {
	Items  []notificationItem
	Unread int
	Total  int
	Next   url.Values // the query of the next (older) page; nil on the last
	First  bool       // this is the newest page
}

type notificationItem struct {
	ID        int64
	Text      string
	Link      string
	LinkLabel string
	Created   time.Time
	Unread    bool
}

func (s *Server) notificationList(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewOwnAccount, auth.Object{}); err != nil {
		return err
	}
	uid := principal(r).User.ID
	var before int64
	if b := r.URL.Query().Get("before"); b != "" {
		n, err := strconv.ParseInt(b, 10, 64)
		if err != nil || n <= 0 {
			return errNotFound
		}
		before = n
	}
	pg, err := s.store.Notifications(r.Context(), uid, before, notificationsPerPage)
	if err != nil {
		return err
	}
	prefs, memberEasy, err := s.store.NotificationPrefs(r.Context(), uid)
	if err != nil {
		return err
	}
	easy := prefs.EasyRead(memberEasy)
	d := notificationsData{Unread: pg.Unread, Total: pg.Total, First: before == 0}
	for _, n := range pg.Items {
		d.Items = append(d.Items, notificationItem{ID: n.ID, Text: n.Text.For(easy), Link: n.Link, LinkLabel: n.Kind.LinkLabel(),
			Created: n.Created, Unread: n.Unread()})
	}
	if pg.Before > 0 {
		d.Next = url.Values{"before": {strconv.FormatInt(pg.Before, 10)}}
	}
	return notificationsPage.show(s, w, r, http.StatusOK, view{Title: "Your notifications"}, d)
}

func (s *Server) notificationRead(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewOwnAccount, auth.Object{}); err != nil {
		return err
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return errNotFound
	}
	if err := s.store.MarkNotificationRead(r.Context(), principal(r).User.ID, id); err != nil {
		if apperr.Code(err) == apperr.NotFound {
			return errNotFound
		}
		return err
	}
	http.Redirect(w, r, "/notifications?done=notification-read", http.StatusSeeOther)
	return nil
}

func (s *Server) notificationReadAll(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewOwnAccount, auth.Object{}); err != nil {
		return err
	}
	if err := s.store.MarkAllNotificationsRead(r.Context(), principal(r).User.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/notifications?done=notifications-read", http.StatusSeeOther)
	return nil
}

type notifyPrefsData struct {
	Email          notify.EmailChoice // the choice that applies (the default when none is saved)
	Format         notify.Format
	EmailChoices   []notify.EmailChoice
	EmailEnabled   bool // the service sends email
	MemberEasyRead bool // a round lists Easy Read among the person's formats
}

func (s *Server) notifyPrefsForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewOwnAccount, auth.Object{}); err != nil {
		return err
	}
	d, err := s.notifyPrefsData(r)
	if err != nil {
		return err
	}
	return notifyPrefsPage.show(s, w, r, http.StatusOK, view{Title: "How we tell you about new things"}, d)
}

func (s *Server) notifyPrefsSave(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewOwnAccount, auth.Object{}); err != nil {
		return err
	}
	p := notifyPrefsFromForm(r)
	err := s.store.SetNotificationPrefs(r.Context(), principal(r).User.ID, p)
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			d, derr := s.notifyPrefsData(r)
			if derr != nil {
				return derr
			}
			d.Email, d.Format = p.Email, p.Format
			return notifyPrefsPage.show(s, w, r, status, view{Title: "How we tell you about new things", Errors: errs, Form: r.PostForm}, d)
		})
	}
	http.Redirect(w, r, "/account/notifications?done=notify-prefs-saved", http.StatusSeeOther)
	return nil
}

func (s *Server) notifyPrefsData(r *http.Request) (notifyPrefsData, error) {
	p, memberEasy, err := s.store.NotificationPrefs(r.Context(), principal(r).User.ID)
	return notifyPrefsData{Email: p.Effective(), Format: p.Format, EmailChoices: notify.EmailChoices,
		EmailEnabled: s.cfg.EmailEnabled, MemberEasyRead: memberEasy}, err
}

type emailProblemsData struct {
	Items []notify.OutboxItem
}

// emailProblems shows the operator the emails that failed for good or may
// not have been delivered.
func (s *Server) emailProblems(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewAdmin, auth.Object{}); err != nil {
		return err
	}
	items, err := s.store.EmailProblems(r.Context(), 100)
	if err != nil {
		return err
	}
	return emailProblemsPage.show(s, w, r, http.StatusOK, view{Title: "Emails not delivered"}, emailProblemsData{Items: items})
}

// unreadNotifications is the count the header shows; 0 for a visitor. A
// failure to count is logged and shows no count rather than failing the page.
func (s *Server) unreadNotifications(r *http.Request) int {
	p := principal(r)
	if !p.SignedIn() {
		return 0
	}
	n, err := s.store.UnreadNotifications(r.Context(), p.User.ID)
	if err != nil {
		s.log.Warn("counting unread notifications", "err", err)
		return 0
	}
	return n
}
