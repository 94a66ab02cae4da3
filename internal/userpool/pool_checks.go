package userpool

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// checker records the model-level constraint violations of one request
// (required members, lengths, patterns, enums, ranges) in the words AWS's
// request validation uses, e.g. "Value 'x' at 'poolName' failed to satisfy
// constraint: Member must satisfy regular expression pattern: [\w\s+=,.@-]+".
// Paths are the members' lower-camel names as AWS prints them, with list
// members as "schema.1.member.name" (1-based).
type checker struct{ v Validation }

func (c *checker) err() error { return c.v.Err() }

func (c *checker) fail(path, value, constraint string) {
	c.v.Add("Value '%s' at '%s' failed to satisfy constraint: %s", value, path, constraint)
}

// null reports a missing required member.
func (c *checker) null(path string) {
	c.v.Add("Value null at '%s' failed to satisfy constraint: Member must not be null", path)
}

// required reports s if it is nil and returns whether it was given.
func (c *checker) required(path string, s *string) bool {
	if s == nil {
		c.null(path)
		return false
	}
	return true
}

// modelPattern is a model pattern compiled for a whole-string match, with
// the model's own spelling kept for messages.
type modelPattern struct {
	text string
	re   *regexp.Regexp
}

func pattern(text string) modelPattern {
	return modelPattern{text: text, re: regexp.MustCompile(`^(?:` + text + `)$`)}
}

// Patterns of the cognito-idp model used by pools and clients.
var (
	patPoolName      = pattern(`[\w\s+=,.@-]+`)
	patPoolID        = pattern(`[\w-]+_[0-9a-zA-Z]+`)
	patClientID      = pattern(`[\w+]+`)
	patClientSecret  = pattern(`[\w+]+`)
	patArn           = pattern(`arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?`)
	patOptionalArn   = pattern(`(arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?)?`)
	patSmsMessage    = pattern(`.*\{####\}.*`)
	patEmailMessage  = pattern(`[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{####\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*`)
	patEmailByLink   = pattern(`[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{##[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*##\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*`)
	patEmailSubject  = pattern(`[\p{L}\p{M}\p{S}\p{N}\p{P}\s]+`)
	patInviteSMS     = pattern(`(?s).*`)
	patInviteEmail   = pattern(`[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*`)
	patEmailAddress  = pattern(`[\p{L}\p{M}\p{S}\p{N}\p{P}]+@[\p{L}\p{M}\p{S}\p{N}\p{P}]+`)
	patSESConfigSet  = pattern(`^[a-zA-Z0-9_-]+$`)
	patAttrName      = pattern(`[\p{L}\p{M}\p{S}\p{N}\p{P}]+`)
	patProviderName  = pattern(`[\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]+`)
	patRedirectURL   = pattern(`[\p{L}\p{M}\p{S}\p{N}\p{P}]+`)
	patScope         = pattern(`[\x21\x23-\x5B\x5D-\x7E]+`)
	patHex           = pattern(`^[0-9a-fA-F]+$`)
	patPaginationKey = pattern(`[\S]+`)
)

// str checks a string member's length (in characters) and pattern.
// min or max < 0 skip that bound; a zero pattern skips the pattern.
func (c *checker) str(path, s string, min, max int, p modelPattern) {
	n := utf8.RuneCountInString(s)
	if max >= 0 && n > max {
		c.fail(path, s, fmt.Sprintf("Member must have length less than or equal to %d", max))
	}
	if min >= 0 && n < min {
		c.fail(path, s, fmt.Sprintf("Member must have length greater than or equal to %d", min))
	}
	if p.re != nil && !p.re.MatchString(s) {
		c.fail(path, s, "Member must satisfy regular expression pattern: "+p.text)
	}
}

// optStr checks s when it was given.
func (c *checker) optStr(path string, s *string, min, max int, p modelPattern) {
	if s != nil {
		c.str(path, *s, min, max, p)
	}
}

// secret checks a sensitive member: AWS leaves its value out of the message.
func (c *checker) secret(path, s string, min, max int, p modelPattern) {
	n := utf8.RuneCountInString(s)
	failed := func(constraint string) {
		c.v.Add("Value at '%s' failed to satisfy constraint: %s", path, constraint)
	}
	if n > max {
		failed(fmt.Sprintf("Member must have length less than or equal to %d", max))
	}
	if n < min {
		failed(fmt.Sprintf("Member must have length greater than or equal to %d", min))
	}
	if !p.re.MatchString(s) {
		failed("Member must satisfy regular expression pattern: " + p.text)
	}
}

// enum checks an enum member; "" means omitted.
func (c *checker) enum(path, s string, allowed ...string) {
	if s == "" || contains(allowed, s) {
		return
	}
	c.fail(path, s, "Member must satisfy enum value set: ["+strings.Join(allowed, ", ")+"]")
}

// intRange checks an integer member.
func (c *checker) intRange(path string, n, min, max int64) {
	if n > max {
		c.fail(path, fmt.Sprint(n), fmt.Sprintf("Member must have value less than or equal to %d", max))
	}
	if n < min {
		c.fail(path, fmt.Sprint(n), fmt.Sprintf("Member must have value greater than or equal to %d", min))
	}
}

// optInt checks n when it was given.
func (c *checker) optInt(path string, n *int64, min, max int64) {
	if n != nil {
		c.intRange(path, *n, min, max)
	}
}

func listValue(list []string) string { return "[" + strings.Join(list, ", ") + "]" }

// listLen checks the number of members of a list.
func (c *checker) listLen(path string, value string, n, min, max int) {
	if max >= 0 && n > max {
		c.fail(path, value, fmt.Sprintf("Member must have length less than or equal to %d", max))
	}
	if min >= 0 && n < min {
		c.fail(path, value, fmt.Sprintf("Member must have length greater than or equal to %d", min))
	}
}

// enumList checks that every member of list is one of allowed.
func (c *checker) enumList(path string, list []string, allowed ...string) {
	for _, s := range list {
		if !contains(allowed, s) {
			c.fail(path, listValue(list), "Member must satisfy constraint: [Member must satisfy enum value set: ["+
				strings.Join(allowed, ", ")+"]]")
			return
		}
	}
}

// strList checks the length and pattern of every member of list. Like AWS
// it reports the list once, naming all of the member type's constraints.
func (c *checker) strList(path string, list []string, min, max int, p modelPattern) {
	for _, s := range list {
		n := utf8.RuneCountInString(s)
		if n > max || n < min || (p.re != nil && !p.re.MatchString(s)) {
			constraints := []string{
				fmt.Sprintf("Member must have length less than or equal to %d", max),
				fmt.Sprintf("Member must have length greater than or equal to %d", min),
			}
			if p.re != nil {
				constraints = append(constraints, "Member must satisfy regular expression pattern: "+p.text)
			}
			c.fail(path, listValue(list), "Member must satisfy constraint: ["+strings.Join(constraints, ", ")+"]")
			return
		}
	}
}
