package store_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/study"
	"github.com/coprod/coprod/transcript"
)

func TestStudiesAndTranscripts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		now := time.Date(2027, 1, 10, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { now = now.Add(time.Second); return now }
		lab, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Lab", Kind: auth.KindResearch})
		other, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Other lab", Kind: auth.KindResearch})
		u, _ := db.CreateUser(ctx, "morgan@example.org", "Morgan Lee", "x")
		actx := audit.WithActor(ctx, u.ID)

		for i := range 3 {
			if _, err := db.CreateStudy(actx, study.NewStudy{OrgID: lab.ID, Title: fmt.Sprintf("Study %d", i+1), InterventionDate: "2027-03-01"}); err != nil {
				t.Fatal(err)
			}
		}
		theirs, err := db.CreateStudy(actx, study.NewStudy{OrgID: other.ID, Title: "Theirs"})
		if err != nil {
			t.Fatal(err)
		}
		p1, err := db.ListStudies(ctx, study.StudyQuery{OrgIDs: []string{lab.ID}, Limit: 2})
		if err != nil || len(p1.Items) != 2 || p1.Items[0].Title != "Study 3" || p1.Items[0].OrgName != "Lab" || p1.Next == "" {
			t.Fatalf("page 1 = %+v, %v", p1, err)
		}
		p2, _ := db.ListStudies(ctx, study.StudyQuery{OrgIDs: []string{lab.ID}, After: p1.Next, Limit: 2})
		if len(p2.Items) != 1 || p2.Items[0].Title != "Study 1" || p2.Next != "" || p2.Items[0].InterventionDate != "2027-03-01" {
			t.Fatalf("page 2 = %+v", p2)
		}
		if all, _ := db.ListStudies(ctx, study.StudyQuery{All: true}); len(all.Items) != 4 || all.Items[0].ID != theirs.ID {
			t.Fatalf("all = %+v", all.Items)
		}
		if none, _ := db.ListStudies(ctx, study.StudyQuery{}); len(none.Items) != 0 {
			t.Fatalf("no organisations = %+v", none.Items)
		}
		if _, err := db.ListStudies(ctx, study.StudyQuery{All: true, After: "junk"}); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("bad cursor: %v", err)
		}
		if _, err := db.CreateStudy(ctx, study.NewStudy{OrgID: "nope", Title: "x"}); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("study for a missing organisation: %v", err)
		}
		s := p2.Items[0]
		if got, err := db.StudyByID(ctx, s.ID); err != nil || got.Title != "Study 1" || got.CreatedBy != u.ID {
			t.Fatalf("StudyByID = %+v, %v", got, err)
		}
		if _, err := db.StudyByID(ctx, "nope"); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("missing study: %v", err)
		}

		// Three sessions uploaded out of date order come back in date order.
		for _, d := range []string{"2027-03-08", "2027-02-01", "2027-02-15"} {
			n := study.NewTranscript{StudyID: s.ID, Title: "Session " + d, SessionDate: d, FileName: "s.cha", Format: transcript.FormatCHAT,
				Source: "@Begin\n" + d, Participants: []string{"SAM", "ALEX"}, Roles: map[string]string{"SAM": study.RoleSupporter},
				NamesReplaced: d == "2027-02-01", ConsentNote: "Signed the easy read form"}
			if _, err := db.CreateTranscript(actx, n); err != nil {
				t.Fatal(err)
			}
		}
		tp1, err := db.ListTranscripts(ctx, study.TranscriptQuery{StudyID: s.ID, Limit: 2})
		if err != nil || len(tp1.Items) != 2 || tp1.Items[0].SessionDate != "2027-02-01" || tp1.Items[1].SessionDate != "2027-02-15" || tp1.Next == "" {
			t.Fatalf("transcripts page 1 = %+v, %v", tp1, err)
		}
		if tp1.Items[0].Source != "" || !tp1.Items[0].NamesReplaced || tp1.Items[1].NamesReplaced {
			t.Fatalf("list row = %+v", tp1.Items[0])
		}
		tp2, _ := db.ListTranscripts(ctx, study.TranscriptQuery{StudyID: s.ID, After: tp1.Next, Limit: 2, WithSource: true})
		if len(tp2.Items) != 1 || tp2.Items[0].Source != "@Begin\n2027-03-08" || tp2.Next != "" {
			t.Fatalf("transcripts page 2 = %+v", tp2)
		}
		if _, err := db.ListTranscripts(ctx, study.TranscriptQuery{StudyID: s.ID, After: "2027-13-01.x"}); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("bad transcript cursor: %v", err)
		}
		tr, err := db.TranscriptByID(ctx, tp1.Items[0].ID)
		if err != nil || tr.ConsentByName != "Morgan Lee" || tr.ConsentNote != "Signed the easy read form" || !tr.ConsentAt.Equal(tr.CreatedAt) ||
			tr.Roles["SAM"] != study.RoleSupporter || len(tr.Participants) != 2 || tr.RolesAssigned() {
			t.Fatalf("TranscriptByID = %+v, %v", tr, err)
		}
		if err := db.SetRoles(actx, tr.ID, map[string]string{"SAM": study.RoleSupporter, "ALEX": study.RoleSupported}); err != nil {
			t.Fatal(err)
		}
		if tr, _ = db.TranscriptByID(ctx, tr.ID); !tr.RolesAssigned() || tr.Roles["ALEX"] != study.RoleSupported {
			t.Fatalf("after SetRoles: %+v", tr.Roles)
		}
		if err := db.SetRoles(actx, tr.ID, map[string]string{"BOB": study.RoleSupporter}); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("roles for someone not in the transcript: %v", err)
		}
		if err := db.SetRoles(actx, "nope", nil); apperr.Code(err) != apperr.NotFound {
			t.Fatalf("roles of a missing transcript: %v", err)
		}
		if _, err := db.CreateTranscript(actx, study.NewTranscript{StudyID: "nope", Title: "x", SessionDate: "2027-01-01", FileName: "x", Format: "chat", Source: "x", ConsentNote: "x"}); apperr.Code(err) != apperr.Invalid {
			t.Fatalf("transcript for a missing study: %v", err)
		}
		// Every change is in the audit log, made by the researcher.
		evs, _ := db.AuditEvents(ctx, audit.Filter{Action: "study", Limit: 20})
		counts := map[string]int{}
		for _, e := range evs {
			counts[e.Action]++
			if e.ActorID != u.ID {
				t.Errorf("%s by %q", e.Action, e.ActorID)
			}
		}
		if counts["study.create"] != 4 || counts["study_transcript.create"] != 3 || counts["study_transcript.roles"] != 1 {
			t.Fatalf("audit = %v", counts)
		}
	})
}
