package e2e

import (
	"regexp"
	"sort"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

// attrList builds UserAttributes from name, value pairs.
func attrList(kv ...string) []types.AttributeType {
	var out []types.AttributeType
	for i := 0; i < len(kv); i += 2 {
		out = append(out, types.AttributeType{Name: aws.String(kv[i]), Value: aws.String(kv[i+1])})
	}
	return out
}

// attrValue returns the value of name in attrs and whether it is there.
func attrValue(attrs []types.AttributeType, name string) (string, bool) {
	for _, a := range attrs {
		if aws.ToString(a.Name) == name {
			return aws.ToString(a.Value), true
		}
	}
	return "", false
}

// mkUser creates a user without an invitation.
func mkUser(t *testing.T, env *Env, poolID, username string, kv ...string) *types.UserType {
	t.Helper()
	out, err := env.IDP.AdminCreateUser(env.Ctx, &cip.AdminCreateUserInput{
		UserPoolId: aws.String(poolID), Username: aws.String(username),
		UserAttributes: attrList(kv...), MessageAction: types.MessageActionTypeSuppress,
	})
	if err != nil {
		t.Fatalf("AdminCreateUser %s: %v", username, err)
	}
	return out.User
}

func getUser(t *testing.T, env *Env, poolID, username string) *cip.AdminGetUserOutput {
	t.Helper()
	out, err := env.IDP.AdminGetUser(env.Ctx, &cip.AdminGetUserInput{UserPoolId: aws.String(poolID), Username: aws.String(username)})
	if err != nil {
		t.Fatalf("AdminGetUser %s: %v", username, err)
	}
	return out
}

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestAdminCreateUser(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.AliasAttributes = []types.AliasAttributeType{types.AliasAttributeTypeEmail}
			in.Schema = []types.SchemaAttributeType{
				{Name: aws.String("team"), AttributeDataType: types.AttributeDataTypeString, Mutable: aws.Bool(true)},
			}
		})
		out, err := env.IDP.AdminCreateUser(env.Ctx, &cip.AdminCreateUserInput{
			UserPoolId: aws.String(poolID), Username: aws.String("ada"),
			TemporaryPassword: aws.String("Temp-Passw0rd!"),
			UserAttributes:    attrList("email", "ada@example.com", "name", "Ada Lovelace", "custom:team", "engines"),
			MessageAction:     types.MessageActionTypeSuppress,
		})
		if err != nil {
			t.Fatal(err)
		}
		u := out.User
		if aws.ToString(u.Username) != "ada" || !u.Enabled || u.UserStatus != types.UserStatusTypeForceChangePassword {
			t.Fatalf("created user %+v", u)
		}
		if u.UserCreateDate == nil || u.UserLastModifiedDate == nil {
			t.Fatal("dates missing")
		}
		sub, _ := attrValue(u.Attributes, "sub")
		if !uuidV4.MatchString(sub) {
			t.Fatalf("sub %q is not a UUID v4", sub)
		}
		if v, _ := attrValue(u.Attributes, "custom:team"); v != "engines" {
			t.Fatalf("custom:team = %q", v)
		}

		got := getUser(t, env, poolID, "ada")
		if aws.ToString(got.Username) != "ada" || got.UserStatus != types.UserStatusTypeForceChangePassword || !got.Enabled {
			t.Fatalf("AdminGetUser %+v", got)
		}
		if v, _ := attrValue(got.UserAttributes, "email"); v != "ada@example.com" {
			t.Fatalf("email = %q", v)
		}
		if bySub := getUser(t, env, poolID, sub); aws.ToString(bySub.Username) != "ada" {
			t.Fatalf("lookup by sub found %s", aws.ToString(bySub.Username))
		}
		// Without a temporary password one is generated.
		mkUser(t, env, poolID, "babbage")

		failures := []struct {
			name     string
			in       cip.AdminCreateUserInput
			typ, msg string
		}{
			{"existing username", cip.AdminCreateUserInput{Username: aws.String("ada")},
				"UsernameExistsException", "User account already exists"},
			{"unknown pool", cip.AdminCreateUserInput{UserPoolId: aws.String("us-east-1_Nope00000"), Username: aws.String("x")},
				"ResourceNotFoundException", "User pool us-east-1_Nope00000 does not exist."},
			{"password too short", cip.AdminCreateUserInput{Username: aws.String("c1"), TemporaryPassword: aws.String("Ab1!")},
				"InvalidPasswordException", "Password did not conform with policy: Password not long enough"},
			{"password without symbol", cip.AdminCreateUserInput{Username: aws.String("c2"), TemporaryPassword: aws.String("Abcdefg12")},
				"InvalidPasswordException", "Password did not conform with policy: Password must have symbol characters"},
			{"unknown attribute", cip.AdminCreateUserInput{Username: aws.String("c3"), UserAttributes: attrList("favorite", "x")},
				"InvalidParameterException", "Attributes did not conform to the schema: favorite: Attribute does not exist in the schema.\n"},
			{"custom attribute without prefix", cip.AdminCreateUserInput{Username: aws.String("c4"), UserAttributes: attrList("team", "x")},
				"InvalidParameterException", "Attributes did not conform to the schema: team: Attribute does not exist in the schema.\n"},
			{"bad email", cip.AdminCreateUserInput{Username: aws.String("c5"), UserAttributes: attrList("email", "nope")},
				"InvalidParameterException", "Invalid email address format."},
			{"bad phone", cip.AdminCreateUserInput{Username: aws.String("c6"), UserAttributes: attrList("phone_number", "12345")},
				"InvalidParameterException", "Invalid phone number format."},
			{"username with a space", cip.AdminCreateUserInput{Username: aws.String("two words")},
				"InvalidParameterException", `1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}]+`},
			{"email as username in an email-alias pool", cip.AdminCreateUserInput{Username: aws.String("c7@example.com")},
				"InvalidParameterException", "Username cannot be of email format, since user pool is configured for email alias."},
			{"email delivery without email", cip.AdminCreateUserInput{Username: aws.String("c8"),
				DesiredDeliveryMediums: []types.DeliveryMediumType{types.DeliveryMediumTypeEmail}},
				"InvalidParameterException", "No email provided but desired delivery medium was Email"},
			{"resend to nobody", cip.AdminCreateUserInput{Username: aws.String("nobody"), MessageAction: types.MessageActionTypeResend},
				"UserNotFoundException", "User does not exist."},
			{"unknown message action", cip.AdminCreateUserInput{Username: aws.String("c9"), MessageAction: "SHOUT"},
				"InvalidParameterException", "1 validation error detected: Value 'SHOUT' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]"},
		}
		for _, f := range failures {
			t.Run(f.name, func(t *testing.T) {
				in := f.in
				if in.UserPoolId == nil {
					in.UserPoolId = aws.String(poolID)
				}
				if in.MessageAction == "" && in.DesiredDeliveryMediums == nil {
					in.MessageAction = types.MessageActionTypeSuppress
				}
				_, err := env.IDP.AdminCreateUser(env.Ctx, &in)
				wantAPIError(t, err, f.typ, f.msg)
			})
		}
		// None of the failures left a user behind.
		list, err := env.IDP.ListUsers(env.Ctx, &cip.ListUsersInput{UserPoolId: aws.String(poolID)})
		if err != nil || len(list.Users) != 2 {
			t.Fatalf("users after failures: %d, %v", len(list.Users), err)
		}

		// RESEND gives an invited user a new temporary password.
		if _, err := env.IDP.AdminCreateUser(env.Ctx, &cip.AdminCreateUserInput{UserPoolId: aws.String(poolID),
			Username: aws.String("ada"), MessageAction: types.MessageActionTypeResend}); err != nil {
			t.Fatalf("RESEND: %v", err)
		}

		_, err = env.Anon.AdminCreateUser(env.Ctx, &cip.AdminCreateUserInput{UserPoolId: aws.String(poolID), Username: aws.String("x")})
		if err == nil {
			t.Fatal("AdminCreateUser succeeded with unknown credentials")
		}
	})
}

func TestAdminGetUserUnknown(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		_, err := env.IDP.AdminGetUser(env.Ctx, &cip.AdminGetUserInput{UserPoolId: aws.String(poolID), Username: aws.String("ghost")})
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
		_, err = env.IDP.AdminGetUser(env.Ctx, &cip.AdminGetUserInput{UserPoolId: aws.String("us-east-1_Nope00000"), Username: aws.String("ghost")})
		wantAPIError(t, err, "ResourceNotFoundException", "User pool us-east-1_Nope00000 does not exist.")
		_, err = env.IDP.AdminGetUser(env.Ctx, &cip.AdminGetUserInput{UserPoolId: aws.String("not a pool"), Username: aws.String("ghost")})
		wantAPIError(t, err, "InvalidParameterException",
			`1 validation error detected: Value 'not a pool' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w-]+_[0-9a-zA-Z]+`)
	})
}

func TestAdminSetUserPasswordAndConfirm(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.Policies = &types.UserPoolPolicyType{PasswordPolicy: &types.PasswordPolicyType{
				MinimumLength: aws.Int32(10), RequireNumbers: true, TemporaryPasswordValidityDays: 3}}
		})
		mkUser(t, env, poolID, "grace")
		set := func(password string, permanent bool) error {
			_, err := env.IDP.AdminSetUserPassword(env.Ctx, &cip.AdminSetUserPasswordInput{UserPoolId: aws.String(poolID),
				Username: aws.String("grace"), Password: aws.String(password), Permanent: permanent})
			return err
		}
		confirm := func(username string) error {
			_, err := env.IDP.AdminConfirmSignUp(env.Ctx, &cip.AdminConfirmSignUpInput{UserPoolId: aws.String(poolID), Username: aws.String(username)})
			return err
		}
		wantAPIError(t, confirm("grace"), "NotAuthorizedException", "User cannot be confirmed. Current status is FORCE_CHANGE_PASSWORD")

		if err := set("long enough 1", true); err != nil {
			t.Fatal(err)
		}
		if s := getUser(t, env, poolID, "grace").UserStatus; s != types.UserStatusTypeConfirmed {
			t.Fatalf("status after a permanent password: %s", s)
		}
		wantAPIError(t, confirm("grace"), "NotAuthorizedException", "User cannot be confirmed. Current status is CONFIRMED")

		if err := set("temporary 22", false); err != nil {
			t.Fatal(err)
		}
		if s := getUser(t, env, poolID, "grace").UserStatus; s != types.UserStatusTypeForceChangePassword {
			t.Fatalf("status after a temporary password: %s", s)
		}
		wantAPIError(t, set("short1", true), "InvalidPasswordException", "Password did not conform with policy: Password not long enough")
		wantAPIError(t, set("no numbers here", true), "InvalidPasswordException", "Password did not conform with policy: Password must have numeric characters")
		wantAPIError(t, set(" leading space 1", true), "InvalidParameterException",
			`1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\S]+`)
		_, err := env.IDP.AdminSetUserPassword(env.Ctx, &cip.AdminSetUserPasswordInput{UserPoolId: aws.String(poolID),
			Username: aws.String("ghost"), Password: aws.String("long enough 1"), Permanent: true})
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
		wantAPIError(t, confirm("ghost"), "UserNotFoundException", "User does not exist.")
	})
}

func TestAdminDisableEnableDeleteUser(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		mkUser(t, env, poolID, "hopper")
		ref := func() (*string, *string) { return aws.String(poolID), aws.String("hopper") }
		p, u := ref()
		if _, err := env.IDP.AdminDisableUser(env.Ctx, &cip.AdminDisableUserInput{UserPoolId: p, Username: u}); err != nil {
			t.Fatal(err)
		}
		got := getUser(t, env, poolID, "hopper")
		if got.Enabled || got.UserStatus != types.UserStatusTypeForceChangePassword {
			t.Fatalf("disabled user: enabled %v, status %s", got.Enabled, got.UserStatus)
		}
		if _, err := env.IDP.AdminEnableUser(env.Ctx, &cip.AdminEnableUserInput{UserPoolId: p, Username: u}); err != nil {
			t.Fatal(err)
		}
		if !getUser(t, env, poolID, "hopper").Enabled {
			t.Fatal("enabled user shows disabled")
		}
		if _, err := env.IDP.AdminDeleteUser(env.Ctx, &cip.AdminDeleteUserInput{UserPoolId: p, Username: u}); err != nil {
			t.Fatal(err)
		}
		_, err := env.IDP.AdminGetUser(env.Ctx, &cip.AdminGetUserInput{UserPoolId: p, Username: u})
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
		_, err = env.IDP.AdminDeleteUser(env.Ctx, &cip.AdminDeleteUserInput{UserPoolId: p, Username: u})
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
		_, err = env.IDP.AdminDisableUser(env.Ctx, &cip.AdminDisableUserInput{UserPoolId: p, Username: u})
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
		_, err = env.IDP.AdminEnableUser(env.Ctx, &cip.AdminEnableUserInput{UserPoolId: p, Username: u})
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
		// The username is free again.
		mkUser(t, env, poolID, "hopper")
	})
}

func TestAdminUpdateAndDeleteUserAttributes(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.Schema = []types.SchemaAttributeType{
				{Name: aws.String("badge"), AttributeDataType: types.AttributeDataTypeString, Mutable: aws.Bool(false)},
				{Name: aws.String("level"), AttributeDataType: types.AttributeDataTypeNumber, Mutable: aws.Bool(true)},
			}
		})
		mkUser(t, env, poolID, "turing", "email", "alan@example.com", "email_verified", "true", "custom:badge", "gold")
		update := func(kv ...string) error {
			_, err := env.IDP.AdminUpdateUserAttributes(env.Ctx, &cip.AdminUpdateUserAttributesInput{
				UserPoolId: aws.String(poolID), Username: aws.String("turing"), UserAttributes: attrList(kv...)})
			return err
		}
		attr := func(name string) (string, bool) {
			return attrValue(getUser(t, env, poolID, "turing").UserAttributes, name)
		}

		if err := update("name", "Alan", "custom:level", "7"); err != nil {
			t.Fatal(err)
		}
		if v, _ := attr("name"); v != "Alan" {
			t.Fatalf("name = %q", v)
		}
		// A new email is unverified...
		if err := update("email", "alan@bletchley.example"); err != nil {
			t.Fatal(err)
		}
		if v, _ := attr("email_verified"); v != "false" {
			t.Fatalf("email_verified after changing email = %q", v)
		}
		// ...unless the same request says it is verified.
		if err := update("email", "alan@manchester.example", "email_verified", "true"); err != nil {
			t.Fatal(err)
		}
		if v, _ := attr("email_verified"); v != "true" {
			t.Fatalf("email_verified = %q", v)
		}
		// An empty value deletes.
		if err := update("name", ""); err != nil {
			t.Fatal(err)
		}
		if _, ok := attr("name"); ok {
			t.Fatal("name still set after an empty update")
		}
		wantAPIError(t, update("custom:badge", "silver"), "InvalidParameterException", "user.custom:badge: Attribute cannot be updated.\n")
		wantAPIError(t, update("nope", "x"), "InvalidParameterException", "user.nope: Attribute does not exist in the schema.\n")
		wantAPIError(t, update("custom:level", "many"), "InvalidParameterException", "user.custom:level: Attribute value must be a number.\n")
		wantAPIError(t, update("phone_number", "555"), "InvalidParameterException", "Invalid phone number format.")
		wantAPIError(t, update("phone_number_verified", "true"), "InvalidParameterException",
			"Phone number is required to verify/un-verify a phone number")
		_, err := env.IDP.AdminUpdateUserAttributes(env.Ctx, &cip.AdminUpdateUserAttributesInput{
			UserPoolId: aws.String(poolID), Username: aws.String("ghost"), UserAttributes: attrList("name", "x")})
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")

		del := func(names ...string) error {
			_, err := env.IDP.AdminDeleteUserAttributes(env.Ctx, &cip.AdminDeleteUserAttributesInput{
				UserPoolId: aws.String(poolID), Username: aws.String("turing"), UserAttributeNames: names})
			return err
		}
		if err := del("email", "custom:level"); err != nil {
			t.Fatal(err)
		}
		for _, n := range []string{"email", "email_verified", "custom:level"} {
			if _, ok := attr(n); ok {
				t.Fatalf("%s still set after deleting", n)
			}
		}
		if v, _ := attr("custom:badge"); v != "gold" {
			t.Fatal("deleting other attributes lost custom:badge")
		}
		wantAPIError(t, del("custom:badge"), "InvalidParameterException", "user.custom:badge: Attribute cannot be updated.\n")
		wantAPIError(t, del("custom:nope"), "InvalidParameterException", "user.custom:nope: Attribute does not exist in the schema.\n")
	})
}

func TestUserAliasUniqueness(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.AliasAttributes = []types.AliasAttributeType{types.AliasAttributeTypeEmail, types.AliasAttributeTypePreferredUsername}
		})
		mkUser(t, env, poolID, "knuth", "email", "don@example.com", "email_verified", "true", "preferred_username", "don")
		// Admin operations accept a verified alias.
		if got := getUser(t, env, poolID, "don@example.com"); aws.ToString(got.Username) != "knuth" {
			t.Fatalf("alias lookup found %s", aws.ToString(got.Username))
		}
		if got := getUser(t, env, poolID, "don"); aws.ToString(got.Username) != "knuth" {
			t.Fatalf("preferred_username lookup found %s", aws.ToString(got.Username))
		}
		create := func(username string, force bool, kv ...string) error {
			_, err := env.IDP.AdminCreateUser(env.Ctx, &cip.AdminCreateUserInput{UserPoolId: aws.String(poolID),
				Username: aws.String(username), UserAttributes: attrList(kv...), ForceAliasCreation: force,
				MessageAction: types.MessageActionTypeSuppress})
			return err
		}
		wantAPIError(t, create("lamport", false, "email", "don@example.com", "email_verified", "true"),
			"AliasExistsException", "An account with the given email already exists.")
		wantAPIError(t, create("lamport", false, "preferred_username", "don"),
			"AliasExistsException", "An account with the given preferred_username already exists.")
		// An unverified copy of the email is no alias and may be shared.
		if err := create("lamport", false, "email", "don@example.com"); err != nil {
			t.Fatal(err)
		}
		// Verifying it on the second user collides.
		_, err := env.IDP.AdminUpdateUserAttributes(env.Ctx, &cip.AdminUpdateUserAttributesInput{UserPoolId: aws.String(poolID),
			Username: aws.String("lamport"), UserAttributes: attrList("email_verified", "true")})
		wantAPIError(t, err, "AliasExistsException", "An account with the given email already exists.")
		// ForceAliasCreation moves the alias to the new user.
		if err := create("liskov", true, "email", "don@example.com", "email_verified", "true"); err != nil {
			t.Fatal(err)
		}
		if got := getUser(t, env, poolID, "don@example.com"); aws.ToString(got.Username) != "liskov" {
			t.Fatalf("alias owner after ForceAliasCreation: %s", aws.ToString(got.Username))
		}
		if v, _ := attrValue(getUser(t, env, poolID, "knuth").UserAttributes, "email_verified"); v != "false" {
			t.Fatalf("previous owner's email_verified = %q", v)
		}
	})
}

func TestUsernameCase(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		insensitive := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.UsernameConfiguration = &types.UsernameConfigurationType{CaseSensitive: aws.Bool(false)}
		})
		mkUser(t, env, insensitive, "Ada")
		if got := getUser(t, env, insensitive, "ADA"); aws.ToString(got.Username) != "Ada" {
			t.Fatalf("case-insensitive lookup gave %s", aws.ToString(got.Username))
		}
		_, err := env.IDP.AdminCreateUser(env.Ctx, &cip.AdminCreateUserInput{UserPoolId: aws.String(insensitive),
			Username: aws.String("ada"), MessageAction: types.MessageActionTypeSuppress})
		wantAPIError(t, err, "UsernameExistsException", "User account already exists")

		sensitive := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.UsernameConfiguration = &types.UsernameConfigurationType{CaseSensitive: aws.Bool(true)}
		})
		mkUser(t, env, sensitive, "Ada")
		mkUser(t, env, sensitive, "ada")
		_, err = env.IDP.AdminGetUser(env.Ctx, &cip.AdminGetUserInput{UserPoolId: aws.String(sensitive), Username: aws.String("ADA")})
		wantAPIError(t, err, "UserNotFoundException", "User does not exist.")
	})
}

func TestEmailAsUsernamePool(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.UsernameAttributes = []types.UsernameAttributeType{types.UsernameAttributeTypeEmail}
		})
		u := mkUser(t, env, poolID, "ivy@example.com", "name", "Ivy")
		sub, _ := attrValue(u.Attributes, "sub")
		if aws.ToString(u.Username) != sub || !uuidV4.MatchString(sub) {
			t.Fatalf("Username %q, sub %q: the username of an email-as-username user is its sub", aws.ToString(u.Username), sub)
		}
		if v, _ := attrValue(u.Attributes, "email"); v != "ivy@example.com" {
			t.Fatalf("email = %q", v)
		}
		for _, name := range []string{"ivy@example.com", sub} {
			if got := getUser(t, env, poolID, name); aws.ToString(got.Username) != sub {
				t.Fatalf("lookup by %s gave %s", name, aws.ToString(got.Username))
			}
		}
		_, err := env.IDP.AdminCreateUser(env.Ctx, &cip.AdminCreateUserInput{UserPoolId: aws.String(poolID),
			Username: aws.String("ivy@example.com"), MessageAction: types.MessageActionTypeSuppress})
		wantAPIError(t, err, "UsernameExistsException", "An account with the given email already exists.")
		_, err = env.IDP.AdminCreateUser(env.Ctx, &cip.AdminCreateUserInput{UserPoolId: aws.String(poolID),
			Username: aws.String("jack"), MessageAction: types.MessageActionTypeSuppress})
		wantAPIError(t, err, "InvalidParameterException", "Username should be an email.")
	})
}

func TestListUsers(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.Schema = []types.SchemaAttributeType{
				{Name: aws.String("team"), AttributeDataType: types.AttributeDataTypeString, Mutable: aws.Bool(true)},
			}
		})
		people := []struct{ username, email, phone, name, given, family, preferred string }{
			{"alice", "alice@example.com", "+441632960001", "Alice Smith", "Alice", "Smith", "ally"},
			{"albert", "albert@example.org", "+441632960002", "Albert Jones", "Albert", "Jones", "bert"},
			{"bob", "bob@example.com", "+15550100", "Bob Smith", "Bob", "Smith", "bobby"},
			{"carol", "carol@example.net", "+15550101", "Carol \"CJ\" Jones", "Carol", "Jones", "cj"},
			{"dan", "dan@example.com", "+15550102", "Dan Brown", "Dan", "Brown", "danny"},
		}
		subs := map[string]string{}
		for _, p := range people {
			u := mkUser(t, env, poolID, p.username, "email", p.email, "phone_number", p.phone, "name", p.name,
				"given_name", p.given, "family_name", p.family, "preferred_username", p.preferred, "custom:team", "x")
			subs[p.username], _ = attrValue(u.Attributes, "sub")
		}
		if _, err := env.IDP.AdminSetUserPassword(env.Ctx, &cip.AdminSetUserPasswordInput{UserPoolId: aws.String(poolID),
			Username: aws.String("bob"), Password: aws.String("Perm-Passw0rd!"), Permanent: true}); err != nil {
			t.Fatal(err)
		}
		if _, err := env.IDP.AdminDisableUser(env.Ctx, &cip.AdminDisableUserInput{UserPoolId: aws.String(poolID), Username: aws.String("dan")}); err != nil {
			t.Fatal(err)
		}

		list := func(filter string) []string {
			t.Helper()
			in := &cip.ListUsersInput{UserPoolId: aws.String(poolID)}
			if filter != "" {
				in.Filter = aws.String(filter)
			}
			out, err := env.IDP.ListUsers(env.Ctx, in)
			if err != nil {
				t.Fatalf("ListUsers %q: %v", filter, err)
			}
			var names []string
			for _, u := range out.Users {
				names = append(names, aws.ToString(u.Username))
			}
			sort.Strings(names)
			return names
		}
		filters := []struct {
			filter string
			want   []string
		}{
			{"", []string{"albert", "alice", "bob", "carol", "dan"}},
			{`username = "bob"`, []string{"bob"}},
			{`username ^= "al"`, []string{"albert", "alice"}},
			{`email = "carol@example.net"`, []string{"carol"}},
			{`email ^= "d"`, []string{"dan"}},
			{`phone_number ^= "+44"`, []string{"albert", "alice"}},
			{`phone_number="+15550101"`, []string{"carol"}},
			{`name = "Carol \"CJ\" Jones"`, []string{"carol"}},
			{`given_name ^= "Al"`, []string{"albert", "alice"}},
			{`family_name = "Smith"`, []string{"alice", "bob"}},
			{`preferred_username = "bobby"`, []string{"bob"}},
			{`cognito:user_status = "confirmed"`, []string{"bob"}},
			{`cognito:user_status = "FORCE_CHANGE_PASSWORD"`, []string{"albert", "alice", "carol", "dan"}},
			{`status = "Disabled"`, []string{"dan"}},
			{`status = "Enabled"`, []string{"albert", "alice", "bob", "carol"}},
			{`sub = "` + subs["carol"] + `"`, []string{"carol"}},
			{`family_name = ""`, nil},
			{`  email   ^=   "bob"  `, []string{"bob"}},
		}
		for _, f := range filters {
			got := list(f.filter)
			if len(got) != len(f.want) {
				t.Errorf("filter %q: got %v, want %v", f.filter, got, f.want)
				continue
			}
			for i := range got {
				if got[i] != f.want[i] {
					t.Errorf("filter %q: got %v, want %v", f.filter, got, f.want)
					break
				}
			}
		}

		bad := []struct{ filter, typ, msg string }{
			{`username = bob`, "InvalidParameterException", "Error while parsing filter."},
			{`username =`, "InvalidParameterException", "Error while parsing filter."},
			{`email != "x"`, "InvalidParameterException", "Error while parsing filter."},
			{`custom:team = "x"`, "InvalidParameterException", "Invalid search attribute: custom:team"},
			{`nickname = "x"`, "InvalidParameterException", "Invalid search attribute: nickname"},
		}
		for _, b := range bad {
			_, err := env.IDP.ListUsers(env.Ctx, &cip.ListUsersInput{UserPoolId: aws.String(poolID), Filter: aws.String(b.filter)})
			wantAPIError(t, err, b.typ, b.msg)
		}

		// AttributesToGet limits what comes back.
		out, err := env.IDP.ListUsers(env.Ctx, &cip.ListUsersInput{UserPoolId: aws.String(poolID),
			Filter: aws.String(`username = "alice"`), AttributesToGet: []string{"email", "custom:team"}})
		if err != nil {
			t.Fatal(err)
		}
		if a := out.Users[0].Attributes; len(a) != 2 {
			t.Fatalf("AttributesToGet returned %v", a)
		}
		_, err = env.IDP.ListUsers(env.Ctx, &cip.ListUsersInput{UserPoolId: aws.String(poolID), AttributesToGet: []string{"shoe_size"}})
		wantAPIError(t, err, "InvalidParameterException", "One or more requested attributes do not exist.")

		// Pages of two cover everyone once.
		var seen []string
		var token *string
		pages := 0
		for {
			out, err := env.IDP.ListUsers(env.Ctx, &cip.ListUsersInput{UserPoolId: aws.String(poolID), Limit: aws.Int32(2), PaginationToken: token})
			if err != nil {
				t.Fatal(err)
			}
			pages++
			if len(out.Users) > 2 {
				t.Fatalf("page of %d users with Limit 2", len(out.Users))
			}
			for _, u := range out.Users {
				seen = append(seen, aws.ToString(u.Username))
			}
			if out.PaginationToken == nil {
				break
			}
			token = out.PaginationToken
		}
		if pages != 3 || len(seen) != 5 || !sort.StringsAreSorted(seen) {
			t.Fatalf("%d pages gave %v", pages, seen)
		}
		// Paginating a filtered list.
		out, err = env.IDP.ListUsers(env.Ctx, &cip.ListUsersInput{UserPoolId: aws.String(poolID), Limit: aws.Int32(1),
			Filter: aws.String(`family_name = "Jones"`)})
		if err != nil || len(out.Users) != 1 || out.PaginationToken == nil {
			t.Fatalf("first filtered page: %v", err)
		}
		out, err = env.IDP.ListUsers(env.Ctx, &cip.ListUsersInput{UserPoolId: aws.String(poolID), Limit: aws.Int32(1),
			Filter: aws.String(`family_name = "Jones"`), PaginationToken: out.PaginationToken})
		if err != nil || len(out.Users) != 1 || aws.ToString(out.Users[0].Username) != "carol" {
			t.Fatalf("second filtered page: %v", err)
		}

		_, err = env.IDP.ListUsers(env.Ctx, &cip.ListUsersInput{UserPoolId: aws.String(poolID), PaginationToken: aws.String("!!not-a-token!!")})
		wantAPIError(t, err, "InvalidParameterException", "")
		_, err = env.IDP.ListUsers(env.Ctx, &cip.ListUsersInput{UserPoolId: aws.String(poolID), Limit: aws.Int32(61)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60")
		_, err = env.IDP.ListUsers(env.Ctx, &cip.ListUsersInput{UserPoolId: aws.String("us-east-1_Nope00000")})
		wantAPIError(t, err, "ResourceNotFoundException", "User pool us-east-1_Nope00000 does not exist.")
	})
}
