-- Trainers with lived experience as accounts, paid as involvement (issue 17):
-- a course's rate per trainer per session; a session's trainers who have an
-- account at the ULO; when it was recorded as delivered; and the involvement
-- payment claims that recording makes, one per trainer and session.
ALTER TABLE training_courses ADD COLUMN rate_pence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE training_sessions ADD COLUMN delivered_at TIMESTAMPTZ;

CREATE TABLE training_session_trainers (
	session_id TEXT NOT NULL REFERENCES training_sessions (id),
	user_id    TEXT NOT NULL REFERENCES users (id),
	PRIMARY KEY (session_id, user_id)
);
CREATE INDEX training_session_trainers_user ON training_session_trainers (user_id);

CREATE TABLE training_payments (
	id           TEXT PRIMARY KEY,
	session_id   TEXT NOT NULL REFERENCES training_sessions (id),
	user_id      TEXT NOT NULL REFERENCES users (id),
	amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
	claimed_at   TIMESTAMPTZ NOT NULL,
	UNIQUE (session_id, user_id)
);
CREATE INDEX training_payments_user ON training_payments (user_id, claimed_at);
