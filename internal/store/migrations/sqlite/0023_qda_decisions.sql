-- Reconciled coding (issue 18): the master coding of a unit that the
-- coders coded differently, and who decided it.
CREATE TABLE qda_decisions (
	source_id  TEXT NOT NULL REFERENCES qda_sources (id),
	unit_index INTEGER NOT NULL CHECK (unit_index >= 0),
	decided_by TEXT NOT NULL REFERENCES users (id),
	decided_at TIMESTAMP NOT NULL,
	PRIMARY KEY (source_id, unit_index)
);

CREATE TABLE qda_decision_codes (
	source_id  TEXT NOT NULL,
	unit_index INTEGER NOT NULL,
	code_id    TEXT NOT NULL REFERENCES qda_codes (id),
	PRIMARY KEY (source_id, unit_index, code_id),
	FOREIGN KEY (source_id, unit_index) REFERENCES qda_decisions (source_id, unit_index) ON DELETE CASCADE
);
