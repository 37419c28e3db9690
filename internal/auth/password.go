package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters: the RFC 9106 second recommended option (64 MiB, 3
// passes), with 2 lanes to match the small servers Coprod runs on.
const (
	argonTime    = 3
	argonMemory  = 64 * 1024
	argonThreads = 2
	argonKeyLen  = 32
	saltLen      = 16
)

// Password length limits: long enough for passphrases from managers, short
// enough that hashing cannot be used to exhaust the server.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 256
)

// CheckPasswordRules returns a plain-English problem with the password, or "".
func CheckPasswordRules(pw string) string {
	switch n := len([]rune(pw)); {
	case n < MinPasswordLen:
		return fmt.Sprintf("Password must be at least %d characters long", MinPasswordLen)
	case len(pw) > MaxPasswordLen:
		return fmt.Sprintf("Password must be %d characters or fewer", MaxPasswordLen)
	}
	return ""
}

// hashing bounds the password hashes computed at once. Each takes 64 MiB
// and a core for tens of milliseconds, so more at once than there are
// cores only adds memory: a burst of 200 sign-ins would otherwise ask for
// 12.5 GiB. Sign-ins beyond it wait their turn.
var hashing = make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))

func argonKey(pw, salt []byte, iters, mem uint32, threads uint8, keyLen uint32) []byte {
	hashing <- struct{}{}
	defer func() { <-hashing }()
	return argon2.IDKey(pw, salt, iters, mem, threads, keyLen)
}

// HashPassword returns the argon2id hash of pw in the PHC string format.
func HashPassword(pw string) (string, error) {
	return HashPasswordAtCost(pw, argonMemory, argonTime)
}

// HashPasswordAtCost is HashPassword with another memory cost (KiB) and
// number of passes. The hash carries its parameters and CheckPassword
// honours them, so a hash at any cost is checked the same way; tests that
// sign in hundreds of times give their accounts the lowest cost, where
// each check at the full cost takes a fifth of a second of CPU.
func HashPasswordAtCost(pw string, memoryKiB, passes uint32) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argonKey([]byte(pw), salt, passes, memoryKiB, argonThreads, argonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, memoryKiB, passes, argonThreads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// CheckPassword reports whether pw matches the PHC-format hash, honouring the
// parameters stored in the hash so they can be raised later.
func CheckPassword(hash, pw string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var version int
	var mem, iters uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &iters, &threads); err != nil {
		return false
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argonKey([]byte(pw), salt, iters, mem, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// DummyCheck spends the same time as a real check, so a login for an unknown
// email takes as long as one for a known email.
func DummyCheck(pw string) {
	CheckPassword(dummyHash(), pw)
}

// dummyHash is made on first use, not at start, so CLI commands stay quick.
var dummyHash = sync.OnceValue(func() string {
	h, _ := HashPassword("no-one-has-this-password")
	return h
})
