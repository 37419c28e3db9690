package transcript

import "io"

// NewSRTDecoder returns a streaming SubRip (.srt) decoder: numbered cues
// with "hh:mm:ss,mmm --> hh:mm:ss,mmm" timings; speakers as for WebVTT.
func NewSRTDecoder(name string, r io.Reader) Decoder {
	return &captionDecoder{lr: newLineReader(name, r), file: name, srt: true, hdr: Header{Format: FormatSRT}}
}
