// Package transcript reads transcripts of talk and measures the
// interaction in them: who takes the turns and the floor, who asks, who
// offers choices, who directs, who starts topics, who overlaps whom and
// how long answers take, per participant and per role (supporter and
// person supported). It depends only on the standard library.
//
// # Formats
//
// Each reader streams (see Decoder) and reports bad input as an *Error
// whose text is "file:line:column: message"; none panics.
//
//   - CHAT (.cha, TalkBank): @ headers (@Participants, @ID, @Options: CA,
//     @Media ...), main tiers *SPK: with tab-led continuation lines,
//     dependent tiers %xxx: kept as Dependent, terminators (. ? ! +...
//     +/. +//. +/? +//? +..? +!? +"/. +". +.), media bullets
//     (U+0015 start_end U+0015, ms), CA overlap brackets ⌈ ⌉ ⌊ ⌋ (indexed:
//     ⌈2) and [>] [<], pauses (.) (..) (...) (0.5) (1:02.5), linkers
//     (+< +, ++ +^ +" +≈ +≋), events &=laughs, fillers &-um, fragments
//     &+fr, xxx yyy www, retracing [/] [//], scoped annotations, CA
//     prosody symbols and long features &{l=X ... &}l=X.
//   - ELAN (.eaf): one participant per independent tier (its PARTICIPANT,
//     else its TIER_ID); alignable and reference annotations; time slots
//     without a value are spread evenly between their aligned neighbours.
//   - WebVTT and SRT captions: <v Name> voice spans or "Name:" prefixes; a
//     cue naming nobody continues the previous speaker.
//   - Jefferson-style text: "NAME: talk" lines, optionally numbered
//     ("12  NAME: talk"); lines before the first speaker line are the
//     header (so they must not look like "NAME: ..."); a line holding only
//     a silence, "(0.8)", is a gap before the next utterance; other lines
//     continue the current utterance; [ ] overlaps; (0.4) and (.) pauses;
//     = latching; ((comments)); °quiet°, >fast<, <slow>, ↑↓, :: lengthening
//     and wor- cut-offs.
//
// Detect names a file's format from its first bytes and its extension.
// WriteCHAT, WriteJefferson and WriteJSON convert between formats.
//
// # Definitions (the same for every format)
//
// An utterance is one CHAT main tier, one annotation on an independent
// ELAN tier, one caption cue (one per voice when a cue has several), one
// Jefferson speaker line with its continuation lines.
//
// A turn is a maximal run of consecutive utterances by one speaker in
// transcript order (ELAN: by start time). "SAM: Right. / SAM: Soup? /
// ALEX: Soup." is two turns.
//
// Words are spoken word tokens: not terminators, pauses, markers, events,
// comments, or xxx/yyy/www and (inaudible). "That's" and "ice+cream" are
// one word each. Fillers (CHAT &-um; um, uh, er, erm elsewhere) and
// fragments (CHAT &+fr; "wor-" elsewhere) are counted separately.
//
// A question is an utterance whose terminator is a question: "?" or
// CHAT's +/? +//? +..? +!?; latching and trailing markers do not hide it
// ("really?=" is a question). Its form (ClassifyQuestion):
//
//	polar        "Do you want a drink?"  "You want the pasta?"
//	wh           "What would you like?"  "You went where?"
//	alternative  "Tea or coffee?"  "What do you want, soup or pasta?"
//	tag          "It's cold, isn't it?"  "You're coming, right?"
//	other        "Pardon?"  "Pasta?"
//
// Choice offers (IsChoiceOffer), after Antaki, Finlay and Walton's work
// on how staff offer choices to people with intellectual disabilities:
// alternative questions; questions where "you" is followed by a verb of
// wanting or choosing ("would you like", "do you want", "which do you
// prefer"); "what shall we do?"; statements handing over the decision
// ("it's up to you", "your choice", "you decide").
//
// Directives (IsDirective): imperatives ("Put your coat on.", "Let's
// go.", "Don't touch that."), obligations ("you need to", "you have to",
// "I want you to"), and requests "can/could/will/would you" + an action
// verb ("Can you pass the cup?", not "Would you like tea?"). A choice
// offer is never also a directive.
//
// Acknowledgements and continuers (Acknowledgement): short non-question
// utterances made only of receipt tokens ("Okay.", "Oh lovely.", "I see.",
// "Mhm."); continuers are those made only of "mm", "mhm", "uh-huh".
// Straight after another speaker's question the same words are an answer
// and are not counted.
//
// Repair initiations (IsRepairInitiation), after Schegloff, Jefferson and
// Sacks: a question right after another speaker that is open-class
// ("What?", "Pardon?", "Sorry?"), asks for a repeat ("What did you say?"),
// or is restricted ("You went where?", "On Tuesday?" repeating their words).
//
// Topic initiations (IsTopicInitiation) are a heuristic: the first
// utterance with content words; an utterance opening with a topic-shift
// marker ("anyway", "by the way", "what about", "guess what") that brings
// a content word unused in the previous five utterances; or a question
// (not a repair or a request) whose content words are all unused there.
//
// Overlap onsets: the times a participant started talking while another
// speaker's talk was in progress. From markers: a bottom bracket (⌊, [<],
// or a Jefferson [ answering another speaker's earlier [) counts when the
// top bracket it answers has words before it ("SAM: or just [cheese?" /
// "ALEX: [Just] cheese." is an onset by Alex; two lines that both open
// with [ started together and count for nobody); CHAT's +< counts too.
// From timings, when an utterance carries no markers: it starts after
// another speaker's utterance started and before it ended.
//
// Interruptions: talk by another speaker right after an utterance marked
// as interrupted (CHAT +/. and +/?, a cut-off "wor-" or "--" ending a line
// elsewhere); and overlap onsets away from a possible completion, that is
// with three or more words of the overlapped utterance still to come
// (estimated in proportion to time when timed). A backchannel in overlap
// ("mhm") is an onset but not an interruption.
//
// Timed transcripts (ELAN, captions, CHAT with bullets): talk time per
// participant (the sum of their utterance durations), duration_ms from
// the first start to the last end, pauses, gaps and between- and
// within-speaker overlaps as in Heldner and Edlund (2010) (see Timing),
// and response latency from the end of a question to the start of the
// next utterance by someone else.
//
// Per participant and per role (RoleSide maps role names such as
// Support_Worker or Person_Supported onto "supporter" and "supported";
// Options.Roles overrides roles by participant id): utterances, turns,
// words, shares of turns, words and talk time, mean length of turn in
// words, questions by type, choice offers, directives, topic initiations,
// overlap onsets, interruptions, repair initiations, acknowledgements.
// When both sides are present, Asymmetry gives the supporter : supported
// ratio of each measure and an initiative index.
//
// # Memory and speed
//
// CHAT, captions and Jefferson text are read line by line with one line
// of look-ahead; an Utterance and its slices are reused, so memory is
// bounded by the longest utterance (and MaxLineBytes), not the file. The
// Analyser keeps counters per speaker and the words of the last five
// utterances. ELAN is the exception: its tiers come one after another, so
// the document is read before the first utterance is returned.
package transcript
