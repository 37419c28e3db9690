package web

// easyReadCheckView is what the Easy Read checker says of the Easy Read
// text staff wrote for the group (a measure, a proposal, a voice item), to
// show beside its box when the form comes back.
type easyReadCheckView struct {
	Checked bool // there was text to check
	Issues  []string
}

// easyReadCheck runs the product's readability checker, with its Easy Read
// profile, on text; nothing is checked for no text.
func easyReadCheck(text string) easyReadCheckView {
	if text == "" {
		return easyReadCheckView{}
	}
	return easyReadCheckView{Checked: true, Issues: easyReadIssues(text)}
}
