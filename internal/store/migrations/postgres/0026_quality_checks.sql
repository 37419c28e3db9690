-- Quality checks led by a user-led organisation (issue 19): the ULO's
-- quality checkers (people with lived experience) visit a provider's
-- service and answer an Easy Read checklist; the finished report goes to
-- the provider, who answers each point; each "needs to change" point
-- becomes a ledger voice item (source 'quality_check', added by 0025).
-- The checkers are paid for the visit as for any involvement.
CREATE TABLE quality_checks (
	id          TEXT PRIMARY KEY,
	ulo_id      TEXT NOT NULL REFERENCES organisations (id),
	provider_id TEXT NOT NULL REFERENCES organisations (id),
	service     TEXT NOT NULL,
	visit_on    TEXT NOT NULL, -- YYYY-MM-DD
	reported_at TIMESTAMPTZ,     -- NULL until the checkers finish the report
	created_by  TEXT NOT NULL REFERENCES users (id),
	created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX quality_checks_ulo ON quality_checks (ulo_id, visit_on);
CREATE INDEX quality_checks_provider ON quality_checks (provider_id, visit_on);

CREATE TABLE quality_check_checkers (
	check_id TEXT NOT NULL REFERENCES quality_checks (id),
	user_id  TEXT NOT NULL REFERENCES users (id),
	PRIMARY KEY (check_id, user_id)
);
CREATE INDEX quality_check_checkers_user ON quality_check_checkers (user_id);

CREATE TABLE quality_check_points (
	check_id    TEXT NOT NULL REFERENCES quality_checks (id),
	question    TEXT NOT NULL,
	answer      TEXT NOT NULL CHECK (answer IN ('good', 'ok', 'needs_change')),
	saw         TEXT NOT NULL DEFAULT '',
	answered_by TEXT NOT NULL REFERENCES users (id),
	answered_at TIMESTAMPTZ NOT NULL,
	item_id     TEXT REFERENCES ledger_items (id), -- the voice item a "needs to change" point became
	reply       TEXT NOT NULL DEFAULT '',          -- the provider's answer
	replied_by  TEXT REFERENCES users (id),
	replied_at  TIMESTAMPTZ,
	PRIMARY KEY (check_id, question)
);

CREATE TABLE quality_check_payments (
	id           TEXT PRIMARY KEY,
	check_id     TEXT NOT NULL REFERENCES quality_checks (id),
	user_id      TEXT NOT NULL REFERENCES users (id),
	amount_pence BIGINT NOT NULL CHECK (amount_pence > 0),
	method       TEXT NOT NULL,
	paid_on      TEXT NOT NULL,
	created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX quality_check_payments_check ON quality_check_payments (check_id);
