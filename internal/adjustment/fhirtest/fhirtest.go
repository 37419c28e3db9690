// Package fhirtest checks FHIR R4 JSON against a hand-written table of the
// definitions Coprod's FHIR exports use, for tests (as ocds/ocdstest does
// for OCDS). It needs no network and no FHIR library.
package fhirtest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// The FHIR R4 (4.0.1) definitions the export is checked against, written by
// hand from the specification's pages: the Flag resource
// (https://hl7.org/fhir/R4/flag.html, its elements with their cardinality
// and type), the base Resource and DomainResource elements, and the data
// types it uses (https://hl7.org/fhir/R4/datatypes.html: Meta, Narrative,
// CodeableConcept, Coding, Reference, Period, Identifier), and Bundle's
// elements the export uses (https://hl7.org/fhir/R4/bundle.html). Every
// element the export writes must be here, within its cardinality, with a
// value of its type; the required bindings are checked against their value
// sets (FlagStatus, NarrativeStatus, BundleType).

type element struct {
	min, max int // max -1 is *
	typ      string
}

var definitions = map[string]map[string]element{
	"Flag": {
		"resourceType": {1, 1, "string"},
		// Resource and DomainResource
		"id": {0, 1, "id"}, "meta": {0, 1, "Meta"}, "implicitRules": {0, 1, "uri"}, "language": {0, 1, "code"},
		"text": {0, 1, "Narrative"}, "contained": {0, -1, "Resource"}, "extension": {0, -1, "Extension"},
		"modifierExtension": {0, -1, "Extension"},
		// Flag
		"identifier": {0, -1, "Identifier"}, "status": {1, 1, "code:FlagStatus"}, "category": {0, -1, "CodeableConcept"},
		"code": {1, 1, "CodeableConcept"}, "subject": {1, 1, "Reference"}, "period": {0, 1, "Period"},
		"encounter": {0, 1, "Reference"}, "author": {0, 1, "Reference"},
	},
	"Bundle": {
		"resourceType": {1, 1, "string"},
		"id":           {0, 1, "id"}, "meta": {0, 1, "Meta"}, "implicitRules": {0, 1, "uri"}, "language": {0, 1, "code"},
		"identifier": {0, 1, "Identifier"}, "type": {1, 1, "code:BundleType"}, "timestamp": {0, 1, "instant"},
		"total": {0, 1, "unsignedInt"}, "link": {0, -1, "BackboneElement"}, "entry": {0, -1, "Bundle.entry"},
		"signature": {0, 1, "Signature"},
	},
	"Bundle.entry": {
		"link": {0, -1, "BackboneElement"}, "fullUrl": {0, 1, "uri"}, "resource": {0, 1, "Flag"},
		"search": {0, 1, "BackboneElement"}, "request": {0, 1, "BackboneElement"}, "response": {0, 1, "BackboneElement"},
	},
	"Meta": {
		"versionId": {0, 1, "id"}, "lastUpdated": {0, 1, "instant"}, "source": {0, 1, "uri"},
		"profile": {0, -1, "canonical"}, "security": {0, -1, "Coding"}, "tag": {0, -1, "Coding"},
	},
	"Narrative":       {"status": {1, 1, "code:NarrativeStatus"}, "div": {1, 1, "xhtml"}},
	"CodeableConcept": {"coding": {0, -1, "Coding"}, "text": {0, 1, "string"}},
	"Coding": {
		"system": {0, 1, "uri"}, "version": {0, 1, "string"}, "code": {0, 1, "code"}, "display": {0, 1, "string"},
		"userSelected": {0, 1, "boolean"},
	},
	"Reference": {"reference": {0, 1, "string"}, "type": {0, 1, "uri"}, "identifier": {0, 1, "Identifier"}, "display": {0, 1, "string"}},
	"Period":    {"start": {0, 1, "dateTime"}, "end": {0, 1, "dateTime"}},
}

// valueSets are the required bindings.
var valueSets = map[string][]string{
	"FlagStatus":      {"active", "inactive", "entered-in-error"},
	"NarrativeStatus": {"generated", "extensions", "additional", "empty"},
	"BundleType":      {"document", "message", "transaction", "transaction-response", "batch", "batch-response", "history", "searchset", "collection"},
}

// The primitive types' regular expressions, from the R4 data types page.
var primitives = map[string]*regexp.Regexp{
	"string":   regexp.MustCompile(`^[\s\S]+$`),
	"id":       regexp.MustCompile(`^[A-Za-z0-9\-\.]{1,64}$`),
	"uri":      regexp.MustCompile(`^\S*$`),
	"code":     regexp.MustCompile(`^[^\s]+(\s[^\s]+)*$`),
	"instant":  regexp.MustCompile(`^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$`),
	"dateTime": regexp.MustCompile(`^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$`),
}

// Resource checks v (JSON decoded into any) against the definition of typ
// ("Bundle", "Flag", or a data type) and returns every problem, each with
// its path.
func Resource(path, typ string, v any) []string {
	var probs []string
	bad := func(format string, args ...any) { probs = append(probs, path+": "+fmt.Sprintf(format, args...)) }
	if vs, ok := strings.CutPrefix(typ, "code:"); ok {
		s, _ := v.(string)
		found := false
		for _, c := range valueSets[vs] {
			found = found || s == c
		}
		if !found {
			bad("%v is not in the required value set %s", v, vs)
		}
		return probs
	}
	if re, ok := primitives[typ]; ok {
		if s, isString := v.(string); !isString || !re.MatchString(s) {
			bad("%v is not a valid %s", v, typ)
		}
		return probs
	}
	if typ == "xhtml" {
		if s, _ := v.(string); !strings.HasPrefix(s, `<div xmlns="http://www.w3.org/1999/xhtml">`) || !strings.HasSuffix(s, "</div>") {
			bad("the narrative is not an XHTML div")
		}
		return probs
	}
	def, ok := definitions[typ]
	if !ok {
		bad("uses %s, which this export is not meant to write", typ)
		return probs
	}
	obj, ok := v.(map[string]any)
	if !ok || len(obj) == 0 {
		bad("is not an object with content (ele-1)")
		return probs
	}
	if rt, has := def["resourceType"]; has && rt.min == 1 && obj["resourceType"] != typ {
		bad("resourceType %v, want %s", obj["resourceType"], typ)
	}
	names := make([]string, 0, len(obj))
	for k := range obj {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		el, known := def[k]
		if !known {
			bad("%s is not an element of %s", k, typ)
			continue
		}
		if k == "resourceType" {
			continue
		}
		items := []any{obj[k]}
		if arr, isArr := obj[k].([]any); isArr {
			if el.max == 1 {
				bad("%s is a list but may appear once", k)
				continue
			}
			if len(arr) == 0 {
				bad("%s is an empty list (ele-1)", k)
			}
			items = arr
		} else if el.max == -1 {
			bad("%s must be a list", k)
		}
		for i, it := range items {
			probs = append(probs, Resource(fmt.Sprintf("%s.%s[%d]", path, k, i), el.typ, it)...)
		}
	}
	for k, el := range def {
		if _, has := obj[k]; el.min == 1 && !has {
			bad("%s is required", k)
		}
	}
	if typ == "Period" { // per-1: start, if present, is not after end
		if s, e := obj["start"], obj["end"]; s != nil && e != nil && fmt.Sprint(s) > fmt.Sprint(e) {
			bad("start is after end (per-1)")
		}
	}
	return probs
}

// Bundle checks raw JSON as a FHIR R4 Bundle of Flags.
func Bundle(data []byte) []string {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	return Resource("Bundle", "Bundle", v)
}
