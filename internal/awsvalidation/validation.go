package awsvalidation

import (
	"strconv"
	"strings"
)

// Message is AWS's message for the problems found in one request, in the
// order they were found; "" when there are none.
func Message(problems []string) string {
	if len(problems) == 0 {
		return ""
	}
	noun := "errors"
	if len(problems) == 1 {
		noun = "error"
	}
	return strconv.Itoa(len(problems)) + " validation " + noun + " detected: " + strings.Join(problems, "; ")
}
