package tender

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/ocds"
)

// DefaultOCIDPrefix is the ocid prefix used when none is configured. A
// publisher registers its own prefix with the Open Contracting Partnership.
const DefaultOCIDPrefix = "ocds-coprod"

// OCDSReleases builds the OCDS releases of one stored tender, as known at
// now, through the tender service: a tender release for each published
// version (the first "tender", then "tenderAmendment"), a "tenderUpdate"
// once clarifications are answered or bids have closed, an award release
// (with the bids) once awarded, and a contract release once the standstill
// has ended. A draft has no releases. Only what is public goes out:
// clarifications answered to all (without who asked), no prices before the
// award, and never an evaluator's scores.
func OCDSReleases(ctx context.Context, svc Service, t *Tender, prefix string, now time.Time) ([]ocds.Release, error) {
	if !t.Published() {
		return nil, nil
	}
	if prefix == "" {
		prefix = DefaultOCIDPrefix
	}
	ocid := ocds.OCID(prefix, t.ID)
	buyer := ocds.Organization{ID: t.OrgID, Name: t.OrgName, Roles: []string{ocds.RoleBuyer, ocds.RoleProcuringEntity}}
	base := func(id string, date time.Time, tag string, parties ...ocds.Organization) ocds.Release {
		return ocds.Release{OCID: ocid, ID: ocid + "-" + id, Date: date.UTC(), Tag: []string{tag}, InitiationType: "tender",
			Language: "en", Parties: append([]ocds.Organization{buyer}, parties...), Buyer: &ocds.OrgRef{ID: buyer.ID, Name: buyer.Name}}
	}

	versions, err := svc.Amendments(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	award, err := svc.AwardOf(ctx, t.ID)
	if err != nil && apperr.Code(err) != apperr.NotFound {
		return nil, err
	}
	qs, err := svc.Questions(ctx, t.ID, "")
	if err != nil {
		return nil, err
	}
	var bids []StoredBid
	if t.Closed(now) {
		if bids, err = svc.SubmittedBids(ctx, t.ID); err != nil {
			return nil, err
		}
	}

	// The measures of the specification an ITT version names: the
	// tender's targets, then the award's and contract's agreed metrics.
	targetsOf := map[string][]ocds.Metric{"": nil}
	targets := func(itt ITT) ([]ocds.Metric, error) {
		if m, ok := targetsOf[itt.SpecificationID]; ok {
			return m, nil
		}
		m, err := svc.SpecificationTargets(ctx, t.RoundID, itt.SpecificationID)
		targetsOf[itt.SpecificationID] = m
		return m, err
	}
	stage := func(itt ITT, status string) (*ocds.Tender, error) {
		ot := ocdsTender(t, itt, buyer, status)
		var err error
		ot.Targets, err = targets(itt)
		return ot, err
	}

	var out []ocds.Release
	for i, v := range versions {
		tag := "tenderAmendment"
		if i == 0 {
			tag = ocds.TagTender
		}
		r := base("tender-v"+strconv.Itoa(v.Version), v.CreatedAt, tag)
		if r.Tender, err = stage(v.ITT, "active"); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if len(versions) == 0 { // published before versions were kept
		r := base("tender", *t.PublishedAt, ocds.TagTender)
		if r.Tender, err = stage(t.ITT, "active"); err != nil {
			return nil, err
		}
		out = append(out, r)
	}

	// The update: answered clarifications and, once bids close, how many came.
	var enquiries []ocds.Enquiry
	var updated time.Time
	for _, q := range qs {
		if !q.Public || q.AnsweredAt == nil || q.AnsweredAt.After(now) {
			continue
		}
		enquiries = append(enquiries, ocds.Enquiry{ID: q.ID, Date: q.AskedAt.UTC(), Description: q.Question, Answer: q.Answer,
			DateAnswered: q.AnsweredAt.UTC()})
		if q.AnsweredAt.After(updated) {
			updated = *q.AnsweredAt
		}
	}
	closed := t.Closed(now)
	if closed && t.ITT.Deadlines.Submission.After(updated) {
		updated = t.ITT.Deadlines.Submission
	}
	status := "active"
	if award != nil {
		status = "complete"
	}
	if len(enquiries) > 0 || closed {
		r := base("tender-update", updated, "tenderUpdate")
		if r.Tender, err = stage(t.ITT, status); err != nil {
			return nil, err
		}
		r.Tender.Enquiries = enquiries
		if len(enquiries) > 0 {
			yes := true
			r.Tender.HasEnquiries = &yes
		}
		if closed {
			n := len(bids)
			r.Tender.NumberOfTenderers = &n
		}
		out = append(out, r)
	}
	if award == nil {
		return out, nil
	}

	// The award, with the bids received.
	cs, err := svc.ConsensusForResult(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	var res Result // a bid that failed a minimum score is disqualified
	if r, err := t.Evaluate(bids, cs); err == nil {
		res = r
	}
	var parties []ocds.Organization
	details := make([]ocds.Bid, 0, len(bids))
	var winner *StoredBid
	for i, b := range bids {
		org := ocds.Organization{ID: bidderOrg(b), Name: b.OrgName, Roles: []string{ocds.RoleTenderer}}
		status := ocds.BidValid
		if br, ok := res.Bid(b.ID); ok && br.Failed {
			status = ocds.BidDisqualified
		}
		if b.ID == award.WinnerBidID {
			org.Roles = append(org.Roles, ocds.RoleSupplier)
			winner = &bids[i]
		}
		parties = append(parties, org)
		d := ocds.Bid{ID: b.ID, Status: status, Tenderers: []ocds.OrgRef{org.Ref()}, Value: ocds.GBP(b.PricePence)}
		if b.SubmittedAt != nil {
			d.Date = b.SubmittedAt.UTC()
		}
		if b.LotID != "" {
			d.RelatedLots = []string{b.LotID}
		}
		details = append(details, d)
	}
	if winner == nil {
		return nil, fmt.Errorf("tender %s: the awarded bid %s is not among the submitted bids", t.ID, award.WinnerBidID)
	}
	awardStatus := "pending" // during the standstill
	if !award.StandstillEnd.After(now) {
		awardStatus = "active"
	}
	a := ocds.Award{ID: "award-1", Title: "Award to " + winner.OrgName, Status: awardStatus, Date: award.DecidedAt.UTC(),
		Description: award.Reason + fmt.Sprintf(" Award notice %s; standstill ends %s.",
			award.NoticeOn.Format(time.DateOnly), award.StandstillEnd.Format(time.DateOnly)),
		Value: ocds.GBP(winner.PricePence), Suppliers: []ocds.OrgRef{{ID: bidderOrg(*winner), Name: winner.OrgName}},
		RelatedBid: winner.ID}
	if winner.LotID != "" {
		a.RelatedLots = []string{winner.LotID}
	}
	agreed, err := targets(t.ITT)
	if err != nil {
		return nil, err
	}
	a.AgreedMetrics = agreed
	r := base("award", award.DecidedAt, ocds.TagAward, parties...)
	count := strconv.Itoa(len(bids))
	r.Bids = &ocds.Bids{Statistics: []ocds.BidStatistic{{ID: "bids", Measure: "bids", Value: json.Number(count)}}, Details: details}
	r.Awards = []ocds.Award{a}
	out = append(out, r)

	// The contract, pending signature, once the standstill is over.
	if !award.StandstillEnd.After(now) {
		supplier := ocds.Organization{ID: bidderOrg(*winner), Name: winner.OrgName, Roles: []string{ocds.RoleSupplier}}
		c := base("contract", award.StandstillEnd, ocds.TagContract, supplier)
		c.Contracts = []ocds.Contract{{ID: "contract-1", AwardID: a.ID, Title: t.Title, Status: "pending", Value: ocds.GBP(winner.PricePence),
			AgreedMetrics: agreed}}
		out = append(out, c)
	}
	return out, nil
}

// bidderOrg is the party id of a bid's organisation.
func bidderOrg(b StoredBid) string { return "bidder-" + b.BidderID }

// ocdsTender is the tender stage of t with the given ITT version.
func ocdsTender(t *Tender, itt ITT, buyer ocds.Organization, status string) *ocds.Tender {
	ot := &ocds.Tender{ID: t.ID, Title: itt.Title, Status: status, ProcuringEntity: &ocds.OrgRef{ID: buyer.ID, Name: buyer.Name},
		ProcurementMethod: "open", MainProcurementCategory: "services", AwardCriteria: "ratedCriteria",
		AwardCriteriaDetails: "Quality and price, with the lived experience panel's committed stake of " + itt.Stake.String() + "%.",
		SubmissionMethod:     []string{"electronicSubmission"}}
	if t.PublishedAt != nil {
		if d := itt.Deadlines.Submission; !d.IsZero() {
			ot.TenderPeriod = &ocds.Period{StartDate: t.PublishedAt.UTC(), EndDate: d.UTC()}
		}
		if d := itt.Deadlines.Clarification; !d.IsZero() {
			ot.EnquiryPeriod = &ocds.Period{StartDate: t.PublishedAt.UTC(), EndDate: d.UTC()}
		}
	}
	lots := itt.Lots
	if len(lots) == 0 {
		lots = DefaultLots()
	}
	ac := OCDSAwardCriteria(itt)
	for _, l := range lots {
		ot.Lots = append(ot.Lots, ocds.Lot{ID: l.ID, Title: l.Title, Description: l.Description, Status: status, AwardCriteria: ac})
		ot.Items = append(ot.Items, ocds.Item{ID: l.ID, Description: l.Title, RelatedLot: l.ID})
	}
	return ot
}

// OCDSPackage builds one release package of the tenders' releases at now,
// identified by uri. The publisher is the buyer when every tender has the
// same one, otherwise Coprod. It fails when no tender has been published.
func OCDSPackage(ctx context.Context, svc Service, tenders []Tender, prefix, uri string, now time.Time) (ocds.Package, error) {
	var releases []ocds.Release
	publisher := ""
	for i := range tenders {
		rs, err := OCDSReleases(ctx, svc, &tenders[i], prefix, now)
		if err != nil {
			return ocds.Package{}, err
		}
		if len(rs) == 0 {
			continue
		}
		switch publisher {
		case "":
			publisher = tenders[i].OrgName
		case tenders[i].OrgName:
		default:
			publisher = "Coprod"
		}
		releases = append(releases, rs...)
	}
	if len(releases) == 0 {
		return ocds.Package{}, apperr.Errorf(apperr.NotFound, "There are no published tenders to export.")
	}
	return ocds.NewPackage(ocds.Meta{URI: uri, Publisher: ocds.Publisher{Name: publisher}, PublishedDate: now,
		License: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"}, releases...)
}
