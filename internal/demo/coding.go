package demo

import (
	"context"
	"strings"

	"github.com/coprod/coprod/internal/audit"
	"github.com/coprod/coprod/internal/pdftext"
	"github.com/coprod/coprod/internal/pdfwrite"
	"github.com/coprod/coprod/internal/qda"
)

// codedSentence is one sentence of a demo source and the codes each of the
// two demo coders gave it (the researcher first, then the second coder).
type codedSentence struct {
	text   string
	first  []string
	second []string
}

type codingSource struct {
	title, attribute string
	sentences        []codedSentence
	// pdfPage2 > 0 makes the source a PDF, as policies mostly are, whose
	// second page starts at that sentence: it is written with pdfwrite and
	// read back with pdftext, as an upload is.
	pdfPage2 int
}

// Short abbreviations of the Social Practice Theory preset's codes.
const (
	equip   = "Equipment and technology"
	places  = "Places and buildings"
	ownSkl  = "Skills of the disabled person"
	supSkl  = "Skills of supporters"
	indep   = "Independence and control"
	risk    = "Risk and safety"
	enables = "Enables"
	disabl  = "Disables"
	matComp = "Materials and competences"
	meanMat = "Meanings and materials"
)

func cs(text string, first, second []string) codedSentence { return codedSentence{text, first, second} }
func c(names ...string) []string                           { return names }

// codingSources are six made-up narratives and two made-up policy excerpts
// about getting out and about, coded by both demo coders, who mostly agree.
var codingSources = []codingSource{
	{"Narrative 1: the library ramp", "before", []codedSentence{
		cs("I use my wheelchair to get to the library on Tuesdays.", c(equip), c(equip)),
		cs("The ramp at the side door is too steep for me to push up alone.", c(places, disabl), c(places, disabl)),
		cs("Staff have to fetch a portable ramp, and I wait outside until they do.", c(supSkl, disabl), c(equip, disabl)),
		cs("It makes me feel like a visitor in my own town.", c(indep), c(indep)),
	}, 0},
	{"Narrative 2: the bus", "before", []codedSentence{
		cs("The drivers on the number 12 know how to lower the ramp.", c(supSkl, matComp), c(supSkl, matComp)),
		cs("On other routes I have been left at the stop twice this month.", c(disabl), c(disabl)),
		cs("I plan every trip the night before in case something goes wrong.", c(ownSkl, risk), c(ownSkl)),
	}, 0},
	{"Narrative 3: learning the route", "after", []codedSentence{
		cs("My sister taught me the route to the day centre on the tram.", c(ownSkl), c(ownSkl, supSkl)),
		cs("Now I go on my own and text her when I arrive.", c(indep, enables), c(indep, enables)),
		cs("The app that shows when the lift is broken helps a lot.", c(equip, enables), c(equip, enables)),
	}, 0},
	{"Narrative 4: the hoist", "after", []codedSentence{
		cs("Since the staff learnt to use the new hoist, I can get up when I choose.", c(matComp, enables), c(matComp, enables)),
		cs("Before that I stayed in bed until two people were on shift.", c(supSkl, disabl), c(disabl)),
		cs("Choosing my own time feels like my life is mine again.", c(indep), c(indep)),
	}, 0},
	{"Narrative 5: the café", "before", []codedSentence{
		cs("The café has a step, so my friends meet me at the chain place instead.", c(places, disabl), c(places, disabl)),
		cs("Nobody asked me where I wanted to go.", c(indep, disabl), c(indep)),
		cs("I stopped saying anything because it felt like a fuss.", c(indep), c(risk)),
	}, 0},
	{"Narrative 6: going out alone", "after", []codedSentence{
		cs("They used to say it was not safe for me to go out alone.", c(risk, disabl), c(risk, disabl)),
		cs("We wrote a plan together for what to do if my chair breaks down.", c(ownSkl, supSkl), c(supSkl, matComp)),
		cs("With the plan and a charged phone, I go to the market every Saturday.", c(meanMat, enables), c(meanMat, enables)),
	}, 0},
	{"Policy excerpt: transport strategy, section 4", "", []codedSentence{
		cs("All new buses will carry a powered ramp and audio announcements.", c(equip), c(equip)),
		cs("Drivers will complete disability awareness training every two years.", c(supSkl), c(supSkl)),
		cs("Passengers who need help boarding should book assistance 24 hours ahead.", c(disabl), c(risk, disabl)),
	}, 2},
	{"Policy excerpt: day services review, paragraph 12", "", []codedSentence{
		cs("People who use day services will choose their own activities and times.", c(indep, enables), c(indep, enables)),
		cs("Buildings will be assessed for step-free access by March.", c(places), c(places)),
		cs("Staff will be supported to take reasonable risks with the people they support.", c(supSkl, risk), c(supSkl, risk)),
	}, 0},
}

// seedCoding creates the research organisation's coding project: the
// Social Practice Theory codebook, the sources above with consent noted,
// coded blind by the demo researcher and a second coder, both submitted,
// so the comparison and the agreement can be seen at once, and the first
// narrative reconciled.
func seedCoding(ctx context.Context, s Store, orgID string) error {
	researcher, err := s.UserByEmail(ctx, "researcher@demo.test")
	if err != nil {
		return err
	}
	second, err := s.CreateUser(ctx, "second.coder@demo.test", "Jordan Reid", "")
	if err != nil {
		return err
	}
	asResearcher := audit.WithActor(ctx, researcher.ID)
	n := qda.NewProject{OrgID: orgID, Title: "Getting out and about", Blind: true,
		Description: "Narratives of disabled people about getting out and about, and two policy excerpts (one read from a PDF), coded with Social Practice Theory."}
	if err := n.Validate(); err != nil {
		return err
	}
	p, err := s.CreateProject(asResearcher, n)
	if err != nil {
		return err
	}
	// Only the organisation's members code its projects.
	if err := s.AddMember(ctx, second.ID, orgID); err != nil {
		return err
	}
	if err := s.AddCoder(asResearcher, p.ID, second.ID); err != nil {
		return err
	}
	if err := s.AddPreset(asResearcher, p.ID, qda.SocialPracticeTheory()); err != nil {
		return err
	}
	codes, err := s.Codes(ctx, p.ID)
	if err != nil {
		return err
	}
	ids := map[string]string{}
	for _, c := range codes {
		ids[c.Name] = c.ID
	}
	asSecond := audit.WithActor(ctx, second.ID)
	for _, source := range codingSources {
		text, pages, err := source.text()
		if err != nil {
			return err
		}
		ns := qda.NewSource{ProjectID: p.ID, Title: source.title, Text: text, PageStarts: pages, Units: qda.Sentences, Attribute: source.attribute,
			ConsentNote: "Made-up text for the demonstration; no real person's words."}
		if err := ns.Validate(); err != nil {
			return err
		}
		src, err := s.AddSource(asResearcher, ns)
		if err != nil {
			return err
		}
		for i, sentence := range source.sentences {
			for _, by := range []struct {
				ctx   context.Context
				names []string
			}{{asResearcher, sentence.first}, {asSecond, sentence.second}} {
				var codeIDs []string
				for _, name := range by.names {
					codeIDs = append(codeIDs, ids[name])
				}
				if err := s.CodeUnit(by.ctx, src.ID, i, codeIDs); err != nil {
					return err
				}
			}
		}
	}
	if err := s.Submit(asResearcher, p.ID); err != nil {
		return err
	}
	if err := s.Submit(asSecond, p.ID); err != nil {
		return err
	}
	// The researcher has reconciled the first narrative's differences.
	first := codingSources[0].sentences
	sources, err := s.Sources(ctx, p.ID)
	if err != nil {
		return err
	}
	for i, sentence := range first {
		if strings.Join(sentence.first, "|") == strings.Join(sentence.second, "|") {
			continue
		}
		if err := s.Decide(asResearcher, sources[0].ID, i, []string{ids[supSkl], ids[equip], ids[disabl]}); err != nil {
			return err
		}
	}
	return seedOffers(asResearcher, s, p.ID, researcher.ID)
}

// text is a demo source's text, and for a PDF where its pages start.
func (src codingSource) text() (string, []int, error) {
	var texts []string
	for _, sentence := range src.sentences {
		texts = append(texts, sentence.text)
	}
	if src.pdfPage2 == 0 {
		return strings.Join(texts, " "), nil, nil
	}
	doc, err := pdftext.Read(pdfwrite.Text([][]string{{strings.Join(texts[:src.pdfPage2], " ")}, {strings.Join(texts[src.pdfPage2:], " ")}}))
	if err != nil {
		return "", nil, err
	}
	text, pages := qda.JoinPages(doc.Pages)
	return text, pages, nil
}
