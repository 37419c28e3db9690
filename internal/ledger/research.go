package ledger

// SourceResearch is a coded segment of qualitative research that a
// researcher offered a round and the round took into the ledger
// (internal/qda). The product makes it itself, so forms do not offer it
// (Sources).
const SourceResearch Source = "research"

// SaidInResearch is who a research item is shown as said by: the people
// whose words the research coded, never named, and not the round's group.
const SaidInResearch = "People who took part in research"
