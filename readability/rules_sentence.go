package readability

import "fmt"

// Forms of "to be" that start a passive ("is sent", "will be sent",
// "has been sent").
var beForms = map[string]bool{
	"am": true, "is": true, "are": true, "was": true, "were": true, "be": true,
	"been": true, "being": true, "i'm": true, "it's": true, "he's": true, "she's": true,
	"you're": true, "we're": true, "they're": true, "that's": true, "there's": true,
}

// Words that may sit between the verb and the participle: "is not
// sent", "will be quickly sent".
var passiveGap = map[string]bool{
	"not": true, "also": true, "then": true, "now": true, "often": true, "usually": true,
	"always": true, "never": true, "already": true, "still": true, "just": true, "being": true,
	"been": true, "only": true, "all": true, "normally": true, "sometimes": true,
}

// Irregular past participles (regular ones end in -ed).
var irregularParticiples = map[string]bool{
	"given": true, "taken": true, "seen": true, "done": true, "made": true, "sent": true,
	"told": true, "paid": true, "held": true, "kept": true, "written": true, "known": true,
	"shown": true, "found": true, "left": true, "brought": true, "bought": true, "thought": true,
	"caught": true, "taught": true, "met": true, "put": true, "set": true, "cut": true,
	"heard": true, "built": true, "chosen": true, "driven": true, "eaten": true, "forgotten": true,
	"hidden": true, "lost": true, "meant": true, "spent": true, "spoken": true, "stolen": true,
	"sold": true, "understood": true, "won": true, "worn": true, "broken": true, "drawn": true,
	"grown": true, "thrown": true, "begun": true, "sung": true, "shut": true, "hurt": true,
	"led": true, "fed": true, "read": true, "said": true, "got": true, "gotten": true,
	"felt": true, "struck": true, "sought": true, "bound": true,
	"forbidden": true, "frozen": true, "woken": true, "undertaken": true, "overseen": true,
	"withdrawn": true, "withheld": true, "upheld": true, "forgiven": true, "mistaken": true,
}

// Words ending in -ed that usually describe a state after "be" rather
// than an action done to someone ("I am tired", "we are pleased").
var edAdjectives = map[string]bool{
	"tired": true, "interested": true, "worried": true, "pleased": true, "concerned": true,
	"married": true, "excited": true, "bored": true, "scared": true, "confused": true,
	"supposed": true, "used": true, "delighted": true, "satisfied": true, "disappointed": true,
	"surprised": true, "frightened": true, "annoyed": true, "embarrassed": true, "relieved": true,
	"ashamed": true, "aged": true, "based": true, "entitled": true, "registered": true,
	"qualified": true, "experienced": true, "shared": true, "need": true, "red": true, "bed": true,
	"shed": true, "sacred": true, "naked": true, "wicked": true, "ragged": true, "rugged": true,
	"hundred": true, "kindred": true, "wretched": true, "unwanted": true, "unexpected": true,
	"detailed": true, "limited": true, "related": true, "advanced": true, "complicated": true,
	"involved": true, "prepared": true, "determined": true, "committed": true, "closed": true,
	"open": true, "engaged": true, "dedicated": true, "skilled": true, "talented": true,
}

func isParticiple(w []byte) bool {
	if irregularParticiples[string(w)] {
		return true
	}
	return len(w) > 4 && w[len(w)-2] == 'e' && w[len(w)-1] == 'd' && !edAdjectives[string(w)]
}

// rulePassive flags a form of "be", optionally followed by a word from
// passiveGap, then a past participle: "will be sent", "is not needed".
func (a *analyzer) rulePassive() {
	for i := 0; i < len(a.toks); i++ {
		if a.info[i].flags&fBe == 0 {
			continue
		}
		j := i + 1
		for j < len(a.toks) && j < i+3 && a.info[j].flags&fGap != 0 {
			j++
		}
		if j >= len(a.toks) || a.toks[j].number || a.info[j].flags&fParticiple == 0 {
			continue
		}
		start, end := a.toks[i].start, a.toks[j].end
		a.issue(RulePassiveVoice, start, end,
			fmt.Sprintf("%q may be passive voice.", a.text[start:end]),
			"Say who does the action: \"we will send you a letter\", not \"a letter will be sent\".")
		i = j
	}
}

// Words that join two ideas in one sentence.
var ideaJoiners = map[string]bool{
	"because": true, "although": true, "though": true, "whereas": true, "however": true,
	"unless": true, "which": true, "while": true, "whilst": true, "therefore": true,
	"moreover": true, "furthermore": true, "otherwise": true,
}

// ruleOneIdea flags, in sentences long enough to hold two ideas, the
// first place where a second idea is joined on: a semicolon, a joining
// word ("because", "which"), or ", and" / ", but" / ", so" / ", or".
func (a *analyzer) ruleOneIdea() {
	if len(a.toks) < a.p.OneIdeaMinWords {
		return
	}
	for i := 1; i < len(a.toks); i++ {
		w := a.lw(i)
		gap := a.text[a.toks[i-1].end:a.toks[i].start]
		joined := a.info[i].flags&fJoiner != 0
		if !joined && hasByte(gap, ',') {
			switch string(w) {
			case "and", "but", "so", "or", "then":
				joined = true
			}
		}
		if hasByte(gap, ';') {
			joined = true
		}
		if !joined {
			continue
		}
		t := a.toks[i]
		a.issue(RuleOneIdea, t.start, t.end,
			fmt.Sprintf("This sentence joins more than one idea at %q.", a.word(i)),
			"Give each idea a sentence of its own.")
		return
	}
}

func hasByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}
