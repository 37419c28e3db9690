-- The accountability ledger (issue 6): voice items, their responses
-- (commitment, status, actions, evidence) and the group's verdicts, plus
-- the board's maintained counts. Flags are INTEGER 0/1 and dates are
-- YYYY-MM-DD text on both engines, so every query is the same text.
CREATE TABLE ledger_items (
	id               TEXT PRIMARY KEY,
	said             TEXT NOT NULL,
	easy_read        TEXT NOT NULL,
	source           TEXT NOT NULL CHECK (source IN ('session', 'survey', 'peer_feedback', 'story', 'import')),
	said_on          TEXT NOT NULL,
	round_id         TEXT REFERENCES rounds (id),
	member_id        TEXT REFERENCES round_members (id), -- NULL: said by the group
	themes           TEXT NOT NULL, -- one a line, for display; ledger_item_themes is for filtering
	withdrawn        INTEGER NOT NULL DEFAULT 0,
	status           TEXT NOT NULL CHECK (status IN ('open', 'committed', 'in_progress', 'done', 'not_doing')),
	not_doing_reason TEXT NOT NULL DEFAULT '',
	owner_org_id     TEXT REFERENCES organisations (id),
	owner_user_id    TEXT REFERENCES users (id),
	commitment       TEXT NOT NULL DEFAULT '',
	due_on           TEXT,
	indicator        TEXT NOT NULL DEFAULT '',
	committed_on     TEXT,
	done_on          TEXT,
	-- Derived, kept by the store in the same transaction as every change
	-- (store.changeItem) so lists filter and count without joins:
	shown            INTEGER NOT NULL DEFAULT 1, -- not withdrawn, and the member who said it takes part
	evidence_count   INTEGER NOT NULL DEFAULT 0,
	verdict_count    INTEGER NOT NULL DEFAULT 0, -- verdicts shown (of members who take part)
	verdict          TEXT NOT NULL DEFAULT '',   -- their summary: one verdict, 'mixed' or ''
	vague            INTEGER NOT NULL DEFAULT 0, -- the commitment's wording is vague (not time-dependent)
	created_at       TIMESTAMPTZ NOT NULL,
	updated_at       TIMESTAMPTZ NOT NULL
);
-- One index per way the board is read, each ending in the keyset order so
-- a page is a range scan at any size.
CREATE INDEX ledger_items_board ON ledger_items (shown, said_on DESC, id DESC);
CREATE INDEX ledger_items_status ON ledger_items (status, shown, said_on DESC, id DESC);
CREATE INDEX ledger_items_round ON ledger_items (round_id, shown, said_on DESC, id DESC);
CREATE INDEX ledger_items_vague ON ledger_items (said_on DESC, id DESC) WHERE vague = 1 AND shown = 1;
CREATE INDEX ledger_items_no_evidence ON ledger_items (said_on DESC, id DESC) WHERE status = 'done' AND evidence_count = 0 AND shown = 1;
-- Time-dependent flags are ordered by their own date, oldest first, so
-- "due before today" and "done before the cutoff" are range scans too.
CREATE INDEX ledger_items_overdue ON ledger_items (due_on, id) WHERE status IN ('committed', 'in_progress') AND shown = 1;
CREATE INDEX ledger_items_no_verdict ON ledger_items (done_on, id) WHERE status = 'done' AND verdict_count = 0 AND shown = 1;
CREATE INDEX ledger_items_updated ON ledger_items (shown, updated_at DESC, id DESC);
CREATE INDEX ledger_items_member ON ledger_items (member_id);

-- The organisations an item concerns, with the item's keyset columns
-- copied so an organisation's page is one range scan.
CREATE TABLE ledger_item_orgs (
	item_id TEXT NOT NULL REFERENCES ledger_items (id),
	org_id  TEXT NOT NULL REFERENCES organisations (id),
	said_on TEXT NOT NULL,
	shown   INTEGER NOT NULL,
	PRIMARY KEY (item_id, org_id)
);
CREATE INDEX ledger_item_orgs_board ON ledger_item_orgs (org_id, shown, said_on DESC, item_id DESC);

CREATE TABLE ledger_item_themes (
	item_id TEXT NOT NULL REFERENCES ledger_items (id),
	theme   TEXT NOT NULL,
	said_on TEXT NOT NULL,
	shown   INTEGER NOT NULL,
	PRIMARY KEY (item_id, theme)
);
CREATE INDEX ledger_item_themes_board ON ledger_item_themes (theme, shown, said_on DESC, item_id DESC);

-- Themes with the number of shown items carrying them, for the filter.
CREATE TABLE ledger_themes (
	theme TEXT PRIMARY KEY,
	items INTEGER NOT NULL
);

CREATE TABLE ledger_actions (
	id         TEXT PRIMARY KEY,
	item_id    TEXT NOT NULL REFERENCES ledger_items (id),
	done_on    TEXT NOT NULL,
	what       TEXT NOT NULL,
	created_by TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ledger_actions_item ON ledger_actions (item_id, done_on, created_at);

CREATE TABLE ledger_evidence (
	id         TEXT PRIMARY KEY,
	item_id    TEXT NOT NULL REFERENCES ledger_items (id),
	kind       TEXT NOT NULL CHECK (kind IN ('text', 'link', 'file', 'indicator')),
	body       TEXT NOT NULL,
	url        TEXT NOT NULL,
	file_name  TEXT NOT NULL,
	file_type  TEXT NOT NULL,
	file_size  INTEGER NOT NULL,
	file_data  BYTEA,
	indicator  TEXT NOT NULL,
	value      TEXT NOT NULL,
	period     TEXT NOT NULL,
	created_by TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ledger_evidence_item ON ledger_evidence (item_id, created_at);

-- One current verdict per person and item; giving another replaces it.
CREATE TABLE ledger_verdicts (
	id         TEXT PRIMARY KEY,
	item_id    TEXT NOT NULL REFERENCES ledger_items (id),
	user_id    TEXT NOT NULL REFERENCES users (id),
	member_id  TEXT REFERENCES round_members (id), -- NULL: judged as a member of a user-led organisation
	verdict    TEXT NOT NULL CHECK (verdict IN ('changed', 'partly', 'not_changed', 'too_early')),
	comment    TEXT NOT NULL,
	given_on   TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	UNIQUE (item_id, user_id)
);
CREATE INDEX ledger_verdicts_member ON ledger_verdicts (member_id);

-- Members whose words or verdicts are in the ledger, with the consent the
-- counts were last computed with: when round_members.takes_part differs,
-- the store recomputes their items (store.syncLedgerConsent).
CREATE TABLE ledger_authors (
	member_id  TEXT PRIMARY KEY REFERENCES round_members (id),
	takes_part INTEGER NOT NULL
);

-- The board's maintained counts per scope: ('all', ''), ('org', id),
-- ('round', id). ledger.Contribution says what each item adds.
CREATE TABLE ledger_counts (
	scope_type    TEXT NOT NULL,
	scope_id      TEXT NOT NULL,
	items         INTEGER NOT NULL,
	committed     INTEGER NOT NULL,
	done          INTEGER NOT NULL,
	done_evidence INTEGER NOT NULL,
	judged        INTEGER NOT NULL,
	changed       INTEGER NOT NULL,
	PRIMARY KEY (scope_type, scope_id)
);
-- Histograms of whole days from voice to commitment ('commit') and to
-- done ('done'), from which medians are exact without reading items.
CREATE TABLE ledger_days (
	scope_type TEXT NOT NULL,
	scope_id   TEXT NOT NULL,
	metric     TEXT NOT NULL CHECK (metric IN ('commit', 'done')),
	days       INTEGER NOT NULL,
	n          INTEGER NOT NULL,
	PRIMARY KEY (scope_type, scope_id, metric, days)
);
