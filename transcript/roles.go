package transcript

import "strings"

// The two sides of a support interaction.
const (
	RoleSupporter = "supporter"
	RoleSupported = "supported"
)

var supporterRoles = set("supporter", "support_worker", "supportworker", "support", "staff", "carer", "caretaker",
	"care_worker", "careworker", "personal_assistant", "assistant", "pa", "helper", "key_worker", "keyworker",
	"facilitator", "nurse", "therapist", "clinician", "social_worker", "teacher", "investigator", "interviewer")

var supportedRoles = set("supported", "person_supported", "supported_person", "target_adult", "target_child",
	"client", "service_user", "serviceuser", "patient", "tenant", "resident", "member", "student", "self_advocate")

// RoleSide maps a role to "supporter" or "supported" when it is one of the
// known names of either side (case and spaces ignored: "Support worker",
// "Support_Worker", "Personal_Assistant" are supporters; "Person_Supported",
// "Target_Adult", "Client", "Service_User" are supported). Other roles are
// returned as written, and an empty role as "unknown".
func RoleSide(role string) string {
	r := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(role), " ", "_"))
	switch {
	case r == "":
		return "unknown"
	case supporterRoles.m[r]:
		return RoleSupporter
	case supportedRoles.m[r]:
		return RoleSupported
	}
	return role
}

// Asymmetry compares the supporter and supported sides.
type Asymmetry struct {
	// Ratios are supporter : supported for each count (null when the
	// supported side has none).
	Ratios map[string]*float64 `json:"ratios"`
	// InitiativeIndex is (Is - Ip) / (Is + Ip), where I counts a side's
	// initiating moves: questions, choice offers, directives and topic
	// initiations. +1: the supporter makes every initiating move; 0: both
	// sides initiate equally; -1: the supported person makes them all.
	// Null when neither side initiates.
	InitiativeIndex *float64 `json:"initiative_index"`
}

// asymmetry is computed when the roles include both sides.
func asymmetry(roles []RoleReport) *Asymmetry {
	var s, p *RoleReport
	for i := range roles {
		switch roles[i].Role {
		case RoleSupporter:
			s = &roles[i]
		case RoleSupported:
			p = &roles[i]
		}
	}
	if s == nil || p == nil {
		return nil
	}
	a := &Asymmetry{Ratios: map[string]*float64{}}
	pair := func(name string, x, y float64) {
		if y == 0 {
			a.Ratios[name] = nil
			return
		}
		v := x / y
		a.Ratios[name] = &v
	}
	c, d := &s.Counts, &p.Counts
	pair("utterances", float64(c.Utterances), float64(d.Utterances))
	pair("turns", float64(c.Turns), float64(d.Turns))
	pair("words", float64(c.Words), float64(d.Words))
	pair("mean_turn_length", s.MeanTurnLength, p.MeanTurnLength)
	pair("questions", float64(c.Questions), float64(d.Questions))
	pair("choice_offers", float64(c.ChoiceOffers), float64(d.ChoiceOffers))
	pair("directives", float64(c.Directives), float64(d.Directives))
	pair("topic_initiations", float64(c.TopicInitiations), float64(d.TopicInitiations))
	pair("overlap_onsets", float64(c.OverlapOnsets), float64(d.OverlapOnsets))
	pair("interruptions", float64(c.Interruptions), float64(d.Interruptions))
	pair("repair_initiations", float64(c.RepairInitiations), float64(d.RepairInitiations))
	pair("acknowledgements", float64(c.Acknowledgements), float64(d.Acknowledgements))
	if c.TalkMs != nil && d.TalkMs != nil {
		pair("talk_ms", float64(*c.TalkMs), float64(*d.TalkMs))
	}
	is := c.Questions + c.ChoiceOffers + c.Directives + c.TopicInitiations
	ip := d.Questions + d.ChoiceOffers + d.Directives + d.TopicInitiations
	if is+ip > 0 {
		v := float64(is-ip) / float64(is+ip)
		a.InitiativeIndex = &v
	}
	return a
}
