package idp

import (
	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// wireGroup is GroupType.
type wireGroup struct {
	GroupName        string        `json:"GroupName"`
	UserPoolId       string        `json:"UserPoolId"`
	Description      *string       `json:"Description,omitempty"`
	RoleArn          *string       `json:"RoleArn,omitempty"`
	Precedence       *int64        `json:"Precedence,omitempty"`
	LastModifiedDate *awsjson.Time `json:"LastModifiedDate,omitempty"`
	CreationDate     *awsjson.Time `json:"CreationDate,omitempty"`
}

// groupRefInput names a group.
type groupRefInput struct {
	GroupName  *string `json:"GroupName"`
	UserPoolId *string `json:"UserPoolId"`
}

func (in groupRefInput) ref() userpool.GroupRef {
	return userpool.GroupRef{PoolID: in.UserPoolId, GroupName: in.GroupName}
}

// groupInput is CreateGroup's and UpdateGroup's request.
type groupInput struct {
	groupRefInput
	Description *string `json:"Description"`
	RoleArn     *string `json:"RoleArn"`
	Precedence  *int64  `json:"Precedence"`
}

func (in groupInput) domain() userpool.GroupInput {
	return userpool.GroupInput{PoolID: in.UserPoolId, GroupName: in.GroupName,
		Description: in.Description, RoleArn: in.RoleArn, Precedence: in.Precedence}
}

type groupOutput struct {
	Group wireGroup `json:"Group"`
}

func toWireGroup(g *userpool.Group) wireGroup {
	return wireGroup{
		GroupName: g.Name, UserPoolId: g.PoolID,
		Description: optional(g.Description), RoleArn: optional(g.RoleArn), Precedence: g.Precedence,
		LastModifiedDate: awsjson.At(g.UpdatedAt), CreationDate: awsjson.At(g.CreatedAt),
	}
}

func toWireGroups(groups []*userpool.Group) []wireGroup {
	out := make([]wireGroup, 0, len(groups))
	for _, g := range groups {
		out = append(out, toWireGroup(g))
	}
	return out
}

// groupListOutput is the answer of ListGroups and AdminListGroupsForUser.
type groupListOutput struct {
	Groups    []wireGroup `json:"Groups"`
	NextToken *string     `json:"NextToken,omitempty"`
}
