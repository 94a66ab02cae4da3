package userpool

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// PasswordSymbols are the characters Cognito counts as symbols. A space
// counts too, but only inside the password (the ends cannot be spaces).
const PasswordSymbols = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-"

// Policy values Cognito assumes when a pool's policy leaves them unset.
const (
	passwordDefaultMinLength = 8
	tempPasswordDefaultDays  = 7
)

// ValidatePassword checks password against a pool's policy and answers
// InvalidPasswordException with Cognito's message for the first rule it
// breaks, in Cognito's order: length, lowercase, uppercase, numbers, symbols.
func ValidatePassword(policy PasswordPolicy, password string) error {
	min := policy.MinimumLength
	if min <= 0 {
		min = passwordDefaultMinLength
	}
	if utf8.RuneCountInString(password) < min {
		return passwordError("Password not long enough")
	}
	var lower, upper, digit, symbol bool
	inner := strings.TrimSpace(password) // a space counts only inside
	for _, r := range password {
		switch {
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		case strings.ContainsRune(PasswordSymbols, r):
			symbol = true
		case r == ' ' && strings.ContainsRune(inner, ' '):
			symbol = true
		}
	}
	switch {
	case policy.RequireLowercase && !lower:
		return passwordError("Password must have lowercase characters")
	case policy.RequireUppercase && !upper:
		return passwordError("Password must have uppercase characters")
	case policy.RequireNumbers && !digit:
		return passwordError("Password must have numeric characters")
	case policy.RequireSymbols && !symbol:
		return passwordError("Password must have symbol characters")
	}
	return nil
}

func passwordError(reason string) error {
	return Errorf(InvalidPassword, "Password did not conform with policy: %s", reason)
}

// Character classes of generated passwords.
const (
	lowerChars  = "abcdefghijklmnopqrstuvwxyz"
	upperChars  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digitChars  = "0123456789"
	symbolChars = "^$*.[]{}()?!@#%&/,><:;|_~=+-"
)

// GeneratePassword makes a temporary password that satisfies policy: at
// least 12 characters (more if the policy asks), with a character of every
// class, drawn uniformly from rand.
func GeneratePassword(rand io.Reader, policy PasswordPolicy) (string, error) {
	n := max(policy.MinimumLength, 12)
	all := lowerChars + upperChars + digitChars + symbolChars
	out := make([]byte, 0, n)
	for _, class := range []string{lowerChars, upperChars, digitChars, symbolChars} {
		c, err := pick(rand, class)
		if err != nil {
			return "", err
		}
		out = append(out, c)
	}
	for len(out) < n {
		c, err := pick(rand, all)
		if err != nil {
			return "", err
		}
		out = append(out, c)
	}
	// Shuffle so the class characters are not always first.
	for i := len(out) - 1; i > 0; i-- {
		j, err := uniform(rand, i+1)
		if err != nil {
			return "", err
		}
		out[i], out[j] = out[j], out[i]
	}
	return string(out), nil
}

func pick(rand io.Reader, chars string) (byte, error) {
	i, err := uniform(rand, len(chars))
	if err != nil {
		return 0, err
	}
	return chars[i], nil
}

// uniform returns a uniformly distributed integer in [0, n), n <= 256, by
// rejection sampling bytes.
func uniform(rand io.Reader, n int) (int, error) {
	limit := 256 - 256%n
	var b [1]byte
	for {
		if _, err := io.ReadFull(rand, b[:]); err != nil {
			return 0, fmt.Errorf("userpool: reading randomness: %w", err)
		}
		if int(b[0]) < limit {
			return int(b[0]) % n, nil
		}
	}
}
