package transcript

import (
	"errors"
	"fmt"
	"io"
)

// Decoder streams a transcript one utterance at a time, so memory stays
// bounded by the longest utterance rather than the file (ELAN, whose
// annotations are not in time order in the file, is the exception).
type Decoder interface {
	// Header is complete for CHAT once the first utterance is read; other
	// formats add participants as speakers are first seen.
	Header() *Header
	// Next returns the next utterance, or io.EOF after the last one. The
	// utterance is reused by the following call; see Utterance.Clone.
	Next() (*Utterance, error)
}

// NewDecoder returns a streaming decoder for the format. name is used in
// error positions.
func NewDecoder(f Format, name string, r io.Reader) (Decoder, error) {
	switch f {
	case FormatCHAT:
		return NewCHATDecoder(name, r), nil
	case FormatEAF:
		return NewEAFDecoder(name, r), nil
	case FormatVTT:
		return NewVTTDecoder(name, r), nil
	case FormatSRT:
		return NewSRTDecoder(name, r), nil
	case FormatJefferson:
		return NewJeffersonDecoder(name, r), nil
	}
	return nil, fmt.Errorf("transcript: unknown format %q", f)
}

// Read decodes a whole transcript into memory.
func Read(f Format, name string, r io.Reader) (*Transcript, error) {
	d, err := NewDecoder(f, name, r)
	if err != nil {
		return nil, err
	}
	t := &Transcript{Name: name}
	for {
		u, err := d.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		t.Utterances = append(t.Utterances, u.Clone())
	}
	t.Header = *d.Header()
	return t, nil
}

// Each runs fn on every utterance of a decoder, stopping at the first error.
func Each(d Decoder, fn func(*Utterance) error) error {
	for {
		u, err := d.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(u); err != nil {
			return err
		}
	}
}
