-- The ledger's links to contract indicators (issue 6, now that contracts
-- exist): a commitment may name an indicator of a contract the item
-- concerns, and evidence of kind 'indicator' records the values reported
-- for one, as they were when the evidence was added. ledger_items.indicator
-- and ledger_evidence.indicator keep the indicator's name (older rows:
-- free text); the new columns say which contract and indicator it is.
ALTER TABLE ledger_items ADD COLUMN contract_id TEXT REFERENCES contracts (id);
ALTER TABLE ledger_items ADD COLUMN indicator_code TEXT NOT NULL DEFAULT '';
ALTER TABLE ledger_evidence ADD COLUMN contract_id TEXT REFERENCES contracts (id);
ALTER TABLE ledger_evidence ADD COLUMN indicator_code TEXT NOT NULL DEFAULT '';

-- The snapshot: every value reported for the indicator when the evidence
-- was added, in the payment profile's order of periods. Later corrections
-- to the contract's reports do not change it.
CREATE TABLE ledger_evidence_values (
	evidence_id TEXT NOT NULL REFERENCES ledger_evidence (id),
	position    INTEGER NOT NULL,
	period      TEXT NOT NULL,
	value       TEXT NOT NULL,
	PRIMARY KEY (evidence_id, position)
);
