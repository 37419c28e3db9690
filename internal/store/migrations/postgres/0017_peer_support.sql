-- Peer support as a right (issue 17): a user-led organisation's offers at
-- trigger points with their time standards, its peer supporters, referrals
-- (self or professional, with consent), contacts, the person's goals, and
-- safeguarding concerns. Lists (experiences, languages, access needs,
-- places, supervision dates, supporters the person asked not to be offered
-- again) are one item a line.
CREATE TABLE peer_offers (
	org_id     TEXT NOT NULL REFERENCES organisations (id),
	trig       TEXT NOT NULL CHECK (trig IN ('diagnosis', 'crisis', 'discharge', 'transition')),
	amount     INTEGER NOT NULL CHECK (amount > 0),
	unit       TEXT NOT NULL CHECK (unit IN ('hours', 'working_days')),
	division   INTEGER NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (org_id, trig)
);

CREATE TABLE peer_supporters (
	id             TEXT PRIMARY KEY,
	org_id         TEXT NOT NULL REFERENCES organisations (id),
	user_id        TEXT NOT NULL DEFAULT '',
	name           TEXT NOT NULL,
	experiences    TEXT NOT NULL,
	languages      TEXT NOT NULL,
	access_needs   TEXT NOT NULL,
	places         TEXT NOT NULL,
	phone          BOOLEAN NOT NULL DEFAULT FALSE,
	video          BOOLEAN NOT NULL DEFAULT FALSE,
	capacity       INTEGER NOT NULL CHECK (capacity >= 0),
	training       TEXT NOT NULL,
	supervisions   TEXT NOT NULL,
	paid           BOOLEAN NOT NULL DEFAULT FALSE,
	dbs_checked_on TEXT NOT NULL DEFAULT '', -- the date only, never what the check said
	created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX peer_supporters_org ON peer_supporters (org_id);
CREATE INDEX peer_supporters_user ON peer_supporters (user_id);

CREATE TABLE peer_referrals (
	id               TEXT PRIMARY KEY,
	org_id           TEXT NOT NULL REFERENCES organisations (id),
	trig             TEXT NOT NULL CHECK (trig IN ('diagnosis', 'crisis', 'discharge', 'transition')),
	-- the standard in force when the referral was made
	amount           INTEGER NOT NULL,
	unit             TEXT NOT NULL CHECK (unit IN ('hours', 'working_days')),
	division         INTEGER NOT NULL,
	source           TEXT NOT NULL CHECK (source IN ('self', 'professional')),
	referrer         TEXT NOT NULL DEFAULT '',
	name             TEXT NOT NULL,
	contact_way      TEXT NOT NULL CHECK (contact_way IN ('phone', 'text', 'email')),
	contact          TEXT NOT NULL,
	consent_at       TIMESTAMPTZ NOT NULL,
	experiences      TEXT NOT NULL DEFAULT '',
	languages        TEXT NOT NULL DEFAULT '',
	access_needs     TEXT NOT NULL DEFAULT '',
	places           TEXT NOT NULL DEFAULT '',
	phone            BOOLEAN NOT NULL DEFAULT FALSE,
	video            BOOLEAN NOT NULL DEFAULT FALSE,
	not_these        TEXT NOT NULL DEFAULT '',
	person_user_id   TEXT NOT NULL DEFAULT '',
	referred_at      TIMESTAMPTZ NOT NULL,
	first_contact_at TIMESTAMPTZ,
	state            TEXT NOT NULL CHECK (state IN ('waiting', 'offered', 'declined', 'active', 'ended')),
	supporter_id     TEXT REFERENCES peer_supporters (id),
	chose            BOOLEAN NOT NULL DEFAULT FALSE,
	end_reason       TEXT NOT NULL DEFAULT '',
	created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX peer_referrals_org ON peer_referrals (org_id, referred_at);
CREATE INDEX peer_referrals_supporter ON peer_referrals (supporter_id);
CREATE INDEX peer_referrals_person ON peer_referrals (person_user_id);

CREATE TABLE peer_contacts (
	id          TEXT PRIMARY KEY,
	referral_id TEXT NOT NULL REFERENCES peer_referrals (id),
	on_date     TEXT NOT NULL,
	how         TEXT NOT NULL CHECK (how IN ('in_person', 'phone', 'video', 'message')),
	minutes     INTEGER NOT NULL CHECK (minutes > 0),
	notes       TEXT NOT NULL DEFAULT '', -- only what the person agreed to have written
	recorded_by TEXT NOT NULL,
	created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX peer_contacts_referral ON peer_contacts (referral_id, on_date);

CREATE TABLE peer_goals (
	id          TEXT PRIMARY KEY,
	referral_id TEXT NOT NULL REFERENCES peer_referrals (id),
	words       TEXT NOT NULL,
	met         TEXT NOT NULL DEFAULT '' CHECK (met IN ('', 'met', 'partly', 'not_met')),
	created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX peer_goals_referral ON peer_goals (referral_id, created_at);

-- Safeguarding concerns: seen only by the ULO's safeguarding lead and its
-- coordinators; raising and every reading is audited.
CREATE TABLE peer_concerns (
	id          TEXT PRIMARY KEY,
	referral_id TEXT NOT NULL REFERENCES peer_referrals (id),
	org_id      TEXT NOT NULL REFERENCES organisations (id),
	concern     TEXT NOT NULL,
	raised_by   TEXT NOT NULL,
	raised_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX peer_concerns_org ON peer_concerns (org_id, raised_at);

-- Self-referrals made from each address, for throttling (no account).
CREATE TABLE peer_referral_attempts (
	address TEXT NOT NULL,
	at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX peer_referral_attempts_address ON peer_referral_attempts (address, at);
