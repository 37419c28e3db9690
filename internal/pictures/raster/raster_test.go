package raster

import (
	"bytes"
	"image/png"
	"io/fs"
	"testing"

	"github.com/coprod/coprod/internal/pictures"
)

// Every picture has its PNG, 160 pixels square, that draws something (not
// all transparent), and there is no PNG of a picture that is not in the set.
func TestEveryPictureHasAPNG(t *testing.T) {
	want := map[string]bool{}
	for _, p := range pictures.All() {
		b, ok := PNG(p)
		if !ok {
			t.Errorf("%s (%s): no PNG; run render.sh", p.Key, p.File)
			continue
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Errorf("%s: %v", p.Key, err)
			continue
		}
		if r := img.Bounds(); r.Dx() != 160 || r.Dy() != 160 {
			t.Errorf("%s: %v", p.Key, r)
		}
		opaque := 0
		for y := 0; y < 160; y += 4 {
			for x := 0; x < 160; x += 4 {
				if _, _, _, a := img.At(x, y).RGBA(); a > 0 {
					opaque++
				}
			}
		}
		if opaque < 20 {
			t.Errorf("%s: the PNG is nearly empty (%d of 1600 samples drawn)", p.Key, opaque)
		}
		want["png/"+p.File[:len(p.File)-len(".svg")]+".png"] = true
	}
	all, _ := fs.Glob(files, "png/*.png")
	for _, f := range all {
		if !want[f] {
			t.Errorf("%s is not a picture of the set", f)
		}
	}
}
