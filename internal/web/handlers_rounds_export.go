package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/csvcell"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

// evidenceExport is a round's evidence as the reader may see it. Every part
// comes from the store filtered by the reader's audience, so an export
// never holds more than the pages do.
type evidenceExport struct {
	Round    exportRound       `json:"round"`
	Audience string            `json:"audience"`
	Stories  []exportStory     `json:"stories"`
	Factors  []exportFactor    `json:"factors"`
	Services []exportService   `json:"services"`
	Vision   []exportStatement `json:"vision"`
	Map      []exportMapRow    `json:"evidence_map"`
}

type exportRound struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	CareArea string `json:"care_area"`
	Stage    string `json:"stage"`
	Stake    string `json:"stake_percent"`
}

type exportAuthor struct {
	Name      string `json:"name"`
	Hidden    bool   `json:"hidden_from_group,omitempty"`
	Withdrawn bool   `json:"consent_withdrawn,omitempty"`
}

type exportStory struct {
	ID       string          `json:"id"`
	Title    string          `json:"title"`
	Text     string          `json:"text"`
	EasyRead string          `json:"easy_read,omitempty"`
	By       exportAuthor    `json:"by"`
	Pathway  []evidence.Step `json:"pathway"`
}

type exportFactor struct {
	ID          string       `json:"id"`
	Kind        string       `json:"kind"`
	Domain      string       `json:"domain"`
	Description string       `json:"description"`
	StoryID     string       `json:"story_id,omitempty"`
	MeToo       int          `json:"me_too"`
	By          exportAuthor `json:"by"`
}

type exportService struct {
	ID       string           `json:"id"`
	Name     string           `json:"name"`
	Provider string           `json:"provider"`
	Type     string           `json:"type"`
	Feedback []exportFeedback `json:"feedback"`
}

type exportFeedback struct {
	ID      string         `json:"id"`
	Source  string         `json:"source"`
	By      *exportAuthor  `json:"by,omitempty"`
	Ratings map[string]int `json:"ratings"`
	Comment string         `json:"comment"`
}

type exportStatement struct {
	ID    string          `json:"id"`
	Text  string          `json:"text"`
	By    exportAuthor    `json:"by"`
	Links []evidence.Link `json:"links"`
	Dots  *int            `json:"dots,omitempty"` // only once voting has closed
}

type exportMapRow struct {
	Theme  string         `json:"theme"`
	Counts map[string]int `json:"counts"`
}

func exportBy(a evidence.Author) exportAuthor {
	return exportAuthor{Name: a.Name, Hidden: a.Hidden, Withdrawn: a.Withdrawn}
}

// buildExport gathers the round's evidence for the audience.
func (s *Server) buildExport(ctx context.Context, r *http.Request, rd *round.Round, a round.Audience) (*evidenceExport, error) {
	x := &evidenceExport{Round: exportRound{ID: rd.ID, Title: rd.Title, CareArea: rd.CareArea, Stage: string(rd.Stage), Stake: rd.Stake.Input()},
		Audience: "group",
		Stories:  []exportStory{}, Factors: []exportFactor{}, Services: []exportService{}, Vision: []exportStatement{}, Map: []exportMapRow{}}
	if a.Facilitator {
		x.Audience = "facilitators"
	}
	stories, err := s.visibleStories(r, rd.ID, a)
	if err != nil {
		return nil, err
	}
	for _, st := range stories {
		full, err := s.store.StoryByID(ctx, rd.ID, st.ID, a)
		if err != nil {
			return nil, err
		}
		x.Stories = append(x.Stories, exportStory{ID: full.ID, Title: full.Title, Text: full.Body, EasyRead: full.EasyRead, By: exportBy(full.Author),
			Pathway: append([]evidence.Step{}, full.Steps...)})
	}
	factors, err := s.store.Factors(ctx, rd.ID, a, "")
	if err != nil {
		return nil, err
	}
	for _, f := range factors {
		x.Factors = append(x.Factors, exportFactor{ID: f.ID, Kind: f.Kind, Domain: f.Domain, Description: f.Description, StoryID: f.StoryID, MeToo: f.MeToo, By: exportBy(f.Author)})
	}
	svcs, err := s.store.Services(ctx, rd.ID, a)
	if err != nil {
		return nil, err
	}
	for _, sv := range svcs {
		fb, err := s.store.Feedback(ctx, rd.ID, sv.ID, a)
		if err != nil {
			return nil, err
		}
		es := exportService{ID: sv.ID, Name: sv.Name, Provider: sv.Provider, Type: sv.Type, Feedback: []exportFeedback{}}
		for _, f := range fb {
			ef := exportFeedback{ID: f.ID, Source: f.Source, Ratings: f.Ratings, Comment: f.Comment}
			if f.Source == "entered" {
				by := exportBy(f.Author)
				ef.By = &by
			}
			es.Feedback = append(es.Feedback, ef)
		}
		x.Services = append(x.Services, es)
	}
	sts, err := s.store.Statements(ctx, rd.ID, a, "")
	if err != nil {
		return nil, err
	}
	for _, st := range sts {
		es := exportStatement{ID: st.ID, Text: st.Body, By: exportBy(st.Author), Links: append([]evidence.Link{}, st.Links...)}
		if rd.Voting == round.VotingClosed {
			dots := st.Dots
			es.Dots = &dots
		}
		x.Vision = append(x.Vision, es)
	}
	mp, err := s.store.EvidenceMap(ctx, rd.ID, a)
	if err != nil {
		return nil, err
	}
	for _, row := range mp {
		counts := map[string]int{}
		for _, k := range evidence.Kinds {
			counts[string(k)] = row.Counts[k]
		}
		x.Map = append(x.Map, exportMapRow{Theme: row.Theme.Name, Counts: counts})
	}
	return x, nil
}

// exportFor gathers the evidence of the round in the path as the reader
// may see it.
func (s *Server) exportFor(r *http.Request) (*evidenceExport, error) {
	rd, err := s.roundFor(r, auth.ActionExportRoundContent)
	if err != nil {
		return nil, err
	}
	a, err := s.audience(r, rd.ID)
	if err != nil {
		return nil, err
	}
	return s.buildExport(r.Context(), r, rd, a)
}

func (s *Server) evidenceJSON(w http.ResponseWriter, r *http.Request) error {
	x, err := s.exportFor(r)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	download(w, "application/json; charset=utf-8", "round-evidence.json")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Once the file has begun, a write error means the reader has gone.
	enc.Encode(x)
	return nil
}

// evidenceCSV flattens the export: one row per item, its kind first.
func (s *Server) evidenceCSV(w http.ResponseWriter, r *http.Request) error {
	x, err := s.exportFor(r)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	download(w, "text/csv; charset=utf-8", "round-evidence.csv")
	cw := csvcell.NewWriter(w)
	cw.Write([]string{"kind", "id", "title", "text", "by", "consent_withdrawn", "detail"})
	yes := func(b bool) string { return strconv.FormatBool(b) }
	for _, st := range x.Stories {
		var steps []string
		for _, p := range st.Pathway {
			steps = append(steps, strconv.Itoa(p.Position)+". "+p.Touchpoint+" ("+p.Feeling.Label()+")")
		}
		cw.Write([]string{"story", st.ID, st.Title, st.Text, st.By.Name, yes(st.By.Withdrawn), strings.Join(steps, "; ")})
	}
	for _, f := range x.Factors {
		cw.Write([]string{"factor", f.ID, f.Kind + " / " + f.Domain, f.Description, f.By.Name, yes(f.By.Withdrawn), "me too: " + strconv.Itoa(f.MeToo)})
	}
	for _, sv := range x.Services {
		cw.Write([]string{"service", sv.ID, sv.Name, sv.Provider, "", "false", "feedback: " + strconv.Itoa(len(sv.Feedback))})
		for _, f := range sv.Feedback {
			by, withdrawn := "", false
			if f.By != nil {
				by, withdrawn = f.By.Name, f.By.Withdrawn
			}
			var ratings []string
			for _, d := range evidence.Dimensions {
				if v, ok := f.Ratings[d.Key]; ok {
					ratings = append(ratings, d.Key+"="+strconv.Itoa(v))
				}
			}
			cw.Write([]string{"feedback", f.ID, sv.Name, f.Comment, by, yes(withdrawn), f.Source + ": " + strings.Join(ratings, " ")})
		}
	}
	for _, v := range x.Vision {
		detail := ""
		if v.Dots != nil {
			detail = "dots: " + strconv.Itoa(*v.Dots)
		}
		cw.Write([]string{"vision", v.ID, "", v.Text, v.By.Name, yes(v.By.Withdrawn), detail})
	}
	for _, m := range x.Map {
		var parts []string
		for _, k := range evidence.Kinds {
			parts = append(parts, string(k)+"="+strconv.Itoa(m.Counts[string(k)]))
		}
		cw.Write([]string{"theme", "", m.Theme, "", "", "false", strings.Join(parts, " ")})
	}
	cw.Flush()
	return nil
}
