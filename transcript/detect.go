package transcript

import (
	"bytes"
	"path/filepath"
	"strings"
)

// Detect names the format of a file from its first bytes (at least the
// first few hundred), falling back on the extension of name. Content wins:
// a WebVTT file named .txt is WebVTT. known is false when neither says
// anything and Jefferson-style text is only a guess.
func Detect(name string, first []byte) (f Format, known bool) {
	b := bytes.TrimPrefix(first, []byte("\xef\xbb\xbf"))
	t := bytes.TrimLeft(b, " \t\r\n")
	switch {
	case bytes.HasPrefix(b, []byte("WEBVTT")):
		return FormatVTT, true
	case bytes.HasPrefix(t, []byte("<?xml")) || bytes.HasPrefix(t, []byte("<ANNOTATION_DOCUMENT")):
		return FormatEAF, true
	case bytes.HasPrefix(t, []byte("@UTF8")) || bytes.HasPrefix(t, []byte("@Begin")) || bytes.Contains(b, []byte("\n@Begin")):
		return FormatCHAT, true
	case looksLikeSRT(t):
		return FormatSRT, true
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".cha", ".chat":
		return FormatCHAT, true
	case ".eaf":
		return FormatEAF, true
	case ".vtt":
		return FormatVTT, true
	case ".srt":
		return FormatSRT, true
	case ".txt", ".jef", ".jefferson":
		return FormatJefferson, true
	}
	return FormatJefferson, false
}

// looksLikeSRT: a cue number on the first line and a timing on the second.
func looksLikeSRT(b []byte) bool {
	first, rest, ok := bytes.Cut(b, []byte("\n"))
	if !ok {
		return false
	}
	if _, ok := parseDigits(string(bytes.TrimSpace(first))); !ok {
		return false
	}
	second, _, _ := bytes.Cut(rest, []byte("\n"))
	return bytes.Contains(second, []byte("-->"))
}

// ParseFormat reads a format name ("chat", "cha", "eaf", "elan", "vtt",
// "webvtt", "srt", "jefferson", "txt").
func ParseFormat(s string) (Format, bool) {
	switch strings.ToLower(s) {
	case "chat", "cha":
		return FormatCHAT, true
	case "eaf", "elan":
		return FormatEAF, true
	case "vtt", "webvtt":
		return FormatVTT, true
	case "srt":
		return FormatSRT, true
	case "jefferson", "txt", "jef":
		return FormatJefferson, true
	}
	return "", false
}
