package ocds

import (
	"encoding/json"
	"time"
)

// Release is one OCDS release: what was known about a contracting process
// (its ocid) at one moment, tagged with the stages it reports.
type Release struct {
	OCID           string         `json:"ocid"`
	ID             string         `json:"id"`
	Date           time.Time      `json:"date"`
	Tag            []string       `json:"tag"`
	InitiationType string         `json:"initiationType"`
	Language       string         `json:"language,omitempty"`
	Parties        []Organization `json:"parties,omitempty"`
	Buyer          *OrgRef        `json:"buyer,omitempty"`
	Tender         *Tender        `json:"tender,omitempty"`
	Bids           *Bids          `json:"bids,omitempty"` // bid extension
	Awards         []Award        `json:"awards,omitempty"`
	Contracts      []Contract     `json:"contracts,omitempty"`
}

// Release tags used here (the releaseTag codelist is closed).
const (
	TagTender   = "tender"
	TagAward    = "award"
	TagContract = "contract"
)

// Party roles used here (partyRole codelist; enquirer comes from the
// enquiry extension).
const (
	RoleBuyer           = "buyer"
	RoleProcuringEntity = "procuringEntity"
	RoleTenderer        = "tenderer"
	RoleSupplier        = "supplier"
	RoleEnquirer        = "enquirer"
)

// Organization is a party to the process, listed once in Release.Parties
// and referred to elsewhere by OrgRef.
type Organization struct {
	ID         string      `json:"id"`
	Name       string      `json:"name,omitempty"`
	Identifier *Identifier `json:"identifier,omitempty"`
	Address    *Address    `json:"address,omitempty"`
	Roles      []string    `json:"roles,omitempty"`
}

// Ref returns the reference to o.
func (o Organization) Ref() OrgRef { return OrgRef{ID: o.ID, Name: o.Name} }

// Identifier of an organisation in a register, such as GB-COH (Companies
// House) or GB-CHC (Charity Commission).
type Identifier struct {
	Scheme    string `json:"scheme,omitempty"`
	ID        string `json:"id,omitempty"`
	LegalName string `json:"legalName,omitempty"`
}

// Address of an organisation.
type Address struct {
	Locality    string `json:"locality,omitempty"`
	Region      string `json:"region,omitempty"`
	PostalCode  string `json:"postalCode,omitempty"`
	CountryName string `json:"countryName,omitempty"`
}

// OrgRef refers to an entry of Release.Parties by its id.
type OrgRef struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// Period of time; either end may be open.
type Period struct {
	StartDate      time.Time `json:"startDate,omitzero"`
	EndDate        time.Time `json:"endDate,omitzero"`
	DurationInDays int       `json:"durationInDays,omitempty"`
}

// Classification of an item, such as a CPV code.
type Classification struct {
	Scheme      string `json:"scheme,omitempty"`
	ID          string `json:"id,omitempty"`
	Description string `json:"description,omitempty"`
}

// Item is something to be bought.
type Item struct {
	ID             string          `json:"id"`
	Description    string          `json:"description,omitempty"`
	Classification *Classification `json:"classification,omitempty"`
	RelatedLot     string          `json:"relatedLot,omitempty"` // lots extension
}

// Tender is the tender stage.
type Tender struct {
	ID                       string    `json:"id"`
	Title                    string    `json:"title,omitempty"`
	Description              string    `json:"description,omitempty"`
	Status                   string    `json:"status,omitempty"`
	ProcuringEntity          *OrgRef   `json:"procuringEntity,omitempty"`
	Items                    []Item    `json:"items,omitempty"`
	Value                    *Value    `json:"value,omitempty"`
	ProcurementMethod        string    `json:"procurementMethod,omitempty"`
	ProcurementMethodDetails string    `json:"procurementMethodDetails,omitempty"`
	MainProcurementCategory  string    `json:"mainProcurementCategory,omitempty"`
	AwardCriteria            string    `json:"awardCriteria,omitempty"` // core: a code such as "ratedCriteria"
	AwardCriteriaDetails     string    `json:"awardCriteriaDetails,omitempty"`
	SubmissionMethod         []string  `json:"submissionMethod,omitempty"`
	TenderPeriod             *Period   `json:"tenderPeriod,omitempty"`
	EnquiryPeriod            *Period   `json:"enquiryPeriod,omitempty"`
	HasEnquiries             *bool     `json:"hasEnquiries,omitempty"`
	AwardPeriod              *Period   `json:"awardPeriod,omitempty"`
	NumberOfTenderers        *int      `json:"numberOfTenderers,omitempty"`
	Tenderers                []OrgRef  `json:"tenderers,omitempty"`
	Lots                     []Lot     `json:"lots,omitempty"`      // lots extension
	Enquiries                []Enquiry `json:"enquiries,omitempty"` // enquiry extension
	Targets                  []Metric  `json:"targets,omitempty"`   // metrics extension
}

// Lot is part of a tender bid for and awarded separately (lots extension).
type Lot struct {
	ID            string         `json:"id"`
	Title         string         `json:"title,omitempty"`
	Description   string         `json:"description,omitempty"`
	Status        string         `json:"status,omitempty"`
	Value         *Value         `json:"value,omitempty"`
	AwardCriteria *AwardCriteria `json:"awardCriteria,omitempty"` // awardCriteria extension
}

// AwardCriteria breaks a lot's award criteria down (awardCriteria extension).
type AwardCriteria struct {
	WeightingDescription string           `json:"weightingDescription,omitempty"`
	Criteria             []AwardCriterion `json:"criteria,omitempty"`
}

// Award criterion types (awardCriterionType codelist).
const (
	CriterionQuality = "quality"
	CriterionPrice   = "price"
	CriterionCost    = "cost"
)

// AwardCriterion is one award criterion.
type AwardCriterion struct {
	Type        string            `json:"type,omitempty"`
	Name        string            `json:"name,omitempty"`
	Description string            `json:"description,omitempty"`
	Numbers     []CriterionNumber `json:"numbers,omitempty"`
}

// CriterionNumber is a number attached to a criterion: its weight
// (Weight "percentageExact") or a threshold (Threshold "minimumScore").
type CriterionNumber struct {
	// Number is written as given, so an exact decimal weight stays exact;
	// use [Decimal] to make one.
	Number    json.Number `json:"number"`
	Weight    string      `json:"weight,omitempty"`
	Threshold string      `json:"threshold,omitempty"`
}

// Codes of the criterionWeight and criterionThreshold codelists used here.
const (
	WeightPercentageExact = "percentageExact"
	ThresholdMinimumScore = "minimumScore"
)

// Enquiry is a clarification question and its answer (enquiry extension).
// Author is left out when questions are published anonymously.
type Enquiry struct {
	ID           string    `json:"id"`
	Date         time.Time `json:"date,omitzero"`
	Author       *OrgRef   `json:"author,omitempty"`
	Title        string    `json:"title,omitempty"`
	Description  string    `json:"description,omitempty"`
	Answer       string    `json:"answer,omitempty"`
	DateAnswered time.Time `json:"dateAnswered,omitzero"`
	RelatedLot   string    `json:"relatedLot,omitempty"`
}

// Bids holds the bids received (bid extension).
type Bids struct {
	Statistics []BidStatistic `json:"statistics,omitempty"`
	Details    []Bid          `json:"details,omitempty"`
}

// BidStatistic is a count or value about the bids (bidStatistics codelist).
type BidStatistic struct {
	ID         string      `json:"id"`
	Measure    string      `json:"measure"`
	Value      json.Number `json:"value"`
	RelatedLot string      `json:"relatedLot,omitempty"`
}

// Bid statuses (bidStatus codelist, closed).
const (
	BidPending      = "pending"
	BidValid        = "valid"
	BidDisqualified = "disqualified"
	BidWithdrawn    = "withdrawn"
)

// Bid is one bid (bid extension).
type Bid struct {
	ID          string    `json:"id"`
	Date        time.Time `json:"date,omitzero"`
	Status      string    `json:"status,omitempty"`
	Tenderers   []OrgRef  `json:"tenderers,omitempty"`
	Value       *Value    `json:"value,omitempty"`
	RelatedLots []string  `json:"relatedLots,omitempty"` // lots extension
}

// Award is a decision to award.
type Award struct {
	ID             string    `json:"id"`
	Title          string    `json:"title,omitempty"`
	Description    string    `json:"description,omitempty"`
	Status         string    `json:"status,omitempty"`
	Date           time.Time `json:"date,omitzero"`
	Value          *Value    `json:"value,omitempty"`
	Suppliers      []OrgRef  `json:"suppliers,omitempty"`
	ContractPeriod *Period   `json:"contractPeriod,omitempty"`
	RelatedBid     string    `json:"relatedBid,omitempty"`    // bid extension
	RelatedLots    []string  `json:"relatedLots,omitempty"`   // lots extension
	AgreedMetrics  []Metric  `json:"agreedMetrics,omitempty"` // metrics extension
}

// Contract is a signed contract.
type Contract struct {
	ID            string    `json:"id"`
	AwardID       string    `json:"awardID"`
	Title         string    `json:"title,omitempty"`
	Description   string    `json:"description,omitempty"`
	Status        string    `json:"status,omitempty"`
	Period        *Period   `json:"period,omitempty"`
	Value         *Value    `json:"value,omitempty"`
	DateSigned    time.Time `json:"dateSigned,omitzero"`
	AgreedMetrics []Metric  `json:"agreedMetrics,omitempty"` // metrics extension
}

// Metric is a target or result (metrics extension); Coprod uses it for the
// experience and outcome indicators written into a contract.
type Metric struct {
	ID           string        `json:"id"`
	Title        string        `json:"title,omitempty"`
	Description  string        `json:"description,omitempty"`
	Observations []Observation `json:"observations,omitempty"`
}

// Observation is one target or actual value of a metric.
type Observation struct {
	ID      string      `json:"id"`
	Period  *Period     `json:"period,omitempty"`
	Value   *Value      `json:"value,omitempty"`
	Measure json.Number `json:"measure,omitempty"`
	Unit    *Unit       `json:"unit,omitempty"`
	Notes   string      `json:"notes,omitempty"`
}

// Unit of a metric's measure.
type Unit struct {
	Name string `json:"name,omitempty"`
}
