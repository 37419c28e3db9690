package refiqda

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on what a file may make the reader hold, whatever its zip headers
// claim: real projects are a few megabytes.
const (
	maxQDEBytes    = 64 << 20
	maxSourceBytes = 64 << 20
	maxTotalBytes  = 512 << 20
	maxZipEntries  = 100_000
	maxCodeDepth   = 64
)

// ReadQDPX reads a .qdpx project exchange file.
func ReadQDPX(r io.ReaderAt, size int64) (Project, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return Project{}, fmt.Errorf("not a .qdpx file: it is not a zip archive (%v)", err)
	}
	if len(zr.File) > maxZipEntries {
		return Project{}, fmt.Errorf("the zip archive holds %d files; at most %d", len(zr.File), maxZipEntries)
	}
	var qde *zip.File
	sources := map[string]*zip.File{}
	for _, f := range zr.File {
		dir, base := path.Split(f.Name)
		switch {
		case strings.EqualFold(f.Name, "project.qde"):
			qde = f
		case strings.EqualFold(dir, "sources/") && base != "":
			sources[strings.ToLower(base)] = f
		}
	}
	if qde == nil {
		return Project{}, errors.New("the zip archive has no project.qde at its top level")
	}
	var total int64
	read := func(f *zip.File, limit int64, what string) ([]byte, error) {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", what, err)
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, limit+1))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", what, err)
		}
		if int64(len(data)) > limit {
			return nil, fmt.Errorf("%s is larger than %d MB", what, limit>>20)
		}
		if total += int64(len(data)); total > maxTotalBytes {
			return nil, fmt.Errorf("the files in the archive come to more than %d MB", maxTotalBytes>>20)
		}
		return data, nil
	}
	data, err := read(qde, maxQDEBytes, "project.qde")
	if err != nil {
		return Project{}, err
	}
	open := func(name string) ([]byte, error) {
		f, ok := sources[strings.ToLower(name)]
		if !ok {
			return nil, fmt.Errorf("the archive has no sources/%s", name)
		}
		return read(f, maxSourceBytes, "sources/"+name)
	}
	return readQDE(data, open)
}

// ReadQDE reads a project.qde on its own, without the sources folder: its
// text sources must hold their text (PlainTextContent).
func ReadQDE(data []byte) (Project, error) {
	return readQDE(data, func(name string) ([]byte, error) {
		return nil, fmt.Errorf("the text is in sources/%s, which only a .qdpx file holds", name)
	})
}

// ReadQDC reads a .qdc codebook exchange file.
func ReadQDC(data []byte) (CodeBook, error) {
	var x xCodebookFile
	if err := decode(data, &x, "CodeBook", CodebookNS); err != nil {
		return CodeBook{}, err
	}
	r := newReader(nil)
	if x.Codes == nil || len(x.Codes.Codes) == 0 {
		return CodeBook{}, errors.New("CodeBook: no Codes (a codebook holds at least one code)")
	}
	codes, err := r.codes(x.Codes.Codes, "CodeBook", 0)
	if err != nil {
		return CodeBook{}, err
	}
	return CodeBook{Origin: x.Origin, Codes: codes}, nil
}

// decode checks a document's root element, then unmarshals it whole.
func decode(data []byte, v any, root, ns string) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			return syntaxError(err)
		}
		if el, ok := tok.(xml.StartElement); ok {
			if el.Name.Local != root || el.Name.Space != ns {
				return fmt.Errorf("the root element is %s in namespace %q; a REFI-QDA file's is %s in %q", el.Name.Local, el.Name.Space, root, ns)
			}
			break
		}
	}
	if err := xml.Unmarshal(data, v); err != nil {
		return syntaxError(err)
	}
	return nil
}

func syntaxError(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("line %d: the XML is not well formed: %s", se.Line, se.Msg)
	}
	if errors.Is(err, io.EOF) {
		return errors.New("no XML: the file is empty")
	}
	return fmt.Errorf("the XML does not fit the REFI-QDA schema: %v", err)
}

// reader turns the wire types into a Project, checking identities and
// references as it goes.
type reader struct {
	open    func(string) ([]byte, error)
	seen    map[string]string // GUID → the part that declared it
	userIDs map[string]bool
	codeIDs map[string]bool
	noteIDs map[string]bool
	p       Project
}

func newReader(open func(string) ([]byte, error)) *reader {
	return &reader{open: open, seen: map[string]string{}, userIDs: map[string]bool{}, codeIDs: map[string]bool{}, noteIDs: map[string]bool{}}
}

func readQDE(data []byte, open func(string) ([]byte, error)) (Project, error) {
	var x xProject
	if err := decode(data, &x, "Project", ProjectNS); err != nil {
		return Project{}, fmt.Errorf("project.qde: %w", err)
	}
	p, err := newReader(open).project(x)
	if err != nil {
		return Project{}, fmt.Errorf("project.qde: %w", err)
	}
	return p, nil
}

func (r *reader) project(x xProject) (Project, error) {
	r.p = Project{Name: x.Name, Origin: x.Origin, Description: x.Description}
	// Notes come last in the file, but codes, sources and selections refer
	// to them.
	var notes []xText
	if x.Notes != nil {
		notes = x.Notes.Notes
		for i, n := range notes {
			g, err := r.declare(n.GUID, fmt.Sprintf("Notes/Note %d (%q)", i+1, n.Name))
			if err != nil {
				return r.p, err
			}
			r.noteIDs[g] = true
		}
	}
	if x.Users != nil {
		for i, u := range x.Users.Users {
			part := fmt.Sprintf("Users/User %d (%q)", i+1, u.Name)
			g, err := r.declare(u.GUID, part)
			if err != nil {
				return r.p, err
			}
			r.userIDs[g] = true
			r.p.Users = append(r.p.Users, User{GUID: g, Name: u.Name})
		}
	}
	if x.CodeBook != nil && x.CodeBook.Codes != nil {
		codes, err := r.codes(x.CodeBook.Codes.Codes, "CodeBook", 0)
		if err != nil {
			return r.p, err
		}
		r.p.Codes = codes
	}
	if x.Sources != nil {
		for i, t := range x.Sources.Text {
			if err := r.source(i, t); err != nil {
				return r.p, err
			}
		}
		for _, o := range x.Sources.Other {
			r.skip("%s %q (Coprod imports text sources only)", o.XMLName.Local, o.attr("name"))
		}
	}
	for i, n := range notes {
		part := fmt.Sprintf("Notes/Note %d (%q)", i+1, n.Name)
		text, err := r.text(n, part)
		if err != nil {
			return r.p, err
		}
		user, err := r.user(n.CreatingUser, part)
		if err != nil {
			return r.p, err
		}
		r.p.Notes = append(r.p.Notes, Note{GUID: norm(n.GUID), Name: n.Name, Text: text, CreatingUser: user})
		if len(n.Selections)+len(n.Codings) > 0 {
			r.skip("%s: %d selections and codings in a note", part, len(n.Selections)+len(n.Codings))
		}
	}
	var err error
	if r.p.NoteRefs, err = r.noteRefs(x.NoteRefs, "Project"); err != nil {
		return r.p, err
	}
	for _, l := range []struct {
		name string
		list *xAnyList
	}{{"Variables", x.Variables}, {"Cases", x.Cases}, {"Links", x.Links}, {"Sets", x.Sets}, {"Graphs", x.Graphs}} {
		if l.list != nil {
			r.skip("%s: %d %s", l.name, len(l.list.Items), strings.ToLower(l.name))
		}
	}
	for _, o := range x.Other {
		r.skip("an element the schema does not have: %s", o.XMLName.Local)
	}
	return r.p, nil
}

func (r *reader) skip(format string, args ...any) {
	r.p.Skipped = append(r.p.Skipped, fmt.Sprintf(format, args...))
}

// declare checks a GUID and that no other part has it, and returns it in
// the one form Coprod keeps: lower case, without braces.
func (r *reader) declare(guid, part string) (string, error) {
	if !ValidGUID(guid) {
		return "", fmt.Errorf("%s: guid %q is not a GUID", part, guid)
	}
	g := norm(guid)
	if other, ok := r.seen[g]; ok {
		return "", fmt.Errorf("%s: guid %s is also the guid of %s", part, guid, other)
	}
	r.seen[g] = part
	return g, nil
}

func norm(guid string) string {
	return strings.ToLower(strings.Trim(strings.TrimSpace(guid), "{}"))
}

func (r *reader) codes(xs []xCode, parent string, depth int) ([]Code, error) {
	if depth > maxCodeDepth {
		return nil, fmt.Errorf("%s: codes nested more than %d deep", parent, maxCodeDepth)
	}
	var out []Code
	for _, x := range xs {
		part := fmt.Sprintf("%s/Code %q", parent, x.Name)
		g, err := r.declare(x.GUID, part)
		if err != nil {
			return nil, err
		}
		c := Code{GUID: g, Name: x.Name, Description: x.Description, Color: x.Color}
		switch strings.TrimSpace(x.Codable) {
		case "true", "1":
			c.Codable = true
		case "false", "0":
		default:
			return nil, fmt.Errorf("%s: isCodable is %q; it must be true or false", part, x.Codable)
		}
		if strings.TrimSpace(x.Name) == "" {
			return nil, fmt.Errorf("%s (guid %s): the code has no name", parent+"/Code", x.GUID)
		}
		if x.Color != "" && !ValidColor(x.Color) {
			return nil, fmt.Errorf("%s: colour %q is not #rrggbb", part, x.Color)
		}
		r.codeIDs[g] = true
		if c.NoteRefs, err = r.noteRefs(x.NoteRefs, part); err != nil {
			return nil, err
		}
		if c.Children, err = r.codes(x.Codes, part, depth+1); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func (r *reader) source(i int, x xText) error {
	part := fmt.Sprintf("Sources/TextSource %d (%q)", i+1, x.Name)
	g, err := r.declare(x.GUID, part)
	if err != nil {
		return err
	}
	if x.Content == nil && x.PlainTextPath == "" {
		what := "no text"
		if x.RichTextPath != "" {
			what = "only a rich-text copy (" + x.RichTextPath + ") and no plain text"
		}
		r.skip("%s: %s, so its %d selections", part, what, len(x.Selections))
		return nil
	}
	text, err := r.text(x, part)
	if err != nil {
		return err
	}
	s := Source{GUID: g, Name: x.Name, Description: x.Description, Text: text}
	if s.CreatingUser, err = r.user(x.CreatingUser, part); err != nil {
		return err
	}
	if s.NoteRefs, err = r.noteRefs(x.NoteRefs, part); err != nil {
		return err
	}
	length := s.Length()
	for j, xs := range x.Selections {
		sel, err := r.selection(xs, fmt.Sprintf("%s/PlainTextSelection %d", part, j+1), length)
		if err != nil {
			return err
		}
		s.Selections = append(s.Selections, sel)
	}
	if x.RichTextPath != "" {
		r.skip("%s: its rich-text copy %s (the plain text is kept)", part, x.RichTextPath)
	}
	if len(x.Codings) > 0 {
		r.skip("%s: %d codings of the whole source", part, len(x.Codings))
	}
	if len(x.Variables) > 0 {
		r.skip("%s: %d variable values", part, len(x.Variables))
	}
	r.p.Sources = append(r.p.Sources, s)
	return nil
}

// text returns a source's or note's plain text, from the XML or from the
// sources folder.
func (r *reader) text(x xText, part string) (string, error) {
	if x.Content != nil && x.PlainTextPath != "" {
		return "", fmt.Errorf("%s: both PlainTextContent and plainTextPath; the standard allows one", part)
	}
	if x.Content != nil {
		return *x.Content, nil
	}
	if x.PlainTextPath == "" {
		return "", nil
	}
	name, ok := strings.CutPrefix(x.PlainTextPath, "internal://")
	if !ok {
		return "", fmt.Errorf("%s: plainTextPath %q is outside the file; Coprod reads text kept inside the .qdpx (internal://)", part, x.PlainTextPath)
	}
	name = strings.TrimLeft(name, "/")
	if name == "" || strings.Contains(name, "/") || strings.Contains(name, `\`) {
		return "", fmt.Errorf("%s: plainTextPath %q does not name a file in the sources folder", part, x.PlainTextPath)
	}
	data, err := r.open(name)
	if err != nil {
		return "", fmt.Errorf("%s: %v", part, err)
	}
	if !utf8.Valid(data) {
		return "", fmt.Errorf("%s: sources/%s is not UTF-8 text", part, name)
	}
	return string(data), nil
}

func (r *reader) selection(x xSelection, part string, length int) (Selection, error) {
	g, err := r.declare(x.GUID, part)
	if err != nil {
		return Selection{}, err
	}
	s := Selection{GUID: g, Name: x.Name, Description: x.Description}
	if s.Start, err = position(x.Start, "startPosition", part); err != nil {
		return s, err
	}
	if s.End, err = position(x.End, "endPosition", part); err != nil {
		return s, err
	}
	switch {
	case s.End < s.Start:
		return s, fmt.Errorf("%s: endPosition %d comes before startPosition %d", part, s.End, s.Start)
	case s.End > length:
		return s, fmt.Errorf("%s: endPosition %d is past the end of the text (%d characters)", part, s.End, length)
	}
	if s.CreatingUser, err = r.user(x.CreatingUser, part); err != nil {
		return s, err
	}
	if s.NoteRefs, err = r.noteRefs(x.NoteRefs, part); err != nil {
		return s, err
	}
	for k, xc := range x.Codings {
		cpart := fmt.Sprintf("%s/Coding %d", part, k+1)
		g, err := r.declare(xc.GUID, cpart)
		if err != nil {
			return s, err
		}
		c := Coding{GUID: g}
		if xc.CodeRef == nil {
			return s, fmt.Errorf("%s: no CodeRef", cpart)
		}
		if c.Code = norm(xc.CodeRef.Target); !r.codeIDs[c.Code] {
			return s, fmt.Errorf("%s: CodeRef %q is not a code in the CodeBook", cpart, xc.CodeRef.Target)
		}
		if c.User, err = r.user(xc.CreatingUser, cpart); err != nil {
			return s, err
		}
		if len(xc.NoteRefs) > 0 {
			r.skip("%s: %d notes on the coding itself", cpart, len(xc.NoteRefs))
		}
		s.Codings = append(s.Codings, c)
	}
	return s, nil
}

func position(s, attr, part string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s: %s %q is not a whole number of characters from 0", part, attr, s)
	}
	return n, nil
}

// user checks that a creatingUser names a user in Users.
func (r *reader) user(guid, part string) (string, error) {
	if guid == "" {
		return "", nil
	}
	if g := norm(guid); r.userIDs[g] {
		return g, nil
	}
	return "", fmt.Errorf("%s: creatingUser %q is not in Users", part, guid)
}

func (r *reader) noteRefs(refs []xRef, part string) ([]string, error) {
	var out []string
	for _, ref := range refs {
		g := norm(ref.Target)
		if !r.noteIDs[g] {
			return nil, fmt.Errorf("%s: NoteRef %q is not a note in Notes", part, ref.Target)
		}
		out = append(out, g)
	}
	return out, nil
}

// IsZip reports whether data starts as a zip archive does, to tell a .qdpx
// from a .qdc whatever the file is called.
func IsZip(data []byte) bool { return bytes.HasPrefix(data, []byte("PK\x03\x04")) }
