package transcript

import (
	"bytes"
	"io"
)

// NewVTTDecoder returns a streaming WebVTT decoder. Cues, voice spans
// (<v Name>) and "Name:" prefixes are read as described at captionDecoder;
// NOTE, STYLE and REGION blocks are skipped.
func NewVTTDecoder(name string, r io.Reader) Decoder {
	return &captionDecoder{lr: newLineReader(name, r), file: name, hdr: Header{Format: FormatVTT}}
}

// signature checks "WEBVTT" and keeps the header text up to the first blank line.
func (d *captionDecoder) signature() error {
	d.started = true
	l, ok, err := d.lr.next()
	if err != nil {
		return err
	}
	if !ok || !bytes.HasPrefix(l, []byte("WEBVTT")) || len(l) > 6 && l[6] != ' ' && l[6] != '\t' {
		return errAt(d.file, 1, 1, "a WebVTT file starts with WEBVTT")
	}
	d.hdr.Lines = append(d.hdr.Lines, string(l))
	for {
		l, ok, err := d.lr.peek()
		if err != nil {
			return err
		}
		if !ok || len(bytes.TrimSpace(l)) == 0 {
			return nil
		}
		if bytes.Contains(l, []byte("-->")) {
			return errAt(d.file, d.lr.line+1, 1, "a blank line must separate the WEBVTT header from the first cue")
		}
		d.lr.next()
		d.hdr.Lines = append(d.hdr.Lines, string(l))
	}
}
