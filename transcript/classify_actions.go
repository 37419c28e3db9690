package transcript

// The action classifiers are lexical and structural rules over an
// utterance's spoken words. They follow conversation-analytic work on
// staff talk with people with intellectual disabilities: Antaki, Finlay
// and Walton showed that staff offer choices in a few recurrent formats
// (alternative questions, open "what would you like" questions, polar
// "do you want" offers) and that offers shade into directives; the rules
// count formats, not what the speaker meant. See doc.go for examples.

// hasSeq reports whether the words seq occur consecutively in ws (any case).
func hasSeq(ws []string, seq ...string) bool {
	for i := 0; i+len(seq) <= len(ws); i++ {
		ok := true
		for k, s := range seq {
			if !eqFold(ws[i+k], s) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// eqFold compares a word with a lower-case ASCII literal.
func eqFold(w, lit string) bool {
	if len(w) != len(lit) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lit[i] {
			return false
		}
	}
	return true
}

// IsChoiceOffer: the speaker puts a decision to the other person.
//
//   - any alternative question: "tea or coffee?", "do you want to go to the
//     park or the café?";
//   - a question in which "you" is followed within two words by a verb of
//     wanting or choosing: "do you want a drink?", "what would you like for
//     lunch?", "which one do you prefer?" ("like" only as "would/you'd like",
//     so "do you like dogs?" is not an offer);
//   - a wh-question putting a joint plan to the other: "what shall we do?",
//     "where should we go?";
//   - a statement handing over the decision: "it's up to you", "your
//     choice", "you choose", "you decide", "you can pick".
func IsChoiceOffer(u *Utterance, ws []string, q QuestionType) bool {
	if q == QuestionAlternative {
		return true
	}
	if q != QuestionNone {
		for i, w := range ws {
			if !eqFold(w, "you") && !eqFold(w, "you'd") && !eqFold(w, "ya") {
				continue
			}
			for k := i + 1; k <= i+2 && k < len(ws); k++ {
				if !in(volition, ws[k]) {
					continue
				}
				if eqFold(ws[k], "like") && !(eqFold(w, "you'd") || i > 0 && (eqFold(ws[i-1], "would") || eqFold(ws[i-1], "d'you"))) {
					continue
				}
				return true
			}
		}
		if q == QuestionWh && (hasSeq(ws, "shall", "we") || hasSeq(ws, "should", "we")) {
			return true
		}
		return false
	}
	if !hasYou(ws) {
		return false
	}
	return hasSeq(ws, "up", "to", "you") || hasSeq(ws, "your", "choice") || hasSeq(ws, "you", "choose") ||
		hasSeq(ws, "you", "decide") || hasSeq(ws, "you", "can", "pick") || hasSeq(ws, "you", "can", "choose")
}

// IsDirective: the speaker tells or asks the other to do something.
//
//   - an imperative: the first word after prefaces (and "please") is a verb
//     of the imperative list: "put your coat on.", "come here.", "let's go.",
//     "don't touch that." (not when the utterance is a question);
//   - an obligation put to the other: "you need to", "you have to", "you've
//     got to", "you must", "you should", "I need you to", "I want you to",
//     "make sure you";
//   - a request for action: "can you / could you / will you / would you"
//     followed by a verb other than one of wanting, knowing or perceiving:
//     "can you pass me the cup?" (but not "would you like tea?").
//
// A choice offer is never also counted as a directive.
func IsDirective(u *Utterance, ws []string, q QuestionType, choice bool) bool {
	if choice || len(ws) == 0 {
		return false
	}
	if q == QuestionNone {
		f := ws[skipPrefaces(ws)]
		if in(imperatives, f) {
			// "look" and "listen" as prefaces are handled by skipPrefaces;
			// "don't" needs a verb after it to be an imperative.
			if !eqFold(f, "don't") || len(ws) > 1 {
				return true
			}
		}
		if !hasYou(ws) {
			return false
		}
		return hasSeq(ws, "you", "need", "to") || hasSeq(ws, "you", "have", "to") || hasSeq(ws, "you've", "got", "to") ||
			hasSeq(ws, "you", "must") || hasSeq(ws, "you", "should") || hasSeq(ws, "need", "you", "to") ||
			hasSeq(ws, "want", "you", "to") || hasSeq(ws, "make", "sure", "you") || hasSeq(ws, "you'll", "have", "to")
	}
	for i := 0; i+2 < len(ws); i++ {
		if (eqFold(ws[i], "can") || eqFold(ws[i], "could") || eqFold(ws[i], "will") || eqFold(ws[i], "would")) &&
			eqFold(ws[i+1], "you") && !in(notRequestVerbs, ws[i+2]) {
			return true
		}
	}
	return false
}

// Acknowledgement classifies receipts: short non-question utterances made
// only of acknowledgement tokens ("okay", "right", "oh lovely", "I see",
// "mhm"). continuer is true when every word is a continuer ("mm", "mhm",
// "uh-huh"), which passes the floor back. Right after another speaker's
// question the same words are an answer, not an acknowledgement.
func Acknowledgement(u *Utterance, ws []string, afterOthersQuestion bool) (ack, continuer bool) {
	if u.IsQuestion() || afterOthersQuestion || len(ws) == 0 || len(ws) > 3 {
		return false, false
	}
	continuer = true
	for _, w := range ws {
		if !in(ackWords, w) {
			return false, false
		}
		if !in(continuerWords, w) {
			continuer = false
		}
	}
	// "I" and "see" only as "I see"; "then" only after another token.
	if len(ws) == 1 && (eqFold(ws[0], "i") || eqFold(ws[0], "see") || eqFold(ws[0], "then")) {
		return false, false
	}
	return true, continuer
}

// IsRepairInitiation: a question that treats the other speaker's last
// utterance as trouble (other-initiated repair, after Schegloff, Jefferson
// and Sacks 1977). It must follow another speaker's utterance and be:
//
//   - open-class: at most three words all from "what", "pardon", "sorry",
//     "huh", "eh", "excuse me", "come again", "you what", "say again";
//   - a request to repeat or clarify: "what did you say", "say that again",
//     "what do you mean", "did you say", "do you mean";
//   - restricted: up to four words ending in a wh-word ("you went where?",
//     "the what?"), or up to four words all taken from the previous
//     utterance (a partial repeat: "on Tuesday?").
func IsRepairInitiation(u *Utterance, ws []string, prevOther []string, afterOther bool) bool {
	if !u.IsQuestion() || !afterOther {
		return false
	}
	if len(ws) == 0 {
		return false
	}
	if len(ws) <= 3 {
		all := true
		for _, w := range ws {
			if !in(openRepairs, w) {
				all = false
				break
			}
		}
		if all && !(len(ws) == 1 && (eqFold(ws[0], "you") || eqFold(ws[0], "me") || eqFold(ws[0], "again") || eqFold(ws[0], "come"))) {
			return true
		}
	}
	if hasSeq(ws, "what", "did", "you", "say") || hasSeq(ws, "say", "that", "again") || hasSeq(ws, "what", "do", "you", "mean") ||
		hasSeq(ws, "did", "you", "say") || hasSeq(ws, "do", "you", "mean") {
		return true
	}
	if len(ws) <= 4 && len(ws) >= 2 && in(whWords, ws[len(ws)-1]) {
		return true
	}
	if len(ws) <= 4 && len(prevOther) > 0 {
		for _, w := range ws {
			found := false
			for _, p := range prevOther {
				if equalWord(w, p) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	}
	return false
}

// equalWord compares words ignoring case (Unicode-aware only when needed).
func equalWord(a, b string) bool {
	if len(a) != len(b) {
		return asciiFoldFallback(a, b)
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x >= 0x80 || y >= 0x80 {
			return asciiFoldFallback(a, b)
		}
		if x >= 'A' && x <= 'Z' {
			x += 'a' - 'A'
		}
		if y >= 'A' && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// hasYou reports whether a word starts with "you" (you, your, you've,
// you'll): every phrase rule for offers and directives has one, so this
// cheap test spares most utterances the phrase search.
func hasYou(ws []string) bool {
	for _, w := range ws {
		if len(w) >= 3 && (w[0]|0x20) == 'y' && (w[1]|0x20) == 'o' && (w[2]|0x20) == 'u' {
			return true
		}
	}
	return false
}
