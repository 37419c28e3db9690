-- Research studies (conversation analysis) and their transcripts of
-- support interactions. Dates of sessions and interventions are calendar
-- days, kept as TEXT 'YYYY-MM-DD' so both engines compare them the same way.
CREATE TABLE studies (
	id                TEXT PRIMARY KEY,
	org_id            TEXT NOT NULL REFERENCES organisations (id),
	title             TEXT NOT NULL,
	description       TEXT NOT NULL DEFAULT '',
	intervention_date TEXT NOT NULL DEFAULT '' CHECK (intervention_date = '' OR length(intervention_date) = 10),
	created_by        TEXT NOT NULL DEFAULT '',
	created_at        TIMESTAMP NOT NULL
);
-- The list of studies shows an organisation's (or every) study newest first.
CREATE INDEX studies_by_org ON studies (org_id, created_at DESC, id DESC);
CREATE INDEX studies_newest ON studies (created_at DESC, id DESC);

CREATE TABLE study_transcripts (
	id             TEXT PRIMARY KEY,
	study_id       TEXT NOT NULL REFERENCES studies (id),
	title          TEXT NOT NULL,
	session_date   TEXT NOT NULL CHECK (length(session_date) = 10),
	file_name      TEXT NOT NULL,
	format         TEXT NOT NULL CHECK (format IN ('chat', 'eaf', 'vtt', 'srt', 'jefferson')),
	source         TEXT NOT NULL,
	-- participants: JSON array of the speakers' ids; roles: JSON object id -> supporter, supported or other.
	participants   TEXT NOT NULL DEFAULT '[]',
	roles          TEXT NOT NULL DEFAULT '{}',
	names_replaced BOOLEAN NOT NULL DEFAULT FALSE,
	consent_note   TEXT NOT NULL,
	consent_by     TEXT NOT NULL,
	consent_at     TIMESTAMP NOT NULL,
	created_at     TIMESTAMP NOT NULL
);
-- A study's sessions are listed and compared in date order, a page at a time.
CREATE INDEX study_transcripts_sessions ON study_transcripts (study_id, session_date, id);
