-- An audit's action plan (issue 19): each action is a ledger voice item
-- (source 'audit_action') whose commitment is the action, so the public
-- board follows it like any other; this table says which audit it came
-- from.
CREATE TABLE adjustment_audit_actions (
	audit_id TEXT NOT NULL REFERENCES adjustment_audits (id),
	item_id  TEXT NOT NULL REFERENCES ledger_items (id),
	PRIMARY KEY (audit_id, item_id)
);
CREATE INDEX adjustment_audit_actions_item ON adjustment_audit_actions (item_id);
