// Package refiqda reads and writes the REFI-QDA exchange formats (version
// 1.5 of the standard, schema of March 2019) that NVivo, ATLAS.ti, MAXQDA,
// QualCoder and others use to move qualitative coding between programs:
// the project exchange file .qdpx (a zip of project.qde and a sources
// folder) and the codebook exchange file .qdc.
//
// It keeps what Coprod's coding uses: users, codes with their hierarchy,
// descriptions and colours, text sources, plain-text selections (start and
// end as Unicode code point offsets into the source's text, the first
// character being 0 and the end not included, as the tools write them),
// the codings on each selection and who made them, and notes (memos) with
// what they are attached to. Everything else a file may hold (cases,
// variables, sets, links, graphs, pictures, PDF, audio and video sources,
// codings of a whole source) is named in Project.Skipped, so an importer can
// tell people what was left behind, as the standard asks (section 7).
//
// Reading checks the file as it goes and stops at the first problem with
// an error naming the part of the file that is wrong. The package is pure:
// it imports nothing from Coprod and touches no database.
package refiqda
