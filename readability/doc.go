// Package readability checks letters and leaflets for accessible
// information: readability scores, plain English rules and Easy Read
// rules. It is pure analysis with no dependency on the rest of Coprod, so
// any Go program can use it.
//
// # Using it
//
//	r, err := readability.Analyze(src, readability.FormatDOCX, readability.Plain())
//	for _, is := range r.Issues {
//		fmt.Printf("%d:%d %s %q: %s\n", is.Line, is.Column, is.Rule, is.Text, is.Suggestion)
//	}
//
// Every Issue carries its line and column (1-based; columns count
// characters, not bytes) and byte offsets Start and End, so that a web
// page can mark it in place. For plain text, Markdown and HTML these point
// into the source exactly as given, markup included; for DOCX and ODT,
// whose source is a zip of XML, the line is the paragraph number and the
// offsets point into Report.Text, the extracted text.
//
// A Report encodes as JSON with each issue naming its rule and each rule's
// explanation given once, in "rules", keyed by rule ID; decoding fills
// every Issue's Explanation again, and also reads the earlier shape in
// which each issue carried its own.
//
// # Definitions
//
// Sentence: a unit of meaning. It ends at . ! ? or … followed by a space
// and anything but a lower-case letter, except after an abbreviation
// ("Dr", "Mrs", "e.g.", "approx.") or an initial ("J. Smith"). A blank
// line, a list item, and the end of a line without closing punctuation
// (a heading, a salutation such as "Dear Ms Patel,", an address line) end
// a unit too, unless the next line carries on in lower case. Full stops
// inside numbers and times ("3.5", "10.30am") never end one. See Sentences.
//
// Word: a run of letters and digits, with apostrophes and hyphens between
// letters ("don't", "follow-up"), full stops between single letters
// ("e.g") and . , : / - between digits ("3.5", "1,000", "10:30",
// "03/04/2026"). A word with a digit is a number: one word, one syllable,
// no letters. See Words.
//
// Letters: letters only (Coleman–Liau). Characters: letters and digits
// (ARI).
//
// Syllables: counted by spelling rules written for this package (no
// pronunciation dictionary), plus an exception list of fewer than 2,000
// everyday words. The count agrees exactly with the first pronunciation of
// the CMU Pronouncing Dictionary for 96.2% of its 117,490 words made only
// of the letters a–z (94.9% by rule alone); the test
// TestSyllableAgreementWithCMU measures it from a local copy of the npm
// package cmu-pronouncing-dictionary@3.0.0. See Syllables.
//
// Polysyllables (SMOG): words of three syllables or more. Complex words
// (Gunning Fog): polysyllables less Gunning's exclusions: capitalised
// words other than the first of a sentence (proper nouns), hyphenated
// compounds, and words that reach three syllables only by adding -es, -ed
// or -ing.
//
// # Formulas
//
// With W words, S sentences, Y syllables, P polysyllables, C complex
// words, L letters and K characters:
//
//	Flesch Reading Ease   206.835 − 1.015 W/S − 84.6 Y/W                Flesch (1948), "A new readability yardstick", J. Applied Psychology 32
//	Flesch–Kincaid grade  0.39 W/S + 11.8 Y/W − 15.59                    Kincaid, Fishburne, Rogers & Chissom (1975), US Navy report RBR 8-75
//	Gunning Fog           0.4 (W/S + 100 C/W)                            Gunning (1952), The Technique of Clear Writing
//	SMOG                  1.0430 √(P × 30/S) + 3.1291                    McLaughlin (1969), "SMOG grading", J. Reading 12(8)
//	Coleman–Liau          0.0588 (100 L/W) − 0.296 (100 S/W) − 15.8     Coleman & Liau (1975), J. Applied Psychology 60(2)
//	ARI                   4.71 K/W + 0.5 W/S − 21.43                     Smith & Senter (1967), AMRL-TR-66-220
//	UK reading age        Flesch–Kincaid grade + 5 (never under 5)
//
// The UK reading age maps a US grade to an age: US grade 1 is taught to
// 6- to 7-year-olds, so a reader of grade g is about g + 5 years old. GOV.UK
// aims for a reading age of 9.
//
// Each score comes with a plain-English explanation. Formulas only count;
// they mislead on short texts, so a report on fewer than 100 words or 3
// sentences has ShortText set, and every report carries the caveat.
//
// # Rules
//
//	sentence-too-long      more words than the profile allows (25 plain, 15 Easy Read)
//	passive-voice          a form of "be" then a past participle ("will be sent")
//	wordy-phrase           one of 150+ long-winded phrases, with a plainer one ("in order to" → "to")
//	jargon                 health and care jargon, with what it means
//	unexpanded-acronym     capitals not written out at first use ("CQC"); known ones such as NHS pass
//	number-as-word         two to ninety in words ("three" → 3)
//	time-format            24-hour times ("14:30", "0915hrs", "1630 hours"), "hrs", "12 noon"
//	all-caps               runs of capital letters
//	negative-contraction   "can't", "don't" → "cannot", "do not"
//	long-words             words of 4+ syllables (3+ for Easy Read)
//	one-idea-per-sentence  Easy Read only: a second idea joined on ("because", ", and", ";")
//	ambiguous-date         03/04/2026, which is 3 April or March 4
//
// # Profiles
//
// Plain (GOV.UK plain English) and EasyRead are starting points; a
// Profile is a plain struct of thresholds and enabled rules, so callers
// may change any of them.
package readability
