-- Where a contract indicator's value comes from when it is computed from
-- Coprod's own records rather than reported by the provider (issue 17): a
-- ULO's peer support offer at one trigger point (the share offered support
-- within the standard, or uptake) or the provider's training reach. No row:
-- the provider reports the value.
CREATE TABLE contract_indicator_sources (
	contract_id   TEXT NOT NULL REFERENCES contracts (id),
	indicator_id  TEXT NOT NULL,
	kind          TEXT NOT NULL CHECK (kind IN ('peer_within', 'peer_uptake', 'training_reach')),
	org_id        TEXT NOT NULL DEFAULT '',
	trigger_point TEXT NOT NULL DEFAULT '',
	role          TEXT NOT NULL DEFAULT '',
	set_by        TEXT NOT NULL,
	set_at        TIMESTAMP NOT NULL,
	PRIMARY KEY (contract_id, indicator_id)
);
