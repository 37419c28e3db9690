package web

import (
	"fmt"
	"math"
	"net/http"
	"sort"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/readability"
)

// The pages that compare two versions of a letter: the form for pasted
// versions, and the comparison.
var (
	readabilityComparePage  = page[noData]{"readability_compare"}
	readabilityComparedPage = page[compareData]{"readability_compared"}
)

// compareRow is one measure before and after, with the change in words.
type compareRow struct {
	Name          string
	Before, After string
	Change        string
}

type compareData struct {
	BeforeTitle, AfterTitle string
	Scores                  []compareRow
	Rules                   []compareRow
	Before, After           *reportView
}

// higherIsEasier lists the scores where a higher number means easier text;
// for every other score (grades, ages) lower is easier.
var higherIsEasier = map[string]bool{"flesch_reading_ease": true}

func compareReports(before, after *readability.Report) ([]compareRow, []compareRow) {
	var scores []compareRow
	counts := []struct {
		name string
		b, a int
	}{{"Sentences", before.Sentences, after.Sentences}, {"Words", before.Words, after.Words}}
	for _, c := range counts {
		scores = append(scores, compareRow{Name: c.name, Before: fmt.Sprint(c.b), After: fmt.Sprint(c.a), Change: fmt.Sprintf("%+d", c.a-c.b)})
	}
	for _, sb := range before.Scores {
		sa, ok := after.Score(sb.ID)
		if !ok {
			continue
		}
		d := math.Round((sa.Value-sb.Value)*10) / 10
		change := "no change"
		if d != 0 {
			easier := (d > 0) == higherIsEasier[sb.ID]
			word := "harder to read"
			if easier {
				word = "easier to read"
			}
			change = fmt.Sprintf("%+.1f (%s)", d, word)
		}
		scores = append(scores, compareRow{Name: sb.Name, Before: fmt.Sprintf("%.1f", sb.Value), After: fmt.Sprintf("%.1f", sa.Value), Change: change})
	}
	tally := func(r *readability.Report) map[string]int {
		m := map[string]int{}
		for _, is := range r.Issues {
			m[is.Rule]++
		}
		return m
	}
	tb, ta := tally(before), tally(after)
	ids := map[string]bool{}
	for k := range tb {
		ids[k] = true
	}
	for k := range ta {
		ids[k] = true
	}
	sorted := make([]string, 0, len(ids))
	for k := range ids {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	rules := make([]compareRow, 0, len(sorted)+1)
	for _, id := range sorted {
		rules = append(rules, compareRow{Name: id, Before: fmt.Sprint(tb[id]), After: fmt.Sprint(ta[id]), Change: fmt.Sprintf("%+d", ta[id]-tb[id])})
	}
	rules = append(rules, compareRow{Name: "All issues", Before: fmt.Sprint(len(before.Issues)), After: fmt.Sprint(len(after.Issues)),
		Change: fmt.Sprintf("%+d", len(after.Issues)-len(before.Issues))})
	return scores, rules
}

func (s *Server) readabilityCompareForm(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionCheckReadability, auth.Object{}); err != nil {
		return err
	}
	return readabilityComparePage.show(s, w, r, http.StatusOK, view{Title: "Compare two versions", Form: map[string][]string{"profile": {"plain"}}}, noData{})
}

func (s *Server) readabilityComparePasted(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionCheckReadability, auth.Object{}); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	_ = r.ParseForm()
	b, a, err := versionsForm(r.PostForm)
	var before, after *reportView
	if err == nil {
		if before, err = analyse(b, readability.SniffFormat(b), r.PostForm.Get("profile")); err == nil {
			after, err = analyse(a, readability.SniffFormat(a), r.PostForm.Get("profile"))
		}
	}
	if err != nil {
		return formProblem(err, func(status int, errs []apperr.FieldError) error {
			return readabilityComparePage.show(s, w, r, status, view{Title: "Compare two versions", Errors: errs, Form: r.PostForm}, noData{})
		})
	}
	return s.showComparison(w, r, "First version", "New version", before, after)
}

func (s *Server) readabilityCompareSaved(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	b, err := s.checkFor(r, q.Get("before"))
	if err != nil {
		return err
	}
	a, err := s.checkFor(r, q.Get("after"))
	if err != nil {
		return err
	}
	// Both versions are measured against the profile of the newer one, so
	// the comparison is like for like.
	av, err := reanalyse(a, a.Profile)
	if err != nil {
		return err
	}
	bv, err := reanalyse(b, a.Profile)
	if err != nil {
		return err
	}
	bv.Check, av.Check = b, a
	return s.showComparison(w, r, b.Title, a.Title, bv, av)
}

func (s *Server) showComparison(w http.ResponseWriter, r *http.Request, beforeTitle, afterTitle string, before, after *reportView) error {
	scores, rules := compareReports(before.Report, after.Report)
	return readabilityComparedPage.show(s, w, r, http.StatusOK, view{Title: "Before and after"},
		compareData{BeforeTitle: beforeTitle, AfterTitle: afterTitle, Scores: scores, Rules: rules, Before: before, After: after})
}
