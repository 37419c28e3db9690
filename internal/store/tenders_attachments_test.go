package store_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/tender"
)

var attachPDF = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

// pdfOf is a PDF of n bytes with its own contents.
func pdfOf(n int, fill byte) []byte {
	return append(append([]byte{}, attachPDF...), bytes.Repeat([]byte{fill}, n-len(attachPDF))...)
}

func TestBidAttachments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clock := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
		_, tn := publishedTender(t, db, &clock)
		org, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Riverside", Kind: auth.KindProvider})
		other, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Hilltop", Kind: auth.KindProvider})
		b, err := db.RegisterInterest(ctx, tn.ID, org.ID)
		if err != nil {
			t.Fatal(err)
		}
		b2, err := db.RegisterInterest(ctx, tn.ID, other.ID)
		if err != nil {
			t.Fatal(err)
		}
		actor := audit.WithActor(ctx, "")

		// Attaching starts a draft when there is none yet.
		a, err := db.AddBidAttachment(actor, tn.ID, b.ID, "Q1", " budget.pdf ", attachPDF)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(attachPDF)
		if a.FileName != "budget.pdf" || a.ContentType != "application/pdf" || a.Size != int64(len(attachPDF)) || a.SHA256 != hex.EncodeToString(sum[:]) || a.Criterion != "Q1" {
			t.Fatalf("attached = %+v", a)
		}
		bid, err := db.BidOf(ctx, tn.ID, b.ID)
		if err != nil || bid.Status != tender.BidDraft || len(bid.Attachments) != 1 || bid.Attachments[0].ID != a.ID {
			t.Fatalf("bid after attaching = %+v, %v", bid, err)
		}
		notes, err := db.AddBidAttachment(actor, tn.ID, b.ID, "Q2", "notes.txt", []byte("How people shape it."))
		if err != nil {
			t.Fatal(err)
		}
		list, err := db.BidAttachments(ctx, tn.ID, bid.ID)
		if err != nil || len(list) != 2 || list[0].ID != a.ID || list[1].ID != notes.ID {
			t.Fatalf("list = %+v, %v", list, err)
		}
		got, data, err := db.BidAttachmentData(ctx, tn.ID, bid.ID, a.ID)
		if err != nil || !bytes.Equal(data, attachPDF) || got.FileName != "budget.pdf" || got.SHA256 != a.SHA256 {
			t.Fatalf("download = %+v, %d bytes, %v", got, len(data), err)
		}

		// The type comes from the contents and the name together.
		if _, err := db.AddBidAttachment(actor, tn.ID, b.ID, "Q1", "budget.exe", attachPDF); !strings.Contains(apperr.Message(err), "budget.exe is not a file type we accept") {
			t.Fatalf("an .exe: %v", err)
		}
		if _, err := db.AddBidAttachment(actor, tn.ID, b.ID, "Q9", "a.pdf", attachPDF); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("a criterion the ITT does not have: %v", err)
		}

		// Another bidder's file is not theirs to see through their bid or to remove.
		bid2, err := db.SaveBid(actor, tn.ID, b2.ID, 90000, map[string]string{"Q1": "Ours."})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.BidAttachmentData(ctx, tn.ID, bid2.ID, a.ID); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("a file through another bid: %v", err)
		}
		if err := db.RemoveBidAttachment(actor, tn.ID, b2.ID, a.ID); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("another bidder removing a file: %v", err)
		}
		if _, _, err := db.BidAttachmentData(ctx, "no-such-tender", bid.ID, a.ID); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("a file through another tender: %v", err)
		}

		// The receipt hashes the files: submitting, withdrawing, changing a
		// file and submitting again gives another receipt.
		if _, err := db.SaveBid(actor, tn.ID, b.ID, 100000, map[string]string{"Q1": "We will.", "Q2": "With the group."}); err != nil {
			t.Fatal(err)
		}
		if bid, _ = db.BidOf(ctx, tn.ID, b.ID); len(bid.Attachments) != 2 {
			t.Fatalf("saving the answers lost files: %+v", bid.Attachments)
		}
		first, err := db.SubmitBid(actor, tn.ID, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddBidAttachment(actor, tn.ID, b.ID, "Q1", "more.pdf", attachPDF); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("attaching to a submitted bid: %v", err)
		}
		if err := db.RemoveBidAttachment(actor, tn.ID, b.ID, a.ID); apperr.Code(err) != apperr.Conflict {
			t.Fatalf("removing from a submitted bid: %v", err)
		}
		if err := db.WithdrawBid(actor, tn.ID, b.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.RemoveBidAttachment(actor, tn.ID, b.ID, a.ID); err != nil {
			t.Fatal(err)
		}
		if bid, _ = db.BidOf(ctx, tn.ID, b.ID); bid.Status != tender.BidDraft || len(bid.Attachments) != 1 {
			t.Fatalf("removing from a withdrawn bid makes it a draft again: %+v", bid)
		}
		if _, err := db.AddBidAttachment(actor, tn.ID, b.ID, "Q1", "budget.pdf", pdfOf(200, 'x')); err != nil {
			t.Fatal(err)
		}
		second, err := db.SubmitBid(actor, tn.ID, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		if second.Receipt == first.Receipt || len(second.Receipt) != 64 {
			t.Fatalf("receipt did not change with the file: %s then %s", first.Receipt, second.Receipt)
		}

		// Every change is audited.
		events, err := db.AuditEvents(ctx, audit.Filter{ObjectType: "tender_bid", ObjectID: bid.ID, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]int{}
		for _, e := range events {
			seen[e.Action]++
		}
		if seen["tender.bid_attach"] != 3 || seen["tender.bid_detach"] != 1 {
			t.Fatalf("audit events: %v", seen)
		}

		// After the deadline nothing changes, and the refusal says why.
		clock = tn.ITT.Deadlines.Submission
		if _, err := db.AddBidAttachment(actor, tn.ID, b2.ID, "Q1", "late.pdf", attachPDF); apperr.Code(err) != apperr.Conflict ||
			!strings.HasPrefix(apperr.Message(err), "The deadline for bids was") {
			t.Fatalf("a late file: %v", err)
		}
		if err := db.RemoveBidAttachment(actor, tn.ID, b.ID, notes.ID); apperr.Code(err) != apperr.Conflict ||
			!strings.HasPrefix(apperr.Message(err), "The deadline for bids was") {
			t.Fatalf("a late removal: %v", err)
		}
		if list, _ := db.BidAttachments(ctx, tn.ID, bid.ID); len(list) != 2 {
			t.Fatalf("files after the deadline: %+v", list)
		}
	})
}

func TestBidAttachmentLimits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		clock := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return clock }
		_, tn := publishedTender(t, db, &clock)
		org, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Riverside", Kind: auth.KindProvider})
		b, err := db.RegisterInterest(ctx, tn.ID, org.ID)
		if err != nil {
			t.Fatal(err)
		}
		// Five files on Q1; a sixth is refused, and Q2 still takes one.
		for i := range tender.MaxAttachmentsPerAnswer {
			if _, err := db.AddBidAttachment(ctx, tn.ID, b.ID, "Q1", "part.pdf", pdfOf(100+i, 'a')); err != nil {
				t.Fatal(err)
			}
		}
		_, err = db.AddBidAttachment(ctx, tn.ID, b.ID, "Q1", "six.pdf", attachPDF)
		if fs := apperr.FieldsOf(err); len(fs) != 1 || fs[0].Field != "file-Q1" || !strings.Contains(fs[0].Message, "up to 5 files") {
			t.Fatalf("a sixth file: %v", err)
		}
		// Too big alone.
		_, err = db.AddBidAttachment(ctx, tn.ID, b.ID, "Q2", "budget.pdf", pdfOf(tender.MaxAttachmentSize+1, 'b'))
		if !strings.Contains(apperr.Message(err), "The file must be 10 MB or smaller: budget.pdf is 10.1 MB") {
			t.Fatalf("an 11 MB file: %v", err)
		}
		// 25 MB for the bid in all: two files of 10 MB and one of 5 MB fit, then nothing more.
		bid, _ := db.BidOf(ctx, tn.ID, b.ID)
		var used int64
		for _, a := range bid.Attachments {
			used += a.Size
		}
		for i, n := range []int{tender.MaxAttachmentSize, tender.MaxAttachmentSize, tender.MaxBidAttachmentBytes - 2*tender.MaxAttachmentSize - int(used)} {
			if _, err := db.AddBidAttachment(ctx, tn.ID, b.ID, "Q2", "big.pdf", pdfOf(n, byte('c'+i))); err != nil {
				t.Fatalf("file %d of %d bytes: %v", i, n, err)
			}
		}
		_, err = db.AddBidAttachment(ctx, tn.ID, b.ID, "Q2", "one-more.pdf", attachPDF)
		if !strings.Contains(apperr.Message(err), "can add up to 25 MB at most") {
			t.Fatalf("over 25 MB in all: %v", err)
		}
		if list, _ := db.BidAttachments(ctx, tn.ID, bid.ID); len(list) != 8 {
			t.Fatalf("%d files kept, want 8", len(list))
		}
	})
}
