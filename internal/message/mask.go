package message

import (
	"strings"
	"unicode/utf8"
)

// Mask hides a destination as Cognito does in CodeDeliveryDetails.Destination
// and CODE_DELIVERY_DESTINATION: MaskEmail for EMAIL, MaskPhone for SMS.
func Mask(medium, destination string) string {
	if medium == MediumSMS {
		return MaskPhone(destination)
	}
	return MaskEmail(destination)
}

// MaskEmail keeps the first character of the local part and of the domain:
// "alice@example.com" becomes "a***@e***". Cognito's responses show exactly
// this shape, without the top-level domain (e.g. "u***@y***").
func MaskEmail(addr string) string {
	if addr == "" {
		return ""
	}
	local, domain, ok := strings.Cut(addr, "@")
	if !ok {
		return first(addr) + "***"
	}
	return first(local) + "***@" + first(domain) + "***"
}

// MaskPhone keeps the last four digits and replaces every other digit with
// an asterisk after the plus sign: "+15555550100" becomes "+*******0100".
// Anything but digits is dropped; a number of four digits or fewer is
// masked whole.
func MaskPhone(phone string) string {
	var digits []byte
	for i := 0; i < len(phone); i++ {
		if c := phone[i]; c >= '0' && c <= '9' {
			digits = append(digits, c)
		}
	}
	if len(digits) == 0 {
		return ""
	}
	if len(digits) <= 4 {
		return "+" + strings.Repeat("*", len(digits))
	}
	keep := len(digits) - 4
	return "+" + strings.Repeat("*", keep) + string(digits[keep:])
}

func first(s string) string {
	if s == "" {
		return ""
	}
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}
