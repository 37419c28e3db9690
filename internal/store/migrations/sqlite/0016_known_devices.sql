-- Sign-in throttling that cannot be turned against people (issue 16).
-- A known device is a browser that has signed in to an account: it holds a
-- random token in a long-lived cookie and the database keeps only the
-- token's SHA-256. A sign-in from a known device counts only that device's
-- own failures for the account (auth.SignInWait), so strangers' wrong
-- passwords do not delay it.
CREATE TABLE known_devices (
	id           TEXT PRIMARY KEY,
	token_hash   TEXT NOT NULL UNIQUE,
	user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at   TIMESTAMP NOT NULL,
	last_used_at TIMESTAMP NOT NULL
);
CREATE INDEX known_devices_user ON known_devices (user_id);
CREATE INDEX known_devices_last_used ON known_devices (last_used_at);

-- The known device a failed sign-in came from ('' when none): an account's
-- failures are counted per device.
ALTER TABLE login_failures ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
CREATE INDEX login_failures_email_device ON login_failures (email, device_id, at);
