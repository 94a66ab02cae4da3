package secret

import (
	"go/build"
	"strings"
	"testing"
)

// TestImportsAreLeaf keeps secret a leaf: the standard library and
// golang.org/x/crypto, no Incognito package.
func TestImportsAreLeaf(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		first, _, _ := strings.Cut(imp, "/")
		if strings.Contains(first, ".") && !strings.HasPrefix(imp, "golang.org/x/crypto/") {
			t.Errorf("secret imports %s; it may import the standard library and golang.org/x/crypto only", imp)
		}
	}
}
