-- Audits of reasonable adjustments (issue 19): an organisation's audit of a
-- service against a template of criteria, a re-audit naming the audit it
-- repeats, pseudonymous cases, and per case and criterion the answer and
-- what was seen.
CREATE TABLE adjustment_audits (
	id          TEXT PRIMARY KEY,
	org_id      TEXT NOT NULL REFERENCES organisations (id),
	template    TEXT NOT NULL,
	service     TEXT NOT NULL,
	period      TEXT NOT NULL,
	previous_id TEXT REFERENCES adjustment_audits (id),
	created_by  TEXT NOT NULL REFERENCES users (id),
	created_at  TIMESTAMP NOT NULL
);
CREATE INDEX adjustment_audits_org ON adjustment_audits (org_id);

CREATE TABLE adjustment_audit_cases (
	id         TEXT PRIMARY KEY,
	audit_id   TEXT NOT NULL REFERENCES adjustment_audits (id),
	label      TEXT NOT NULL,
	created_by TEXT NOT NULL REFERENCES users (id),
	created_at TIMESTAMP NOT NULL,
	UNIQUE (audit_id, label)
);

CREATE TABLE adjustment_audit_answers (
	case_id   TEXT NOT NULL REFERENCES adjustment_audit_cases (id),
	criterion TEXT NOT NULL,
	answer    TEXT NOT NULL CHECK (answer IN ('met', 'not_met', 'not_applicable', 'not_known')),
	evidence  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (case_id, criterion)
);
