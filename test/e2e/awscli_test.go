package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"testing"
)

// awsCLI is Debian's AWS CLI (package awscli); .ci/run installs it. Another
// aws on PATH (a pip install, say) carries a different model, so the smoke
// test names the Debian one.
const awsCLI = "/usr/bin/aws"

// TestAWSCLISmoke runs the real AWS CLI against a real server: create a
// pool, a client and a user, then list them with a filter.
func TestAWSCLISmoke(t *testing.T) {
	if _, err := os.Stat(awsCLI); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing; .ci/run installs it with apt-get install awscli", awsCLI)
		}
		t.Skipf("skipped: Debian's AWS CLI is not installed at %s (apt-get install awscli)", awsCLI)
	}
	env := start(t, backends[0], nil)
	home := t.TempDir()
	cli := func(args ...string) map[string]any {
		t.Helper()
		cmd := exec.Command(awsCLI, append(append([]string{"cognito-idp"}, args...), "--endpoint-url", env.URL, "--output", "json")...)
		cmd.Env = []string{
			"HOME=" + home,
			"PATH=/usr/bin:/bin",
			"AWS_ACCESS_KEY_ID=" + testAccessKey,
			"AWS_SECRET_ACCESS_KEY=" + testSecretKey,
			"AWS_DEFAULT_REGION=us-east-1",
			"AWS_PAGER=",
		}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("aws %v: %v\n%s", args, err, stderr.String())
		}
		out := map[string]any{}
		if stdout.Len() > 0 {
			if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
				t.Fatalf("aws %v printed %q: %v", args, stdout.String(), err)
			}
		}
		return out
	}

	pool := cli("create-user-pool", "--pool-name", "cli-smoke", "--alias-attributes", "email")["UserPool"].(map[string]any)
	poolID := pool["Id"].(string)
	client := cli("create-user-pool-client", "--user-pool-id", poolID, "--client-name", "cli-web",
		"--explicit-auth-flows", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")["UserPoolClient"].(map[string]any)
	if id, _ := client["ClientId"].(string); len(id) != 26 {
		t.Fatalf("client ID %q is not 26 characters", id)
	}
	cli("admin-create-user", "--user-pool-id", poolID, "--username", "ada",
		"--user-attributes", "Name=email,Value=ada@example.com", "Name=email_verified,Value=true",
		"--message-action", "SUPPRESS")
	cli("admin-create-user", "--user-pool-id", poolID, "--username", "bob",
		"--user-attributes", "Name=email,Value=bob@example.com", "--message-action", "SUPPRESS")
	cli("admin-set-user-password", "--user-pool-id", poolID, "--username", "ada", "--password", "Corr3ct-Horse!", "--permanent")

	users := cli("list-users", "--user-pool-id", poolID, "--filter", `email ^= "ada"`)["Users"].([]any)
	if len(users) != 1 {
		t.Fatalf("filter matched %d users, want 1: %v", len(users), users)
	}
	u := users[0].(map[string]any)
	if u["Username"] != "ada" || u["UserStatus"] != "CONFIRMED" {
		t.Fatalf("unexpected user %v", u)
	}
	pools := cli("list-user-pools", "--max-results", "10")["UserPools"].([]any)
	if len(pools) != 1 || pools[0].(map[string]any)["Id"] != poolID {
		t.Fatalf("list-user-pools = %v", pools)
	}
	clients := cli("list-user-pool-clients", "--user-pool-id", poolID)["UserPoolClients"].([]any)
	if len(clients) != 1 {
		t.Fatalf("list-user-pool-clients = %v", clients)
	}
}
