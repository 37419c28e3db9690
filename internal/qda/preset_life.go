package qda

import (
	"strings"

	"github.com/coprod/coprod/internal/evidence"
)

// LifeDomains is the preset codebook of the rounds' own evidence: the
// parts of life a risk or protective factor belongs to (evidence.Domains)
// and the two kinds of factor (evidence.FactorKinds), so coded research
// lines up with what a lived experience group maps in a round. A segment
// takes a domain and, where it says how someone feels about themselves,
// a kind of factor. The colours differ from each other and from the
// Social Practice Theory preset's, and pages always show the name too.
func LifeDomains() []PresetCode {
	const domainsKey, factorsKey = "life-domains", "factors"
	out := []PresetCode{{Key: domainsKey, Name: "Life domains",
		Definition:   "The part of life a segment is about, as the rounds' groups map risk and protective factors.",
		WhenToUse:    "Every segment about someone's life, with the domain it is mostly about.",
		WhenNotToUse: "Segments about how services are organised, with no part of someone's life in them.",
		Color:        "#4d4d4d"}}
	domainColors := []string{"#b2182b", "#d6604d", "#8073ac", "#542788", "#2166ac", "#4393c3", "#01665e", "#80cdc1", "#bf812d"}
	for i, d := range evidence.Domains {
		out = append(out, PresetCode{Key: "domain-" + d.Key, Parent: domainsKey, Name: d.Label,
			Definition: "The " + d.Label + " part of life.", Color: domainColors[i%len(domainColors)]})
	}
	out = append(out, PresetCode{Key: factorsKey, Name: "Risk and protective factors",
		Definition:   "What makes people feel good about themselves, and what harms that.",
		WhenToUse:    "A segment where something helps or harms how someone feels about themselves.",
		WhenNotToUse: "Practical barriers that do not touch how someone feels: use a life domain alone.",
		Color:        "#1b7837"})
	factorColors := map[string]string{"protective": "#5aae61", "risk": "#762a83"}
	for _, k := range evidence.FactorKinds {
		// "Risk: harms how I feel about myself" names "Risk factor", defined
		// in the group's own words.
		kind, words, _ := strings.Cut(k.Label, ": ")
		out = append(out, PresetCode{Key: "factor-" + k.Key, Parent: factorsKey, Name: kind + " factor",
			Definition: "In the words of the rounds' groups: " + words + ".", Color: factorColors[k.Key]})
	}
	return out
}
