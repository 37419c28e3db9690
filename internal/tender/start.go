package tender

import "github.com/coprod/coprod/internal/apperr"

// CheckStart says whether a tender may be started in a round: only once the
// round is published, because publishing locks the group's stake, the share
// of the marks every invitation to tender in the round must give the lived
// experience panel.
func CheckStart(roundPublished bool) error {
	if !roundPublished {
		return apperr.Errorf(apperr.Conflict, "A tender can only be started once the round is published, because publishing locks the group's stake that the tender must give the lived experience panel. Publish the round first.")
	}
	return nil
}
