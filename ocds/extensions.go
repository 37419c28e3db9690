package ocds

// The extensions this package writes fields of, by the URL of each one's
// extension.json, as a release package lists them. Tagged releases are
// used where the extension has one matching OCDS 1.1.5, so the URL names a
// schema that does not change under the publisher's feet.
const (
	ExtBid           = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json"
	ExtLots          = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json"
	ExtEnquiry       = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_enquiry_extension/v1.1.5/extension.json"
	ExtAwardCriteria = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_awardCriteria_extension/master/extension.json"
	ExtMetrics       = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_metrics_extension/master/extension.json"
)

// AllExtensions lists every extension this package knows, in a fixed order.
var AllExtensions = []string{ExtBid, ExtLots, ExtAwardCriteria, ExtEnquiry, ExtMetrics}

// ExtensionsUsed lists, in AllExtensions order, the extensions whose
// fields the releases use.
func ExtensionsUsed(releases ...Release) []string {
	used := map[string]bool{}
	for _, r := range releases {
		if r.Bids != nil {
			used[ExtBid] = true
		}
		if t := r.Tender; t != nil {
			if len(t.Lots) > 0 {
				used[ExtLots] = true
			}
			for _, l := range t.Lots {
				if l.AwardCriteria != nil {
					used[ExtAwardCriteria] = true
				}
			}
			for _, it := range t.Items {
				if it.RelatedLot != "" {
					used[ExtLots] = true
				}
			}
			if len(t.Enquiries) > 0 {
				used[ExtEnquiry] = true
			}
			if len(t.Targets) > 0 {
				used[ExtMetrics] = true
			}
		}
		if r.Bids != nil {
			for _, b := range r.Bids.Details {
				if len(b.RelatedLots) > 0 {
					used[ExtLots] = true
				}
			}
		}
		for _, a := range r.Awards {
			if a.RelatedBid != "" {
				used[ExtBid] = true
			}
			if len(a.RelatedLots) > 0 {
				used[ExtLots] = true
			}
			if len(a.AgreedMetrics) > 0 {
				used[ExtMetrics] = true
			}
		}
		for _, c := range r.Contracts {
			if len(c.AgreedMetrics) > 0 {
				used[ExtMetrics] = true
			}
		}
	}
	var out []string
	for _, e := range AllExtensions {
		if used[e] {
			out = append(out, e)
		}
	}
	return out
}
