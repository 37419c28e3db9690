-- A provider can set up a user-led organisation for the people who use its
-- services (issue 19): the organisation that set it up, kept so the
-- provider can find it again; NULL for every other organisation.
ALTER TABLE organisations ADD COLUMN set_up_by TEXT REFERENCES organisations (id);
