package web

import (
	"net/http"

	"github.com/coprod/coprod/internal/auth"
	"github.com/coprod/coprod/internal/pictures"
	"github.com/coprod/coprod/internal/round"
)

// memberCard is one thing a group member can do now, in Easy Read words,
// with its picture: the member's round page opens with these (issue 15), so
// on a phone they are on the first screen.
type memberCard struct {
	Text, Href, Picture string
	When                string // when it closes, in words; may be empty
}

// memberCards lists what the reading member can do now: answer each open
// proposal they have not answered, add to the stage the round is at, place
// their dots, and see their own information. Nil for anyone who is not a
// member of the group.
func (s *Server) memberCards(r *http.Request, rd *round.Round, a round.Audience, c roundCan) ([]memberCard, error) {
	if a.Self == "" {
		return nil, nil
	}
	base := "/rounds/" + rd.ID
	var out []memberCard
	if !rd.Closed() && can(r, auth.ActionRespondToProposal, rd.ID) {
		rows, err := s.decisionRows(r, rd, a)
		if err != nil {
			return nil, err
		}
		ids := make([]string, 0, len(rows))
		for _, row := range rows {
			ids = append(ids, row.ID)
		}
		pics := s.chosenPictures(r, pictures.KindProposal, ids)
		for _, row := range rows {
			if row.Waiting {
				pic := pics[row.ID]
				if pic == "" {
					pic = "vote"
				}
				out = append(out, memberCard{Text: "Say what you think about “" + row.Title + "”", Href: row.Href, Picture: pic, When: "Closes " + row.Closes})
			}
		}
	}
	add := func(ok bool, text, href, pic string) {
		if ok && !rd.Closed() {
			out = append(out, memberCard{Text: text, Href: base + href, Picture: pic})
		}
	}
	switch rd.Stage {
	case round.StageStories:
		add(c.Contribute, "Tell your story", "/stories/new", "story")
	case round.StageFactors:
		add(c.Contribute, "Say what helps and what harms", "/factors/new", "helps")
	case round.StageServices:
		add(c.Contribute, "Tell us about a service you use", "/services", "talk")
	case round.StageVision:
		add(c.Contribute, "Say what good support would be like", "/vision/new", "idea")
		add(c.Contribute && rd.Voting == round.VotingOpen, "Put your dots on what matters most", "/vision#vote", "dot")
	}
	out = append(out, memberCard{Text: "See what you have told us", Href: base + "/mine", Picture: "me"})
	return out, nil
}
