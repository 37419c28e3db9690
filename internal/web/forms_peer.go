package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/bankholiday"
	"github.com/coprod/coprod/internal/peer"
	"github.com/coprod/coprod/internal/round"
)

// referralForm reads a referral's fields, the same for the person's own
// form (carried from page to page) and a professional's.
func referralForm(f url.Values, source peer.Source) peer.NewReferral {
	return peer.NewReferral{
		OrgID:       f.Get("org"),
		Trigger:     peer.Trigger(f.Get("trigger")),
		Source:      source,
		Name:        f.Get("name"),
		ContactWay:  peer.ContactWay(f.Get("contact_way")),
		Contact:     f.Get("contact"),
		Consent:     f.Get("consent") == "yes",
		ReferrerFor: f.Get("referrer"),
		Need: peer.Need{
			Experiences: peer.Lines(f.Get("experiences")),
			Languages:   peer.Lines(f.Get("languages")),
			AccessNeeds: peer.Lines(f.Get("access_needs")),
			Meeting:     peer.Meeting{Places: peer.Lines(f.Get("places")), Phone: f.Get("phone") == "yes", Video: f.Get("video") == "yes"},
		},
	}
}

// offerForm reads the offer form.
func offerForm(orgID string, f url.Values) peer.Offer {
	amount, err := strconv.Atoi(strings.TrimSpace(f.Get("amount")))
	if err != nil {
		amount = 0 // Validate says what to enter
	}
	div, err := strconv.Atoi(f.Get("division"))
	if err != nil {
		div = -1
	}
	return peer.Offer{OrgID: orgID, Trigger: peer.Trigger(f.Get("trigger")),
		Standard: peer.Standard{Amount: amount, Unit: peer.Unit(f.Get("unit")), Division: bankholiday.Division(div)}}
}

// supporterForm reads the peer supporter form.
func supporterForm(f url.Values) peer.NewSupporter {
	return peer.NewSupporter{Name: f.Get("name"), Experiences: f.Get("experiences"), Languages: f.Get("languages"),
		AccessNeeds: f.Get("access_needs"), Places: f.Get("places"), Phone: f.Get("phone") == "yes", Video: f.Get("video") == "yes",
		Capacity: f.Get("capacity"), Training: f.Get("training"), Supervisions: f.Get("supervisions"),
		DBSCheckedOn: f.Get("dbs_checked_on"), Paid: f.Get("paid") == "yes"}
}

// contactForm reads a contact.
func contactForm(f url.Values) peer.NewContact {
	return peer.NewContact{On: f.Get("on"), How: f.Get("how"), Minutes: f.Get("minutes"), Notes: f.Get("notes"), Agreed: f.Get("agreed") == "yes"}
}

// optionsOf lists a fixed set of keys with their labels, for the forms.
func optionsOf[T interface {
	~string
	Label() string
}](xs []T) []round.Option {
	out := make([]round.Option, len(xs))
	for i, x := range xs {
		out[i] = round.Option{Key: string(x), Label: x.Label()}
	}
	return out
}

// triggerOptions are the trigger points a ULO offers.
func triggerOptions(offers []peer.Offer) []round.Option {
	ts := make([]peer.Trigger, len(offers))
	for i, o := range offers {
		ts[i] = o.Trigger
	}
	return optionsOf(ts)
}

func divisionOptions() []round.Option {
	var out []round.Option
	for _, d := range bankholiday.Divisions {
		out = append(out, round.Option{Key: strconv.Itoa(int(d)), Label: d.String()})
	}
	return out
}

var unitOptions = []round.Option{{Key: string(peer.Hours), Label: "Hours"}, {Key: string(peer.WorkingDays), Label: "Working days"}}

var yesOption = []round.Option{{Key: "yes", Label: "Yes"}}
