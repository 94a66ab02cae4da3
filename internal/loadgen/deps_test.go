package loadgen

import (
	"go/build"
	"strings"
	"testing"
)

// TestImportsNoServer keeps the HTTP side of the generator independent of
// Incognito's server, so it measures any Cognito-compatible endpoint the
// same way: of Incognito's packages it may import internal/srp (a leaf,
// for the client side of SRP) only.
func TestImportsNoServer(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	const module = "github.com/incognito-idp/incognito/"
	for _, imp := range pkg.Imports {
		if strings.HasPrefix(imp, module) && imp != module+"internal/srp" {
			t.Errorf("loadgen imports %s; of Incognito it may import internal/srp only", imp)
		}
	}
}
