-- Research that feeds commissioning (issue 18): a researcher offers a
-- coded segment to a commissioning round, under one of the round's
-- themes. The offer keeps the words and the codes as they were offered
-- (coding may change later; what the round was given does not), and the
-- voice item it became, if any. Consent for research use can be withdrawn
-- from a source: consent_withdrawn_at is then set, and every offer from
-- the source, and the voice items made from them, are hidden everywhere.
ALTER TABLE qda_sources ADD COLUMN consent_withdrawn_at TIMESTAMPTZ;

CREATE TABLE qda_offers (
	id             TEXT PRIMARY KEY,
	project_id     TEXT NOT NULL REFERENCES qda_projects (id),
	source_id      TEXT NOT NULL REFERENCES qda_sources (id),
	start_pos      INTEGER NOT NULL CHECK (start_pos >= 0),
	end_pos        INTEGER NOT NULL CHECK (end_pos > start_pos),
	quote          TEXT NOT NULL,
	codes          TEXT NOT NULL, -- the codes' names, one a line, as offered
	round_id       TEXT NOT NULL REFERENCES rounds (id),
	theme_id       TEXT NOT NULL REFERENCES themes (id),
	note           TEXT NOT NULL DEFAULT '',
	offered_by     TEXT NOT NULL REFERENCES users (id),
	offered_at     TIMESTAMPTZ NOT NULL,
	ledger_item_id TEXT REFERENCES ledger_items (id),
	UNIQUE (source_id, start_pos, end_pos, round_id)
);
CREATE INDEX qda_offers_by_round ON qda_offers (round_id, offered_at, id);
CREATE INDEX qda_offers_by_project ON qda_offers (project_id, offered_at, id);
CREATE INDEX qda_offers_by_theme ON qda_offers (theme_id);
