package findings

// Picture keys the generator uses. They name pictures of the product's
// picture set (internal/pictures); a test checks each one is there.
const (
	PicStory    = "story"
	PicChange   = "change"
	PicCheck    = "check"
	PicTalk     = "talk"
	PicVote     = "vote"
	PicIdea     = "idea"
	PicTime     = "time"
	PicMoney    = "money"
	PicContract = "service"
	PicAgree    = "agree"
	PicNotSure  = "not-sure"
	PicDisagree = "disagree"
	PicHelp     = "help"
	PicMeasure  = "measure"
)

// domainPictures picture the parts of life a factor belongs to
// (evidence.Domains).
var domainPictures = map[string]string{
	"health":         "doctor",
	"relationships":  "friend",
	"home":           "home",
	"money":          "money",
	"work_learning":  "school",
	"community":      "meeting",
	"choice_control": "choose",
	"safety":         "safe",
	"identity":       "person",
}

// DomainPicture is the picture for a factor's part of life.
func DomainPicture(domain string) string {
	if p, ok := domainPictures[domain]; ok {
		return p
	}
	return PicHelp
}

// UsedPictures lists every key the generator may give a point.
func UsedPictures() []string {
	out := []string{PicStory, PicChange, PicCheck, PicTalk, PicVote, PicIdea, PicTime, PicMoney, PicContract,
		PicAgree, PicNotSure, PicDisagree, PicHelp, PicMeasure}
	for _, p := range domainPictures {
		out = append(out, p)
	}
	return out
}
