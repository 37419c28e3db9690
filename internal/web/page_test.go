package web

import (
	"io"
	"io/fs"
	"net/url"
	"path"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
)

// TestEveryTemplateDrawsWithItsPageType draws every page template with a
// value of the page's own data type, twice: once with everything filled in
// (every flag true, one item in every list, every optional part present) and
// once with everything empty but present (flags false, lists empty). A field
// the type does not have, a misspelt method, or data of the wrong shape
// fails here, instead of silently hiding a button on a live page.
func TestEveryTemplateDrawsWithItsPageType(t *testing.T) {
	t.Parallel()
	st, err := loadStatic()
	if err != nil {
		t.Fatal(err)
	}
	pages, err := parsePages(st)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, p := range allPages() {
		name := p.templateName()
		if seen[name] {
			t.Errorf("page %s is listed twice", name)
		}
		seen[name] = true
		tmpl, ok := pages.byName[name]
		if !ok {
			t.Errorf("page %s has no template file", name)
			continue
		}
		for _, full := range []bool{true, false} {
			v := sampleView(full)
			v.Data = sample(p.dataType(), full, 0).Interface()
			if err := tmpl.ExecuteTemplate(io.Discard, "layout", v); err != nil {
				t.Errorf("page %s (filled in: %v): %v", name, full, err)
			}
		}
	}
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if !seen[name] {
			t.Errorf("template %s is not listed with its page type in allPages", name)
		}
	}
}

// sampleView is the layout's own data for a signed-in person: an
// administrator with an error on a field and a flash message (filled in),
// or someone with no roles (empty). Pages for visitors are drawn by the
// HTTP tests.
func sampleView(full bool) view {
	v := view{Title: "A page", Path: "/a/page", Principal: &auth.Principal{User: &auth.User{ID: "u1", Email: "a@example.org", DisplayName: "A Person"}}}
	if full {
		v.Principal.Assignments = []auth.Assignment{{Role: auth.RoleAdmin, ScopeType: auth.ScopePlatform}}
		v.Demo, v.Flash = true, "Saved."
		v.Errors = []apperr.FieldError{{Field: "title", Message: "Enter a title"}}
		v.Form = url.Values{"title": {"A title"}}
	}
	return v
}

// sample builds a value of type t: filled in with one of everything, or
// empty but with every pointer and struct present so the template can
// reach its else branches.
func sample(t reflect.Type, full bool, depth int) reflect.Value {
	v := reflect.New(t).Elem()
	if depth > 6 { // recursive types stop here
		return v
	}
	switch t.Kind() {
	case reflect.Pointer:
		v.Set(sample(t.Elem(), full, depth+1).Addr())
	case reflect.Struct:
		if t == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2027, 6, 10, 17, 30, 0, 0, time.UTC)))
			break
		}
		for i := range t.NumField() {
			f := t.Field(i)
			switch {
			case f.IsExported():
				v.Field(i).Set(sample(f.Type, full, depth+1))
			case f.Anonymous:
				// An embedded lowercase type (listData[T]) still lends the
				// page its exported fields: fill it through its address.
				reflect.NewAt(f.Type, unsafe.Pointer(v.Field(i).UnsafeAddr())).Elem().Set(sample(f.Type, full, depth+1))
			}
		}
	case reflect.Slice:
		if full {
			v.Set(reflect.Append(reflect.MakeSlice(t, 0, 1), sample(t.Elem(), full, depth+1)))
		}
	case reflect.Array:
		for i := range t.Len() {
			v.Index(i).Set(sample(t.Elem(), full, depth+1))
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(t))
		if full {
			v.SetMapIndex(sample(t.Key(), full, depth+1), sample(t.Elem(), full, depth+1))
		}
	case reflect.String:
		if full {
			v.SetString("word")
		}
	case reflect.Bool:
		v.SetBool(full)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if full {
			v.SetInt(1)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if full {
			v.SetUint(1)
		}
	case reflect.Float32, reflect.Float64:
		if full {
			v.SetFloat(1)
		}
	}
	return v
}
