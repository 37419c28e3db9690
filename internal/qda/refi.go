package qda

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"

	"github.com/coprod/coprod/internal/refiqda"
)

// Export is a project with everything its REFI-QDA file holds.
type Export struct {
	Project  Project
	Coders   map[string]string // user id → name
	Codes    []Code
	Sources  []Source
	Segments []Segment
	// Memos are the memos on sources and codes; their authors must be
	// among Coders (the users of the file).
	Memos []Memo
}

// REFI turns a project into REFI-QDA: its codebook with the hierarchy and
// colours (definitions, when to use and when not, and examples go in each
// code's description), its sources, and each segment as a selection coded
// by its coder, its memo as a note. Coprod's ids become GUIDs by hashing,
// so the same project always exports the same GUIDs.
func REFI(e Export) (refiqda.Project, error) {
	p := refiqda.Project{Name: e.Project.Title, Origin: "Coprod", Description: e.Project.Description}
	coders := make([]string, 0, len(e.Coders))
	for id := range e.Coders {
		coders = append(coders, id)
	}
	slices.Sort(coders)
	for _, id := range coders {
		p.Users = append(p.Users, refiqda.User{GUID: GUID("user", id), Name: e.Coders[id]})
	}
	roots, err := Tree(e.Codes)
	if err != nil {
		return p, err
	}
	// Memos on sources and codes become notes the source or code refers to.
	noteRefs := map[string][]string{}
	for _, m := range e.Memos {
		name, ok := e.Coders[m.AuthorID]
		if !ok {
			return p, fmt.Errorf("a memo is by someone who is not one of the file's users")
		}
		note := refiqda.Note{GUID: GUID("memo", string(m.Target)+"/"+m.TargetID+"/"+m.AuthorID), Name: "Memo by " + name, Text: m.Body,
			CreatingUser: GUID("user", m.AuthorID)}
		p.Notes = append(p.Notes, note)
		key := string(m.Target) + "/" + m.TargetID
		noteRefs[key] = append(noteRefs[key], note.GUID)
	}
	p.Codes = refiCodes(roots, noteRefs)
	bySource := map[string][]Segment{}
	for _, s := range e.Segments {
		bySource[s.SourceID] = append(bySource[s.SourceID], s)
	}
	for _, src := range e.Sources {
		rs := refiqda.Source{GUID: GUID("source", src.ID), Name: src.Title, Text: src.Text, NoteRefs: noteRefs[string(MemoOnSource)+"/"+src.ID]}
		for _, seg := range bySource[src.ID] {
			if _, ok := e.Coders[seg.CoderID]; !ok {
				return p, fmt.Errorf("a segment of %q is by someone who is not one of the coders", src.Title)
			}
			user := GUID("user", seg.CoderID)
			sel := refiqda.Selection{GUID: GUID("segment", seg.ID), Start: seg.Start, End: seg.End, CreatingUser: user}
			for _, c := range seg.CodeIDs {
				sel.Codings = append(sel.Codings, refiqda.Coding{GUID: GUID("coding", seg.ID+"/"+c), Code: GUID("code", c), User: user})
			}
			if seg.Memo != "" {
				note := refiqda.Note{GUID: GUID("memo", seg.ID), Name: "Memo on " + src.Title, Text: seg.Memo, CreatingUser: user}
				p.Notes = append(p.Notes, note)
				sel.NoteRefs = []string{note.GUID}
			}
			rs.Selections = append(rs.Selections, sel)
		}
		p.Sources = append(p.Sources, rs)
	}
	return p, nil
}

// refiCodes writes codes with their hierarchy, each referring to the notes
// noteRefs holds for it ("code/" and its id; nil for none).
func refiCodes(ns []*Node, noteRefs map[string][]string) []refiqda.Code {
	var out []refiqda.Code
	for _, n := range ns {
		out = append(out, refiqda.Code{GUID: GUID("code", n.ID), Name: n.Name, Description: describe(n.Code), Color: n.Color,
			Codable: true, Children: refiCodes(n.Children, noteRefs), NoteRefs: noteRefs[string(MemoOnCode)+"/"+n.ID]})
	}
	return out
}

// describe puts a code's guidance into the one description REFI-QDA has.
func describe(c Code) string {
	var s string
	for _, part := range []struct{ label, text string }{
		{"", c.Definition}, {"When to use: ", c.WhenToUse}, {"When not to use: ", c.WhenNotToUse}, {"Example: ", c.Example},
	} {
		if part.text == "" {
			continue
		}
		if s != "" {
			s += "\n"
		}
		s += part.label + part.text
	}
	return s
}

// GUID is the GUID a Coprod id of the given kind exports as.
func GUID(kind, id string) string {
	h := sha256.Sum256([]byte("coprod/" + kind + "/" + id))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// FromREFI turns a REFI-QDA file's codes into codes a project can add
// (keyed by GUID, so two codes of one name under different parents stay
// apart), with "#rgb" colours written out and a grey for none.
func FromREFI(codes []refiqda.Code) []PresetCode {
	var out []PresetCode
	var walk func([]refiqda.Code, string)
	walk = func(cs []refiqda.Code, parent string) {
		for _, c := range cs {
			out = append(out, PresetCode{Key: c.GUID, Parent: parent, Name: c.Name, Definition: c.Description, Color: fullColor(c.Color)})
			walk(c.Children, c.GUID)
		}
	}
	walk(codes, "")
	return out
}

// fullColor writes a colour as #rrggbb in lower case.
func fullColor(c string) string {
	c = strings.ToLower(c)
	if len(c) == 4 && c[0] == '#' {
		return "#" + strings.Repeat(c[1:2], 2) + strings.Repeat(c[2:3], 2) + strings.Repeat(c[3:4], 2)
	}
	if c == "" {
		return "#767676"
	}
	return c
}
