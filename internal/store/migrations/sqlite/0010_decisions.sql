-- The group decides (issue 13): each round's decision rule, locked with the
-- stake at publication; proposals put to the group with their subject by
-- kind and, once counted, their outcome; one current response per member
-- (a changed response replaces it, the audit log keeps the history); and
-- how a facilitator resolved a block. A stake change made by carrying out a
-- decision cites it.
ALTER TABLE rounds ADD COLUMN decision_rule TEXT NOT NULL DEFAULT 'majority' CHECK (decision_rule IN ('majority', 'consent'));
ALTER TABLE rounds ADD COLUMN decision_quorum INTEGER NOT NULL DEFAULT 50 CHECK (decision_quorum BETWEEN 1 AND 100); -- percent

CREATE TABLE proposals (
	id              TEXT PRIMARY KEY,
	round_id        TEXT NOT NULL REFERENCES rounds (id),
	kind            TEXT NOT NULL CHECK (kind IN ('lower_stake', 'sign_off_measure', 'sign_off_spec', 'agree_tender',
		'agree_impact', 'change_rule', 'question')),
	title           TEXT NOT NULL,
	plain_english   TEXT NOT NULL,
	easy_read       TEXT NOT NULL,
	proposed_by     TEXT NOT NULL REFERENCES users (id),
	opens_at        TIMESTAMP NOT NULL,
	closes_at       TIMESTAMP NOT NULL,
	-- The round's rule when proposed: the proposal is decided under it.
	rule            TEXT NOT NULL CHECK (rule IN ('majority', 'consent')),
	quorum          INTEGER NOT NULL CHECK (quorum BETWEEN 1 AND 100),
	-- The subject, by kind; the rest stay NULL or ''.
	new_stake       INTEGER CHECK (new_stake > 0 AND new_stake <= 10000), -- lower_stake
	measure_id      TEXT REFERENCES measures (id),                       -- sign_off_measure
	spec_id         TEXT,                                                -- sign_off_spec
	spec_version    INTEGER,
	tender_id       TEXT REFERENCES tenders (id),                        -- agree_tender
	agreement       TEXT NOT NULL DEFAULT '', -- agree_tender: round.TenderAgreement.Canonical
	impact          TEXT NOT NULL DEFAULT '', -- agree_impact: what changed
	new_rule        TEXT CHECK (new_rule IN ('majority', 'consent')),    -- change_rule
	new_quorum      INTEGER CHECK (new_quorum BETWEEN 1 AND 100),
	-- The outcome, once counted; counts are of active members' responses.
	status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'passed', 'not_passed', 'withdrawn')),
	decided_at      TIMESTAMP,
	active_count    INTEGER NOT NULL DEFAULT 0,
	quorum_needed   INTEGER NOT NULL DEFAULT 0,
	agree_count     INTEGER NOT NULL DEFAULT 0,
	not_sure_count  INTEGER NOT NULL DEFAULT 0,
	disagree_count  INTEGER NOT NULL DEFAULT 0,
	block_count     INTEGER NOT NULL DEFAULT 0,
	unresolved_blocks INTEGER NOT NULL DEFAULT 0,
	carried_out_at  TIMESTAMP,
	created_at      TIMESTAMP NOT NULL,
	FOREIGN KEY (spec_id, spec_version) REFERENCES spec_versions (spec_id, number)
);
CREATE INDEX proposals_round ON proposals (round_id, closes_at, id);

-- The real outcomes an impact statement links to; the store checks each
-- when the proposal is made (item_id: a contract, a tender, a ledger item).
CREATE TABLE proposal_outcomes (
	proposal_id TEXT NOT NULL REFERENCES proposals (id),
	kind        TEXT NOT NULL CHECK (kind IN ('contract', 'award', 'ledger_item')),
	item_id     TEXT NOT NULL,
	PRIMARY KEY (proposal_id, kind, item_id)
);

-- One current response per proposal and member. given_on is the date a
-- member gave it in person, when a facilitator recorded it ('' otherwise);
-- recorded_by is the member's own account or that facilitator.
CREATE TABLE proposal_responses (
	proposal_id  TEXT NOT NULL REFERENCES proposals (id),
	member_id    TEXT NOT NULL REFERENCES round_members (id),
	answer       TEXT NOT NULL CHECK (answer IN ('agree', 'not_sure', 'disagree', 'block')),
	reason       TEXT NOT NULL,
	given_on     TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD
	recorded_by  TEXT NOT NULL,
	responded_at TIMESTAMP NOT NULL,
	PRIMARY KEY (proposal_id, member_id)
);

-- A resolution belongs to the block made at response_at: a member who
-- blocks again makes a new block.
CREATE TABLE proposal_block_resolutions (
	id          TEXT PRIMARY KEY,
	proposal_id TEXT NOT NULL REFERENCES proposals (id),
	member_id   TEXT NOT NULL REFERENCES round_members (id),
	response_at TIMESTAMP NOT NULL,
	resolution  TEXT NOT NULL,
	resolved_by TEXT NOT NULL,
	resolved_at TIMESTAMP NOT NULL
);
CREATE INDEX proposal_block_resolutions_proposal ON proposal_block_resolutions (proposal_id, member_id, response_at);

ALTER TABLE round_stake_changes ADD COLUMN proposal_id TEXT REFERENCES proposals (id);
