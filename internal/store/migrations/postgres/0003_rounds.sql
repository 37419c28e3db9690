-- Commissioning rounds and the lived experience group's workspace: rounds,
-- their stage and stake history, round invitations, members with consent,
-- sessions with attendance and involvement payments, and the evidence the
-- group builds (stories and pathways, factors, services and feedback,
-- vision statements and dot votes, themes).
-- Flags are INTEGER 0/1 on both engines so every query is the same text.
CREATE TABLE rounds (
	id              TEXT PRIMARY KEY,
	org_id          TEXT NOT NULL REFERENCES organisations (id),
	title           TEXT NOT NULL,
	care_area       TEXT NOT NULL,
	purpose         TEXT NOT NULL CHECK (purpose IN ('measures', 'coprocurement', 'both')),
	stake           INTEGER NOT NULL CHECK (stake > 0 AND stake <= 10000), -- hundredths of a percent
	starts_on       TEXT NOT NULL, -- YYYY-MM-DD
	ends_on         TEXT NOT NULL,
	stage           TEXT NOT NULL,
	published_at    TIMESTAMPTZ,
	closed_at       TIMESTAMPTZ,
	impact_what     TEXT NOT NULL DEFAULT '',
	impact_evidence TEXT NOT NULL DEFAULT '',
	dots_per_member INTEGER NOT NULL DEFAULT 5,
	voting          TEXT NOT NULL DEFAULT 'not_started' CHECK (voting IN ('not_started', 'open', 'closed')),
	created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX rounds_title ON rounds (title, id);

CREATE TABLE round_stage_changes (
	id         TEXT PRIMARY KEY,
	round_id   TEXT NOT NULL REFERENCES rounds (id),
	from_stage TEXT NOT NULL,
	to_stage   TEXT NOT NULL,
	reason     TEXT NOT NULL,
	changed_by TEXT NOT NULL,
	changed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX round_stage_changes_round ON round_stage_changes (round_id, changed_at);

CREATE TABLE round_stake_changes (
	id         TEXT PRIMARY KEY,
	round_id   TEXT NOT NULL REFERENCES rounds (id),
	from_stake INTEGER NOT NULL,
	to_stake   INTEGER NOT NULL,
	agreed_by  TEXT NOT NULL,
	agreed_on  TEXT NOT NULL,
	minutes    TEXT NOT NULL,
	changed_by TEXT NOT NULL,
	changed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX round_stake_changes_round ON round_stake_changes (round_id, changed_at);

CREATE TABLE round_invitations (
	id         TEXT PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	round_id   TEXT NOT NULL REFERENCES rounds (id),
	role       TEXT NOT NULL,
	created_by TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	expires_at TIMESTAMPTZ NOT NULL,
	used_at    TIMESTAMPTZ,
	used_by    TEXT REFERENCES users (id)
);

CREATE TABLE round_members (
	id               TEXT PRIMARY KEY,
	round_id         TEXT NOT NULL REFERENCES rounds (id),
	user_id          TEXT REFERENCES users (id),
	pseudonym        TEXT NOT NULL,
	real_name        TEXT NOT NULL,
	contact_email    TEXT NOT NULL,
	contact_phone    TEXT NOT NULL,
	adjustments      TEXT NOT NULL, -- space-separated Reasonable Adjustment Flag categories
	adjustment_notes TEXT NOT NULL,
	formats          TEXT NOT NULL, -- space-separated preferred formats
	-- Derived from the latest consent record per purpose (round.Consents),
	-- kept here so every query can filter by consent in the database.
	takes_part       INTEGER NOT NULL DEFAULT 0,
	shares_story     INTEGER NOT NULL DEFAULT 0,
	named            INTEGER NOT NULL DEFAULT 0,
	-- Whether hidden content is hidden because consent was withdrawn (not
	-- never given), for facilitators to see.
	story_withdrawn  INTEGER NOT NULL DEFAULT 0,
	part_withdrawn   INTEGER NOT NULL DEFAULT 0,
	created_at       TIMESTAMPTZ NOT NULL,
	UNIQUE (round_id, pseudonym)
);
CREATE UNIQUE INDEX round_members_user ON round_members (round_id, user_id);

CREATE TABLE round_consents (
	id          TEXT PRIMARY KEY,
	member_id   TEXT NOT NULL REFERENCES round_members (id),
	purpose     TEXT NOT NULL,
	given       INTEGER NOT NULL,
	recorded_by TEXT NOT NULL,
	recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX round_consents_member ON round_consents (member_id, recorded_at);

CREATE TABLE round_sessions (
	id                  TEXT PRIMARY KEY,
	round_id            TEXT NOT NULL REFERENCES rounds (id),
	starts_at           TIMESTAMPTZ NOT NULL,
	place               TEXT NOT NULL,
	online_link         TEXT NOT NULL,
	activities          TEXT NOT NULL, -- space-separated activity types
	access_arrangements TEXT NOT NULL,
	notes               TEXT NOT NULL,
	created_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX round_sessions_round ON round_sessions (round_id, starts_at, id);

CREATE TABLE session_attendance (
	session_id TEXT NOT NULL REFERENCES round_sessions (id),
	member_id  TEXT NOT NULL REFERENCES round_members (id),
	PRIMARY KEY (session_id, member_id)
);

CREATE TABLE involvement_payments (
	id           TEXT PRIMARY KEY,
	session_id   TEXT NOT NULL REFERENCES round_sessions (id),
	member_id    TEXT NOT NULL REFERENCES round_members (id),
	amount_pence BIGINT NOT NULL CHECK (amount_pence > 0),
	method       TEXT NOT NULL,
	paid_on      TEXT NOT NULL,
	created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX involvement_payments_session ON involvement_payments (session_id);

CREATE TABLE stories (
	id         TEXT PRIMARY KEY,
	round_id   TEXT NOT NULL REFERENCES rounds (id),
	member_id  TEXT NOT NULL REFERENCES round_members (id),
	title      TEXT NOT NULL,
	body       TEXT NOT NULL,
	easy_read  TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX stories_round ON stories (round_id, created_at, id);

CREATE TABLE pathway_steps (
	id            TEXT PRIMARY KEY,
	story_id      TEXT NOT NULL REFERENCES stories (id),
	position      INTEGER NOT NULL,
	touchpoint    TEXT NOT NULL,
	what_happened TEXT NOT NULL,
	feeling       INTEGER NOT NULL CHECK (feeling BETWEEN 1 AND 5),
	helped        TEXT NOT NULL,
	hurt          TEXT NOT NULL,
	UNIQUE (story_id, position)
);

CREATE TABLE factors (
	id          TEXT PRIMARY KEY,
	round_id    TEXT NOT NULL REFERENCES rounds (id),
	member_id   TEXT NOT NULL REFERENCES round_members (id),
	kind        TEXT NOT NULL CHECK (kind IN ('risk', 'protective')),
	domain      TEXT NOT NULL,
	description TEXT NOT NULL,
	story_id    TEXT REFERENCES stories (id),
	created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX factors_round ON factors (round_id, created_at, id);

CREATE TABLE factor_endorsements (
	factor_id  TEXT NOT NULL REFERENCES factors (id),
	member_id  TEXT NOT NULL REFERENCES round_members (id),
	created_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (factor_id, member_id)
);

CREATE TABLE services (
	id         TEXT PRIMARY KEY,
	round_id   TEXT NOT NULL REFERENCES rounds (id),
	name       TEXT NOT NULL,
	provider   TEXT NOT NULL,
	kind       TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	UNIQUE (round_id, name)
);

-- member_id is NULL for feedback imported from outside the group.
CREATE TABLE service_feedback (
	id         TEXT PRIMARY KEY,
	service_id TEXT NOT NULL REFERENCES services (id),
	member_id  TEXT REFERENCES round_members (id),
	source     TEXT NOT NULL CHECK (source IN ('entered', 'imported')),
	comment    TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX service_feedback_service ON service_feedback (service_id, created_at, id);

CREATE TABLE feedback_ratings (
	feedback_id TEXT NOT NULL REFERENCES service_feedback (id),
	dimension   TEXT NOT NULL,
	score       INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
	PRIMARY KEY (feedback_id, dimension)
);

CREATE TABLE vision_statements (
	id         TEXT PRIMARY KEY,
	round_id   TEXT NOT NULL REFERENCES rounds (id),
	member_id  TEXT NOT NULL REFERENCES round_members (id),
	body       TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX vision_statements_round ON vision_statements (round_id, created_at, id);

-- What a statement, or a theme, points at: kind is story, factor or service.
CREATE TABLE vision_links (
	statement_id TEXT NOT NULL REFERENCES vision_statements (id),
	kind         TEXT NOT NULL CHECK (kind IN ('story', 'factor', 'service')),
	item_id      TEXT NOT NULL,
	PRIMARY KEY (statement_id, kind, item_id)
);

CREATE TABLE vision_votes (
	statement_id TEXT NOT NULL REFERENCES vision_statements (id),
	member_id    TEXT NOT NULL REFERENCES round_members (id),
	dots         INTEGER NOT NULL CHECK (dots > 0),
	PRIMARY KEY (statement_id, member_id)
);

CREATE TABLE themes (
	id         TEXT PRIMARY KEY,
	round_id   TEXT NOT NULL REFERENCES rounds (id),
	name       TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	UNIQUE (round_id, name)
);

CREATE TABLE theme_tags (
	theme_id TEXT NOT NULL REFERENCES themes (id),
	kind     TEXT NOT NULL CHECK (kind IN ('story', 'factor', 'service', 'feedback', 'vision')),
	item_id  TEXT NOT NULL,
	PRIMARY KEY (theme_id, kind, item_id)
);
