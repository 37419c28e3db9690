-- A course's materials as files (issue 17), each in plain English or Easy
-- Read: checked on the way in (type by name and contents, size), kept
-- whole, downloaded by anyone who can see the course.
CREATE TABLE training_materials (
	id           TEXT PRIMARY KEY,
	course_id    TEXT NOT NULL REFERENCES training_courses (id),
	version      TEXT NOT NULL CHECK (version IN ('plain', 'easy_read')),
	file_name    TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size         INTEGER NOT NULL CHECK (size > 0),
	sha256       TEXT NOT NULL,
	data         BYTEA NOT NULL,
	created_by   TEXT NOT NULL,
	created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX training_materials_course ON training_materials (course_id, version, created_at);
