package store

import (
	"context"

	"github.com/coprod/coprod/internal/apperr"
)

// sourceTranscriptAllowed checks a source made from a study transcript:
// the study must belong to the project's research organisation (whose
// researchers may read it), and the transcript must not be a source of the
// project already.
func sourceTranscriptAllowed(ctx context.Context, tx *Tx, projectID, transcriptID string) error {
	if transcriptID == "" {
		return nil
	}
	var same, added int
	err := tx.queryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM study_transcripts t JOIN studies st ON st.id = t.study_id JOIN qda_projects p ON p.org_id = st.org_id
			WHERE t.id = ? AND p.id = ?),
		(SELECT COUNT(*) FROM qda_sources WHERE project_id = ? AND transcript_id = ?)`,
		transcriptID, projectID, projectID, transcriptID).Scan(&same, &added)
	switch {
	case err != nil:
		return err
	case same == 0:
		return apperr.Errorf(apperr.NotFound, "No such transcript in the studies of this project's organisation")
	case added > 0:
		return apperr.Errorf(apperr.Conflict, "That transcript is already a source of this project")
	}
	return nil
}
