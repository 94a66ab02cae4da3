package userpool

import (
	"strings"
	"unicode"

	"github.com/incognito-idp/incognito/internal/store"
)

// Filter is a parsed ListUsers filter: one attribute compared with one
// value, exactly (=) or by prefix (^=). The zero Filter matches every user.
type Filter struct {
	Attribute string
	Value     string
	Prefix    bool
}

// SearchableAttributes are the names a ListUsers filter may use
// (custom attributes are not searchable).
var SearchableAttributes = []string{
	"username", "email", "phone_number", "name", "given_name", "family_name",
	"preferred_username", "cognito:user_status", "status", "sub",
}

// Cognito's answers for a filter it cannot use.
func errFilterSyntax() error { return Invalid("Error while parsing filter.") }

// ParseFilter reads Cognito's filter language:
//
//	filter    = [ space ] [ attribute [ space ] op [ space ] quoted [ space ] ]
//	op        = "=" | "^="
//	quoted    = '"' { any character but '"' and '\' | '\' any character } '"'
//
// where attribute is a run of characters other than space, '=', '^' and
// '"'. A blank filter matches every user. Syntax errors answer
// InvalidParameterException "Error while parsing filter."; a well-formed
// filter on an attribute that cannot be searched answers "Invalid search
// attribute: <name>".
func ParseFilter(s string) (Filter, error) {
	p := filterParser{in: []rune(s)}
	p.space()
	if p.done() {
		return Filter{}, nil
	}
	attr := p.attribute()
	if attr == "" {
		return Filter{}, errFilterSyntax()
	}
	p.space()
	var f Filter
	switch {
	case p.take('='):
	case p.take('^') && p.take('='):
		f.Prefix = true
	default:
		return Filter{}, errFilterSyntax()
	}
	p.space()
	value, ok := p.quoted()
	if !ok {
		return Filter{}, errFilterSyntax()
	}
	p.space()
	if !p.done() {
		return Filter{}, errFilterSyntax()
	}
	if !contains(SearchableAttributes, attr) {
		return Filter{}, Invalid("Invalid search attribute: %s", attr)
	}
	f.Attribute, f.Value = attr, value
	return f, nil
}

// String writes f back in the filter language; ParseFilter reads it as f.
func (f Filter) String() string {
	if f.Attribute == "" {
		return ""
	}
	op := " = "
	if f.Prefix {
		op = " ^= "
	}
	var b strings.Builder
	b.WriteString(f.Attribute + op + `"`)
	for _, r := range f.Value {
		if r == '"' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// storeFilter maps a filter to the store's. cognito:user_status compares
// without regard to case, as Cognito's does; statuses are stored in
// capitals.
func (f Filter) storeFilter() store.UserFilter {
	value := f.Value
	if f.Attribute == "cognito:user_status" {
		value = strings.ToUpper(value)
	}
	return store.UserFilter{Attribute: f.Attribute, Value: value, Prefix: f.Prefix}
}

type filterParser struct {
	in  []rune
	pos int
}

func (p *filterParser) done() bool { return p.pos >= len(p.in) }

func (p *filterParser) space() {
	for !p.done() && unicode.IsSpace(p.in[p.pos]) {
		p.pos++
	}
}

func (p *filterParser) take(r rune) bool {
	if !p.done() && p.in[p.pos] == r {
		p.pos++
		return true
	}
	return false
}

func (p *filterParser) attribute() string {
	start := p.pos
	for !p.done() {
		r := p.in[p.pos]
		if unicode.IsSpace(r) || r == '=' || r == '^' || r == '"' {
			break
		}
		p.pos++
	}
	return string(p.in[start:p.pos])
}

func (p *filterParser) quoted() (string, bool) {
	if !p.take('"') {
		return "", false
	}
	var b strings.Builder
	for !p.done() {
		r := p.in[p.pos]
		p.pos++
		switch r {
		case '"':
			return b.String(), true
		case '\\':
			if p.done() {
				return "", false
			}
			b.WriteRune(p.in[p.pos])
			p.pos++
		default:
			b.WriteRune(r)
		}
	}
	return "", false
}
