-- Three more places a voice item can come from: 'research' (a coded
-- segment a researcher offered to a commissioning round, issue 18),
-- 'quality_check' and 'audit_action' (issue "quality"). The column's CHECK
-- has PostgreSQL's default name for a column constraint.
ALTER TABLE ledger_items DROP CONSTRAINT ledger_items_source_check;
ALTER TABLE ledger_items ADD CONSTRAINT ledger_items_source_check CHECK (source IN ('session', 'survey', 'peer_feedback', 'story', 'import',
	'research', 'quality_check', 'audit_action'));
