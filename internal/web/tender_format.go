package web

import (
	"reflect"

	"github.com/coprod/coprod/internal/tender"
)

// tenderFuncs are the template functions of the tenders area.
var tenderFuncs = map[string]any{
	// tieBreakKeys are the rules the ITT editor offers, in its order.
	"tieBreakKeys": tender.TieBreakRules,
	// deref shows what an optional value (a pointer) holds, "" for none.
	"deref": func(v any) any {
		rv := reflect.ValueOf(v)
		if rv.Kind() != reflect.Pointer {
			return v
		}
		if rv.IsNil() {
			return ""
		}
		return rv.Elem().Interface()
	},
}
