package demo

import (
	"context"
	"strings"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/study"
	"github.com/coprod/coprod/transcript"
)

// Four made-up sessions between Jess, a personal assistant, and Tom, the
// man she supports: two before the study's intervention (choice-focused
// training for personal assistants) with more directives and yes/no
// questions, two after with more choices put to Tom. Written in four
// formats; the last is stored with names replaced by roles.
const studyReadyToGo = `@UTF8
@Begin
@Languages:	eng
@Participants:	JES Jess Personal_Assistant, TOM Tom Person_Supported
@ID:	eng|coprod|JES|||||Personal_Assistant|||
@ID:	eng|coprod|TOM|||||Person_Supported|||
@Situation:	getting ready to go to the shops; made-up demo data
*JES:	right Tom , put your shoes on please .
*TOM:	&-um okay .
*JES:	have you got your wallet ?
*TOM:	yeah .
*JES:	is it in your pocket ?
*TOM:	no .
*JES:	go and get it then .
*TOM:	it's in the kitchen .
*JES:	you need to get your coat too , it's cold .
*TOM:	I want the blue one .
*JES:	put the black one on , it's warmer .
*TOM:	okay .
*JES:	did you take your tablets ?
*TOM:	yes .
*JES:	come on then , let's go .
@End
`

const studyMakingLunch = `Making lunch in Tom's kitchen (made-up demo data)

JESS:  Okay Tom, get the bread out.
TOM:   This one?
JESS:  Yeah. Put two slices on the plate.
       (1.2)
TOM:   Cheese?
JESS:  You're having ham today.
TOM:   Oh.
JESS:  Can you get the butter from the fridge?
TOM:   Mhm.
JESS:  Don't use that knife, use this one.
TOM:   Sorry.
JESS:  Is that enough?
TOM:   Yeah.
JESS:  Right, sit down and eat it.
`

const studyAfternoon = `WEBVTT - Planning the afternoon (made-up demo data)

00:00:00.000 --> 00:00:03.000
<v Jess>What would you like to do this afternoon, Tom?

00:00:04.200 --> 00:00:05.600
<v Tom>Um, go out.

00:00:05.800 --> 00:00:08.900
<v Jess>Do you want to go to the park or the café?

00:00:10.100 --> 00:00:11.000
<v Tom>The café.

00:00:11.200 --> 00:00:13.500
<v Jess>Lovely. Which café do you prefer?

00:00:14.000 --> 00:00:16.200
<v Tom>The one by the library. They've got cake.

00:00:16.400 --> 00:00:18.800
<v Jess>It's up to you when we go.

00:00:19.300 --> 00:00:20.600
<v Tom>After my programme.

00:00:20.800 --> 00:00:22.700
<v Jess>Okay. Shall we walk or get the bus?

00:00:23.500 --> 00:00:24.600
<v Tom>Walk.

00:00:24.700 --> 00:00:27.000
<v Tom>Can we see Dad after?

00:00:27.200 --> 00:00:29.000
<v Jess>If you want to, yes.
`

const studyBreakfast = `1
00:00:00,000 --> 00:00:02,500
Jess: Morning Tom. How did you sleep?

2
00:00:03,100 --> 00:00:04,000
Tom: Good.

3
00:00:04,200 --> 00:00:07,000
Jess: What do you fancy for breakfast, toast or cereal?

4
00:00:07,800 --> 00:00:08,600
Tom: Toast.

5
00:00:08,800 --> 00:00:10,900
Jess: Do you want to make it or shall I?

6
00:00:11,500 --> 00:00:12,700
Tom: I'll do it.

7
00:00:12,900 --> 00:00:14,600
Jess: Great. Which jam would you like?

8
00:00:15,200 --> 00:00:16,900
Tom: Strawberry. Where's the jam?

9
00:00:17,100 --> 00:00:18,800
Jess: In the cupboard, on the left.

10
00:00:19,000 --> 00:00:21,400
Tom: What are we doing today?

11
00:00:21,600 --> 00:00:24,800
Jess: Your choice. We could go swimming or see your sister.

12
00:00:25,300 --> 00:00:26,400
Tom: Swimming.
`

type studySession struct {
	title, date, file, source, roles string
	replaceNames                     bool
}

var studySessions = []studySession{
	{"Getting ready to go to the shops", "2026-09-14", "ready-to-go.cha", studyReadyToGo, "", false},
	{"Making lunch", "2026-09-28", "making-lunch.txt", studyMakingLunch, "JESS=supporter, TOM=supported", false},
	{"Planning the afternoon", "2026-10-26", "afternoon.vtt", studyAfternoon, "Jess=supporter, Tom=supported", false},
	{"Breakfast", "2026-11-09", "breakfast.srt", studyBreakfast, "Jess=supporter, Tom=supported", true},
}

// seedStudy creates the research organisation's study, uploaded by the
// demo researcher so the consent records name them.
func seedStudy(ctx context.Context, s Store, orgID string) error {
	if r, err := s.UserByEmail(ctx, "researcher@demo.test"); err == nil {
		ctx = audit.WithActor(ctx, r.ID)
	}
	n := study.NewStudy{OrgID: orgID, Title: "Choice and control in everyday personal assistance",
		Description:      "How a personal assistant and the man she supports talk during everyday tasks, before and after choice-focused training for personal assistants.",
		InterventionDate: "2026-10-12"}
	if err := n.Validate(); err != nil {
		return err
	}
	st, err := s.CreateStudy(ctx, n)
	if err != nil {
		return err
	}
	for _, d := range studySessions {
		nt, err := studyTranscript(st.ID, d)
		if err != nil {
			return err
		}
		if _, err := s.CreateTranscript(ctx, nt); err != nil {
			return err
		}
	}
	return nil
}

// studyTranscript prepares a session the way the upload page does.
func studyTranscript(studyID string, d studySession) (study.NewTranscript, error) {
	format, _ := transcript.Detect(d.file, []byte(d.source))
	tr, err := transcript.Read(format, d.file, strings.NewReader(d.source))
	if err != nil {
		return study.NewTranscript{}, err
	}
	given, err := study.ParseRoles(d.roles)
	if err != nil {
		return study.NewTranscript{}, err
	}
	ids, roles, err := study.PrepareRoles(tr, given)
	if err != nil {
		return study.NewTranscript{}, err
	}
	n := study.NewTranscript{StudyID: studyID, Title: d.title, SessionDate: d.date, FileName: d.file, Format: format, Source: d.source,
		Participants: ids, Roles: roles, ConsentConfirmed: true,
		ConsentNote: "Jess and Tom each agreed using the easy read consent form, with Tom's advocate there; they can withdraw at any time."}
	if d.replaceNames {
		a, err := study.WithoutNames(tr, roles)
		if err != nil {
			return study.NewTranscript{}, err
		}
		n.Source, n.Format, n.FileName, n.Participants, n.Roles, n.NamesReplaced = a.Source, transcript.FormatCHAT, a.FileName, a.Participants, a.Roles, true
		n.Title, n.ConsentNote = a.Text(n.Title), a.Text(n.ConsentNote)
	}
	return n, n.Validate()
}
