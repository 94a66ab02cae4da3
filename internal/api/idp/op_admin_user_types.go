package idp

import (
	"sort"

	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// wireAttribute is AttributeType.
type wireAttribute struct {
	Name  *string `json:"Name"`
	Value *string `json:"Value,omitempty"`
}

// wireMFAOption is MFAOptionType.
type wireMFAOption struct {
	DeliveryMedium string `json:"DeliveryMedium,omitempty"`
	AttributeName  string `json:"AttributeName,omitempty"`
}

// wireUser is UserType, as AdminCreateUser, ListUsers and
// ListUsersInGroup return it.
type wireUser struct {
	Username             string          `json:"Username"`
	Attributes           []wireAttribute `json:"Attributes"`
	UserCreateDate       *awsjson.Time   `json:"UserCreateDate,omitempty"`
	UserLastModifiedDate *awsjson.Time   `json:"UserLastModifiedDate,omitempty"`
	Enabled              bool            `json:"Enabled"`
	UserStatus           string          `json:"UserStatus"`
	MFAOptions           []wireMFAOption `json:"MFAOptions,omitempty"`
}

// userRefInput is the pair of members every admin user operation has.
type userRefInput struct {
	UserPoolId *string `json:"UserPoolId"`
	Username   *string `json:"Username"`
}

func (in userRefInput) ref() userpool.UserRef {
	return userpool.UserRef{PoolID: in.UserPoolId, Username: in.Username}
}

func toWireUser(u *userpool.User) wireUser {
	return wireUser{
		Username:             u.Username,
		Attributes:           toWireAttributes(u.Attributes),
		UserCreateDate:       awsjson.At(u.CreatedAt),
		UserLastModifiedDate: awsjson.At(u.UpdatedAt),
		Enabled:              u.Enabled,
		UserStatus:           u.Status,
		MFAOptions:           toWireMFAOptions(u.Private.MFAOptions),
	}
}

func toWireUsers(users []*userpool.User) []wireUser {
	out := make([]wireUser, 0, len(users))
	for _, u := range users {
		out = append(out, toWireUser(u))
	}
	return out
}

// toWireAttributes lists attributes with sub first, then by name.
func toWireAttributes(attrs map[string]string) []wireAttribute {
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == userpool.AttrSub) != (names[j] == userpool.AttrSub) {
			return names[i] == userpool.AttrSub
		}
		return names[i] < names[j]
	})
	out := make([]wireAttribute, 0, len(names))
	for _, n := range names {
		name, value := n, attrs[n]
		out = append(out, wireAttribute{Name: &name, Value: &value})
	}
	return out
}

func toWireMFAOptions(opts []userpool.MFAOption) []wireMFAOption {
	var out []wireMFAOption
	for _, o := range opts {
		out = append(out, wireMFAOption{DeliveryMedium: o.DeliveryMedium, AttributeName: o.AttributeName})
	}
	return out
}

// attributeInputs converts a request's AttributeListType. A nil list stays
// nil, so that the domain can tell a missing member from an empty one.
func attributeInputs(list []wireAttribute) []userpool.AttributeInput {
	if list == nil {
		return nil
	}
	out := make([]userpool.AttributeInput, 0, len(list))
	for _, a := range list {
		out = append(out, userpool.AttributeInput{Name: a.Name, Value: a.Value})
	}
	return out
}

// int32Limit widens a Limit member for the domain.
func int32Limit(p *int32) *int64 {
	if p == nil {
		return nil
	}
	v := int64(*p)
	return &v
}

// optional returns nil for "", for output members that are omitted when
// empty.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
