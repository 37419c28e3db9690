-- Files a bidder attaches to their answers (issue 5): each belongs to one
-- bid and one criterion of the ITT, and goes when the bid goes. The type is
-- decided from the contents and the name together (tender.CheckAttachment);
-- the SHA-256 of the contents, in hex, goes into the bid's receipt.
CREATE TABLE tender_attachments (
	id           TEXT PRIMARY KEY,
	bid_id       TEXT NOT NULL REFERENCES tender_bids (id) ON DELETE CASCADE,
	criterion_id TEXT NOT NULL,
	file_name    TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size         BIGINT NOT NULL CHECK (size > 0),
	sha256       TEXT NOT NULL,
	data         BYTEA NOT NULL,
	created_by   TEXT NOT NULL,
	created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX tender_attachments_bid ON tender_attachments (bid_id, criterion_id, created_at, id);
