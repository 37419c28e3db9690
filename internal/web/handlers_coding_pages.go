package web

import "strconv"

// DocPage is the page of the PDF a source was read from that holds
// character pos, for showing "page 3" beside a segment; 0 for a source
// without pages (or one the viewer cannot see).
func (d codingProjectData) DocPage(sourceID string, pos int) int {
	for _, src := range d.Sources {
		if src.ID == sourceID {
			return src.Page(pos)
		}
	}
	return 0
}

// pageCell is a page number for a CSV cell, empty without pages.
func pageCell(page int) string {
	if page == 0 {
		return ""
	}
	return strconv.Itoa(page)
}
