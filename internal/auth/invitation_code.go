package auth

import (
	"crypto/rand"
	"strings"
)

// Invitation codes are the short form of an invitation, for a letter, a
// poster or a phone call: eight characters, printed as two groups of four
// ("KX7R-M3PA"), read back however the person types them.
//
// The alphabet is Crockford's base32 without every character that looks or
// sounds like another: 0 O D Q (round shapes), 1 I L (strokes), 2 Z, 5 S,
// 8 B, 6 G, U V, all gone in both directions, so nothing on the page can be
// mistaken for something else in the code. Nineteen characters remain:
// 19^8 ≈ 1.7 × 10^10 codes (34 bits). A code works once, only until its
// invitation expires, and wrong codes are throttled per address (CodeWait),
// so guessing one is hopeless well before the space runs out.
const (
	CodeAlphabet = "3479ACEFHJKMNPRTWXY"
	CodeLength   = 8
)

// NewInviteCode returns a fresh code from crypto/rand, in its canonical
// form (upper case, no separator).
func NewInviteCode() string {
	const n = len(CodeAlphabet)
	// Bytes at or above the largest multiple of n are dropped, so every
	// character is equally likely.
	limit := byte(256 - 256%n)
	out := make([]byte, 0, CodeLength)
	buf := make([]byte, 2*CodeLength)
	for len(out) < CodeLength {
		_, _ = rand.Read(buf) // crypto/rand.Read never fails (Go 1.24+)
		for _, b := range buf {
			if b < limit && len(out) < CodeLength {
				out = append(out, CodeAlphabet[int(b)%n])
			}
		}
	}
	return string(out)
}

// FormatInviteCode prints a canonical code in two groups of four.
func FormatInviteCode(code string) string {
	if len(code) != CodeLength {
		return code
	}
	return code[:4] + "-" + code[4:]
}

// ParseInviteCode reads a code as a person typed it: any case, with spaces,
// hyphens and dots anywhere (as printed, or as read out in groups). It
// returns the canonical code, or a problem worded for the person.
func ParseInviteCode(s string) (string, string) {
	var b strings.Builder
	n := 0
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '-', '.', '\u00a0', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
			continue
		}
		n++
		if n > 2*CodeLength { // stop reading nonsense early; the length check below answers it
			break
		}
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		b.WriteRune(r)
	}
	code := b.String()
	switch {
	case n == 0:
		return "", "Enter your invitation code"
	case n != CodeLength:
		return "", "The code has 8 letters and numbers, like KX7R-M3PA. Check you have typed all of it."
	}
	for _, r := range code {
		if !strings.ContainsRune(CodeAlphabet, r) {
			return "", "That is not an invitation code. Codes use only the letters and numbers " + readableAlphabet +
				". Check what you typed against the invitation."
		}
	}
	return code, ""
}

// readableAlphabet lists the code's characters for people, with spaces.
var readableAlphabet = strings.Join(strings.Split(CodeAlphabet, ""), " ")
