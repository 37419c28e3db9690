-- The keyed link of each audit event (internal/audit: Key.MAC): the id of
-- the operator's key that sealed it and the HMAC-SHA-256 over the previous
-- event's link and this event's hash. Events written before a key was set
-- keep both empty. The key itself is never stored here.
ALTER TABLE audit_events ADD COLUMN key_id TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_events ADD COLUMN mac TEXT NOT NULL DEFAULT '';
