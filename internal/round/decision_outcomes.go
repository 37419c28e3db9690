package round

// LinkedOutcome is a real outcome of the round with its name, for people
// choosing what an impact statement links to and reading what it linked.
type LinkedOutcome struct {
	OutcomeRef
	Name string // the contract's or tender's title, or what the ledger item said
}

// Key is the outcome as one form value, "kind:id".
func (o LinkedOutcome) Key() string { return string(o.Kind) + ":" + o.ID }
