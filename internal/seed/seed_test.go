package seed

import (
	"context"
	"strings"
	"testing"

	"github.com/incognito-idp/incognito/internal/testenv"
	"github.com/incognito-idp/incognito/internal/userpool"
)

func TestParseRefusesMistakes(t *testing.T) {
	cases := []struct {
		name, yaml, want string
	}{
		{"unknown key", "userPools:\n  - name: a\n    colour: blue\n", "colour"},
		{"pool without name", "userPools:\n  - id: us-east-1_abc\n", "name is required"},
		{"user in undefined group", "userPools:\n  - name: a\n    users:\n      - username: u\n        groups: [Ghosts]\n", `group "Ghosts"`},
		{"secret and generateSecret", "userPools:\n  - name: a\n    clients:\n      - name: c\n        secret: s\n        generateSecret: true\n", "not both"},
		{"not yaml", "userPools: [", "config file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err %v, want %q", err, tc.want)
			}
		})
	}
}

// TestQuickstartAppliesIdempotently applies the shipped quickstart file to a
// real SQLite store twice: the second run creates nothing.
func TestQuickstartAppliesIdempotently(t *testing.T) {
	ctx := context.Background()
	st, sealer := testenv.SQLite(t), testenv.Sealer(t)
	pools := userpool.New(userpool.Options{Store: st, Sealer: sealer, Region: "us-east-1", AccountID: "000000000000"})
	f, err := Load("../../examples/quickstart.yaml")
	if err != nil {
		t.Fatal(err)
	}
	first, err := Apply(ctx, pools, f)
	if err != nil {
		t.Fatal(err)
	}
	if first.Created == 0 || first.Unchanged != 0 {
		t.Fatalf("first run: %+v", first)
	}
	second, err := Apply(ctx, pools, f)
	if err != nil {
		t.Fatal(err)
	}
	if second.Created != 0 || second.Unchanged != first.Created {
		t.Fatalf("second run created %d, unchanged %d (first created %d)", second.Created, second.Unchanged, first.Created)
	}
	pool, err := pools.GetPool(ctx, "us-east-1_DemoPool1")
	if err != nil {
		t.Fatal(err)
	}
	if !pool.AdminCreateUserConfig.AllowAdminCreateUserOnly || !pool.HasAlias("email") {
		t.Fatalf("pool settings not applied: %+v", pool)
	}
	client, err := pools.GetClient(ctx, "demoapp0web0client00000001")
	if err != nil || client.HasSecret() {
		t.Fatalf("client %+v, %v", client, err)
	}
	admin, err := pools.FindUser(ctx, pool, "admin@example.com")
	if err != nil {
		t.Fatalf("admin by email alias: %v", err)
	}
	if admin.Status != userpool.StatusConfirmed || !pools.CheckPassword(admin, "Admin-Passw0rd") {
		t.Fatalf("admin status %s or password not set", admin.Status)
	}
	groups, err := pools.GroupsForUser(ctx, pool.ID, admin.Key)
	if err != nil || len(groups) != 1 || groups[0].Name != "Admins" {
		t.Fatalf("admin groups %v, %v", groups, err)
	}
}

// FuzzParse: no seed file makes the parser panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"userPools: []", "userPools:\n  - name: a\n    users:\n      - username: u\n", "identityPools: [{name: x}]", "{", "- 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		_, _ = Parse([]byte(doc))
	})
}
