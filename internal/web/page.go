package web

import (
	"net/http"
	"reflect"
	"slices"
)

// page is one page template and the type of the data it is drawn with, so
// a handler cannot hand a template the wrong data, and the template test
// (page_test.go) can draw every page with a value of its own type: a
// misspelt field name fails a test instead of silently hiding a button.
type page[T any] struct{ name string }

// show draws the page with data, inside the layout, at status.
func (p page[T]) show(s *Server, w http.ResponseWriter, r *http.Request, status int, v view, data T) error {
	v.Data = data
	return s.draw(w, r, status, p.name, v)
}

// pageType is what the template test needs of a page.
type pageType interface {
	templateName() string
	dataType() reflect.Type
}

func (p page[T]) templateName() string   { return p.name }
func (p page[T]) dataType() reflect.Type { return reflect.TypeFor[T]() }

// noData is the data of pages that show nothing but the layout's own fields.
type noData struct{}

// allPages lists every page of the service, area by area, for the template
// test; each area keeps its table beside its routes, in routes_<area>.go.
func allPages() []pageType {
	return slices.Concat(shellPages, authPages, adminPages, roundPages, readabilityPages, publicBoardPages, ledgerPages,
		studyPages, codingPages, measurePages, tenderPages, notificationPages, displayPages, easyReadPages, findingsPages, peerPages, trainingPages, pathwayPages, spcPages, adjustmentPages, raAuditPages, qcPages, uloPages)
}
