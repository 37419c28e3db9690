-- Qualitative coding (issue 18): projects of a research organisation,
-- their coders, text sources with consent for research use, hierarchical
-- codes, and the segments each coder codes. Positions count characters
-- (Unicode code points) of the source's text, as REFI-QDA does.
CREATE TABLE qda_projects (
	id          TEXT PRIMARY KEY,
	org_id      TEXT NOT NULL REFERENCES organisations (id),
	title       TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	blind       BOOLEAN NOT NULL DEFAULT TRUE,
	created_by  TEXT NOT NULL DEFAULT '',
	created_at  TIMESTAMP NOT NULL
);
CREATE INDEX qda_projects_by_org ON qda_projects (org_id, created_at DESC, id DESC);

-- submitted_at seals a coder's coding; until then, in a blind project, no
-- one else sees it and they see no one else's.
CREATE TABLE qda_coders (
	project_id   TEXT NOT NULL REFERENCES qda_projects (id),
	user_id      TEXT NOT NULL REFERENCES users (id),
	submitted_at TIMESTAMP,
	PRIMARY KEY (project_id, user_id)
);

CREATE TABLE qda_sources (
	id             TEXT PRIMARY KEY,
	project_id     TEXT NOT NULL REFERENCES qda_projects (id),
	title          TEXT NOT NULL,
	body           TEXT NOT NULL,
	chars          INTEGER NOT NULL CHECK (chars > 0),
	units          TEXT NOT NULL CHECK (units IN ('sentences', 'paragraphs')),
	attribute      TEXT NOT NULL DEFAULT '',
	names_replaced BOOLEAN NOT NULL DEFAULT FALSE,
	consent_note   TEXT NOT NULL,
	consent_by     TEXT NOT NULL,
	consent_at     TIMESTAMP NOT NULL,
	created_at     TIMESTAMP NOT NULL
);
CREATE INDEX qda_sources_by_project ON qda_sources (project_id, created_at, id);

-- parent_id is '' at the top of the hierarchy.
CREATE TABLE qda_codes (
	id              TEXT PRIMARY KEY,
	project_id      TEXT NOT NULL REFERENCES qda_projects (id),
	parent_id       TEXT NOT NULL DEFAULT '',
	name            TEXT NOT NULL,
	definition      TEXT NOT NULL DEFAULT '',
	when_to_use     TEXT NOT NULL DEFAULT '',
	when_not_to_use TEXT NOT NULL DEFAULT '',
	example         TEXT NOT NULL DEFAULT '',
	color           TEXT NOT NULL CHECK (length(color) = 7),
	position        INTEGER NOT NULL DEFAULT 0,
	UNIQUE (project_id, parent_id, name)
);

CREATE TABLE qda_segments (
	id         TEXT PRIMARY KEY,
	project_id TEXT NOT NULL REFERENCES qda_projects (id),
	source_id  TEXT NOT NULL REFERENCES qda_sources (id),
	coder_id   TEXT NOT NULL REFERENCES users (id),
	start_pos  INTEGER NOT NULL CHECK (start_pos >= 0),
	end_pos    INTEGER NOT NULL CHECK (end_pos > start_pos),
	memo       TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX qda_segments_by_coder ON qda_segments (project_id, coder_id, source_id, start_pos);

CREATE TABLE qda_segment_codes (
	segment_id TEXT NOT NULL REFERENCES qda_segments (id) ON DELETE CASCADE,
	code_id    TEXT NOT NULL REFERENCES qda_codes (id),
	PRIMARY KEY (segment_id, code_id)
);
