package auth

import (
	"strings"
	"testing"
	"time"
)

func TestInviteCodeAlphabetHasNoLookAlikes(t *testing.T) {
	// Each group of characters people mistake for one another, by eye or
	// by ear: none of them may be in the alphabet at all.
	for _, c := range "0ODQ1IL2Z5S8B6GUV" {
		if strings.ContainsRune(CodeAlphabet, c) {
			t.Errorf("the alphabet has %q", c)
		}
	}
	seen := map[rune]bool{}
	for _, c := range CodeAlphabet {
		if seen[c] || !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			t.Errorf("%q repeated or not an upper-case letter or digit", c)
		}
		seen[c] = true
	}
	if len(CodeAlphabet) != 19 {
		t.Errorf("alphabet has %d characters; the doc comment says 19", len(CodeAlphabet))
	}
}

func TestNewInviteCodeIsCanonicalAndSpread(t *testing.T) {
	counts := map[rune]int{}
	codes := map[string]bool{}
	const n = 2000
	for range n {
		c := NewInviteCode()
		if got, msg := ParseInviteCode(c); got != c || msg != "" {
			t.Fatalf("ParseInviteCode(%q) = %q, %q", c, got, msg)
		}
		codes[c] = true
		for _, r := range c {
			counts[r]++
		}
	}
	if len(codes) != n {
		t.Errorf("%d repeated codes in %d", n-len(codes), n)
	}
	// 16,000 characters over 19: about 842 each. A fair draw stays well
	// inside ±25% (the standard deviation is about 28).
	for _, r := range CodeAlphabet {
		if c := counts[r]; c < 630 || c > 1050 {
			t.Errorf("%q drawn %d times of 16000", r, c)
		}
	}
}

func TestParseInviteCode(t *testing.T) {
	for _, tc := range []struct{ in, code, problem string }{
		{"KX7R-M3PA", "KX7RM3PA", ""},
		{"kx7r m3pa", "KX7RM3PA", ""},
		{"  Kx7R–m3Pa\n", "KX7RM3PA", ""},
		{"K X 7 R . M 3 P A", "KX7RM3PA", ""},
		{"", "", "Enter your invitation code"},
		{" - ", "", "Enter your invitation code"},
		{"KX7R-M3P", "", "The code has 8 letters and numbers, like KX7R-M3PA. Check you have typed all of it."},
		{"KX7R-M3PAA", "", "The code has 8 letters and numbers, like KX7R-M3PA. Check you have typed all of it."},
		{"KX7R-M3P0", "", "That is not an invitation code. Codes use only the letters and numbers 3 4 7 9 A C E F H J K M N P R T W X Y. Check what you typed against the invitation."},
		{"KX7R-M3PÄ", "", "That is not an invitation code. Codes use only the letters and numbers 3 4 7 9 A C E F H J K M N P R T W X Y. Check what you typed against the invitation."},
	} {
		code, problem := ParseInviteCode(tc.in)
		if code != tc.code || problem != tc.problem {
			t.Errorf("ParseInviteCode(%q) = %q, %q; want %q, %q", tc.in, code, problem, tc.code, tc.problem)
		}
	}
	if got := FormatInviteCode("KX7RM3PA"); got != "KX7R-M3PA" {
		t.Errorf("FormatInviteCode = %q", got)
	}
}

// FuzzParseInviteCode: whatever is typed, the answer is a canonical code or
// a problem, never both or neither; a code parses back to itself, printed
// or not, in any case.
func FuzzParseInviteCode(f *testing.F) {
	for _, s := range []string{"KX7R-M3PA", "kx7r m3pa", "", "0OIL1", "KX7R-M3PAA", "ÄÖÜ", "\u00a0K\u2010X7RM3PA"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, problem := ParseInviteCode(s)
		if (code == "") == (problem == "") {
			t.Fatalf("ParseInviteCode(%q) = %q, %q", s, code, problem)
		}
		if code == "" {
			return
		}
		if len(code) != CodeLength || strings.Trim(code, CodeAlphabet) != "" {
			t.Fatalf("ParseInviteCode(%q) = %q, not canonical", s, code)
		}
		for _, again := range []string{code, FormatInviteCode(code), strings.ToLower(FormatInviteCode(code))} {
			if c, p := ParseInviteCode(again); c != code || p != "" {
				t.Fatalf("ParseInviteCode(%q) = %q, %q; want %q", again, c, p, code)
			}
		}
	})
}

func TestCodeWait(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		wrong int
		since time.Duration // from the latest wrong code to now
		want  time.Duration
	}{
		{0, 0, 0},
		{4, 0, 0}, // four mistakes cost nothing
		{5, 0, time.Minute},
		{5, 59 * time.Second, time.Second},
		{5, time.Minute, 0},
		{6, 30 * time.Second, 90 * time.Second},
		{7, 0, 4 * time.Minute},
		{10, 0, 32 * time.Minute},
		{11, 0, time.Hour},
		{40, 10 * time.Minute, 50 * time.Minute},
		{40, 2 * time.Hour, 0},
	} {
		if got := CodeWait(tc.wrong, at, at.Add(tc.since)); got != tc.want {
			t.Errorf("CodeWait(%d, latest %v ago) = %v, want %v", tc.wrong, tc.since, got, tc.want)
		}
	}
}

func TestJoinPolicy(t *testing.T) {
	in := func(role Role, round string) *Principal {
		return &Principal{User: &User{ID: "u"}, Assignments: []Assignment{{UserID: "u", Role: role, ScopeType: ScopeRound, ScopeID: round}}}
	}
	r1 := Object{Type: ScopeRound, ID: "r1"}
	for _, tc := range []struct {
		who    string
		p      *Principal
		action Action
		want   bool
	}{
		{"lead", in(RoleCommissioner, "r1"), ActionManageInvitations, true},
		{"facilitator", in(RoleFacilitator, "r1"), ActionManageInvitations, true},
		{"facilitator of another round", in(RoleFacilitator, "r2"), ActionManageInvitations, false},
		{"member", in(RoleMember, "r1"), ActionManageInvitations, false},
		{"observer", in(RoleObserver, "r1"), ActionManageInvitations, false},
		{"visitor", nil, ActionManageInvitations, false},
		{"lead", in(RoleCommissioner, "r1"), ActionInviteLead, true},
		{"facilitator", in(RoleFacilitator, "r1"), ActionInviteLead, false},
		{"visitor", nil, ActionJoinByInvitation, true},
		{"member", in(RoleMember, "r1"), ActionJoinByInvitation, true},
	} {
		if got := Can(tc.p, tc.action, r1); got != tc.want {
			t.Errorf("%s: %s = %v, want %v", tc.who, tc.action, got, tc.want)
		}
	}
}
