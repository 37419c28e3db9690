-- Findings back to the group (issue 15). For each round, the three
-- documents made from its data ('what-you-told-us', 'what-will-change',
-- 'did-it-change'; internal/findings): the facilitator's draft, and the
-- version released to members. Both hold the document model as JSON
-- (title, sections, points with picture, words and whether they are in).
-- released is '' until the first release. A round with no row has a draft
-- generated from its data when asked for, stored at the first edit.
-- (The Easy Read texts staff write for measures, proposals and voice
-- items already have columns; a contract indicator's Easy Read words are
-- its measure's, so no column is added for them.)
CREATE TABLE findings_documents (
	round_id    TEXT NOT NULL REFERENCES rounds (id),
	kind        TEXT NOT NULL CHECK (kind IN ('what-you-told-us', 'what-will-change', 'did-it-change')),
	draft       TEXT NOT NULL,
	edited_by   TEXT NOT NULL,
	edited_at   TIMESTAMPTZ NOT NULL,
	released    TEXT NOT NULL DEFAULT '',
	released_by TEXT NOT NULL DEFAULT '',
	released_at TIMESTAMPTZ,
	PRIMARY KEY (round_id, kind)
);
