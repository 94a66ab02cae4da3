package awsvalidation

import "testing"

func TestMessage(t *testing.T) {
	null := "Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"
	long := "Value 'x' at 'clientName' failed to satisfy constraint: Member must have length less than or equal to 128"
	tests := []struct {
		name     string
		problems []string
		want     string
	}{
		{"none", nil, ""},
		{"one", []string{null}, "1 validation error detected: " + null},
		{"two, in order", []string{null, long}, "2 validation errors detected: " + null + "; " + long},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Message(tc.problems); got != tc.want {
				t.Errorf("Message(%q) = %q, want %q", tc.problems, got, tc.want)
			}
		})
	}
}
