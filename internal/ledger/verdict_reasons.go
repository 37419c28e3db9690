package ledger

// VerdictReason is a reason a member can choose for a verdict instead of
// typing one, in Easy Read words, with the key of its picture in
// internal/pictures.
type VerdictReason struct {
	Key, Words, Picture string
}

// VerdictReasons are the reasons offered, from what group members most
// often say about whether a promise changed things.
var VerdictReasons = []VerdictReason{
	{"better-for-me", "It is better for me now", "happy"},
	{"nothing-different", "Nothing has changed for me", "tired"},
	{"still-waiting", "I still wait too long", "wait"},
	{"listened-to", "Staff listen to me now", "listen"},
	{"not-listened-to", "Staff still do not listen to me", "sad"},
	{"easier-to-read", "Letters are clear to read now", "letter"},
	{"feel-safer", "I feel safer now", "safe"},
	{"too-soon", "It is too soon to tell", "time"},
}

func verdictReasonWords(key string) (string, bool) {
	for _, r := range VerdictReasons {
		if r.Key == key {
			return r.Words, true
		}
	}
	return "", false
}
