package loadgen

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
)

// Hand-written reading of the answers the scenarios check in their loops:
// only the members a scenario looks at are decoded, by their exact names
// as the AWS SDKs read them; every other value is checked as JSON and
// skipped. A document that is not JSON, or a member of the wrong type,
// is an error, as with encoding/json. Answers read only while setting up
// go through encoding/json.

// jsonReader is an answer that reads itself.
type jsonReader interface {
	readJSON(data []byte) error
}

// decodeBody reads the answer data into out.
func decodeBody(data []byte, out any) error {
	if r, ok := out.(jsonReader); ok {
		return r.readJSON(data)
	}
	return json.Unmarshal(data, out)
}

// maxJSONDepth bounds the nesting of arrays and objects.
const maxJSONDepth = 512

var errJSON = errors.New("invalid JSON")

// jsonSyntax is a syntax error at an offset.
func jsonSyntax(data []byte, i int, what string) error {
	return fmt.Errorf("%w at offset %d: %s", errJSON, min(i, len(data)), what)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(data []byte, i int) int {
	for i < len(data) && isSpace(data[i]) {
		i++
	}
	return i
}

// readDocument reads data as one JSON value: members of a top-level object
// go to member, with their raw values; a top-level null is no member.
func readDocument(data []byte, member func(name, value []byte) error) error {
	i := skipSpace(data, 0)
	if i < len(data) && data[i] == 'n' {
		end, err := scanValue(data, i, 0)
		if err != nil {
			return err
		}
		if string(data[i:end]) != "null" {
			return jsonSyntax(data, i, "not an object")
		}
		i = end
	} else {
		end, err := readObject(data, i, 0, member)
		if err != nil {
			return err
		}
		i = end
	}
	if i = skipSpace(data, i); i != len(data) {
		return jsonSyntax(data, i, "data after the document")
	}
	return nil
}

// readObject reads the object at data[i:] (no leading space), handing
// each member to member; it returns the offset after the object.
func readObject(data []byte, i, depth int, member func(name, value []byte) error) (int, error) {
	if i >= len(data) || data[i] != '{' {
		return i, errNotObject
	}
	if depth >= maxJSONDepth {
		return i, jsonSyntax(data, i, "nested too deep")
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return i + 1, nil
	}
	for {
		if i >= len(data) || data[i] != '"' {
			return i, jsonSyntax(data, i, "want a member name")
		}
		end, err := scanString(data, i)
		if err != nil {
			return i, err
		}
		name, err := nameOf(data[i:end])
		if err != nil {
			return i, err
		}
		i = skipSpace(data, end)
		if i >= len(data) || data[i] != ':' {
			return i, jsonSyntax(data, i, "want ':'")
		}
		i = skipSpace(data, i+1)
		end, err = scanValue(data, i, depth+1)
		if err != nil {
			return i, err
		}
		if member != nil {
			if err := member(name, data[i:end]); err != nil {
				return i, err
			}
		}
		i = skipSpace(data, end)
		if i >= len(data) {
			return i, jsonSyntax(data, i, "unterminated object")
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			return i + 1, nil
		default:
			return i, jsonSyntax(data, i, "want ',' or '}'")
		}
	}
}

var errNotObject = errors.New("not a JSON object")

// readArray reads the array at data[i:] (no leading space), handing each
// element to elem with its index; it returns the offset after the array.
func readArray(data []byte, i, depth int, elem func(n int, value []byte) error) (int, error) {
	if i >= len(data) || data[i] != '[' {
		return i, errors.New("not a JSON array")
	}
	if depth >= maxJSONDepth {
		return i, jsonSyntax(data, i, "nested too deep")
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return i + 1, nil
	}
	for n := 0; ; n++ {
		end, err := scanValue(data, i, depth+1)
		if err != nil {
			return i, err
		}
		if elem != nil {
			if err := elem(n, data[i:end]); err != nil {
				return i, err
			}
		}
		i = skipSpace(data, end)
		if i >= len(data) {
			return i, jsonSyntax(data, i, "unterminated array")
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case ']':
			return i + 1, nil
		default:
			return i, jsonSyntax(data, i, "want ',' or ']'")
		}
	}
}

// scanValue checks the value at data[i:] and returns the offset after it.
func scanValue(data []byte, i, depth int) (int, error) {
	if i >= len(data) {
		return i, jsonSyntax(data, i, "want a value")
	}
	switch c := data[i]; {
	case c == '"':
		return scanString(data, i)
	case c == '{':
		return readObject(data, i, depth, nil)
	case c == '[':
		return readArray(data, i, depth, nil)
	case c == 't':
		return scanLiteral(data, i, "true")
	case c == 'f':
		return scanLiteral(data, i, "false")
	case c == 'n':
		return scanLiteral(data, i, "null")
	case c == '-' || (c >= '0' && c <= '9'):
		return scanNumber(data, i)
	}
	return i, jsonSyntax(data, i, "want a value")
}

func scanLiteral(data []byte, i int, lit string) (int, error) {
	if len(data)-i < len(lit) || string(data[i:i+len(lit)]) != lit {
		return i, jsonSyntax(data, i, "want "+lit)
	}
	return i + len(lit), nil
}

// scanNumber checks -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
func scanNumber(data []byte, i int) (int, error) {
	start := i
	if data[i] == '-' {
		i++
	}
	digits := func() bool {
		j := i
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
		return i > j
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case !digits():
		return i, jsonSyntax(data, start, "bad number")
	}
	if i < len(data) && data[i] == '.' {
		i++
		if !digits() {
			return i, jsonSyntax(data, start, "bad number")
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if !digits() {
			return i, jsonSyntax(data, start, "bad number")
		}
	}
	return i, nil
}

// scanString checks the string at data[i] (its opening quote) and returns
// the offset after its closing quote.
func scanString(data []byte, i int) (int, error) {
	start := i
	for i++; i < len(data); {
		if i += plainPrefix(data[i:], false); i >= len(data) {
			break
		}
		switch c := data[i]; {
		case c == '"':
			return i + 1, nil
		case c < 0x20:
			return i, jsonSyntax(data, i, "control character in a string")
		case c == '\\':
			i++
			if i >= len(data) {
				return i, jsonSyntax(data, start, "unterminated string")
			}
			switch data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if len(data)-i < 5 {
					return i, jsonSyntax(data, i, "bad \\u escape")
				}
				for _, h := range data[i+1 : i+5] {
					if !isHex(h) {
						return i, jsonSyntax(data, i, "bad \\u escape")
					}
				}
				i += 4
			default:
				return i, jsonSyntax(data, i, "bad escape")
			}
		}
		i++ // past the escape, or a byte of a multi-byte character
	}
	return i, jsonSyntax(data, start, "unterminated string")
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// stringOf is the value of a checked JSON string (quotes included). Plain
// ASCII is copied as it is; escapes and other bytes go through
// encoding/json, which knows the rules for surrogates and bad UTF-8.
func stringOf(raw []byte) (string, error) {
	inner := raw[1 : len(raw)-1]
	if plainPrefix(inner, false) != len(inner) {
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	}
	return string(inner), nil
}

// nameOf is a member name: the bytes between the quotes when they are
// plain ASCII, else the unescaped string.
func nameOf(raw []byte) ([]byte, error) {
	inner := raw[1 : len(raw)-1]
	if plainPrefix(inner, false) != len(inner) {
		s, err := stringOf(raw)
		return []byte(s), err
	}
	return inner, nil
}

// stringValue reads a string member: null leaves it as it was.
func stringValue(dst *string, name []byte, raw []byte) error {
	switch raw[0] {
	case '"':
		s, err := stringOf(raw)
		if err != nil {
			return err
		}
		*dst = s
		return nil
	case 'n':
		return nil
	}
	return fmt.Errorf("member %s is not a string", name)
}

// stringMapValue reads an object of strings into *dst, adding to the map
// it already holds; null makes it nil.
func stringMapValue(dst *map[string]string, name []byte, raw []byte) error {
	if raw[0] == 'n' {
		*dst = nil
		return nil
	}
	if raw[0] != '{' {
		return fmt.Errorf("member %s is not an object", name)
	}
	if *dst == nil {
		*dst = map[string]string{}
	}
	m := *dst
	_, err := readObject(raw, 0, 1, func(k, v []byte) error {
		var s string // a null element is the empty string
		if err := stringValue(&s, k, v); err != nil {
			return err
		}
		m[string(k)] = s
		return nil
	})
	return err
}

// objectValue reads an object member with fields; null is reported as
// absent (present false).
func objectValue(name []byte, raw []byte, member func(name, value []byte) error) (present bool, err error) {
	if raw[0] == 'n' {
		return false, nil
	}
	if raw[0] != '{' {
		return false, fmt.Errorf("member %s is not an object", name)
	}
	_, err = readObject(raw, 0, 1, member)
	return true, err
}

// sliceValue reads an array member into *dst, element by element with
// read, the way encoding/json fills a slice: the elements it already holds
// are read into, what is left over is cut off, an empty array is an empty
// slice and null a nil one.
func sliceValue[T any](dst *[]T, name, raw []byte, read func(e *T, value []byte) error) error {
	switch raw[0] {
	case 'n':
		*dst = nil
		return nil
	case '[':
	default:
		return fmt.Errorf("member %s is not an array", name)
	}
	s, count := *dst, 0
	_, err := readArray(raw, 0, 1, func(n int, v []byte) error {
		if n >= cap(s) {
			s = slices.Grow(s, 1)
		}
		if n >= len(s) {
			s = s[:n+1]
		}
		count = n + 1
		return read(&s[n], v)
	})
	if err != nil {
		return err
	}
	if count == 0 {
		s = make([]T, 0)
	}
	*dst = s[:count]
	return nil
}

func (out *listUsersOut) readJSON(data []byte) error {
	return readDocument(data, func(name, v []byte) error {
		if string(name) != "Users" {
			return nil
		}
		return sliceValue(&out.Users, name, v, func(u *listedUser, v []byte) error {
			_, err := objectValue(name, v, func(name, v []byte) error {
				switch string(name) {
				case "Username":
					return stringValue(&u.Username, name, v)
				case "Attributes":
					return sliceValue(&u.Attributes, name, v, func(a *attribute, v []byte) error {
						return readAttribute(a, name, v)
					})
				}
				return nil
			})
			return err
		})
	})
}

// readAttribute reads one element of an Attributes member.
func readAttribute(a *attribute, member, v []byte) error {
	_, err := objectValue(member, v, func(name, v []byte) error {
		switch string(name) {
		case "Name":
			return stringValue(&a.Name, name, v)
		case "Value":
			return stringValue(&a.Value, name, v)
		}
		return nil
	})
	return err
}

func (out *getUserOut) readJSON(data []byte) error {
	return readDocument(data, func(name, v []byte) error {
		if string(name) == "Username" {
			return stringValue(&out.Username, name, v)
		}
		return nil
	})
}

func (out *signUpOut) readJSON(data []byte) error {
	return readDocument(data, func(name, v []byte) error {
		if string(name) == "UserSub" {
			return stringValue(&out.UserSub, name, v)
		}
		return nil
	})
}

func (out *getIdOut) readJSON(data []byte) error {
	return readDocument(data, func(name, v []byte) error {
		if string(name) == "IdentityId" {
			return stringValue(&out.IdentityId, name, v)
		}
		return nil
	})
}

func (out *getCredentialsOut) readJSON(data []byte) error {
	return readDocument(data, func(name, v []byte) error {
		switch string(name) {
		case "IdentityId":
			return stringValue(&out.IdentityId, name, v)
		case "Credentials":
			c := &out.Credentials
			_, err := objectValue(name, v, func(name, v []byte) error {
				switch string(name) {
				case "AccessKeyId":
					return stringValue(&c.AccessKeyId, name, v)
				case "SecretKey":
					return stringValue(&c.SecretKey, name, v)
				case "SessionToken":
					return stringValue(&c.SessionToken, name, v)
				}
				return nil
			})
			return err
		}
		return nil
	})
}

func (out *authOut) readJSON(data []byte) error {
	return readDocument(data, func(name, v []byte) error {
		switch string(name) {
		case "ChallengeName":
			return stringValue(&out.ChallengeName, name, v)
		case "Session":
			return stringValue(&out.Session, name, v)
		case "ChallengeParameters":
			return stringMapValue(&out.ChallengeParameters, name, v)
		case "AuthenticationResult":
			r := out.AuthenticationResult
			if r == nil {
				r = &authResult{}
			}
			present, err := objectValue(name, v, func(name, v []byte) error {
				switch string(name) {
				case "AccessToken":
					return stringValue(&r.AccessToken, name, v)
				case "IdToken":
					return stringValue(&r.IdToken, name, v)
				case "RefreshToken":
					return stringValue(&r.RefreshToken, name, v)
				}
				return nil
			})
			if present {
				out.AuthenticationResult = r
			} else {
				out.AuthenticationResult = nil
			}
			return err
		}
		return nil
	})
}
