package refiqda

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
)

// WriteQDPX writes a project as a .qdpx file: project.qde, and each text
// source's text as sources/GUID.txt (UTF-8), as the standard asks. The
// project is checked first, by reading back what would be written, so a
// file Coprod writes always reads.
func WriteQDPX(w io.Writer, p Project) error {
	qde, err := MarshalQDE(p, true)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	add := func(name string, data []byte) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	if err := add("project.qde", qde); err != nil {
		return err
	}
	for _, s := range p.Sources {
		if err := add("sources/"+s.GUID+".txt", []byte(s.Text)); err != nil {
			return err
		}
	}
	return zw.Close()
}

// MarshalQDE returns a project's project.qde. With external set, the
// sources' text is referred to as internal://GUID.txt (for a .qdpx);
// otherwise it is written inside the XML. It refuses a project that would
// not read back (an unknown code or user, a selection past its text, ...).
func MarshalQDE(p Project, external bool) ([]byte, error) {
	x := xProject{XMLName: xml.Name{Space: ProjectNS, Local: "Project"}, Name: p.Name, Origin: p.Origin, Description: p.Description}
	if len(p.Users) > 0 {
		x.Users = &xUsers{}
		for _, u := range p.Users {
			x.Users.Users = append(x.Users.Users, xUser(u))
		}
	}
	if len(p.Codes) > 0 {
		x.CodeBook = &xCodeBook{Codes: &xCodes{Codes: wireCodes(p.Codes, true)}}
	}
	if len(p.Sources) > 0 {
		x.Sources = &xSources{}
		for _, s := range p.Sources {
			t := xText{GUID: s.GUID, Name: s.Name, CreatingUser: s.CreatingUser, Description: s.Description, NoteRefs: refs(s.NoteRefs)}
			if external {
				t.PlainTextPath = "internal://" + s.GUID + ".txt"
			} else {
				text := s.Text
				t.Content = &text
			}
			for _, sel := range s.Selections {
				xs := xSelection{GUID: sel.GUID, Name: sel.Name, Start: strconv.Itoa(sel.Start), End: strconv.Itoa(sel.End),
					CreatingUser: sel.CreatingUser, Description: sel.Description, NoteRefs: refs(sel.NoteRefs)}
				for _, c := range sel.Codings {
					xs.Codings = append(xs.Codings, xCoding{GUID: c.GUID, CreatingUser: c.User, CodeRef: &xRef{Target: c.Code}})
				}
				t.Selections = append(t.Selections, xs)
			}
			x.Sources.Text = append(x.Sources.Text, t)
		}
	}
	if len(p.Notes) > 0 {
		x.Notes = &xNotes{}
		for _, n := range p.Notes {
			text := n.Text
			x.Notes.Notes = append(x.Notes.Notes, xText{GUID: n.GUID, Name: n.Name, CreatingUser: n.CreatingUser, Content: &text})
		}
	}
	x.NoteRefs = refs(p.NoteRefs)
	data, err := marshal(x)
	if err != nil {
		return nil, err
	}
	// Check by reading back, with the text inline, so the reader's rules
	// (identities, references, positions) hold for everything written.
	check := data
	if external {
		if check, err = MarshalQDE(p, false); err != nil {
			return nil, err
		}
	}
	if _, err := ReadQDE(check); err != nil {
		return nil, fmt.Errorf("the project cannot be written as REFI-QDA: %w", err)
	}
	return data, nil
}

// WriteQDC writes a codebook as a .qdc file.
func WriteQDC(w io.Writer, cb CodeBook) error {
	if len(cb.Codes) == 0 {
		return fmt.Errorf("a codebook needs at least one code")
	}
	x := xCodebookFile{XMLName: xml.Name{Space: CodebookNS, Local: "CodeBook"}, Origin: cb.Origin, Codes: &xCodes{Codes: wireCodes(cb.Codes, false)}}
	data, err := marshal(x)
	if err != nil {
		return err
	}
	if _, err := ReadQDC(data); err != nil {
		return fmt.Errorf("the codebook cannot be written as REFI-QDA: %w", err)
	}
	_, err = w.Write(data)
	return err
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// wireCodes writes codes; a .qdc's codes have no NoteRefs in the schema.
func wireCodes(codes []Code, notes bool) []xCode {
	var out []xCode
	for _, c := range codes {
		x := xCode{GUID: c.GUID, Name: c.Name, Codable: strconv.FormatBool(c.Codable), Color: c.Color, Description: c.Description, Codes: wireCodes(c.Children, notes)}
		if notes {
			x.NoteRefs = refs(c.NoteRefs)
		}
		out = append(out, x)
	}
	return out
}

func refs(guids []string) []xRef {
	var out []xRef
	for _, g := range guids {
		out = append(out, xRef{Target: g})
	}
	return out
}
