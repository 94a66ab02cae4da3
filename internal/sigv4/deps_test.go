package sigv4

import (
	"go/build"
	"strings"
	"testing"
)

// TestImportsOnlyStandardLibrary keeps sigv4 a leaf: no Incognito package,
// no third-party module (tests may use the AWS SDK as the real client).
func TestImportsOnlyStandardLibrary(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		if first, _, _ := strings.Cut(imp, "/"); strings.Contains(first, ".") {
			t.Errorf("sigv4 imports %s; it may import the standard library only", imp)
		}
	}
}
