-- Memos on a coding project's sources and codes (issue 18): each
-- researcher keeps one memo per source or code, their own to change.
-- Memos on a coder's coding of a unit stay with the segment
-- (qda_segments.memo). In a blind project another coder's memos are shown
-- by the same rule as their coding.
CREATE TABLE qda_memos (
	project_id  TEXT NOT NULL REFERENCES qda_projects (id),
	target_type TEXT NOT NULL CHECK (target_type IN ('source', 'code')),
	target_id   TEXT NOT NULL,
	author_id   TEXT NOT NULL REFERENCES users (id),
	body        TEXT NOT NULL CHECK (body <> ''),
	updated_at  TIMESTAMP NOT NULL,
	PRIMARY KEY (target_type, target_id, author_id)
);
CREATE INDEX qda_memos_by_project ON qda_memos (project_id);
