package transcript

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// chatDecoder reads CHAT (TalkBank .cha) files: @ headers, *SPK: main tiers,
// %tier: dependent tiers, and tab-led continuation lines.
type chatDecoder struct {
	lr   *lineReader
	file string
	hdr  Header
	u    Utterance
	// logical is the current logical line (a line and its continuations)
	// and segs maps its byte offsets back to file positions.
	logical []byte
	segs    []segment
	began   bool
	ended   bool
	done    bool
	// longOpen counts open long features and nonvocal spans by label
	// (&{l=X ... &}l=X); they may run across utterances.
	longOpen map[string]int
	tok      chatTokenizer
	talk     bool // a main tier has been read
	err      error
}

// segment says that logical-line byte off is at file line, column col.
type segment struct{ off, line, col int }

// NewCHATDecoder returns a streaming CHAT decoder.
func NewCHATDecoder(name string, r io.Reader) Decoder {
	return &chatDecoder{lr: newLineReader(name, r), file: name, hdr: Header{Format: FormatCHAT}}
}

func (d *chatDecoder) Header() *Header { return &d.hdr }

// pos converts an offset in the logical line to an error.
func (d *chatDecoder) errAtOff(off int, format string, args ...any) *Error {
	return segErr(d.file, d.segs, off, format, args...)
}

// segErr turns an offset into a logical line made of segments into an error
// at the file position it came from.
func segErr(file string, segs []segment, off int, format string, args ...any) *Error {
	if len(segs) == 0 {
		return errAt(file, 1, 1, format, args...)
	}
	s := segs[0]
	for _, g := range segs[1:] {
		if g.off > off {
			break
		}
		s = g
	}
	return errAt(file, s.line, s.col+off-s.off, format, args...)
}

// readLogical reads line (already consumed, starting at column startCol of
// its text) and any tab-led continuation lines into d.logical.
func (d *chatDecoder) readLogical(text []byte, startCol int) error {
	d.logical = append(d.logical[:0], text...)
	d.segs = append(d.segs[:0], segment{0, d.lr.line, startCol})
	for {
		next, ok, err := d.lr.peek()
		if err != nil {
			return err
		}
		if !ok || len(next) == 0 || next[0] != '\t' {
			return nil
		}
		d.lr.next()
		d.logical = append(d.logical, ' ')
		d.segs = append(d.segs, segment{len(d.logical), d.lr.line, 2})
		d.logical = append(d.logical, next[1:]...)
	}
}

// checkText rejects control characters and bad UTF-8 in a logical line.
// Media bullets (U+0015) and the underline pair (U+0002 U+0001/U+0002) are
// the only control characters CHAT allows besides the tab.
func (d *chatDecoder) checkText(s []byte) error {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			r, n := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && n <= 1 {
				return d.errAtOff(i, "invalid UTF-8")
			}
			i += n
			continue
		}
		if c < 0x20 || c == 0x7f {
			switch {
			case c == '\t' || c == 0x15:
			case c == 0x02 && i+1 < len(s) && (s[i+1] == 0x01 || s[i+1] == 0x02):
				i++
			default:
				return d.errAtOff(i, "control character U+%04X not allowed here", c)
			}
		}
		i++
	}
	return nil
}

func (d *chatDecoder) Next() (*Utterance, error) {
	if d.err != nil {
		return nil, d.err
	}
	u, err := d.next()
	if err != nil {
		d.err = err
	}
	return u, err
}

func (d *chatDecoder) next() (*Utterance, error) {
	for {
		line, ok, err := d.lr.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, d.finish()
		}
		if len(line) == 0 {
			continue // blank lines carry nothing; tolerated
		}
		if d.ended {
			return nil, errAt(d.file, d.lr.line, 1, "text after @End")
		}
		switch line[0] {
		case '@':
			if err := d.header(line); err != nil {
				return nil, err
			}
		case '*':
			return d.mainTier(line)
		case '%':
			return nil, errAt(d.file, d.lr.line, 1, "dependent tier before any main tier")
		case '\t':
			return nil, errAt(d.file, d.lr.line, 1, "continuation line with nothing to continue")
		default:
			return nil, errAt(d.file, d.lr.line, 1, "a CHAT line starts with @, *, %% or a tab")
		}
	}
}

func (d *chatDecoder) finish() error {
	if !d.began {
		return errAt(d.file, d.lr.line+1, 1, "no @Begin header: not a CHAT transcript")
	}
	if !d.ended {
		return errAt(d.file, d.lr.line+1, 1, "missing @End")
	}
	return io.EOF
}

// header handles one @ header line and its continuations.
func (d *chatDecoder) header(line []byte) error {
	ln := d.lr.line
	if err := d.readLogical(line, 1); err != nil {
		return err
	}
	if err := d.checkText(d.logical); err != nil {
		return err
	}
	text := string(d.logical)
	// Only the header proper is kept: @Comment and @Bg lines between tiers
	// would make memory grow with the file.
	if !d.talk {
		d.hdr.Lines = append(d.hdr.Lines, text)
	}
	name, value, hasColon := strings.Cut(text[1:], ":")
	name = strings.TrimSpace(name)
	if !hasColon {
		switch name {
		case "UTF8", "Begin", "End", "Blank", "New Episode", "Bg", "Eg", "G", "New Language":
		default:
			return errAt(d.file, ln, 1, "header @%s needs a colon and a tab before its value", name)
		}
	}
	value = strings.TrimLeft(value, "\t ")
	valueOff := len(text) - len(value)
	switch name {
	case "Begin":
		if d.began {
			return errAt(d.file, ln, 1, "second @Begin")
		}
		d.began = true
	case "End":
		if !d.began {
			return errAt(d.file, ln, 1, "@End before @Begin")
		}
		d.ended = true
	case "Languages":
		if err := d.checkList(value, valueOff, "language"); err != nil {
			return err
		}
	case "Participants":
		if err := d.checkList(value, valueOff, "participant"); err != nil {
			return err
		}
		return d.participants(value, valueOff)
	case "Options":
		for _, o := range strings.FieldsFunc(value, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
			if o == "CA" || o == "CA-Unicode" {
				d.hdr.CA = true
			}
		}
	case "ID":
		d.id(value)
	}
	return nil
}

// checkList rejects empty entries (a trailing or doubled comma) in a
// comma-separated header value.
func (d *chatDecoder) checkList(value string, off int, what string) error {
	if strings.TrimSpace(value) == "" {
		return d.errAtOff(off, "empty %s list", what)
	}
	start := 0
	for i := 0; i <= len(value); i++ {
		if i == len(value) || value[i] == ',' {
			if strings.TrimSpace(value[start:i]) == "" {
				at := i
				if at > 0 {
					at--
				}
				return d.errAtOff(off+at, "empty %s entry (stray comma)", what)
			}
			start = i + 1
		}
	}
	return nil
}

// participants reads "ID Name Role, ID Role, ...".
func (d *chatDecoder) participants(value string, off int) error {
	start := 0
	for _, entry := range strings.Split(value, ",") {
		f := strings.Fields(entry)
		at := off + start
		start += len(entry) + 1
		if len(f) < 2 {
			return d.errAtOff(at, "participant %q needs a code and a role", strings.TrimSpace(entry))
		}
		if !validSpeakerCode(f[0]) {
			return d.errAtOff(at, "bad participant code %q", f[0])
		}
		p := Participant{ID: f[0], Role: f[len(f)-1]}
		if len(f) > 2 {
			p.Name = strings.Join(f[1:len(f)-1], " ")
		}
		if _, dup := d.hdr.Participant(p.ID); dup {
			return d.errAtOff(at, "participant %s declared twice", p.ID)
		}
		d.hdr.Participants = append(d.hdr.Participants, p)
	}
	return nil
}

// id reads an @ID header (lang|corpus|code|age|sex|group|ses|role|...) for
// the role, which is authoritative where @Participants differs.
func (d *chatDecoder) id(value string) {
	f := strings.Split(value, "|")
	if len(f) < 8 {
		return
	}
	code, role := strings.TrimSpace(f[2]), strings.TrimSpace(f[7])
	for i := range d.hdr.Participants {
		if d.hdr.Participants[i].ID == code && role != "" {
			d.hdr.Participants[i].Role = role
		}
	}
}

// validSpeakerCode: CHAT speaker codes are upper-case letters, digits, _ and -.
func validSpeakerCode(s string) bool {
	if s == "" || len(s) > 16 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// mainTier reads "*SPK:\ttalk", its continuations and its dependent tiers.
func (d *chatDecoder) mainTier(line []byte) (*Utterance, error) {
	ln := d.lr.line
	if !d.began {
		return nil, errAt(d.file, ln, 1, "main tier before @Begin")
	}
	colon := bytes.IndexByte(line, ':')
	sp := bytes.IndexAny(line, " \t")
	if colon < 0 || sp >= 0 && sp < colon {
		end := len(line)
		if sp >= 0 {
			end = sp
		}
		return nil, errAt(d.file, ln, end+1, "speaker code must be followed by a colon and a tab")
	}
	// Reuse the declared participant's id rather than allocate a string
	// per utterance (the comparison below does not allocate).
	code := ""
	for _, p := range d.hdr.Participants {
		if p.ID == string(line[1:colon]) {
			code = p.ID
			break
		}
	}
	if code == "" {
		code = string(line[1:colon])
		if !validSpeakerCode(code) {
			return nil, errAt(d.file, ln, 2, "bad speaker code %q", code)
		}
		return nil, errAt(d.file, ln, 2, "speaker %s is not in @Participants", code)
	}
	rest := line[colon+1:]
	if len(rest) == 0 || rest[0] != '\t' && rest[0] != ' ' {
		return nil, errAt(d.file, ln, colon+2, "a tab must follow the speaker's colon")
	}
	body := bytes.TrimLeft(rest, " \t")
	startCol := len(line) - len(body) + 1
	if err := d.readLogical(body, startCol); err != nil {
		return nil, err
	}
	if err := d.checkText(d.logical); err != nil {
		return nil, err
	}
	d.talk = true
	u := &d.u
	u.reset()
	u.Speaker = code
	u.Line = ln
	u.Text = string(bytes.TrimRight(d.logical, " \t"))
	if u.Text == "" {
		return nil, errAt(d.file, ln, startCol, "empty main tier")
	}
	if d.longOpen == nil {
		d.longOpen = map[string]int{}
	}
	if off, msg := d.tok.tokenize(u, d.hdr.CA, d.longOpen); msg != "" {
		return nil, d.errAtOff(off, "%s", msg)
	}
	return u, d.dependents(u)
}

// dependents attaches the %tiers that follow a main tier.
func (d *chatDecoder) dependents(u *Utterance) error {
	for {
		next, ok, err := d.lr.peek()
		if err != nil {
			return err
		}
		if !ok || len(next) == 0 || next[0] != '%' {
			return nil
		}
		d.lr.next()
		ln := d.lr.line
		colon := bytes.IndexByte(next, ':')
		if colon < 2 {
			return errAt(d.file, ln, 1, "dependent tier needs a name and a colon")
		}
		for i := 1; i < colon; i++ {
			c := next[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return errAt(d.file, ln, i+1, "bad dependent tier name")
			}
		}
		name := string(next[1:colon])
		body := bytes.TrimLeft(next[colon+1:], " \t")
		if err := d.readLogical(body, len(next)-len(body)+1); err != nil {
			return err
		}
		if err := d.checkText(d.logical); err != nil {
			return err
		}
		u.Dependent = append(u.Dependent, Dependent{Tier: name, Text: string(d.logical), Line: ln})
	}
}
