package ocds

import (
	"encoding/json"
	"math/big"
	"testing"
	"time"
)

// samplePackage is a whole small process: the tender (with a lot, its
// award criteria, an anonymised clarification and a target), the award
// (with both bids), and the contract (with an agreed metric). It uses
// every extension the package writes.
func samplePackage(t *testing.T) Package {
	t.Helper()
	at := func(s string) time.Time {
		d, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	ocid := OCID("ocds-coprod", "t-7f3a")
	icb := Organization{ID: "GB-NHS-QWE", Name: "Example Integrated Care Board", Roles: []string{RoleBuyer, RoleProcuringEntity}}
	alder := Organization{ID: "GB-CHC-1000001", Name: "Alder Care", Identifier: &Identifier{Scheme: "GB-CHC", ID: "1000001"}, Roles: []string{RoleTenderer}}
	birch := Organization{ID: "GB-COH-09000002", Name: "Birch Support", Identifier: &Identifier{Scheme: "GB-COH", ID: "09000002"}, Roles: []string{RoleTenderer, RoleSupplier}}
	weight := func(s string) json.Number {
		r, _ := new(big.Rat).SetString(s)
		n, err := Decimal(r)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	criteria := &AwardCriteria{
		WeightingDescription: "Lived experience panel holds 20% of the evaluation.",
		Criteria: []AwardCriterion{
			{Type: CriterionQuality, Name: "Q1 How will you deliver the service?", Numbers: []CriterionNumber{{Number: weight("26"), Weight: WeightPercentageExact}}},
			{Type: CriterionQuality, Name: "Q3 How will young people shape the service?", Description: "Scored by the lived experience panel.",
				Numbers: []CriterionNumber{{Number: weight("16"), Weight: WeightPercentageExact}, {Number: "2", Threshold: ThresholdMinimumScore}}},
			{Type: CriterionQuality, Name: "Q4 Accessibility", Numbers: []CriterionNumber{{Number: weight("8.5"), Weight: WeightPercentageExact}}},
			{Type: CriterionPrice, Name: "Price", Numbers: []CriterionNumber{{Number: weight("30"), Weight: WeightPercentageExact}}},
		},
	}
	tender := &Tender{
		ID: "t-7f3a", Title: "Children and young people's mental health support", Status: "active",
		ProcuringEntity: ptr(icb.Ref()), Value: GBP(120_000_000), ProcurementMethod: "open",
		MainProcurementCategory: "services", AwardCriteria: "ratedCriteria",
		Items:         []Item{{ID: "1", Description: "Community support service", Classification: &Classification{Scheme: "CPV", ID: "85300000", Description: "Social work and related services"}, RelatedLot: "1"}},
		TenderPeriod:  &Period{StartDate: at("2026-06-01T09:00:00Z"), EndDate: at("2026-07-01T12:00:00Z")},
		EnquiryPeriod: &Period{StartDate: at("2026-06-01T09:00:00Z"), EndDate: at("2026-06-20T12:00:00Z")},
		HasEnquiries:  ptr(true),
		Lots:          []Lot{{ID: "1", Title: "Whole contract", Status: "active", Value: GBP(120_000_000), AwardCriteria: criteria}},
		Enquiries: []Enquiry{{ID: "e1", Date: at("2026-06-05T10:00:00Z"), Title: "Easy Read",
			Description: "Must the answer to Q3 include an Easy Read version?", Answer: "Yes, as an attachment.",
			DateAnswered: at("2026-06-08T10:00:00Z"), RelatedLot: "1"}},
		Targets: []Metric{{ID: "m1", Title: "Young people who say they were listened to",
			Observations: []Observation{{ID: "m1-2027", Measure: "80", Unit: &Unit{Name: "percent"}}}}},
	}
	r0 := Release{OCID: ocid, ID: ocid + "-tender-1", Date: at("2026-06-01T09:00:00Z"), Tag: []string{TagTender},
		InitiationType: "tender", Language: "en", Parties: []Organization{icb}, Buyer: ptr(icb.Ref()), Tender: tender}
	bids := &Bids{
		Statistics: []BidStatistic{{ID: "s1", Measure: "bids", Value: "2"}},
		Details: []Bid{
			{ID: "A", Date: at("2026-06-30T16:00:00Z"), Status: BidValid, Tenderers: []OrgRef{alder.Ref()}, Value: GBP(100_000_000), RelatedLots: []string{"1"}},
			{ID: "B", Date: at("2026-07-01T11:59:00Z"), Status: BidValid, Tenderers: []OrgRef{birch.Ref()}, Value: GBP(89_999_999), RelatedLots: []string{"1"}},
		},
	}
	award := Award{ID: "a1", Title: "Award to Birch Support", Status: "active", Date: at("2026-08-03T09:00:00Z"),
		Value: GBP(89_999_999), Suppliers: []OrgRef{birch.Ref()}, RelatedBid: "B", RelatedLots: []string{"1"},
		ContractPeriod: &Period{StartDate: at("2026-10-01T00:00:00Z"), EndDate: at("2029-09-30T23:59:59Z")}}
	r1 := Release{OCID: ocid, ID: ocid + "-award-1", Date: at("2026-08-03T09:00:00Z"), Tag: []string{TagAward},
		InitiationType: "tender", Parties: []Organization{icb, alder, birch}, Buyer: ptr(icb.Ref()), Bids: bids, Awards: []Award{award}}
	contract := Contract{ID: "c1", AwardID: "a1", Title: "Community support service", Status: "active",
		Value: GBP(89_999_999), DateSigned: at("2026-09-01T12:00:00Z"),
		Period: &Period{StartDate: at("2026-10-01T00:00:00Z"), EndDate: at("2029-09-30T23:59:59Z")},
		AgreedMetrics: []Metric{{ID: "m1", Title: "Young people who say they were listened to",
			Observations: []Observation{{ID: "m1-2027", Measure: "80", Unit: &Unit{Name: "percent"},
				Period: &Period{StartDate: at("2027-04-01T00:00:00Z"), EndDate: at("2028-03-31T23:59:59Z")}}}}}}
	r2 := Release{OCID: ocid, ID: ocid + "-contract-1", Date: at("2026-09-01T12:00:00Z"), Tag: []string{TagContract},
		InitiationType: "tender", Parties: []Organization{icb, birch}, Buyer: ptr(icb.Ref()), Contracts: []Contract{contract}}
	p, err := NewPackage(Meta{
		URI: "https://coprod.example.org/tenders/t-7f3a/ocds.json", PublishedDate: at("2026-09-02T08:00:00Z"),
		Publisher: Publisher{Name: "Example Integrated Care Board", Scheme: "GB-NHS", UID: "QWE"},
		License:   "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
	}, r0, r1, r2)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func ptr[T any](v T) *T { return &v }
