-- Measures, service specifications and their versions, contracts with
-- payment profiles, and the values providers report (issue 4). Decimal
-- numbers (targets, weights, curve points, reported values) are kept as
-- exact decimal text, never as floating point; money is integer pence.
CREATE TABLE measures (
	id            TEXT PRIMARY KEY,
	round_id      TEXT NOT NULL REFERENCES rounds (id),
	kind          TEXT NOT NULL CHECK (kind IN ('experience', 'outcome', 'process')),
	title         TEXT NOT NULL,
	plain_english TEXT NOT NULL,
	easy_read     TEXT NOT NULL,
	question      TEXT NOT NULL,
	options       TEXT NOT NULL, -- JSON list of {"label", "positive"}
	numerator     TEXT NOT NULL,
	denominator   TEXT NOT NULL,
	data_source   TEXT NOT NULL,
	frequency     TEXT NOT NULL,
	baseline      TEXT NOT NULL, -- '' when not known
	target        TEXT NOT NULL,
	direction     TEXT NOT NULL,
	signed_off_by TEXT NOT NULL DEFAULT '', -- the name recorded for the group
	signed_off_user TEXT REFERENCES users (id),
	signed_off_at TIMESTAMP,
	created_by    TEXT NOT NULL,
	created_at    TIMESTAMP NOT NULL
);
CREATE INDEX measures_round ON measures (round_id, created_at, id);

-- What motivated a measure: vision statements, stories or factors.
CREATE TABLE measure_links (
	measure_id TEXT NOT NULL REFERENCES measures (id),
	kind       TEXT NOT NULL CHECK (kind IN ('vision', 'story', 'factor')),
	item_id    TEXT NOT NULL,
	PRIMARY KEY (measure_id, kind, item_id)
);
CREATE INDEX measure_links_item ON measure_links (kind, item_id);

CREATE TABLE specifications (
	id         TEXT PRIMARY KEY,
	round_id   TEXT NOT NULL REFERENCES rounds (id),
	title      TEXT NOT NULL,
	created_by TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX specifications_round ON specifications (round_id, created_at, id);

-- Versions are never edited. The indicators table is a JSON snapshot of
-- the signed-off measures taken when the version was made.
CREATE TABLE spec_versions (
	spec_id       TEXT NOT NULL REFERENCES specifications (id),
	number        INTEGER NOT NULL CHECK (number > 0),
	sections      TEXT NOT NULL, -- JSON object, section key → text
	indicators    TEXT NOT NULL, -- JSON list of indicator rows
	created_by    TEXT NOT NULL,
	created_at    TIMESTAMP NOT NULL,
	signed_off_by TEXT NOT NULL DEFAULT '',
	signed_off_user TEXT REFERENCES users (id),
	signed_off_at TIMESTAMP,
	PRIMARY KEY (spec_id, number)
);

CREATE TABLE contracts (
	id              TEXT PRIMARY KEY,
	round_id        TEXT NOT NULL REFERENCES rounds (id),
	title           TEXT NOT NULL,
	provider_org_id TEXT NOT NULL REFERENCES organisations (id),
	starts_on       TEXT NOT NULL,
	ends_on         TEXT NOT NULL,
	value_pence     INTEGER NOT NULL CHECK (value_pence > 0),
	spec_id         TEXT NOT NULL,
	version_number  INTEGER NOT NULL,
	created_by      TEXT NOT NULL,
	created_at      TIMESTAMP NOT NULL,
	FOREIGN KEY (spec_id, version_number) REFERENCES spec_versions (spec_id, number)
);
CREATE INDEX contracts_round ON contracts (round_id, created_at, id);
CREATE INDEX contracts_provider ON contracts (provider_org_id, created_at, id);

-- A contract's payment profile: one row, its periods with due dates and its
-- indicators with weight and curve.
CREATE TABLE payment_profiles (
	contract_id          TEXT PRIMARY KEY REFERENCES contracts (id),
	at_risk_percent      TEXT NOT NULL,
	rating_good          TEXT NOT NULL,
	rating_approaching   TEXT NOT NULL,
	rating_requires      TEXT NOT NULL,
	set_by               TEXT NOT NULL,
	set_at               TIMESTAMP NOT NULL
);

CREATE TABLE profile_periods (
	contract_id TEXT NOT NULL REFERENCES contracts (id),
	position    INTEGER NOT NULL,
	period      TEXT NOT NULL,
	due_on      TEXT NOT NULL, -- YYYY-MM-DD; '' when no due date
	PRIMARY KEY (contract_id, position),
	UNIQUE (contract_id, period)
);

CREATE TABLE profile_indicators (
	contract_id    TEXT NOT NULL REFERENCES contracts (id),
	position       INTEGER NOT NULL,
	code           TEXT NOT NULL, -- I1, I2, … as used in reports
	name           TEXT NOT NULL,
	measure_id     TEXT NOT NULL,
	weight_percent TEXT NOT NULL,
	direction      TEXT NOT NULL,
	curve          TEXT NOT NULL, -- JSON, as profile.json writes a curve
	PRIMARY KEY (contract_id, position),
	UNIQUE (contract_id, code)
);

-- One value per contract, period and indicator: a correction replaces the
-- value and keeps when it first arrived, which decides lateness.
CREATE TABLE contract_reports (
	contract_id      TEXT NOT NULL REFERENCES contracts (id),
	period           TEXT NOT NULL,
	indicator        TEXT NOT NULL,
	value            TEXT NOT NULL,
	first_at         TIMESTAMP NOT NULL,
	submitted_by     TEXT NOT NULL,
	submitted_at     TIMESTAMP NOT NULL,
	PRIMARY KEY (contract_id, period, indicator)
);
