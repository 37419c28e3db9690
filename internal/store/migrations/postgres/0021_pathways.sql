-- A round's public "how to get support" page (issue 17), written by the
-- group in plain English and Easy Read, with a short address for posters.
CREATE TABLE pathways (
	round_id     TEXT PRIMARY KEY REFERENCES rounds (id),
	slug         TEXT NOT NULL UNIQUE,
	title        TEXT NOT NULL,
	plain        TEXT NOT NULL,
	easy_read    TEXT NOT NULL,
	contact      TEXT NOT NULL,
	published_at TIMESTAMPTZ,
	updated_at   TIMESTAMPTZ NOT NULL
);
