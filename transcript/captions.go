package transcript

import (
	"bytes"
	"html"
	"io"
	"strings"
)

// captionDecoder reads caption files (WebVTT and SRT): blocks separated by
// blank lines, each with a timing line "start --> end" and payload lines.
// A speaker is named by a WebVTT voice span (<v Name>) or a "Name:" prefix;
// a cue that names nobody continues the previous cue's speaker. A cue with
// several voices gives one utterance per voice, all with the cue's timing.
type captionDecoder struct {
	lr      *lineReader
	file    string
	hdr     Header
	srt     bool
	started bool // the WEBVTT signature and header have been read
	u       Utterance
	// parts are the voices of the current cue still to be returned.
	parts   []captionPart
	next    int
	start   int64
	end     int64
	speaker string // the last speaker named
	buf     []byte
	tok     plainTokenizer
	err     error
}

type captionPart struct {
	speaker string
	text    []byte
	line    int
}

func (d *captionDecoder) Header() *Header { return &d.hdr }

func (d *captionDecoder) Next() (*Utterance, error) {
	if d.err != nil {
		return nil, d.err
	}
	for d.next >= len(d.parts) {
		if err := d.readCue(); err != nil {
			d.err = err
			return nil, err
		}
	}
	p := &d.parts[d.next]
	d.next++
	u := &d.u
	u.reset()
	u.Speaker, u.Line = p.speaker, p.line
	u.Timed, u.Start, u.End = true, d.start, d.end
	u.Text = string(p.text)
	d.hdr.addSpeaker(u.Speaker)
	d.tok.tokenize(u)
	return u, nil
}

// readCue reads the next cue into d.parts (possibly none, for an empty cue).
func (d *captionDecoder) readCue() error {
	d.parts, d.next = d.parts[:0], 0
	if !d.srt && !d.started {
		if err := d.signature(); err != nil {
			return err
		}
	}
	var line []byte
	for {
		l, ok, err := d.lr.next()
		if err != nil {
			return err
		}
		if !ok {
			return io.EOF
		}
		if len(bytes.TrimSpace(l)) > 0 {
			line = l
			break
		}
	}
	if !d.srt && (hasWord(line, "NOTE") || hasWord(line, "STYLE") || hasWord(line, "REGION")) {
		return d.skipBlock()
	}
	if !bytes.Contains(line, []byte("-->")) {
		// A cue identifier (WebVTT) or cue number (SRT); timing comes next.
		if d.srt {
			if _, ok := parseDigits(string(bytes.TrimSpace(line))); !ok {
				return errAt(d.file, d.lr.line, 1, "expected a cue number or a timing line")
			}
		}
		l, ok, err := d.lr.next()
		if err != nil {
			return err
		}
		if !ok || !bytes.Contains(l, []byte("-->")) {
			return errAt(d.file, d.lr.line, 1, "expected a timing line (start --> end)")
		}
		line = l
	}
	if err := d.timing(line); err != nil {
		return err
	}
	return d.payload()
}

func hasWord(line []byte, w string) bool {
	return bytes.HasPrefix(line, []byte(w)) && (len(line) == len(w) || line[len(w)] == ' ' || line[len(w)] == '\t')
}

func (d *captionDecoder) skipBlock() error {
	for {
		l, ok, err := d.lr.next()
		if err != nil {
			return err
		}
		if !ok || len(bytes.TrimSpace(l)) == 0 {
			return nil
		}
	}
}

// timing reads "start --> end [settings]".
func (d *captionDecoder) timing(line []byte) error {
	k := bytes.Index(line, []byte("-->"))
	a := bytes.TrimSpace(line[:k])
	rest := bytes.TrimLeft(line[k+3:], " \t")
	b := rest
	if e := bytes.IndexAny(rest, " \t"); e >= 0 {
		b = rest[:e]
	}
	start, ok := parseCaptionTime(string(a))
	if !ok {
		return errAt(d.file, d.lr.line, bytes.Index(line, a)+1, "bad start time %q", a)
	}
	end, ok := parseCaptionTime(string(b))
	col := len(line) - len(rest) + 1
	if !ok {
		return errAt(d.file, d.lr.line, col, "bad end time %q", b)
	}
	if end < start {
		return errAt(d.file, d.lr.line, col, "cue ends before it starts")
	}
	d.start, d.end = start, end
	return nil
}

// payload reads the cue text up to a blank line, splitting it by voice.
func (d *captionDecoder) payload() error {
	for {
		l, ok, err := d.lr.peek()
		if err != nil {
			return err
		}
		if !ok || len(bytes.TrimSpace(l)) == 0 {
			return nil
		}
		d.lr.next()
		d.payloadLine(l)
	}
}

// payloadLine splits one payload line into voice spans.
func (d *captionDecoder) payloadLine(l []byte) {
	d.buf = stripCaptionMarkup(d.buf[:0], l)
	text := bytes.TrimSpace(d.buf)
	// WebVTT voice spans were turned into "\x00Name\x00" by stripCaptionMarkup.
	for len(text) > 0 {
		if text[0] == 0 {
			e := bytes.IndexByte(text[1:], 0)
			if e < 0 {
				break
			}
			d.speaker = string(bytes.TrimSpace(text[1 : 1+e]))
			text = bytes.TrimSpace(text[e+2:])
			d.newPart()
			continue
		}
		seg := text
		if e := bytes.IndexByte(text, 0); e >= 0 {
			seg, text = text[:e], text[e:]
		} else {
			text = nil
		}
		if name, talk, ok := captionSpeaker(seg); ok {
			d.speaker = name
			seg = seg[talk:]
			d.newPart()
		}
		seg = bytes.TrimLeft(bytes.TrimSpace(seg), "-– ")
		if len(d.parts) == 0 {
			d.newPart()
		}
		p := &d.parts[len(d.parts)-1]
		if len(p.text) > 0 && len(seg) > 0 {
			p.text = append(p.text, ' ')
		}
		p.text = append(p.text, seg...)
	}
}

func (d *captionDecoder) newPart() {
	sp := d.speaker
	if sp == "" {
		sp = "UNKNOWN"
	}
	if n := len(d.parts); n > 0 && len(d.parts[n-1].text) == 0 {
		d.parts[n-1].speaker = sp // a voice with nothing said yet: rename it
		return
	}
	if cap(d.parts) > len(d.parts) {
		d.parts = d.parts[:len(d.parts)+1]
		p := &d.parts[len(d.parts)-1]
		p.speaker, p.text, p.line = sp, p.text[:0], d.lr.line
		return
	}
	d.parts = append(d.parts, captionPart{speaker: sp, line: d.lr.line})
}

// captionSpeaker recognises a "Name:" prefix of up to three words that
// start with a capital letter, such as "SAM:" or "Support worker:".
func captionSpeaker(s []byte) (string, int, bool) {
	k := bytes.IndexByte(s, ':')
	if k <= 0 || k > 32 || k+1 < len(s) && s[k+1] != ' ' && s[k+1] != '\t' {
		return "", 0, false
	}
	name := bytes.TrimSpace(s[:k])
	if len(name) == 0 || !(name[0] >= 'A' && name[0] <= 'Z') || bytes.Count(name, []byte(" ")) > 2 {
		return "", 0, false
	}
	for _, c := range name {
		if !(isASCIILetter(c) || c >= '0' && c <= '9' || c == ' ' || c == '_' || c == '-' || c == '.' || c == '\'') {
			return "", 0, false
		}
	}
	return string(name), k + 1, true
}

// stripCaptionMarkup removes tags (<i>, <c.x>, <00:01.000>, </v>, <font>)
// and decodes entities, turning <v Name> into "\x00Name\x00".
func stripCaptionMarkup(dst, l []byte) []byte {
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch c {
		case 0:
			continue
		case '<':
			e := bytes.IndexByte(l[i:], '>')
			if e < 0 {
				dst = append(dst, c)
				continue
			}
			tag := l[i+1 : i+e]
			if len(tag) > 1 && tag[0] == 'v' && (tag[1] == ' ' || tag[1] == '.' || tag[1] == '\t') {
				name := tag[1:]
				if sp := bytes.IndexAny(name, " \t"); sp >= 0 {
					name = name[sp+1:]
				} else {
					name = nil
				}
				dst = append(dst, ' ', 0)
				dst = append(dst, name...)
				dst = append(dst, 0, ' ')
			}
			i += e
		case '&':
			e := bytes.IndexByte(l[i:], ';')
			if e > 1 && e < maxReference {
				if r, ok := captionEntity(string(l[i : i+e+1])); ok {
					dst = append(dst, r...)
					i += e
					continue
				}
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// maxReference is the longest character reference, "&", name and ";"
// included: "&CounterClockwiseContourIntegral;" has 33 bytes.
const maxReference = 33

// captionEntity decodes a character reference such as "&amp;", "&eacute;"
// or "&#233;"; the standard library knows every name HTML defines. A
// reference counts only when it decodes whole up to its ";". Direction
// marks and soft hyphens are dropped and a no-break space becomes a
// space: the measures read words, not layout.
func captionEntity(ref string) (string, bool) {
	t := html.UnescapeString(ref)
	if t == ref || t != ";" && strings.HasSuffix(t, ";") {
		return "", false
	}
	switch t {
	case "\u200e", "\u200f", "\u00ad":
		return "", true
	case "\u00a0":
		return " ", true
	}
	return t, true
}

// parseCaptionTime reads [hh:]mm:ss.ttt (WebVTT) or hh:mm:ss,ttt (SRT).
func parseCaptionTime(s string) (int64, bool) {
	s = strings.Replace(s, ",", ".", 1)
	main, frac, ok := strings.Cut(s, ".")
	if !ok || len(frac) == 0 || len(frac) > 3 {
		return 0, false
	}
	parts := strings.Split(main, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var ms int64
	for i, p := range parts {
		v, ok := parseDigits(p)
		// hours are bounded (a million: over a century) so that times stay
		// far from overflow and fit a CHAT media bullet
		if !ok || i > 0 && (len(p) > 2 || v > 59) || i == 0 && v > 1e6 {
			return 0, false
		}
		ms = ms*60 + v
	}
	ms *= 1000
	f, ok := parseDigits(frac)
	if !ok {
		return 0, false
	}
	for n := len(frac); n < 3; n++ {
		f *= 10
	}
	return ms + f, true
}
