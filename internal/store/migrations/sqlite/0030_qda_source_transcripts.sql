-- A source made from a conversation-analysis study's transcript names it,
-- so its units (paragraphs, one per utterance) are called utterances and
-- the same transcript is not added twice. Empty for other sources.
ALTER TABLE qda_sources ADD COLUMN transcript_id TEXT NOT NULL DEFAULT '';
