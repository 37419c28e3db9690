// Package pictures is the product's set of pictures for Easy Read: about 190
// openly licensed drawings (OpenMoji 17.0.0, colour set, CC BY-SA 4.0) shipped
// inside the binary, each under a key that names an idea the product talks
// about (story, meeting, vote, agree, money, doctor, …) and with a text
// alternative in plain words.
//
// The colour set was chosen over the black-and-white one because colour makes
// a small picture easier to tell apart at a glance (a red cross and a green
// tick differ by shape and by colour), and OpenMoji's colour drawings keep the
// black outline of the line set, so their shapes still read at 40 pixels and
// in greyscale print. Pages draw them on a light tile so the outline shows in
// a dark colour scheme too.
//
// The package is pure: it imports nothing from the application. Keys are stable
// (they are stored with vision statements, measures, proposals and voice items);
// a key may be added, never renamed or removed.
package pictures

import (
	"embed"
	"io/fs"
)

//go:embed svg/*.svg svg/LICENSE.txt
var files embed.FS

// Picture is one drawing: Key names the idea, Alt is its text alternative
// (plain words, no full stop), File is the SVG's name in FS, and Topic is the
// heading it is listed under in a picture chooser.
type Picture struct {
	Key   string
	Alt   string
	File  string
	Topic string
}

// Attribution is the credit the licence asks for, to show wherever the
// pictures are listed.
const (
	Attribution = "Pictures from OpenMoji, the open-source emoji and icon project"
	Licence     = "CC BY-SA 4.0"
	LicenceURL  = "https://creativecommons.org/licenses/by-sa/4.0/"
	SourceURL   = "https://openmoji.org/"
	Version     = "OpenMoji 17.0.0"
)

var byKey = func() map[string]Picture {
	m := make(map[string]Picture, len(all))
	for _, p := range all {
		m[p.Key] = p
	}
	return m
}()

// All returns every picture, grouped by topic, in the order a chooser lists
// them. The slice is a copy.
func All() []Picture { return append([]Picture(nil), all...) }

// Get returns the picture for a key.
func Get(key string) (Picture, bool) {
	p, ok := byKey[key]
	return p, ok
}

// Valid reports whether key names a picture. The empty key ("no picture") is
// not valid; callers that allow no picture check for it first.
func Valid(key string) bool {
	_, ok := byKey[key]
	return ok
}

// Topics returns the topics in the order All lists them.
func Topics() []string {
	var ts []string
	for i, p := range all {
		if i == 0 || all[i-1].Topic != p.Topic {
			ts = append(ts, p.Topic)
		}
	}
	return ts
}

// FS holds the SVG files at its root (by Picture.File) and LICENSE.txt.
func FS() fs.FS {
	sub, err := fs.Sub(files, "svg")
	if err != nil {
		panic(err) // the directory is embedded above; cannot happen
	}
	return sub
}

// SVG returns the drawing of a picture.
func SVG(p Picture) ([]byte, error) { return fs.ReadFile(FS(), p.File) }
