-- Saved accessible-information checks, a library per organisation.
CREATE TABLE readability_checks (
	id         TEXT PRIMARY KEY,
	org_id     TEXT NOT NULL REFERENCES organisations (id),
	title      TEXT NOT NULL,
	format     TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'html')),
	profile    TEXT NOT NULL CHECK (profile IN ('plain', 'easyread')),
	source     TEXT NOT NULL,
	created_by TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL
);
-- The library lists an organisation's checks newest first, a page at a time.
CREATE INDEX readability_checks_library ON readability_checks (org_id, created_at DESC, id DESC);
