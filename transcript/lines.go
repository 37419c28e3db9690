package transcript

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// MaxLineBytes bounds one physical line. Readers hold at most one utterance
// in memory, so this (times the lines of one utterance) bounds their memory.
const MaxLineBytes = 4 << 20

// lineReader yields physical lines without their line ending, counting
// them, with one line of look-ahead. It reuses its buffers: a line is valid
// until the next call of next or peek, so callers copy what they keep first.
type lineReader struct {
	file   string
	br     *bufio.Reader
	buf    []byte // the current line when it had to be assembled
	line   int    // number of the line last returned
	peeked bool
	cur    []byte
	err    error
	// started is set once the first line (which may carry a BOM) is read.
	started bool
}

// lineBufferBytes is the read buffer: most transcripts are a few kilobytes,
// so a larger buffer costs more to allocate than it saves in reads (64 KiB
// made the shared reference files a third slower); longer lines are
// assembled in lineReader.buf.
const lineBufferBytes = 8 << 10

func newLineReader(file string, r io.Reader) *lineReader {
	br, ok := r.(*bufio.Reader)
	if !ok || br.Size() < lineBufferBytes {
		br = bufio.NewReaderSize(r, lineBufferBytes)
	}
	return &lineReader{file: file, br: br}
}

// next returns the next line, or ok=false at the end (err says why, nil at EOF).
func (l *lineReader) next() (line []byte, ok bool, err error) {
	if l.peeked {
		l.peeked = false
		if l.cur != nil {
			l.line++
		}
		return l.cur, l.cur != nil, l.err
	}
	line, err = l.read()
	if line == nil {
		return nil, false, err
	}
	l.line++
	return line, true, nil
}

// peek returns the line next will return, without consuming it.
func (l *lineReader) peek() (line []byte, ok bool, err error) {
	if !l.peeked {
		l.cur, l.err = l.read()
		l.peeked = true
	}
	return l.cur, l.cur != nil, l.err
}

func (l *lineReader) read() ([]byte, error) {
	s, err := l.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		// A long line: assemble it in our own buffer, up to the limit.
		l.buf = append(l.buf[:0], s...)
		for err == bufio.ErrBufferFull {
			if len(l.buf) > MaxLineBytes {
				return nil, errAt(l.file, l.line+1, MaxLineBytes, "line longer than %d bytes", MaxLineBytes)
			}
			s, err = l.br.ReadSlice('\n')
			l.buf = append(l.buf, s...)
		}
		s = l.buf
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if len(s) == 0 {
		return nil, nil
	}
	if !l.started {
		l.started = true
		s = bytes.TrimPrefix(s, []byte("\xef\xbb\xbf"))
	}
	s = bytes.TrimSuffix(s, []byte("\n"))
	s = bytes.TrimSuffix(s, []byte("\r"))
	if s == nil {
		s = []byte{}
	}
	return s, nil
}
