-- A source read from a PDF keeps where each page starts, as character
-- offsets (Unicode code points) into its text separated by commas, so a
-- position can be shown as "page 3". Empty for text without pages.
ALTER TABLE qda_sources ADD COLUMN page_starts TEXT NOT NULL DEFAULT '';
