// Package raster holds each picture of internal/pictures drawn as a PNG,
// 160 × 160 pixels, for documents that cannot show SVG: the Word documents
// the product writes (Word before 2016 cannot show SVG, and PNG opens in
// every version of Word and LibreOffice). At 2.5 cm wide a picture prints
// at about 160 dots per inch.
//
// The PNGs are rendered from the SVGs once, by render.sh (rsvg-convert),
// and committed, so nothing is drawn at build, test or run time. They are
// the same OpenMoji drawings under the same licence (CC BY-SA 4.0: see
// ../svg/LICENSE.txt).
package raster

import (
	"embed"
	"strings"

	"github.com/coprod/coprod/internal/pictures"
)

//go:embed png/*.png
var files embed.FS

// PNG returns the picture's PNG.
func PNG(p pictures.Picture) ([]byte, bool) {
	b, err := files.ReadFile("png/" + strings.TrimSuffix(p.File, ".svg") + ".png")
	return b, err == nil
}
