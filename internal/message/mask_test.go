package message

import "testing"

func TestMaskEmail(t *testing.T) {
	tests := []struct{ in, want string }{
		{"alice@example.com", "a***@e***"},
		{"u@y.co", "u***@y***"},
		{"john.doe+tag@mail.example.org", "j***@m***"},
		{"élodie@école.fr", "é***@é***"},
		{"@example.com", "***@e***"},
		{"alice@", "a***@***"},
		{"not-an-address", "n***"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := MaskEmail(tt.in); got != tt.want {
			t.Errorf("MaskEmail(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMaskPhone(t *testing.T) {
	tests := []struct{ in, want string }{
		{"+15555550100", "+*******0100"},
		{"+447700900123", "+********0123"},
		{"+33 6 12 34 56 78", "+*******5678"},
		{"+1234", "+****"},
		{"+12345", "+*2345"},
		{"", ""},
		{"+", ""},
	}
	for _, tt := range tests {
		if got := MaskPhone(tt.in); got != tt.want {
			t.Errorf("MaskPhone(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMask(t *testing.T) {
	if got := Mask(MediumEmail, "alice@example.com"); got != "a***@e***" {
		t.Errorf("Mask(EMAIL) = %q", got)
	}
	if got := Mask(MediumSMS, "+15555550100"); got != "+*******0100" {
		t.Errorf("Mask(SMS) = %q", got)
	}
}
