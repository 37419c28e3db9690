-- Accounts, organisations, roles, sessions, invitations, login throttling, audit log.
CREATE TABLE users (
	id            TEXT PRIMARY KEY,
	email         TEXT NOT NULL UNIQUE,
	display_name  TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	created_at    TIMESTAMP NOT NULL,
	disabled_at   TIMESTAMP
);

CREATE TABLE organisations (
	id         TEXT PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE,
	kind       TEXT NOT NULL CHECK (kind IN ('commissioner', 'user_led', 'provider', 'research')),
	created_at TIMESTAMP NOT NULL
);

CREATE TABLE memberships (
	user_id    TEXT NOT NULL REFERENCES users (id),
	org_id     TEXT NOT NULL REFERENCES organisations (id),
	created_at TIMESTAMP NOT NULL,
	PRIMARY KEY (user_id, org_id)
);
CREATE INDEX memberships_org ON memberships (org_id);

CREATE TABLE role_assignments (
	id         TEXT PRIMARY KEY,
	user_id    TEXT NOT NULL REFERENCES users (id),
	role       TEXT NOT NULL,
	scope_type TEXT NOT NULL CHECK (scope_type IN ('platform', 'organisation', 'round', 'tender', 'study')),
	scope_id   TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	UNIQUE (user_id, role, scope_type, scope_id)
);
CREATE INDEX role_assignments_scope ON role_assignments (scope_type, scope_id);

CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY,
	user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at TIMESTAMP NOT NULL,
	expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE invitations (
	id           TEXT PRIMARY KEY,
	token_hash   TEXT NOT NULL UNIQUE,
	email        TEXT NOT NULL,
	display_name TEXT NOT NULL,
	org_id       TEXT REFERENCES organisations (id),
	role         TEXT NOT NULL DEFAULT '',
	created_by   TEXT REFERENCES users (id),
	created_at   TIMESTAMP NOT NULL,
	expires_at   TIMESTAMP NOT NULL,
	used_at      TIMESTAMP
);

CREATE TABLE login_failures (
	id      INTEGER PRIMARY KEY,
	email   TEXT NOT NULL,
	address TEXT NOT NULL,
	at      TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, at);
CREATE INDEX login_failures_address ON login_failures (address, at);

CREATE TABLE audit_events (
	seq         INTEGER PRIMARY KEY,
	at          TIMESTAMP NOT NULL,
	actor_id    TEXT NOT NULL,
	action      TEXT NOT NULL,
	object_type TEXT NOT NULL,
	object_id   TEXT NOT NULL,
	details     TEXT NOT NULL,
	prev_hash   TEXT NOT NULL,
	hash        TEXT NOT NULL
);
CREATE INDEX audit_events_actor ON audit_events (actor_id, seq);
CREATE INDEX audit_events_object ON audit_events (object_type, object_id, seq);

-- The audit log is append-only: the application never updates or deletes it.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
