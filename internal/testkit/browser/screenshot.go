package browser

import (
	"os"
	"path/filepath"

	"github.com/chromedp/chromedp"
)

// SaveScreenshot draws the current page at width × height CSS pixels and
// saves the whole page, however long, as a PNG in file (its folder is made).
// It is for people to look at; no test compares screenshots.
func (b *Browser) SaveScreenshot(width, height int, file string) {
	b.t.Helper()
	b.Do(chromedp.EmulateViewport(int64(width), int64(height)))
	b.savePNG(get(b, chromedp.FullScreenshot(100)), file)
}

// SaveFirstScreen draws the current page at width × height CSS pixels and
// saves only what shows before any scrolling: what a person sees first.
func (b *Browser) SaveFirstScreen(width, height int, file string) {
	b.t.Helper()
	b.Do(chromedp.EmulateViewport(int64(width), int64(height)))
	b.savePNG(get(b, chromedp.CaptureScreenshot()), file)
}

func (b *Browser) savePNG(png []byte, file string) {
	b.t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}
