package store

import (
	"context"
	"strconv"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/evidence"
	"github.com/coprod/coprod/internal/round"
)

// AddStatement adds an "I statement" with the evidence behind it.
func (db *DB) AddStatement(ctx context.Context, roundID string, n evidence.NewStatement) (*evidence.Statement, error) {
	s := &evidence.Statement{ID: newID(), RoundID: roundID, Body: n.Body}
	err := db.update(ctx, func(tx *Tx) error {
		if _, err := tx.openRound(ctx, roundID); err != nil {
			return err
		}
		if err := tx.memberInRound(ctx, roundID, n.MemberID); err != nil {
			return err
		}
		s.CreatedAt = tx.now
		if _, err := tx.exec(ctx, "INSERT INTO vision_statements (id, round_id, member_id, body, created_at) VALUES (?, ?, ?, ?, ?)",
			s.ID, roundID, n.MemberID, s.Body, s.CreatedAt); err != nil {
			return mapErr(err, "statement")
		}
		for _, l := range n.Links {
			if !tx.itemInRound(ctx, roundID, l.Kind, l.ID) {
				return apperr.Fields([]apperr.FieldError{{Field: "links", Message: "Choose stories, factors or services from this round"}})
			}
			if _, err := tx.exec(ctx, "INSERT INTO vision_links (statement_id, kind, item_id) VALUES (?, ?, ?)", s.ID, string(l.Kind), l.ID); err != nil {
				return mapErr(err, "link")
			}
		}
		return tx.record(ctx, "vision.create", "vision_statement", s.ID, map[string]string{"round_id": roundID, "links": strconv.Itoa(len(n.Links))})
	})
	return s, err
}

// linkTitles name what each kind of link points at, for the reader's
// audience: a story or factor hidden by consent yields no row.
func linkTitle(a round.Audience, kind evidence.Kind) string {
	switch kind {
	case evidence.KindStory:
		return "SELECT s.title FROM stories s JOIN round_members m ON m.id = s.member_id WHERE s.id = ? AND " + consentFilter(a, "m", true)
	case evidence.KindFactor:
		return "SELECT f.description FROM factors f JOIN round_members m ON m.id = f.member_id WHERE f.id = ? AND " + consentFilter(a, "m", false)
	}
	return "SELECT name FROM services WHERE id = ?"
}

// Statements lists the round's vision with links and, once voting has
// closed, the dots each statement got from members who take part.
func (db *DB) Statements(ctx context.Context, roundID string, a round.Audience, readerMemberID string) ([]evidence.Statement, error) {
	var out []evidence.Statement
	err := db.view(ctx, func(tx *Tx) error {
		r, err := tx.roundByID(ctx, roundID)
		if err != nil {
			return err
		}
		err = tx.each(ctx, func(sc scanner) error {
			var s evidence.Statement
			var mid, pseudonym string
			var named, takes, withdrawn int
			if err := sc.Scan(&s.ID, &s.RoundID, &s.Body, &s.CreatedAt, &mid, &pseudonym, &named, &takes, &withdrawn, &s.Dots, &s.MyDots); err != nil {
				return err
			}
			s.CreatedAt, s.Author = s.CreatedAt.UTC(), author(a, mid, pseudonym, named, takes, withdrawn)
			if r.Voting != round.VotingClosed {
				s.Dots = 0
			}
			out = append(out, s)
			return nil
		}, `SELECT v.id, v.round_id, v.body, v.created_at, m.id, m.pseudonym, m.named, m.takes_part, m.part_withdrawn,
				(SELECT COALESCE(SUM(vv.dots), 0) FROM vision_votes vv JOIN round_members vm ON vm.id = vv.member_id WHERE vv.statement_id = v.id AND `+consentFilter(a, "vm", false)+`),
				(SELECT COALESCE(SUM(vv.dots), 0) FROM vision_votes vv WHERE vv.statement_id = v.id AND vv.member_id = ?)
			FROM vision_statements v JOIN round_members m ON m.id = v.member_id
			WHERE v.round_id = ? AND `+consentFilter(a, "m", false)+` ORDER BY v.created_at, v.id`, readerMemberID, roundID)
		if err != nil {
			return err
		}
		for i := range out {
			var links []evidence.Link
			if err := tx.each(ctx, func(sc scanner) error {
				var l evidence.Link
				var kind string
				err := sc.Scan(&kind, &l.ID)
				l.Kind = evidence.Kind(kind)
				links = append(links, l)
				return err
			}, "SELECT kind, item_id FROM vision_links WHERE statement_id = ? ORDER BY kind, item_id", out[i].ID); err != nil {
				return err
			}
			for _, l := range links {
				if tx.queryRow(ctx, linkTitle(a, l.Kind), l.ID).Scan(&l.Title) == nil {
					out[i].Links = append(out[i].Links, l)
				}
			}
		}
		return nil
	})
	return out, err
}

// SetVoting opens or closes the dot vote and sets each member's dots.
func (db *DB) SetVoting(ctx context.Context, roundID string, v round.Voting, dots int) error {
	if v != round.VotingNotStarted && v != round.VotingOpen && v != round.VotingClosed {
		return apperr.Fields([]apperr.FieldError{{Field: "voting", Message: "Select whether voting is open or closed"}})
	}
	if dots < 1 || dots > 50 {
		return apperr.Fields([]apperr.FieldError{{Field: "dots", Message: "Give each member between 1 and 50 dots"}})
	}
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.openRound(ctx, roundID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE rounds SET voting = ?, dots_per_member = ? WHERE id = ?", string(v), dots, roundID); err != nil {
			return err
		}
		return tx.record(ctx, "vision.voting", "round", roundID, map[string]string{"voting": string(v), "dots": strconv.Itoa(dots)})
	})
}

// CastVotes replaces a member's dots while voting is open.
func (db *DB) CastVotes(ctx context.Context, roundID, memberID string, alloc map[string]int) error {
	return db.update(ctx, func(tx *Tx) error {
		r, err := tx.openRound(ctx, roundID)
		if err != nil {
			return err
		}
		if r.Voting != round.VotingOpen {
			return apperr.Errorf(apperr.Conflict, "Voting is not open. The facilitator opens it.")
		}
		if err := tx.memberInRound(ctx, roundID, memberID); err != nil {
			return err
		}
		ids := map[string]bool{}
		if err := tx.each(ctx, func(sc scanner) error {
			var id string
			err := sc.Scan(&id)
			ids[id] = true
			return err
		}, "SELECT id FROM vision_statements WHERE round_id = ?", roundID); err != nil {
			return err
		}
		if err := evidence.CheckVotes(alloc, r.DotsPerMember, ids); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "DELETE FROM vision_votes WHERE member_id = ?", memberID); err != nil {
			return err
		}
		total := 0
		for id, n := range alloc {
			if n == 0 {
				continue
			}
			total += n
			if _, err := tx.exec(ctx, "INSERT INTO vision_votes (statement_id, member_id, dots) VALUES (?, ?, ?)", id, memberID, n); err != nil {
				return err
			}
		}
		return tx.record(ctx, "vision.vote", "round", roundID, map[string]string{"member_id": memberID, "dots": strconv.Itoa(total)})
	})
}

// CreateTheme adds a theme to the round.
func (db *DB) CreateTheme(ctx context.Context, roundID, name string) (*evidence.Theme, error) {
	th := &evidence.Theme{ID: newID(), RoundID: roundID, Name: name}
	err := db.update(ctx, func(tx *Tx) error {
		if _, err := tx.openRound(ctx, roundID); err != nil {
			return err
		}
		_, err := tx.exec(ctx, "INSERT INTO themes (id, round_id, name, created_at) VALUES (?, ?, ?, ?)", th.ID, roundID, name, tx.now)
		if apperr.Code(mapErr(err, "")) == apperr.Conflict {
			return &apperr.Error{Code: apperr.Conflict, Message: "There is already a theme with that name",
				Fields: []apperr.FieldError{{Field: "name", Message: "There is already a theme called " + name}}}
		} else if err != nil {
			return err
		}
		return tx.record(ctx, "theme.create", "theme", th.ID, map[string]string{"round_id": roundID, "name": name})
	})
	return th, err
}

// Themes lists the round's themes by name.
func (db *DB) Themes(ctx context.Context, roundID string) ([]evidence.Theme, error) {
	var out []evidence.Theme
	err := db.view(ctx, func(tx *Tx) error {
		return tx.each(ctx, func(sc scanner) error {
			var t evidence.Theme
			err := sc.Scan(&t.ID, &t.RoundID, &t.Name)
			out = append(out, t)
			return err
		}, "SELECT id, round_id, name FROM themes WHERE round_id = ? ORDER BY name", roundID)
	})
	return out, err
}

// TagItem puts a theme on an item of the same round.
func (db *DB) TagItem(ctx context.Context, roundID, themeID string, kind evidence.Kind, itemID string) error {
	return db.update(ctx, func(tx *Tx) error {
		var n int
		if err := tx.queryRow(ctx, "SELECT COUNT(*) FROM themes WHERE id = ? AND round_id = ?", themeID, roundID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return apperr.Fields([]apperr.FieldError{{Field: "theme_id", Message: "Select a theme from this round"}})
		}
		if !tx.itemInRound(ctx, roundID, kind, itemID) {
			return apperr.Errorf(apperr.NotFound, "No such item in this round")
		}
		if _, err := tx.exec(ctx, "INSERT INTO theme_tags (theme_id, kind, item_id) VALUES (?, ?, ?)", themeID, string(kind), itemID); err != nil {
			if apperr.Code(mapErr(err, "")) == apperr.Conflict {
				return apperr.Errorf(apperr.Conflict, "It already has that theme.")
			}
			return err
		}
		return tx.record(ctx, "theme.tag", "theme", themeID, map[string]string{"kind": string(kind), "item_id": itemID})
	})
}

// EvidenceMap counts, per theme and kind, the tagged items the reader may
// see: the same consent conditions as the lists, so counts never reveal
// withdrawn content.
func (db *DB) EvidenceMap(ctx context.Context, roundID string, a round.Audience) ([]evidence.MapRow, error) {
	themes, err := db.Themes(ctx, roundID)
	if err != nil {
		return nil, err
	}
	rows := make([]evidence.MapRow, len(themes))
	idx := map[string]int{}
	for i, t := range themes {
		rows[i] = evidence.MapRow{Theme: t, Counts: map[evidence.Kind]int{}}
		idx[t.ID] = i
	}
	q := `SELECT t.theme_id, t.kind, COUNT(*) FROM theme_tags t JOIN themes th ON th.id = t.theme_id
		LEFT JOIN stories s ON t.kind = 'story' AND s.id = t.item_id
		LEFT JOIN factors f ON t.kind = 'factor' AND f.id = t.item_id
		LEFT JOIN vision_statements v ON t.kind = 'vision' AND v.id = t.item_id
		LEFT JOIN service_feedback fb ON t.kind = 'feedback' AND fb.id = t.item_id
		LEFT JOIN round_members sm ON sm.id = s.member_id
		LEFT JOIN round_members fm ON fm.id = f.member_id
		LEFT JOIN round_members vm ON vm.id = v.member_id
		LEFT JOIN round_members bm ON bm.id = fb.member_id
		WHERE th.round_id = ? AND (t.kind = 'service'
			OR (t.kind = 'story' AND ` + consentFilter(a, "sm", true) + `)
			OR (t.kind = 'factor' AND ` + consentFilter(a, "fm", false) + `)
			OR (t.kind = 'vision' AND ` + consentFilter(a, "vm", false) + `)
			OR (t.kind = 'feedback' AND ` + optionalAuthorFilter(a, "bm") + `))
		GROUP BY t.theme_id, t.kind`
	err = db.view(ctx, func(tx *Tx) error {
		if err := tx.each(ctx, func(sc scanner) error {
			var id, kind string
			var n int
			if err := sc.Scan(&id, &kind, &n); err != nil {
				return err
			}
			rows[idx[id]].Counts[evidence.Kind(kind)] = n
			return nil
		}, q, roundID); err != nil {
			return err
		}
		// Research offered to the round, unless consent for its source
		// was withdrawn: then no one sees it, facilitators included.
		return tx.each(ctx, func(sc scanner) error {
			var id string
			var n int
			if err := sc.Scan(&id, &n); err != nil {
				return err
			}
			rows[idx[id]].Counts[evidence.KindResearch] = n
			return nil
		}, `SELECT o.theme_id, COUNT(*) FROM qda_offers o JOIN qda_sources s ON s.id = o.source_id
			WHERE o.round_id = ? AND s.consent_withdrawn_at IS NULL GROUP BY o.theme_id`, roundID)
	})
	return rows, err
}
