-- Three more places a voice item can come from: 'research' (a coded
-- segment a researcher offered to a commissioning round, issue 18),
-- 'quality_check' and 'audit_action' (issue "quality"). SQLite cannot
-- change a CHECK constraint, so ledger_items is rebuilt: created anew with
-- the wider list, filled from the old table, the old one dropped and the
-- new one renamed (the procedure of sqlite.org/lang_altertable.html; the
-- migration runner turns foreign keys off for it and checks them before
-- committing). The columns keep their order, with 0008's two at the end,
-- and every index of 0005 is made again.
CREATE TABLE ledger_items_rebuilt (
	id               TEXT PRIMARY KEY,
	said             TEXT NOT NULL,
	easy_read        TEXT NOT NULL,
	source           TEXT NOT NULL CHECK (source IN ('session', 'survey', 'peer_feedback', 'story', 'import',
	                                                 'research', 'quality_check', 'audit_action')),
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
	shown            INTEGER NOT NULL DEFAULT 1, -- not withdrawn, and the member who said it takes part
	evidence_count   INTEGER NOT NULL DEFAULT 0,
	verdict_count    INTEGER NOT NULL DEFAULT 0, -- verdicts shown (of members who take part)
	verdict          TEXT NOT NULL DEFAULT '',   -- their summary: one verdict, 'mixed' or ''
	vague            INTEGER NOT NULL DEFAULT 0, -- the commitment's wording is vague (not time-dependent)
	created_at       TIMESTAMP NOT NULL,
	updated_at       TIMESTAMP NOT NULL,
	contract_id      TEXT REFERENCES contracts (id),
	indicator_code   TEXT NOT NULL DEFAULT ''
);
INSERT INTO ledger_items_rebuilt SELECT * FROM ledger_items;
DROP TABLE ledger_items;
ALTER TABLE ledger_items_rebuilt RENAME TO ledger_items;

CREATE INDEX ledger_items_board ON ledger_items (shown, said_on DESC, id DESC);
CREATE INDEX ledger_items_status ON ledger_items (status, shown, said_on DESC, id DESC);
CREATE INDEX ledger_items_round ON ledger_items (round_id, shown, said_on DESC, id DESC);
CREATE INDEX ledger_items_vague ON ledger_items (said_on DESC, id DESC) WHERE vague = 1 AND shown = 1;
CREATE INDEX ledger_items_no_evidence ON ledger_items (said_on DESC, id DESC) WHERE status = 'done' AND evidence_count = 0 AND shown = 1;
CREATE INDEX ledger_items_overdue ON ledger_items (due_on, id) WHERE status IN ('committed', 'in_progress') AND shown = 1;
CREATE INDEX ledger_items_no_verdict ON ledger_items (done_on, id) WHERE status = 'done' AND verdict_count = 0 AND shown = 1;
CREATE INDEX ledger_items_updated ON ledger_items (shown, updated_at DESC, id DESC);
CREATE INDEX ledger_items_member ON ledger_items (member_id);
