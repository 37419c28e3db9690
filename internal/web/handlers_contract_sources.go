package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/computed"
	"github.com/coprod/coprod/internal/measure"
	"github.com/coprod/coprod/internal/peer"
	"github.com/coprod/coprod/internal/round"
)

// A contract indicator can take its value from Coprod's own records (a
// ULO's peer support offer, the provider's training reach) instead of the
// provider typing it; the commissioner says which on this page.
var contractSourcesPage = page[sourcesFormData]{"contract_sources"}

type sourcesFormData struct {
	C       *measure.Contract
	Options []round.Option // the same choices for every indicator
	// Periods says why nothing can be computed for this contract, if so.
	Periods string
}

// reportedByProvider is the choice that keeps an indicator typed in.
const reportedByProvider = "reported"

// sourceKey is a source as one form value: kind, organisation, trigger
// point and role, in that order (the role last, as it may hold anything).
func sourceKey(s computed.Source) string {
	return strings.Join([]string{string(s.Kind), s.OrgID, string(s.Trigger), s.Role}, "|")
}

func sourceFromKey(indicator, key string) computed.Source {
	parts := strings.SplitN(key, "|", 4)
	for len(parts) < 4 {
		parts = append(parts, "")
	}
	return computed.Source{Indicator: indicator, Kind: computed.Kind(parts[0]), OrgID: parts[1], Trigger: peer.Trigger(parts[2]), Role: parts[3]}
}

// sourceOptions are every source the contract could use: each ULO offer
// measured two ways, and the provider's reach over every role and each
// role it declares.
func (s *Server) sourceOptions(ctx context.Context, c *measure.Contract) ([]round.Option, error) {
	opts := []round.Option{{Key: reportedByProvider, Label: "The provider reports it"}}
	offers, err := s.store.Offers(ctx, "")
	if err != nil {
		return nil, err
	}
	for _, kind := range []computed.Kind{computed.PeerWithin, computed.PeerUptake} {
		for _, o := range offers {
			src := computed.Source{Kind: kind, OrgID: o.OrgID, OrgName: o.OrgName, Trigger: o.Trigger}
			opts = append(opts, round.Option{Key: sourceKey(src), Label: "Computed: " + src.Words() + " (standard: " + o.Standard.String() + ")"})
		}
	}
	reach := computed.Source{Kind: computed.TrainingReach}
	opts = append(opts, round.Option{Key: sourceKey(reach), Label: "Computed: " + reach.Words()})
	staff, err := s.store.Staffing(ctx)
	if err != nil {
		return nil, err
	}
	for _, st := range staff {
		if st.OrgID == c.ProviderOrgID {
			src := computed.Source{Kind: computed.TrainingReach, Role: st.Role}
			opts = append(opts, round.Option{Key: sourceKey(src), Label: "Computed: " + src.Words()})
		}
	}
	return opts, nil
}

func (s *Server) sourcesForm(w http.ResponseWriter, r *http.Request) error {
	c, err := s.managedContract(r)
	if err != nil {
		return err
	}
	if c.Profile == nil {
		return apperr.Errorf(apperr.Conflict, "Set the contract's payment profile first.")
	}
	srcs, err := s.store.IndicatorSources(r.Context(), c.ID)
	if err != nil {
		return err
	}
	form := url.Values{}
	for _, ind := range c.Profile.Indicators {
		form.Set("source_"+ind.ID, reportedByProvider)
	}
	for _, src := range srcs {
		form.Set("source_"+src.Indicator, sourceKey(src))
	}
	return s.showSourcesForm(w, r, c, http.StatusOK, form, nil)
}

func (s *Server) showSourcesForm(w http.ResponseWriter, r *http.Request, c *measure.Contract, status int, form url.Values, errs []apperr.FieldError) error {
	d := sourcesFormData{C: c}
	var err error
	if d.Options, err = s.sourceOptions(r.Context(), c); err != nil {
		return err
	}
	if _, err := c.PeriodSpans(); err != nil {
		d.Periods = err.Error()
	}
	return contractSourcesPage.show(s, w, r, status, view{Title: "Where the values come from", Form: form, Errors: errs}, d)
}

func (s *Server) sourcesSave(w http.ResponseWriter, r *http.Request) error {
	c, err := s.managedContract(r)
	if err != nil {
		return err
	}
	if c.Profile == nil {
		return apperr.Errorf(apperr.Conflict, "Set the contract's payment profile first.")
	}
	_ = r.ParseForm()
	var srcs []computed.Source
	for _, ind := range c.Profile.Indicators {
		if key := r.PostForm.Get("source_" + ind.ID); key != reportedByProvider {
			srcs = append(srcs, sourceFromKey(ind.ID, key))
		}
	}
	if err := s.store.SetIndicatorSources(r.Context(), c.ID, srcs); err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return s.showSourcesForm(w, r, c, status, r.PostForm, errs)
		})
	}
	http.Redirect(w, r, "/contracts/"+c.ID+"?done=sources-saved", http.StatusSeeOther)
	return nil
}

// contractComputed is what a contract's computed indicators come to now.
type contractComputed struct {
	Sources map[string]computed.Source  // by indicator id
	Values  map[string][]computed.Value // by indicator id, in period order
	// Problem says why nothing could be computed (the periods cannot be
	// placed in the contract's term); the indicators then pay nothing.
	Problem string
}

// computedValues works out the values of the contract's computed
// indicators as the records stand now.
func (s *Server) computedValues(ctx context.Context, c *measure.Contract) (contractComputed, error) {
	cc := contractComputed{Sources: map[string]computed.Source{}}
	if c.Profile == nil {
		return cc, nil
	}
	srcs, err := s.store.IndicatorSources(ctx, c.ID)
	if err != nil || len(srcs) == 0 {
		return cc, err
	}
	for _, src := range srcs {
		cc.Sources[src.Indicator] = src
	}
	if _, err := c.PeriodSpans(); err != nil {
		cc.Problem = "Nothing can be computed: " + err.Error() + "."
		cc.Values = map[string][]computed.Value{}
		for _, src := range srcs { // computed, so nothing typed counts either
			for _, p := range c.Profile.Periods {
				cc.Values[src.Indicator] = append(cc.Values[src.Indicator], computed.Value{Period: p, Note: "Not computed (see above)."})
			}
		}
		return cc, nil
	}
	cc.Values, err = computed.Values(ctx, s.store, c, srcs, s.cfg.Now())
	return cc, err
}

// typedReports are the values as the provider reported them.
func typedReports(stored []measure.StoredReport) []measure.Report {
	rs := make([]measure.Report, len(stored))
	for i, x := range stored {
		rs[i] = x.Report
	}
	return rs
}
