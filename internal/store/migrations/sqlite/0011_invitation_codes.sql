-- Joining a round (issue 14). A round invitation says who it is for (a name
-- the people who run the round recognise, and an email address if known),
-- carries a short code for print and phone besides its link (only a hash is
-- kept, like the link's), and can be withdrawn or re-issued: re-issuing
-- replaces both hashes, so the old link and code stop working. Wrong codes
-- are counted per address so guessing slows down and then stops.
ALTER TABLE round_invitations ADD COLUMN code_hash TEXT;
ALTER TABLE round_invitations ADD COLUMN for_name TEXT NOT NULL DEFAULT '';
ALTER TABLE round_invitations ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE round_invitations ADD COLUMN reissued_at TIMESTAMP;
ALTER TABLE round_invitations ADD COLUMN revoked_at TIMESTAMP;
ALTER TABLE round_invitations ADD COLUMN revoked_by TEXT REFERENCES users (id);
CREATE UNIQUE INDEX round_invitations_code ON round_invitations (code_hash);
CREATE INDEX round_invitations_round ON round_invitations (round_id, expires_at);

CREATE TABLE join_code_failures (
	id      INTEGER PRIMARY KEY,
	address TEXT NOT NULL,
	at      TIMESTAMP NOT NULL
);
CREATE INDEX join_code_failures_address ON join_code_failures (address, at);
