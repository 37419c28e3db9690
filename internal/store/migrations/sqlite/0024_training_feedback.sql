-- Feedback to the trainers of a training session (issue 17), in the words
-- of those who attended, kept without their names so it can be honest.
CREATE TABLE training_feedback (
	id         TEXT PRIMARY KEY,
	session_id TEXT NOT NULL REFERENCES training_sessions (id),
	words      TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX training_feedback_session ON training_feedback (session_id, created_at);
