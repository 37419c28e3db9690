package demo

import (
	"context"

	"github.com/coprod/coprod/internal/infocheck"
)

// An appointment letter before and after the group rewrote it, for the
// accessible-information library. Made up, in the style of real NHS letters.
const letterBefore = `Dear Mr Ahmed,

RE: OUTPATIENT APPOINTMENT

In order to facilitate the continuation of your care, an appointment has been arranged for you with the Community Mental Health Team (CMHT) on 03/04/2027 at 14:00 hrs. You will be seen by a member of the multidisciplinary team who will undertake a holistic assessment of your needs.

Please be advised that it is essential that you attend this appointment. Should you be unable to attend, it is imperative that you contact the booking office at your earliest convenience so that the appointment can be reallocated to another patient.

Yours sincerely,

Outpatient Booking Team`

const letterAfter = `Dear Mr Ahmed,

Your appointment

You have an appointment with the mental health team.

When: Saturday 3 April 2027 at 2pm.
Where: Eastgate Health Centre, Room 4.

You will meet Sam, a support worker. Sam will ask how things are going and what help you want.

You can bring someone with you.

If you cannot come, please phone us on 0117 496 0123. We will find another time.

From the booking team`

func seedChecks(ctx context.Context, s Store, orgID string) error {
	for _, c := range []infocheck.NewCheck{
		{OrgID: orgID, Title: "Outpatient appointment letter, version 1", Format: "text", Profile: "plain", Source: letterBefore},
		{OrgID: orgID, Title: "Outpatient appointment letter, version 2 (rewritten with the group)", Format: "text", Profile: "plain", Source: letterAfter},
	} {
		if _, err := s.CreateCheck(ctx, c); err != nil {
			return err
		}
	}
	return nil
}
