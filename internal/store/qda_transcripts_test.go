package store_test

import (
	"testing"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/qda"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/study"
	"github.com/coprod/coprod/transcript"
)

// TestQDASourceFromTranscript: a study transcript of the project's own
// organisation becomes a source once; another organisation's is refused.
func TestQDASourceFromTranscript(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ann, _ := db.CreateUser(ctx, "ann@example.org", "Ann Coder", "x")
		asAnn := audit.WithActor(ctx, ann.ID)
		transcriptIn := func(orgName string) (*study.Study, *study.Transcript, string) {
			org, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: orgName, Kind: auth.KindResearch})
			st, err := db.CreateStudy(asAnn, study.NewStudy{OrgID: org.ID, Title: "Talk at lunch"})
			if err != nil {
				t.Fatal(err)
			}
			tr, err := db.CreateTranscript(asAnn, study.NewTranscript{StudyID: st.ID, Title: "Week 1", SessionDate: "2027-01-01", FileName: "t.cha",
				Format: transcript.FormatCHAT, Source: "@Begin\n@Participants:\tSAM Sam Support_Worker, ALEX Alex Person_Supported\n*SAM:\tsoup or a sandwich ?\n*ALEX:\tsandwich .\n@End\n",
				Roles: map[string]string{"SAM": study.RoleSupporter, "ALEX": study.RoleSupported}, ConsentNote: "Signed"})
			if err != nil {
				t.Fatal(err)
			}
			return st, tr, org.ID
		}
		st, tr, lab := transcriptIn("Lab")
		otherStudy, otherTr, _ := transcriptIn("Other lab")
		p, err := db.CreateProject(asAnn, qda.NewProject{OrgID: lab, Title: "Talk", Blind: true})
		if err != nil {
			t.Fatal(err)
		}
		n, err := qda.FromTranscript(p.ID, *st, *tr, false)
		if err != nil {
			t.Fatal(err)
		}
		if err := n.Validate(); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddSource(asAnn, n); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddSource(asAnn, n); apperr.Code(err) != apperr.Conflict {
			t.Errorf("added twice: %v", err)
		}
		other, _ := qda.FromTranscript(p.ID, *otherStudy, *otherTr, false)
		if _, err := db.AddSource(asAnn, other); apperr.Code(err) != apperr.NotFound {
			t.Errorf("another organisation's transcript: %v", err)
		}
		srcs, _ := db.Sources(ctx, p.ID)
		if len(srcs) != 1 || srcs[0].TranscriptID != tr.ID || srcs[0].Text != "Supporter: soup or a sandwich ?\n\nSupported person: sandwich ." {
			t.Errorf("sources %+v", srcs)
		}
	})
}
