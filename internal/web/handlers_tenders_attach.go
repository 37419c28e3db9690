package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/tender"
)

// Files on bids: the bid form sends them with the answers (multipart, so
// it works without JavaScript); the bidder removes one with its own small
// form; the bidder and the evaluators who may see the bid download them.

// maxBidForm bounds what one sending of the bid form may carry: every file
// a bid may hold, and room for the answers.
const maxBidForm = tender.MaxBidAttachmentBytes + 4<<20

// parseBidForm reads the bid form, with its files when it is multipart.
// A form too big to read is refused whole, since its answers may have been
// cut short: the error is a field error on the first criterion's file.
func parseBidForm(w http.ResponseWriter, r *http.Request, t *tender.Tender) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxBidForm)
	err := r.ParseMultipartForm(4 << 20) // larger files wait on disk
	if err == nil || errors.Is(err, http.ErrNotMultipart) {
		if err != nil {
			_ = r.ParseForm()
		}
		return cleanMultipart(r)
	}
	field := "price"
	if len(t.ITT.Criteria) > 0 {
		field = "file-" + t.ITT.Criteria[0].ID
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return apperr.Fields([]apperr.FieldError{{Field: field, Message: fmt.Sprintf(
			"What you sent is more than %s, so nothing was saved. Attach fewer files at a time: each file can be up to %s and a bid's files %s in all",
			tender.FormatSize(maxBidForm), tender.FormatSize(tender.MaxAttachmentSize), tender.FormatSize(tender.MaxBidAttachmentBytes))}})
	}
	return apperr.Fields([]apperr.FieldError{{Field: field, Message: "We could not read what you sent, so nothing was saved. Please try again"}})
}

// attachBidFiles attaches each file chosen on the bid form to its
// criterion. Every file that can be attached is; the problems with the
// others come back together as field errors.
func (s *Server) attachBidFiles(r *http.Request, t *tender.Tender, bidderID string) error {
	if r.MultipartForm == nil {
		return nil
	}
	var fs []apperr.FieldError
	for _, c := range t.ITT.Criteria {
		for _, hdr := range r.MultipartForm.File["file-"+c.ID] {
			if hdr.Filename == "" && hdr.Size == 0 {
				continue // no file chosen
			}
			f, err := hdr.Open()
			if err != nil {
				return err
			}
			data, err := io.ReadAll(f) // bounded by maxBidForm
			f.Close()
			if err != nil {
				return err
			}
			if _, err := s.store.AddBidAttachment(r.Context(), t.ID, bidderID, c.ID, hdr.Filename, data); err != nil {
				if len(apperr.FieldsOf(err)) == 0 {
					return err
				}
				fs = append(fs, apperr.FieldsOf(err)...)
			}
		}
	}
	return apperr.Fields(fs)
}

// tenderAttachmentRemove takes a file off the reader's own bid.
func (s *Server) tenderAttachmentRemove(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionBid)
	if err != nil {
		return err
	}
	b, err := s.ownBidder(r, t, false)
	if err != nil {
		return err
	}
	if err := s.store.RemoveBidAttachment(r.Context(), t.ID, b.ID, r.PathValue("aid")); err != nil {
		return err
	}
	http.Redirect(w, r, "/tenders/"+t.ID+"/bid?done=attachment-removed", http.StatusSeeOther)
	return nil
}

// maySeeBid reports whether the reader may see a bid: it is their own, or
// they evaluate and the scoring page would show it to them (interests
// declared for every bidder, the deadline passed, no conflict excluding them).
func (s *Server) maySeeBid(r *http.Request, t *tender.Tender, bidID string) (bool, error) {
	if canTender(r, auth.ActionBid, t) {
		own, err := s.ownBid(r, t)
		if err != nil {
			return false, err
		}
		if own != nil && own.ID == bidID {
			return true, nil
		}
	}
	if canTender(r, auth.ActionEvaluate, t) {
		v, err := s.evaluation(r, t)
		if err != nil {
			return false, err
		}
		for _, b := range v.Bids {
			if b.ID == bidID {
				return true, nil
			}
		}
	}
	return false, nil
}

// tenderAttachment downloads a file of a bid the reader may see. It is
// always a download, never shown in the page: a bidder's file is not ours
// to vouch for.
func (s *Server) tenderAttachment(w http.ResponseWriter, r *http.Request) error {
	t, err := s.tenderFor(r, auth.ActionBid, auth.ActionEvaluate)
	if err != nil {
		return err
	}
	bidID := r.PathValue("bid")
	may, err := s.maySeeBid(r, t, bidID)
	if err != nil {
		return err
	}
	if !may {
		return apperr.Errorf(apperr.NotFound, "No such file, or you cannot see it: evaluators see a bid's files once the deadline has passed and they have declared their interests.")
	}
	a, data, err := s.store.BidAttachmentData(r.Context(), t.ID, bidID, r.PathValue("aid"))
	if err != nil {
		return err
	}
	download(w, "application/octet-stream", safeFileName(a.FileName))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Header().Set("Cache-Control", "private, no-store")
	w.Write(data)
	return nil
}
