package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/csvcell"
	"github.com/coprod/coprod/internal/peer"
)

// The right to peer support, measured in public: for each ULO and trigger
// point, how many were offered support within the time standard, how long
// first contact took, uptake, and why support ended, with every figure
// that could point to fewer than 5 people hidden (peer.Measures.Publish).
var boardPeerPage = page[[]boardPeerOrg]{"board_peer"}

// boardPeerOrg is one ULO's published figures.
type boardPeerOrg struct {
	Name string
	Rows []boardPeerRow
}

type boardPeerRow struct {
	peer.Public
	Standard string // the ULO's standard now
}

// boardPeer computes the published figures of every ULO with an offer.
func (s *Server) boardPeer(r *http.Request) ([]boardPeerOrg, error) {
	offers, err := s.store.Offers(r.Context(), "")
	if err != nil {
		return nil, err
	}
	var out []boardPeerOrg
	for i, o := range offers {
		if i > 0 && offers[i-1].OrgID == o.OrgID {
			continue
		}
		refs, err := s.store.Referrals(r.Context(), o.OrgID)
		if err != nil {
			return nil, err
		}
		facts := make([]peer.Facts, len(refs))
		for j, x := range refs {
			facts[j] = x.Facts()
		}
		ms, err := peer.Compute(facts, s.cfg.Now())
		if err != nil {
			return nil, err
		}
		org := boardPeerOrg{Name: o.OrgName}
		for _, m := range ms {
			row := boardPeerRow{Public: m.Publish()}
			for _, oo := range offers {
				if oo.OrgID == o.OrgID && oo.Trigger == m.Trigger {
					row.Standard = oo.Standard.String()
				}
			}
			if row.Standard == "" && m.Referrals == 0 {
				continue // not offered, and never was
			}
			org.Rows = append(org.Rows, row)
		}
		out = append(out, org)
	}
	return out, nil
}

// The page and its spreadsheet are kept in the board's cache like the
// rest of the board: until the next write, and within the hour, since the
// figures also move as waiting referrals pass their standard.
var (
	boardPeerView    = boardView{personal: true, hourly: true}
	boardPeerCSVView = boardView{hourly: true}
)

func (s *Server) boardPeerShow(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewBoard, auth.Object{}); err != nil {
		return err
	}
	return s.cachedBoard(w, r, boardPeerView, func(w http.ResponseWriter, r *http.Request) error {
		orgs, err := s.boardPeer(r)
		if err != nil {
			return err
		}
		return boardPeerPage.show(s, w, r, http.StatusOK, view{Title: "The right to peer support: how quickly people were offered it"}, orgs)
	})
}

// boardPeerColumns are the spreadsheet's columns; a hidden figure reads
// "fewer than 5" (a count) or "hidden" (a share or a time).
var boardPeerColumns = []string{"organisation", "point in life", "time standard", "referrals", "offered within the standard (%)",
	"waiting and over the standard", "median time to first contact (hours)", "90th percentile (hours)",
	"median time to first contact (working days)", "90th percentile (working days)", "took up support (%)",
	"ended: goals met", "ended: chose to stop", "ended: could not reach", "ended: moved away", "ended: discharged by a service", "ended: other"}

func (s *Server) boardPeerCSV(w http.ResponseWriter, r *http.Request) error {
	if err := allow(r, auth.ActionViewBoard, auth.Object{}); err != nil {
		return err
	}
	return s.cachedBoard(w, r, boardPeerCSVView, s.boardPeerCSVFile)
}

func (s *Server) boardPeerCSVFile(w http.ResponseWriter, r *http.Request) error {
	orgs, err := s.boardPeer(r)
	if err != nil {
		return err
	}
	download(w, "text/csv; charset=utf-8", "coprod-peer-support.csv")
	cw := csvcell.NewWriter(w)
	cw.Write(boardPeerColumns)
	for _, o := range orgs {
		for _, row := range o.Rows {
			rec := []string{o.Name, row.Trigger.Label(), row.Standard, row.Referrals.String(), sharePercent(row.Within),
				row.Overdue.String()}
			rec = append(rec, spreadCells(row.TimesHidden, row.Hours)...)
			rec = append(rec, spreadCells(row.TimesHidden, row.WorkingDays)...)
			rec = append(rec, sharePercent(row.Uptake))
			for _, e := range row.Ended {
				rec = append(rec, e.Count.String())
			}
			cw.Write(rec)
		}
	}
	return cw.Flush()
}

func sharePercent(s peer.Share) string {
	switch {
	case s.Hidden:
		return "hidden"
	case s.Whole == 0:
		return ""
	}
	return strconv.Itoa(s.Percent())
}

func spreadCells(hidden bool, sp peer.Spread) []string {
	switch {
	case hidden:
		return []string{"hidden", "hidden"}
	case sp.N == 0:
		return []string{"", ""}
	}
	return []string{fmt.Sprintf("%.1f", sp.Median), fmt.Sprintf("%.1f", sp.P90)}
}
