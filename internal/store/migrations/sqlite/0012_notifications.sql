-- Notifications (issue 14). A worker reads the audit log after a cursor and
-- writes each person's notifications in the same transaction as it moves the
-- cursor, so every event is turned into notifications exactly once; the
-- cursor starts at the end of the log, so a database that existed before
-- this migration does not notify anyone of its past. A notification's
-- dedupe key ("event:SEQ", "overdue:ITEM:DATE") is unique per person.
-- email_done: nothing is left to send by email (sent, queued, not wanted,
-- or email was not configured when it was made); a daily digest takes the
-- rest. Emails go through an outbox: a row is claimed (sending), sent, then
-- marked sent; a row found still claimed after a crash is never sent again
-- but marked unknown for the operator (see internal/store/notifications_outbox.go).
CREATE TABLE notification_cursor (
	name TEXT PRIMARY KEY CHECK (name = 'audit'),
	seq  INTEGER NOT NULL
);
INSERT INTO notification_cursor (name, seq) SELECT 'audit', COALESCE(MAX(seq), 0) FROM audit_events;

CREATE TABLE notifications (
	id         INTEGER PRIMARY KEY,
	user_id    TEXT NOT NULL REFERENCES users (id),
	kind       TEXT NOT NULL,
	plain      TEXT NOT NULL,
	easy_read  TEXT NOT NULL,
	link       TEXT NOT NULL,
	event_seq  INTEGER NOT NULL DEFAULT 0,
	dedupe     TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL,
	read_at    TIMESTAMP,
	email_done INTEGER NOT NULL DEFAULT 0,
	UNIQUE (user_id, dedupe)
);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id, id) WHERE read_at IS NULL;
CREATE INDEX notifications_digest ON notifications (user_id, id) WHERE email_done = 0;

CREATE TABLE notification_prefs (
	user_id        TEXT PRIMARY KEY REFERENCES users (id),
	email          TEXT NOT NULL DEFAULT '' CHECK (email IN ('', 'each', 'daily', 'none')),
	format         TEXT NOT NULL DEFAULT '' CHECK (format IN ('', 'plain', 'easy_read')),
	last_digest_on TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD, UK date of the last daily summary
	updated_at     TIMESTAMP NOT NULL
);

CREATE TABLE email_outbox (
	id              TEXT PRIMARY KEY,
	user_id         TEXT NOT NULL REFERENCES users (id),
	dedupe          TEXT NOT NULL UNIQUE, -- "notification:ID" or "digest:USER:DATE"
	to_address      TEXT NOT NULL,
	subject         TEXT NOT NULL,
	body            TEXT NOT NULL,
	message_id      TEXT NOT NULL,
	status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown')),
	attempts        INTEGER NOT NULL DEFAULT 0,
	next_attempt_at TIMESTAMP NOT NULL,
	claimed_at      TIMESTAMP,
	sent_at         TIMESTAMP,
	last_error      TEXT NOT NULL DEFAULT '',
	created_at      TIMESTAMP NOT NULL
);
CREATE INDEX email_outbox_due ON email_outbox (status, next_attempt_at);
