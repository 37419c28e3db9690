package training

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/filetype"
)

// Version says which version of a course's materials a file is.
type Version string

const (
	PlainEnglish Version = "plain"
	EasyRead     Version = "easy_read"
)

// Label is the version in words.
func (v Version) Label() string {
	if v == EasyRead {
		return "Easy Read"
	}
	return "Plain English"
}

// Material is a file of a course's materials, as kept: what it is, not
// its contents.
type Material struct {
	ID, CourseID string
	Version      Version
	FileName     string
	ContentType  string
	Size         int64
	SHA256       string
	CreatedAt    time.Time
}

// SizeLabel and TypeLabel describe the file for people.
func (m Material) SizeLabel() string { return filetype.FormatSize(m.Size) }
func (m Material) TypeLabel() string { return filetype.LabelOf(m.ContentType) }

// MaxMaterialSize bounds one file of materials.
const MaxMaterialSize = 10 * filetype.MB

// materialRules: documents people read or print, in formats that keep a
// reader's own settings (text, Word, OpenDocument) or print as made (PDF).
var materialRules = filetype.Rules{
	Kinds:    []filetype.Kind{filetype.PDF, filetype.Word, filetype.ODT, filetype.Text},
	Accepted: "PDF, Word (.docx), OpenDocument text (.odt) or plain text (.txt)", MaxSize: MaxMaterialSize, MaxName: 200, Verb: "upload",
}

// CheckMaterial checks a file for a course's materials and returns what
// will be kept of it (the store gives ID, CourseID and CreatedAt), or field
// errors on "version" and "file".
func CheckMaterial(v Version, name string, data []byte) (*Material, error) {
	var fs []apperr.FieldError
	if v != PlainEnglish && v != EasyRead {
		fs = append(fs, apperr.FieldError{Field: "version", Message: "Choose whether the file is in plain English or Easy Read"})
	}
	name, kind, msg := materialRules.Check(name, data)
	if msg != "" {
		fs = append(fs, apperr.FieldError{Field: "file", Message: msg})
	}
	if len(fs) > 0 {
		return nil, apperr.Fields(fs)
	}
	sum := sha256.Sum256(data)
	return &Material{Version: v, FileName: name, ContentType: kind.ContentType, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}, nil
}
