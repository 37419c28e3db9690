-- Co-procurement: tenders in a round, their invitation to tender (ITT) with
-- published versions (amendments), bidders and their bids, clarification
-- questions, evaluation panels, conflict declarations with mitigations,
-- sealed individual scores, consensus scores and the award decision.
-- The ITT (lots, criteria, scale, tie-break, deadlines) is kept as the
-- engine's JSON, exact numbers as text, so what is scored is what was saved;
-- every published version is kept whole. Flags are INTEGER 0/1.
CREATE TABLE tenders (
	id                      TEXT PRIMARY KEY,
	round_id                TEXT NOT NULL REFERENCES rounds (id),
	title                   TEXT NOT NULL,
	itt                     TEXT NOT NULL,
	version                 INTEGER NOT NULL DEFAULT 0, -- 0 until published
	published_at            TIMESTAMP,
	moderation_commissioner INTEGER NOT NULL DEFAULT 0,
	moderation_lep          INTEGER NOT NULL DEFAULT 0,
	created_by              TEXT NOT NULL,
	created_at              TIMESTAMP NOT NULL,
	updated_at              TIMESTAMP NOT NULL
);
CREATE INDEX tenders_round ON tenders (round_id, created_at, id);

CREATE TABLE tender_versions (
	tender_id  TEXT NOT NULL REFERENCES tenders (id),
	version    INTEGER NOT NULL,
	itt        TEXT NOT NULL,
	reason     TEXT NOT NULL, -- "" for the first publication
	created_by TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL,
	PRIMARY KEY (tender_id, version)
);

CREATE TABLE tender_bidders (
	id            TEXT PRIMARY KEY,
	tender_id     TEXT NOT NULL REFERENCES tenders (id),
	org_id        TEXT NOT NULL REFERENCES organisations (id),
	registered_by TEXT NOT NULL,
	registered_at TIMESTAMP NOT NULL,
	UNIQUE (tender_id, org_id)
);

CREATE TABLE tender_bids (
	id           TEXT PRIMARY KEY,
	tender_id    TEXT NOT NULL REFERENCES tenders (id),
	bidder_id    TEXT NOT NULL UNIQUE REFERENCES tender_bidders (id),
	lot_id       TEXT NOT NULL,
	status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'withdrawn')),
	price_pence  INTEGER NOT NULL DEFAULT 0 CHECK (price_pence >= 0),
	submitted_at TIMESTAMP,
	receipt_hash TEXT NOT NULL DEFAULT '',
	updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX tender_bids_tender ON tender_bids (tender_id, status);

CREATE TABLE tender_answers (
	bid_id       TEXT NOT NULL REFERENCES tender_bids (id),
	criterion_id TEXT NOT NULL,
	answer       TEXT NOT NULL,
	PRIMARY KEY (bid_id, criterion_id)
);

CREATE TABLE tender_questions (
	id             TEXT PRIMARY KEY,
	tender_id      TEXT NOT NULL REFERENCES tenders (id),
	bidder_id      TEXT NOT NULL REFERENCES tender_bidders (id),
	question       TEXT NOT NULL,
	answer         TEXT NOT NULL DEFAULT '',
	answer_public  INTEGER NOT NULL DEFAULT 0,
	private_reason TEXT NOT NULL DEFAULT '',
	asked_at       TIMESTAMP NOT NULL,
	answered_at    TIMESTAMP,
	answered_by    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tender_questions_tender ON tender_questions (tender_id, asked_at, id);

CREATE TABLE tender_panel_members (
	tender_id TEXT NOT NULL REFERENCES tenders (id),
	user_id   TEXT NOT NULL REFERENCES users (id),
	panel     TEXT NOT NULL CHECK (panel IN ('commissioner', 'lived_experience')),
	chair     INTEGER NOT NULL DEFAULT 0,
	added_at  TIMESTAMP NOT NULL,
	PRIMARY KEY (tender_id, user_id)
);

CREATE TABLE tender_declarations (
	tender_id    TEXT NOT NULL REFERENCES tenders (id),
	evaluator_id TEXT NOT NULL REFERENCES users (id),
	bidder_id    TEXT NOT NULL REFERENCES tender_bidders (id),
	conflict     INTEGER NOT NULL,
	detail       TEXT NOT NULL,
	declared_at  TIMESTAMP NOT NULL,
	mitigation   TEXT NOT NULL DEFAULT '',
	mitigated_by TEXT NOT NULL DEFAULT '',
	mitigated_at TIMESTAMP,
	PRIMARY KEY (tender_id, evaluator_id, bidder_id)
);

-- One row per evaluator, bid, criterion and panel: the key makes a score
-- land exactly once however many are saved at the same time.
CREATE TABLE tender_scores (
	tender_id    TEXT NOT NULL REFERENCES tenders (id),
	evaluator_id TEXT NOT NULL REFERENCES users (id),
	bid_id       TEXT NOT NULL REFERENCES tender_bids (id),
	criterion_id TEXT NOT NULL,
	panel        TEXT NOT NULL,
	score        INTEGER NOT NULL CHECK (score >= 0),
	comment      TEXT NOT NULL,
	submitted    INTEGER NOT NULL DEFAULT 0,
	updated_at   TIMESTAMP NOT NULL,
	PRIMARY KEY (tender_id, evaluator_id, bid_id, criterion_id, panel)
);

CREATE TABLE tender_consensus (
	tender_id    TEXT NOT NULL REFERENCES tenders (id),
	bid_id       TEXT NOT NULL REFERENCES tender_bids (id),
	criterion_id TEXT NOT NULL,
	panel        TEXT NOT NULL,
	score        INTEGER NOT NULL CHECK (score >= 0),
	rationale    TEXT NOT NULL,
	recorded_by  TEXT NOT NULL,
	recorded_at  TIMESTAMP NOT NULL,
	PRIMARY KEY (tender_id, bid_id, criterion_id, panel)
);

CREATE TABLE tender_awards (
	tender_id      TEXT PRIMARY KEY REFERENCES tenders (id),
	winner_bid_id  TEXT NOT NULL REFERENCES tender_bids (id),
	reason         TEXT NOT NULL,
	decided_by     TEXT NOT NULL,
	decided_at     TIMESTAMP NOT NULL,
	notice_on      TEXT NOT NULL, -- YYYY-MM-DD
	standstill_end TEXT NOT NULL  -- YYYY-MM-DD
);
