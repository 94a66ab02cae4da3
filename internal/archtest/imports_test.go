package archtest

import (
	"go/build"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

const module = "github.com/incognito-idp/incognito/"

// rule says what one package may import directly: allowed lists the only
// Incognito packages it may use (nil: any), forbidden lists imports it must
// never have.
type rule struct {
	pkg       string
	allowed   []string
	forbidden []string
}

var (
	// backends are the concrete stores, and testenv, which opens one for
	// tests (their _test files may use it; archtest sees only the package).
	backends = []string{"internal/store/sqlite", "internal/store/postgres", "internal/testenv"}
	wire     = []string{"net/http", "internal/awsjson", "internal/awsquery", "internal/api/idp", "internal/api/identity", "internal/api/sts", "internal/api/oauth", "internal/api/outbox"}
)

var rules = []rule{
	// Leaf crypto and protocol packages stand alone.
	{pkg: "internal/srp", allowed: []string{}},
	{pkg: "internal/secret", allowed: []string{}},
	{pkg: "internal/token", allowed: []string{}},
	{pkg: "internal/sigv4", allowed: []string{}},
	{pkg: "internal/awsquery", allowed: []string{}},
	{pkg: "internal/config", allowed: []string{}},
	{pkg: "internal/awsvalidation", allowed: []string{}},
	{pkg: "internal/store", allowed: []string{}},
	{pkg: "internal/message", allowed: []string{"internal/store"}},
	{pkg: "internal/awscreds", allowed: []string{"internal/store"}},
	// Domain packages: no wire types, no concrete store.
	{pkg: "internal/userpool", forbidden: append(append([]string{}, wire...), backends...)},
	{pkg: "internal/authflow", forbidden: append(append([]string{}, wire...), backends...)},
	{pkg: "internal/identitypool", forbidden: append(append([]string{}, wire...), backends...)},
	// The API layer never reaches past the Store interface.
	{pkg: "internal/api/idp", forbidden: backends},
	{pkg: "internal/api/identity", forbidden: backends},
	{pkg: "internal/api/sts", forbidden: backends},
	{pkg: "internal/api/oauth", forbidden: backends},
	{pkg: "internal/api/outbox", forbidden: backends},
	{pkg: "internal/api/apierror", allowed: []string{"internal/awsjson", "internal/store"}},
	{pkg: "internal/awsjson", allowed: []string{"internal/sigv4"}},
}

func root(t *testing.T) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("no caller")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

func TestImportRules(t *testing.T) {
	dir := root(t)
	for _, r := range rules {
		t.Run(r.pkg, func(t *testing.T) {
			p, err := build.Import(module+r.pkg, dir, 0)
			if err != nil {
				t.Fatalf("cannot load %s: %v", r.pkg, err)
			}
			for _, imp := range p.Imports {
				local := strings.TrimPrefix(imp, module)
				for _, f := range r.forbidden {
					if local == f {
						t.Errorf("%s imports %s", r.pkg, imp)
					}
				}
				if r.allowed == nil || !strings.HasPrefix(imp, module) {
					continue
				}
				ok := false
				for _, a := range r.allowed {
					if local == a {
						ok = true
					}
				}
				if !ok {
					t.Errorf("%s imports %s; it may use only %v of Incognito's packages", r.pkg, imp, r.allowed)
				}
			}
		})
	}
}
