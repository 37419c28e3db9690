-- The register of reasonable adjustments (issue 19): per group member, each
-- adjustment in a Reasonable Adjustment Flag category, with the need, the
-- adjustment, consent to share it with one organisation, a review date and
-- its status. adjustments holds each entry as it is now; every version,
-- the current one too, is kept in adjustment_versions.
CREATE TABLE adjustments (
	id           TEXT PRIMARY KEY,
	member_id    TEXT NOT NULL REFERENCES round_members (id),
	category     TEXT NOT NULL,
	need         TEXT NOT NULL,
	details      TEXT NOT NULL,
	share        BOOLEAN NOT NULL DEFAULT FALSE,
	share_org_id TEXT REFERENCES organisations (id),
	review_on    TEXT NOT NULL,
	status       TEXT NOT NULL CHECK (status IN ('active', 'ended')),
	started_on   TEXT NOT NULL,
	ended_on     TEXT NOT NULL DEFAULT '',
	version      INTEGER NOT NULL CHECK (version > 0),
	recorded_by  TEXT NOT NULL REFERENCES users (id),
	recorded_at  TIMESTAMP NOT NULL,
	CHECK (share = FALSE OR share_org_id IS NOT NULL)
);
CREATE INDEX adjustments_member ON adjustments (member_id);
CREATE INDEX adjustments_share_org ON adjustments (share_org_id);

CREATE TABLE adjustment_versions (
	adjustment_id TEXT NOT NULL REFERENCES adjustments (id),
	version       INTEGER NOT NULL,
	category      TEXT NOT NULL,
	need          TEXT NOT NULL,
	details       TEXT NOT NULL,
	share         BOOLEAN NOT NULL DEFAULT FALSE,
	share_org_id  TEXT REFERENCES organisations (id),
	review_on     TEXT NOT NULL,
	status        TEXT NOT NULL CHECK (status IN ('active', 'ended')),
	ended_on      TEXT NOT NULL DEFAULT '',
	recorded_by   TEXT NOT NULL REFERENCES users (id),
	recorded_at   TIMESTAMP NOT NULL,
	PRIMARY KEY (adjustment_id, version)
);
