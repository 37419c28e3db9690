package store

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/coprod/coprod/internal/apperr"
	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/study"
	"github.com/coprod/coprod/transcript"
)

var _ study.Service = (*DB)(nil)

// CreateStudy saves a study; the input must be validated.
func (db *DB) CreateStudy(ctx context.Context, n study.NewStudy) (*study.Study, error) {
	s := &study.Study{ID: newID(), OrgID: n.OrgID, Title: n.Title, Description: n.Description,
		InterventionDate: n.InterventionDate, CreatedBy: audit.ActorFrom(ctx)}
	err := db.update(ctx, func(tx *Tx) error {
		s.CreatedAt = tx.now
		_, err := tx.exec(ctx, `INSERT INTO studies (id, org_id, title, description, intervention_date, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, s.ID, s.OrgID, s.Title, s.Description, s.InterventionDate, s.CreatedBy, s.CreatedAt)
		if err != nil {
			return mapErr(err, "organisation")
		}
		return tx.record(ctx, "study.create", "study", s.ID,
			map[string]string{"org_id": s.OrgID, "title": s.Title, "intervention_date": s.InterventionDate})
	})
	return s, err
}

const studyColumns = "s.id, s.org_id, o.name, s.title, s.description, s.intervention_date, s.created_by, s.created_at"

func scanStudy(r interface{ Scan(...any) error }) (*study.Study, error) {
	var s study.Study
	if err := r.Scan(&s.ID, &s.OrgID, &s.OrgName, &s.Title, &s.Description, &s.InterventionDate, &s.CreatedBy, &s.CreatedAt); err != nil {
		return nil, err
	}
	s.CreatedAt = s.CreatedAt.UTC()
	return &s, nil
}

// StudyByID returns one study.
func (db *DB) StudyByID(ctx context.Context, id string) (*study.Study, error) {
	var s *study.Study
	err := db.view(ctx, func(tx *Tx) (err error) {
		s, err = scanStudy(tx.queryRow(ctx, "SELECT "+studyColumns+" FROM studies s JOIN organisations o ON o.id = s.org_id WHERE s.id = ?", id))
		return mapErr(err, "study")
	})
	return s, err
}

// ListStudies pages through studies newest first, keyed by creation time
// and id so pages stay stable while studies are added.
func (db *DB) ListStudies(ctx context.Context, q study.StudyQuery) (study.Page[study.Study], error) {
	var p study.Page[study.Study]
	if !q.All && len(q.OrgIDs) == 0 {
		return p, nil
	}
	limit := pageLimit(q.Limit)
	sql := "SELECT " + studyColumns + " FROM studies s JOIN organisations o ON o.id = s.org_id WHERE 1 = 1"
	var args []any
	if !q.All {
		sql += " AND s.org_id IN (?" + strings.Repeat(", ?", len(q.OrgIDs)-1) + ")"
		for _, id := range q.OrgIDs {
			args = append(args, id)
		}
	}
	if q.After != "" {
		at, id, ok := parseTimeCursor(q.After)
		if !ok {
			return p, apperr.Errorf(apperr.Invalid, "That page link is not valid. Go back to the first page.")
		}
		sql += " AND (s.created_at < ? OR (s.created_at = ? AND s.id < ?))"
		args = append(args, at, at, id)
	}
	sql += " ORDER BY s.created_at DESC, s.id DESC LIMIT ?"
	args = append(args, limit+1)
	err := db.view(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, sql, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			s, err := scanStudy(rows)
			if err != nil {
				return err
			}
			p.Items = append(p.Items, *s)
		}
		return rows.Err()
	})
	if len(p.Items) > limit {
		p.Items = p.Items[:limit]
		last := p.Items[limit-1]
		p.Next = timeCursor(last.CreatedAt, last.ID)
	}
	return p, err
}

// CreateTranscript saves a transcript with its consent record, made by the
// acting user now; the input must be validated.
func (db *DB) CreateTranscript(ctx context.Context, n study.NewTranscript) (*study.Transcript, error) {
	t := &study.Transcript{ID: newID(), StudyID: n.StudyID, Title: n.Title, SessionDate: n.SessionDate, FileName: n.FileName,
		Format: n.Format, Source: n.Source, Participants: n.Participants, Roles: n.Roles, NamesReplaced: n.NamesReplaced,
		ConsentNote: n.ConsentNote, ConsentBy: audit.ActorFrom(ctx)}
	if t.Roles == nil {
		t.Roles = map[string]string{}
	}
	parts, roles, err := encodeParticipants(t.Participants, t.Roles)
	if err != nil {
		return nil, err
	}
	err = db.update(ctx, func(tx *Tx) error {
		t.ConsentAt, t.CreatedAt = tx.now, tx.now
		_, err := tx.exec(ctx, `INSERT INTO study_transcripts (id, study_id, title, session_date, file_name, format, source,
			participants, roles, names_replaced, consent_note, consent_by, consent_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			t.ID, t.StudyID, t.Title, t.SessionDate, t.FileName, string(t.Format), t.Source,
			parts, roles, t.NamesReplaced, t.ConsentNote, t.ConsentBy, t.ConsentAt, t.CreatedAt)
		if err != nil {
			return mapErr(err, "study")
		}
		return tx.record(ctx, "study_transcript.create", "study_transcript", t.ID, map[string]string{
			"study_id": t.StudyID, "session_date": t.SessionDate, "format": string(t.Format), "bytes": strconv.Itoa(len(t.Source)),
			"names_replaced": strconv.FormatBool(t.NamesReplaced), "roles": roles, "consent": "recorded"})
	})
	return t, err
}

func encodeParticipants(ids []string, roles map[string]string) (string, string, error) {
	if ids == nil {
		ids = []string{}
	}
	p, err := json.Marshal(ids)
	if err != nil {
		return "", "", err
	}
	r, err := json.Marshal(roles) // keys sorted: the same roles always read the same
	return string(p), string(r), err
}

const transcriptColumns = "t.id, t.study_id, t.title, t.session_date, t.file_name, t.format, t.participants, t.roles, t.names_replaced, " +
	"t.consent_note, t.consent_by, COALESCE(u.display_name, ''), t.consent_at, t.created_at"

const transcriptFrom = " FROM study_transcripts t LEFT JOIN users u ON u.id = t.consent_by"

func scanTranscript(r interface{ Scan(...any) error }, withSource bool) (*study.Transcript, error) {
	var t study.Transcript
	var format, parts, roles string
	dest := []any{&t.ID, &t.StudyID, &t.Title, &t.SessionDate, &t.FileName, &format, &parts, &roles, &t.NamesReplaced,
		&t.ConsentNote, &t.ConsentBy, &t.ConsentByName, &t.ConsentAt, &t.CreatedAt}
	if withSource {
		dest = append(dest, &t.Source)
	}
	if err := r.Scan(dest...); err != nil {
		return nil, err
	}
	t.Format, t.ConsentAt, t.CreatedAt = transcript.Format(format), t.ConsentAt.UTC(), t.CreatedAt.UTC()
	if err := json.Unmarshal([]byte(parts), &t.Participants); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(roles), &t.Roles); err != nil {
		return nil, err
	}
	return &t, nil
}

// TranscriptByID returns one transcript with its source.
func (db *DB) TranscriptByID(ctx context.Context, id string) (*study.Transcript, error) {
	var t *study.Transcript
	err := db.view(ctx, func(tx *Tx) (err error) {
		t, err = scanTranscript(tx.queryRow(ctx, "SELECT "+transcriptColumns+", t.source"+transcriptFrom+" WHERE t.id = ?", id), true)
		return mapErr(err, "transcript")
	})
	return t, err
}

// ListTranscripts pages through a study's transcripts in session order
// (date, then id), the order in which they are compared.
func (db *DB) ListTranscripts(ctx context.Context, q study.TranscriptQuery) (study.Page[study.Transcript], error) {
	var p study.Page[study.Transcript]
	limit := pageLimit(q.Limit)
	cols := transcriptColumns
	if q.WithSource {
		cols += ", t.source"
	}
	sql := "SELECT " + cols + transcriptFrom + " WHERE t.study_id = ?"
	args := []any{q.StudyID}
	if q.After != "" {
		date, id, ok := strings.Cut(q.After, ".")
		if _, msg := study.ParseDate(date); !ok || msg != "" || len(date) != len(study.DateLayout) || id == "" {
			return p, apperr.Errorf(apperr.Invalid, "That page link is not valid. Go back to the first page.")
		}
		sql += " AND (t.session_date > ? OR (t.session_date = ? AND t.id > ?))"
		args = append(args, date, date, id)
	}
	sql += " ORDER BY t.session_date, t.id LIMIT ?"
	args = append(args, limit+1)
	err := db.view(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, sql, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			t, err := scanTranscript(rows, q.WithSource)
			if err != nil {
				return err
			}
			p.Items = append(p.Items, *t)
		}
		return rows.Err()
	})
	if len(p.Items) > limit {
		p.Items = p.Items[:limit]
		last := p.Items[limit-1]
		p.Next = last.SessionDate + "." + last.ID
	}
	return p, err
}

// SetRoles replaces a transcript's roles; they must name its participants
// and be supporter, supported or other.
func (db *DB) SetRoles(ctx context.Context, transcriptID string, roles map[string]string) error {
	return db.update(ctx, func(tx *Tx) error {
		var parts string
		if err := tx.queryRow(ctx, "SELECT participants FROM study_transcripts WHERE id = ?", transcriptID).Scan(&parts); err != nil {
			return mapErr(err, "transcript")
		}
		var ids []string
		if err := json.Unmarshal([]byte(parts), &ids); err != nil {
			return err
		}
		if err := study.CheckRoles(ids, roles); err != nil {
			return err
		}
		_, enc, err := encodeParticipants(ids, roles)
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, "UPDATE study_transcripts SET roles = ? WHERE id = ?", enc, transcriptID); err != nil {
			return err
		}
		return tx.record(ctx, "study_transcript.roles", "study_transcript", transcriptID, map[string]string{"roles": enc})
	})
}
