package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/adjustaudit"
)

// The public board's page of audits of reasonable adjustments: aggregates
// only, each figure resting on fewer than adjustaudit.MinPublic cases
// withheld, so no one can be recognised from it; no case, label or
// evidence ever reaches it.

var raPublicPage = page[raPublicData]{"board_adjustment_audits"}

type raPublicData struct {
	Audits []raPublicAudit
}

type raPublicAudit struct {
	Service, TemplateTitle, Period, OrgName string
	Overall                                 string
	Criteria                                []raPublicLine
	// Change is the comparison with the audit before, when both overall
	// figures may be shown.
	Change string
}

type raPublicLine struct{ Question, Words string }

const raWithheld = "Fewer than 5 cases: not shown, so that no one can be recognised"

func publicWords(c adjustaudit.Count) string {
	if c.Suppressed() {
		return raWithheld
	}
	return c.Words()
}

func (s *Server) raPublic(w http.ResponseWriter, r *http.Request) error {
	audits, err := s.store.PublishedAudits(r.Context())
	if err != nil {
		return err
	}
	results := map[string]adjustaudit.Result{}
	var d raPublicData
	for _, a := range audits {
		t, _ := adjustaudit.TemplateByKey(a.Template)
		res := adjustaudit.Results(t, a.Cases)
		results[a.ID] = res
		pa := raPublicAudit{Service: a.Service, TemplateTitle: t.Title, Period: a.Period, OrgName: a.OrgName, Overall: publicWords(res.Overall)}
		for _, c := range res.Criteria {
			pa.Criteria = append(pa.Criteria, raPublicLine{Question: c.Criterion.Question, Words: publicWords(c.Count)})
		}
		if before, ok := results[a.PreviousID]; ok && !before.Overall.Suppressed() && !res.Overall.Suppressed() {
			pa.Change = adjustaudit.Compare(res, before).Overall.Words()
		}
		d.Audits = append(d.Audits, pa)
	}
	return raPublicPage.show(s, w, r, http.StatusOK, view{Title: "Audits of reasonable adjustments: the results"}, d)
}
