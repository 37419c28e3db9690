package refiqda

import (
	"crypto/rand"
	"fmt"
	"regexp"
)

// The schema's GUIDType and RGBType.
var (
	guidPattern  = regexp.MustCompile(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$`)
	colorPattern = regexp.MustCompile(`^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$`)
)

// NewGUID returns a random (version 4) GUID in the form the files use.
func NewGUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// ValidGUID reports whether s is a GUID as the schema writes one, with or
// without braces.
func ValidGUID(s string) bool { return guidPattern.MatchString(s) }

// ValidColor reports whether s is a colour as the schema writes one.
func ValidColor(s string) bool { return colorPattern.MatchString(s) }
