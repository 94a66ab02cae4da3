package loadgen

import (
	"encoding/json"
	"slices"
	"strconv"
)

// Hand-written JSON of the requests the scenarios send in their loops:
// the bytes encoding/json writes for the same values (member order,
// omitted members, sorted map keys, escaping), without its reflection.
// Requests sent only while setting up go through encoding/json. A test
// holds each one to encoding/json's output.

// jsonAppender is a request body that writes itself.
type jsonAppender interface {
	appendJSON(b []byte) []byte
}

// appendBody appends the JSON of in to b.
func appendBody(b []byte, in any) ([]byte, error) {
	if a, ok := in.(jsonAppender); ok {
		return a.appendJSON(b), nil
	}
	data, err := json.Marshal(in)
	if err != nil {
		return b, err
	}
	return append(b, data...), nil
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it. Plain printable ASCII, which is what tokens, IDs and the
// load users' names are, is copied as it is; anything else goes through
// encoding/json.
func appendJSONString(b []byte, s string) []byte {
	if plainPrefix(s, true) != len(s) {
		data, _ := json.Marshal(s) // a string always marshals
		return append(b, data...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// plainPrefix is the length of the leading run of s that a JSON string
// holds as it is: printable ASCII but '"' and '\\' (and, with html, '<',
// '>' and '&', which encoding/json escapes). Tokens are kilobytes of such
// bytes: they are checked eight at a time.
func plainPrefix[T string | []byte](s T, html bool) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// zero flags (in a byte's high bit) whether some byte of v is zero.
	zero := func(v uint64) uint64 { return (v - ones) &^ v }
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A byte below 0x20 borrows (and sets its high bit); one from
		// 0x80 has it already.
		bad := (w - ones*0x20) | w | zero(w^(ones*'"')) | zero(w^(ones*'\\'))
		if html {
			bad |= zero(w^(ones*'<')) | zero(w^(ones*'>')) | zero(w^(ones*'&'))
		}
		if bad&highs != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x80 || c == '"' || c == '\\' || (html && (c == '<' || c == '>' || c == '&')) {
			return i
		}
	}
	return i
}

// appendMember appends "name": and the string value, after a comma unless
// it is the object's first member (b ends with '{').
func appendMember(b []byte, name, value string) []byte {
	if b[len(b)-1] != '{' {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, name...)
	b = append(b, `":`...)
	return appendJSONString(b, value)
}

// appendStringMap appends m as a JSON object, keys sorted as encoding/json
// sorts them; a nil map is null.
func appendStringMap(b []byte, m map[string]string) []byte {
	if m == nil {
		return append(b, "null"...)
	}
	var stack [8]string
	keys := stack[:0]
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, k)
		b = append(b, ':')
		b = appendJSONString(b, m[k])
	}
	return append(b, '}')
}

func (in getUserIn) appendJSON(b []byte) []byte {
	b = append(b, '{')
	return append(appendMember(b, "AccessToken", in.AccessToken), '}')
}

func (in initiateAuthIn) appendJSON(b []byte) []byte {
	b = append(b, '{')
	b = appendMember(b, "AuthFlow", in.AuthFlow)
	b = appendMember(b, "ClientId", in.ClientId)
	b = append(b, `,"AuthParameters":`...)
	return append(appendStringMap(b, in.AuthParameters), '}')
}

func (in respondToAuthChallengeIn) appendJSON(b []byte) []byte {
	b = append(b, '{')
	b = appendMember(b, "ChallengeName", in.ChallengeName)
	b = appendMember(b, "ClientId", in.ClientId)
	if in.Session != "" {
		b = appendMember(b, "Session", in.Session)
	}
	b = append(b, `,"ChallengeResponses":`...)
	return append(appendStringMap(b, in.ChallengeResponses), '}')
}

func (in signUpIn) appendJSON(b []byte) []byte {
	b = append(b, '{')
	b = appendMember(b, "ClientId", in.ClientId)
	if in.SecretHash != "" {
		b = appendMember(b, "SecretHash", in.SecretHash)
	}
	b = appendMember(b, "Username", in.Username)
	return append(appendMember(b, "Password", in.Password), '}')
}

func (in adminUserIn) appendJSON(b []byte) []byte {
	b = append(b, '{')
	b = appendMember(b, "UserPoolId", in.UserPoolId)
	return append(appendMember(b, "Username", in.Username), '}')
}

func (in listUsersIn) appendJSON(b []byte) []byte {
	b = append(b, '{')
	b = appendMember(b, "UserPoolId", in.UserPoolId)
	if in.Filter != "" {
		b = appendMember(b, "Filter", in.Filter)
	}
	if in.Limit != 0 {
		b = append(b, `,"Limit":`...)
		b = strconv.AppendInt(b, int64(in.Limit), 10)
	}
	return append(b, '}')
}

func (in getIdIn) appendJSON(b []byte) []byte {
	b = append(b, '{')
	b = appendMember(b, "IdentityPoolId", in.IdentityPoolId)
	if len(in.Logins) > 0 {
		b = append(b, `,"Logins":`...)
		b = appendStringMap(b, in.Logins)
	}
	return append(b, '}')
}

func (in getCredentialsIn) appendJSON(b []byte) []byte {
	b = append(b, '{')
	b = appendMember(b, "IdentityId", in.IdentityId)
	if len(in.Logins) > 0 {
		b = append(b, `,"Logins":`...)
		b = appendStringMap(b, in.Logins)
	}
	return append(b, '}')
}
