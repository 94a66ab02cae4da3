package e2e

import (
	"fmt"
	"sort"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

const adminsRole = "arn:aws:iam::123456789012:role/Admins"

func TestGroups(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		out, err := env.IDP.CreateGroup(env.Ctx, &cip.CreateGroupInput{UserPoolId: aws.String(poolID),
			GroupName: aws.String("Admins"), Description: aws.String("People who run things"),
			RoleArn: aws.String(adminsRole), Precedence: aws.Int32(1)})
		if err != nil {
			t.Fatal(err)
		}
		g := out.Group
		if aws.ToString(g.GroupName) != "Admins" || aws.ToString(g.UserPoolId) != poolID ||
			aws.ToString(g.Description) != "People who run things" || aws.ToString(g.RoleArn) != adminsRole ||
			aws.ToInt32(g.Precedence) != 1 || g.CreationDate == nil || g.LastModifiedDate == nil {
			t.Fatalf("created group %+v", g)
		}
		got, err := env.IDP.GetGroup(env.Ctx, &cip.GetGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String("Admins")})
		if err != nil || aws.ToString(got.Group.RoleArn) != adminsRole {
			t.Fatalf("GetGroup: %+v, %v", got, err)
		}
		// Group names are case-sensitive.
		if _, err := env.IDP.CreateGroup(env.Ctx, &cip.CreateGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String("admins")}); err != nil {
			t.Fatal(err)
		}

		// UpdateGroup changes only what it is given.
		up, err := env.IDP.UpdateGroup(env.Ctx, &cip.UpdateGroupInput{UserPoolId: aws.String(poolID),
			GroupName: aws.String("Admins"), Description: aws.String("Operators")})
		if err != nil {
			t.Fatal(err)
		}
		if aws.ToString(up.Group.Description) != "Operators" || aws.ToString(up.Group.RoleArn) != adminsRole || aws.ToInt32(up.Group.Precedence) != 1 {
			t.Fatalf("after updating the description: %+v", up.Group)
		}
		up, err = env.IDP.UpdateGroup(env.Ctx, &cip.UpdateGroupInput{UserPoolId: aws.String(poolID),
			GroupName: aws.String("Admins"), Precedence: aws.Int32(0)})
		if err != nil || aws.ToInt32(up.Group.Precedence) != 0 || aws.ToString(up.Group.Description) != "Operators" {
			t.Fatalf("after updating the precedence: %+v, %v", up, err)
		}

		failures := []struct {
			name     string
			call     func() error
			typ, msg string
		}{
			{"existing group", func() error {
				_, err := env.IDP.CreateGroup(env.Ctx, &cip.CreateGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String("Admins")})
				return err
			}, "GroupExistsException", "A group with the name Admins already exists."},
			{"bad role", func() error {
				_, err := env.IDP.CreateGroup(env.Ctx, &cip.CreateGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String("x"),
					RoleArn: aws.String("not-an-arn-but-long-enough")})
				return err
			}, "InvalidParameterException", `1 validation error detected: Value 'not-an-arn-but-long-enough' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?`},
			{"negative precedence", func() error {
				_, err := env.IDP.CreateGroup(env.Ctx, &cip.CreateGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String("x"),
					Precedence: aws.Int32(-1)})
				return err
			}, "InvalidParameterException", "1 validation error detected: Value '-1' at 'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0"},
			{"name with a space", func() error {
				_, err := env.IDP.CreateGroup(env.Ctx, &cip.CreateGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String("two words")})
				return err
			}, "InvalidParameterException", `1 validation error detected: Value 'two words' at 'groupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}]+`},
			{"unknown pool", func() error {
				_, err := env.IDP.CreateGroup(env.Ctx, &cip.CreateGroupInput{UserPoolId: aws.String("us-east-1_Nope00000"), GroupName: aws.String("x")})
				return err
			}, "ResourceNotFoundException", "User pool us-east-1_Nope00000 does not exist."},
			{"get unknown group", func() error {
				_, err := env.IDP.GetGroup(env.Ctx, &cip.GetGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String("Nobody")})
				return err
			}, "ResourceNotFoundException", "Group not found."},
			{"update unknown group", func() error {
				_, err := env.IDP.UpdateGroup(env.Ctx, &cip.UpdateGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String("Nobody"),
					Description: aws.String("x")})
				return err
			}, "ResourceNotFoundException", "Group not found."},
			{"delete unknown group", func() error {
				_, err := env.IDP.DeleteGroup(env.Ctx, &cip.DeleteGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String("Nobody")})
				return err
			}, "ResourceNotFoundException", "Group not found."},
			{"list groups of unknown pool", func() error {
				_, err := env.IDP.ListGroups(env.Ctx, &cip.ListGroupsInput{UserPoolId: aws.String("us-east-1_Nope00000")})
				return err
			}, "ResourceNotFoundException", "User pool us-east-1_Nope00000 does not exist."},
		}
		for _, f := range failures {
			t.Run(f.name, func(t *testing.T) { wantAPIError(t, f.call(), f.typ, f.msg) })
		}

		// ListGroups pages through every group once, in name order.
		for i := 0; i < 5; i++ {
			if _, err := env.IDP.CreateGroup(env.Ctx, &cip.CreateGroupInput{UserPoolId: aws.String(poolID),
				GroupName: aws.String(fmt.Sprintf("team-%d", i))}); err != nil {
				t.Fatal(err)
			}
		}
		var names []string
		var token *string
		for pages := 1; ; pages++ {
			out, err := env.IDP.ListGroups(env.Ctx, &cip.ListGroupsInput{UserPoolId: aws.String(poolID), Limit: aws.Int32(3), NextToken: token})
			if err != nil {
				t.Fatal(err)
			}
			for _, g := range out.Groups {
				names = append(names, aws.ToString(g.GroupName))
			}
			if out.NextToken == nil {
				if pages != 3 {
					t.Fatalf("%d pages of 3 for 7 groups", pages)
				}
				break
			}
			token = out.NextToken
		}
		want := []string{"Admins", "admins", "team-0", "team-1", "team-2", "team-3", "team-4"}
		if fmt.Sprint(names) != fmt.Sprint(want) {
			t.Fatalf("ListGroups gave %v, want %v", names, want)
		}

		if _, err := env.IDP.DeleteGroup(env.Ctx, &cip.DeleteGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String("admins")}); err != nil {
			t.Fatal(err)
		}
		_, err = env.IDP.GetGroup(env.Ctx, &cip.GetGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String("admins")})
		wantAPIError(t, err, "ResourceNotFoundException", "Group not found.")
	})
}

func TestGroupMembership(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.AliasAttributes = []types.AliasAttributeType{types.AliasAttributeTypeEmail}
		})
		for _, g := range []string{"Admins", "Editors", "Readers"} {
			if _, err := env.IDP.CreateGroup(env.Ctx, &cip.CreateGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String(g)}); err != nil {
				t.Fatal(err)
			}
		}
		for _, u := range []string{"ann", "ben", "cat", "dee"} {
			mkUser(t, env, poolID, u, "email", u+"@example.com", "email_verified", "true")
		}
		add := func(user, group string) error {
			_, err := env.IDP.AdminAddUserToGroup(env.Ctx, &cip.AdminAddUserToGroupInput{UserPoolId: aws.String(poolID),
				Username: aws.String(user), GroupName: aws.String(group)})
			return err
		}
		remove := func(user, group string) error {
			_, err := env.IDP.AdminRemoveUserFromGroup(env.Ctx, &cip.AdminRemoveUserFromGroupInput{UserPoolId: aws.String(poolID),
				Username: aws.String(user), GroupName: aws.String(group)})
			return err
		}
		groupsOf := func(user string) []string {
			t.Helper()
			out, err := env.IDP.AdminListGroupsForUser(env.Ctx, &cip.AdminListGroupsForUserInput{UserPoolId: aws.String(poolID), Username: aws.String(user)})
			if err != nil {
				t.Fatalf("AdminListGroupsForUser %s: %v", user, err)
			}
			var names []string
			for _, g := range out.Groups {
				names = append(names, aws.ToString(g.GroupName))
			}
			return names
		}
		membersOf := func(group string) []string {
			t.Helper()
			var names []string
			var token *string
			for {
				out, err := env.IDP.ListUsersInGroup(env.Ctx, &cip.ListUsersInGroupInput{UserPoolId: aws.String(poolID),
					GroupName: aws.String(group), Limit: aws.Int32(2), NextToken: token})
				if err != nil {
					t.Fatalf("ListUsersInGroup %s: %v", group, err)
				}
				for _, u := range out.Users {
					names = append(names, aws.ToString(u.Username))
				}
				if out.NextToken == nil {
					break
				}
				token = out.NextToken
			}
			sort.Strings(names)
			return names
		}

		for _, m := range [][2]string{{"ann", "Admins"}, {"ann", "Readers"}, {"ben", "Readers"}, {"cat", "Readers"},
			{"dee", "Readers"}, {"dee", "Editors"}} {
			if err := add(m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
		// Adding twice is fine; so is naming the user by a verified alias.
		if err := add("ann@example.com", "Admins"); err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(groupsOf("ann")); got != "[Admins Readers]" {
			t.Fatalf("ann's groups: %s", got)
		}
		if got := fmt.Sprint(membersOf("Readers")); got != "[ann ben cat dee]" {
			t.Fatalf("Readers: %s", got)
		}
		// Pages of AdminListGroupsForUser.
		out, err := env.IDP.AdminListGroupsForUser(env.Ctx, &cip.AdminListGroupsForUserInput{UserPoolId: aws.String(poolID),
			Username: aws.String("dee"), Limit: aws.Int32(1)})
		if err != nil || len(out.Groups) != 1 || out.NextToken == nil || aws.ToString(out.Groups[0].GroupName) != "Editors" {
			t.Fatalf("first page of dee's groups: %+v, %v", out, err)
		}
		out, err = env.IDP.AdminListGroupsForUser(env.Ctx, &cip.AdminListGroupsForUserInput{UserPoolId: aws.String(poolID),
			Username: aws.String("dee"), Limit: aws.Int32(1), NextToken: out.NextToken})
		if err != nil || len(out.Groups) != 1 || aws.ToString(out.Groups[0].GroupName) != "Readers" {
			t.Fatalf("second page of dee's groups: %+v, %v", out, err)
		}

		if err := remove("ben", "Readers"); err != nil {
			t.Fatal(err)
		}
		if err := remove("ben", "Readers"); err != nil {
			t.Fatalf("removing a non-member: %v", err)
		}
		if got := groupsOf("ben"); len(got) != 0 {
			t.Fatalf("ben's groups after removal: %v", got)
		}

		wantAPIError(t, add("ghost", "Readers"), "UserNotFoundException", "User does not exist.")
		wantAPIError(t, add("ann", "Nobody"), "ResourceNotFoundException", "Group not found.")
		wantAPIError(t, remove("ghost", "Readers"), "UserNotFoundException", "User does not exist.")
		wantAPIError(t, remove("ann", "Nobody"), "ResourceNotFoundException", "Group not found.")
		_, err = env.IDP.AdminListGroupsForUser(env.Ctx, &cip.AdminListGroupsForUserInput{UserPoolId: aws.String(poolID), Username: aws.String("ghost")})
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
		_, err = env.IDP.ListUsersInGroup(env.Ctx, &cip.ListUsersInGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String("Nobody")})
		wantAPIError(t, err, "ResourceNotFoundException", "Group not found.")

		// Deleting a user removes its memberships...
		if _, err := env.IDP.AdminDeleteUser(env.Ctx, &cip.AdminDeleteUserInput{UserPoolId: aws.String(poolID), Username: aws.String("cat")}); err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(membersOf("Readers")); got != "[ann dee]" {
			t.Fatalf("Readers after deleting cat: %s", got)
		}
		// ...and a new user of the same name starts without them.
		mkUser(t, env, poolID, "cat")
		if got := groupsOf("cat"); len(got) != 0 {
			t.Fatalf("new cat inherited groups %v", got)
		}
		// Deleting a group removes it from its members.
		if _, err := env.IDP.DeleteGroup(env.Ctx, &cip.DeleteGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String("Readers")}); err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(groupsOf("dee")); got != "[Editors]" {
			t.Fatalf("dee's groups after deleting Readers: %s", got)
		}
		if got := fmt.Sprint(groupsOf("ann")); got != "[Admins]" {
			t.Fatalf("ann's groups after deleting Readers: %s", got)
		}
	})
}
