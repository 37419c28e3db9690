package store_test

import (
	"bytes"
	"testing"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/store"
	"github.com/coprod/coprod/internal/store/storetest"
	"github.com/coprod/coprod/internal/training"
)

// TestTrainingMaterials: files kept whole with their type, size and hash,
// plain English listed before Easy Read; a file that is not what its name
// says, or without a version, is refused and nothing is kept.
func TestTrainingMaterials(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ulo, _ := db.CreateOrganisation(ctx, auth.NewOrganisation{Name: "Voices Together", Kind: auth.KindUserLed})
		cid, err := db.CreateCourse(ctx, ulo.ID, training.NewCourse{Title: "A patient's journey", About: "Told by the patient.", Questions: "Q"})
		if err != nil {
			t.Fatal(err)
		}
		pdf := []byte("%PDF-1.4\n%%EOF\n")
		easy := []byte("You can complain.\n")
		if _, err := db.AddMaterial(ctx, cid, training.EasyRead, " easy.txt ", easy); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddMaterial(ctx, cid, training.PlainEnglish, "notes.pdf", pdf); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddMaterial(ctx, cid, training.PlainEnglish, "fake.pdf", easy); len(apperr.FieldsOf(err)) != 1 || apperr.FieldsOf(err)[0].Field != "file" {
			t.Errorf("a text file named .pdf: %v", err)
		}
		if _, err := db.AddMaterial(ctx, cid, "", "x.txt", easy); len(apperr.FieldsOf(err)) != 1 || apperr.FieldsOf(err)[0].Field != "version" {
			t.Errorf("no version: %v", err)
		}
		ms, err := db.Materials(ctx, cid)
		if err != nil || len(ms) != 2 || ms[0].FileName != "notes.pdf" || ms[0].TypeLabel() != "PDF" || ms[1].FileName != "easy.txt" ||
			ms[1].Version != training.EasyRead || ms[1].Size != int64(len(easy)) || ms[1].SizeLabel() != "18 bytes" {
			t.Fatalf("materials = %+v, %v", ms, err)
		}
		m, data, err := db.MaterialData(ctx, cid, ms[1].ID)
		// The hash as `sha256sum` gives it for the same 18 bytes.
		if err != nil || !bytes.Equal(data, easy) || m.SHA256 != "cea45b2d3767bba2b6cb6b7fd06b1d55c7870b69776c52038511e8d41e9f73e7" {
			t.Errorf("data = %q, %+v, %v", data, m, err)
		}
		if _, _, err := db.MaterialData(ctx, "another", ms[1].ID); apperr.Code(err) != apperr.NotFound {
			t.Errorf("a file through another course: %v", err)
		}
	})
}
