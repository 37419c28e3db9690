package qda

// PresetCode is one code of a preset or imported codebook. Key names it
// among the others (its name when empty) and Parent is the key of the code
// it sits under ("" at the top).
type PresetCode struct {
	Key          string
	Parent       string
	Name         string
	Definition   string
	WhenToUse    string
	WhenNotToUse string
	Example      string
	Color        string
}

// SocialPracticeTheory is the preset codebook after Shove, Pantzar and
// Watson (The Dynamics of Social Practice, 2012): a practice is made of
// materials, competences and meanings, and changes when the links between
// them change. Each coded segment can also say whether the practice, as
// described, enables or disables the disabled person. The colours are
// distinct from each other, and pages always show the name with them.
func SocialPracticeTheory() []PresetCode {
	return []PresetCode{
		{"", "", "Materials", "The things, technologies, places and bodies a practice uses.",
			"A segment about equipment, buildings, transport, money or the body.", "Skills (Competences) or what something means to people (Meanings).",
			"“The ramp at the library is too steep.”", "#1f77b4"},
		{"", "Materials", "Equipment and technology", "Aids, devices and technology used in the practice.",
			"Wheelchairs, hoists, phones, apps, communication aids.", "Buildings and places: use Places and buildings.",
			"“I use my wheelchair to get to the café.”", "#4e9ad6"},
		{"", "Materials", "Places and buildings", "The physical settings of the practice.",
			"Homes, streets, shops, day centres, the layout of a room.", "Objects carried or worn: use Equipment and technology.",
			"“The doorway is too narrow.”", "#17becf"},
		{"", "Materials", "Bodies and health", "The body as part of the practice: energy, pain, health.",
			"A segment where the body makes something possible or hard.", "Feelings about the body: use Meanings.",
			"“By the afternoon I have no energy left.”", "#0b6e8a"},
		{"", "", "Competences", "The skills, know-how and understanding a practice needs.",
			"A segment about knowing how to do something, learning or teaching.", "The tools used (Materials) or why it matters (Meanings).",
			"“My sister taught me to ask for the portable ramp.”", "#d95f02"},
		{"", "Competences", "Skills of the disabled person", "What the disabled person knows how to do.",
			"Their own skills, tactics and ways of getting things done.", "Skills of staff or family: use Skills of supporters.",
			"“I know which buses have the lift.”", "#f28e2b"},
		{"", "Competences", "Skills of supporters", "What staff, family or supporters know how to do.",
			"Training, habits and know-how of the people around them.", "The disabled person's own skills.",
			"“Staff learnt how to fold the chair.”", "#b3590a"},
		{"", "", "Meanings", "The ideas, values and feelings that give the practice its sense.",
			"A segment about what something means, hopes, fears, identity, rules and norms.", "The skills (Competences) or things (Materials) themselves.",
			"“Going in alone means I am not a burden.”", "#1a9850"},
		{"", "Meanings", "Independence and control", "Choice, control and doing things on one's own terms.",
			"Segments about deciding for oneself, or not being asked.", "Physical ability: use Bodies and health.",
			"“Nobody asked me first.”", "#66bd63"},
		{"", "Meanings", "Risk and safety", "How risk, danger and safety are understood and by whom.",
			"Worries about harm, or rules made in the name of safety.", "Risks that are only about equipment failing: use Materials.",
			"“They said it was not safe for me to go alone.”", "#006837"},
		{"", "", "Links between elements", "How materials, competences and meanings connect, or stop connecting.",
			"A segment where a change in one element changes another.", "A segment about one element alone.",
			"“Once staff learnt the hoist, going out felt normal again.”", "#7b3294"},
		{"", "Links between elements", "Materials and competences", "A thing needs a skill, or a skill depends on a thing.",
			"Learning to use equipment; equipment that makes a skill unnecessary.", "Links that involve what things mean.",
			"“Staff learnt how to fold the chair.”", "#9e6ebd"},
		{"", "Links between elements", "Competences and meanings", "A skill changes what something means, or a meaning calls for a skill.",
			"Learning that changes confidence or identity.", "Links that involve things.",
			"“Since I learnt the route, I feel I belong in town.”", "#5e2a7e"},
		{"", "Links between elements", "Meanings and materials", "A thing carries a meaning, or a meaning shapes which things are used.",
			"Equipment seen as a sign of dependence or of freedom.", "Links that involve skills.",
			"“The ramp means I can go in without asking.”", "#c2a5cf"},
		{"", "", "Effect on the disabled person", "Whether the practice, as described, enables or disables the disabled person.",
			"Alongside another code, on the same segment.", "On its own: say what the practice is with another code.",
			"", "#8c510a"},
		{"", "Effect on the disabled person", "Enables", "The practice makes things possible for the disabled person.",
			"More choice, access, control or participation.", "When the effect is mixed: code both.",
			"“Now staff bring it without being asked.”", "#35978f"},
		{"", "Effect on the disabled person", "Disables", "The practice takes something away from the disabled person.",
			"Barriers, exclusion, loss of choice or control.", "Impairment itself: disabling is what the practice does.",
			"“So I can't go in alone.”", "#a6611a"},
	}
}
