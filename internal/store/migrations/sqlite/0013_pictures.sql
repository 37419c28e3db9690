-- Easy Read (issue 15).
-- The picture a facilitator chose for a vision statement, a measure, a
-- proposal or a voice item, stored as its key in internal/pictures. One table
-- for the four kinds, so each area's own tables and queries stay as they are;
-- a thing with no row has no picture.
CREATE TABLE picture_choices (
	kind      TEXT NOT NULL CHECK (kind IN ('vision_statement', 'measure', 'proposal', 'voice_item')),
	item_id   TEXT NOT NULL,
	picture   TEXT NOT NULL,
	chosen_by TEXT NOT NULL REFERENCES users (id),
	chosen_at TIMESTAMP NOT NULL,
	PRIMARY KEY (kind, item_id)
);

-- Each person's display settings (internal/display); a person with no row
-- has the defaults.
CREATE TABLE display_settings (
	user_id    TEXT PRIMARY KEY REFERENCES users (id),
	text_size  INTEGER NOT NULL CHECK (text_size BETWEEN 100 AND 200),
	spacing    TEXT NOT NULL CHECK (spacing IN ('normal', 'wide', 'wider')),
	contrast   TEXT NOT NULL CHECK (contrast IN ('auto', 'high')),
	scheme     TEXT NOT NULL CHECK (scheme IN ('auto', 'light', 'dark')),
	motion     TEXT NOT NULL CHECK (motion IN ('auto', 'reduce')),
	easy_read  TEXT NOT NULL CHECK (easy_read IN ('auto', 'on', 'off')),
	updated_at TIMESTAMP NOT NULL
);
