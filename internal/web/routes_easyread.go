package web

import "github.com/coprod/coprod/internal/pictures"

// easyReadRoutes are the picture choosers of the things members read in
// Easy Read (a voice item's too), the Easy Read version of a proposal that
// staff write, and dot voting by buttons.
func (s *Server) easyReadRoutes() []route {
	return []route{
		{"POST /rounds/{id}/vision/dots", s.dotStep},
		{"GET /rounds/{id}/vision/{item}/picture", s.pictureForm(pictures.KindVision)},
		{"POST /rounds/{id}/vision/{item}/picture", s.pictureChoose(pictures.KindVision)},
		{"GET /rounds/{id}/measures/{item}/picture", s.pictureForm(pictures.KindMeasure)},
		{"POST /rounds/{id}/measures/{item}/picture", s.pictureChoose(pictures.KindMeasure)},
		{"GET /rounds/{id}/decisions/{item}/picture", s.pictureForm(pictures.KindProposal)},
		{"POST /rounds/{id}/decisions/{item}/picture", s.pictureChoose(pictures.KindProposal)},
		{"GET /rounds/{id}/decisions/{pid}/easy-read", s.decisionEasyReadForm},
		{"POST /rounds/{id}/decisions/{pid}/easy-read", s.decisionEasyRead},
		{"GET /ledger/items/{id}/picture", s.pictureForm(pictures.KindVoiceItem)},
		{"POST /ledger/items/{id}/picture", s.pictureChoose(pictures.KindVoiceItem)},
	}
}

// easyReadPages are this area's pages.
var easyReadPages = []pageType{pictureChoosePage, decisionEasyReadPage}

// easyReadFlash are this area's confirmations.
var easyReadFlash = map[string]string{
	"picture-chosen":    "Picture saved.",
	"easy-read-written": "The Easy Read version is saved.",
}
