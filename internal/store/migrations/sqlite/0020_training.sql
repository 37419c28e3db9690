-- Training by people with lived experience (issue 17): courses run by a
-- user-led organisation with the same confidence questions before and
-- after, sessions and their trainers, attendees from providers with their
-- roles, their answers, and the staff each provider declares by role (for
-- reach).
CREATE TABLE training_courses (
	id         TEXT PRIMARY KEY,
	org_id     TEXT NOT NULL REFERENCES organisations (id),
	title      TEXT NOT NULL,
	about      TEXT NOT NULL,
	easy_read  TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL
);

CREATE TABLE training_questions (
	id        TEXT PRIMARY KEY,
	course_id TEXT NOT NULL REFERENCES training_courses (id),
	position  INTEGER NOT NULL,
	text      TEXT NOT NULL,
	UNIQUE (course_id, position)
);

CREATE TABLE training_sessions (
	id         TEXT PRIMARY KEY,
	course_id  TEXT NOT NULL REFERENCES training_courses (id),
	starts_at  TIMESTAMP NOT NULL,
	place      TEXT NOT NULL,
	trainers   TEXT NOT NULL, -- one a line
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX training_sessions_course ON training_sessions (course_id, starts_at);

CREATE TABLE training_attendees (
	id         TEXT PRIMARY KEY,
	session_id TEXT NOT NULL REFERENCES training_sessions (id),
	name       TEXT NOT NULL,
	org_id     TEXT NOT NULL REFERENCES organisations (id),
	role       TEXT NOT NULL,
	user_id    TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX training_attendees_session ON training_attendees (session_id);
CREATE INDEX training_attendees_org ON training_attendees (org_id);

CREATE TABLE training_answers (
	attendee_id TEXT NOT NULL REFERENCES training_attendees (id),
	question_id TEXT NOT NULL REFERENCES training_questions (id),
	phase       TEXT NOT NULL CHECK (phase IN ('before', 'after')),
	value       INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
	PRIMARY KEY (attendee_id, question_id, phase)
);

CREATE TABLE training_staffing (
	org_id     TEXT NOT NULL REFERENCES organisations (id),
	role       TEXT NOT NULL,
	declared   INTEGER NOT NULL CHECK (declared >= 0),
	updated_at TIMESTAMP NOT NULL,
	PRIMARY KEY (org_id, role)
);
