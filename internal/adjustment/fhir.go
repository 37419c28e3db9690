package adjustment

import (
	"encoding/json"
	"html"
	"time"
)

// CategorySystem names the code system of the categories in the export:
// the NHS Reasonable Adjustment Flag's categories, with the keys Coprod
// stores. The NHS England code system's address is not given here because
// it could not be checked when this was written; a receiving system maps
// this one by its codes and displays.
const CategorySystem = "urn:coprod:reasonable-adjustment-category"

// The FHIR R4 shapes written here: only the elements the export uses.
type (
	fhirBundle struct {
		ResourceType string        `json:"resourceType"`
		Type         string        `json:"type"`
		Timestamp    string        `json:"timestamp"`
		Entry        []fhirBundled `json:"entry,omitempty"` // FHIR JSON has no empty lists
	}
	fhirBundled struct {
		Resource fhirFlag `json:"resource"`
	}
	fhirFlag struct {
		ResourceType string        `json:"resourceType"`
		ID           string        `json:"id"`
		Meta         fhirMeta      `json:"meta"`
		Text         fhirNarrative `json:"text"`
		Status       string        `json:"status"`
		Category     []fhirConcept `json:"category"`
		Code         fhirConcept   `json:"code"`
		Subject      fhirReference `json:"subject"`
		Period       fhirPeriod    `json:"period"`
		Author       fhirReference `json:"author"`
	}
	fhirMeta struct {
		LastUpdated string `json:"lastUpdated"`
	}
	fhirNarrative struct {
		Status string `json:"status"`
		Div    string `json:"div"`
	}
	fhirConcept struct {
		Coding []fhirCoding `json:"coding,omitempty"`
		Text   string       `json:"text"`
	}
	fhirCoding struct {
		System  string `json:"system"`
		Code    string `json:"code"`
		Display string `json:"display"`
	}
	fhirReference struct {
		Display string `json:"display"`
	}
	fhirPeriod struct {
		Start string `json:"start"`
	}
)

// FlagBundle writes the entries that may be shared as a FHIR R4 Bundle of
// type collection holding one Flag per adjustment, in the shape of NHS
// England's Reasonable Adjustment Flag: the category coded, the adjustment
// as the flag's code, the person as subject, the period from when it was
// first recorded, and who recorded it as author. An entry the person has not
// consented to share, or that has ended, is left out: this is the one
// export of the register, so withdrawn consent removes an entry from every
// export. The subject is named by the person's name for the group; the
// register holds no NHS number.
func FlagBundle(entries []Entry, now time.Time) ([]byte, error) {
	b := fhirBundle{ResourceType: "Bundle", Type: "collection", Timestamp: now.UTC().Format(time.RFC3339)}
	for _, e := range entries {
		if !e.Shared() {
			continue
		}
		label := e.CategoryLabel()
		b.Entry = append(b.Entry, fhirBundled{Resource: fhirFlag{
			ResourceType: "Flag",
			ID:           e.ID,
			Meta:         fhirMeta{LastUpdated: e.RecordedAt.UTC().Format(time.RFC3339)},
			Text:         fhirNarrative{Status: "generated", Div: narrative(e, label)},
			Status:       "active",
			Category:     []fhirConcept{{Coding: []fhirCoding{{System: CategorySystem, Code: e.Category, Display: label}}, Text: label}},
			Code:         fhirConcept{Text: e.Details},
			Subject:      fhirReference{Display: e.Person},
			Period:       fhirPeriod{Start: e.StartedOn},
			Author:       fhirReference{Display: e.RecordedBy},
		}})
	}
	return json.MarshalIndent(b, "", "  ")
}

// narrative is the Flag's human-readable text (FHIR asks for XHTML in a
// div): the need, the adjustment and the review date.
func narrative(e Entry, label string) string {
	return `<div xmlns="http://www.w3.org/1999/xhtml"><p>` + html.EscapeString(label) + `: ` + html.EscapeString(e.Details) +
		`</p><p>Need: ` + html.EscapeString(e.Need) + `</p><p>Review by ` + html.EscapeString(e.ReviewOn) + `</p></div>`
}
