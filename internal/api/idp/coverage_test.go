package idp

import (
	"bufio"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

// TestCoverageTableIsHonest keeps the README's coverage table true: it
// lists every operation of aws-sdk-go-v2's cognito-idp client (and of the
// newer model), each exactly once; rows marked done or partial are
// registered operations, and rows marked "not yet" are not.
func TestCoverageTableIsHonest(t *testing.T) {
	table := readCoverageTable(t, "../../../README.md")

	sdkOps := sdkOperations()
	if len(sdkOps) < 120 {
		t.Fatalf("found only %d operations on the SDK client; the reflection is broken", len(sdkOps))
	}
	known := map[string]bool{}
	for _, op := range Operations {
		known[op] = true
	}
	for _, op := range sdkOps {
		if !known[op] {
			t.Errorf("aws-sdk-go-v2 has operation %s that Operations lacks", op)
		}
	}
	if len(Operations) != 129 {
		t.Errorf("Operations has %d names, the 2026 model has 129", len(Operations))
	}

	registered := (&API{}).Service().Operations
	for _, op := range Operations {
		status, ok := table[op]
		if !ok {
			t.Errorf("README coverage table lacks %s", op)
			continue
		}
		_, implemented := registered[op]
		switch status {
		case "done", "partial":
			if !implemented {
				t.Errorf("README says %s is %s but it is not registered", op, status)
			}
		case "not yet":
			if implemented {
				t.Errorf("README says %s is not yet done but it is registered", op)
			}
		default:
			t.Errorf("README status %q for %s is not done, partial or not yet", status, op)
		}
	}
	for op := range table {
		if !known[op] {
			t.Errorf("README coverage table lists unknown operation %s", op)
		}
	}
}

// sdkOperations lists the client's operation methods: those taking an
// *<Name>Input.
func sdkOperations() []string {
	var ops []string
	typ := reflect.TypeOf(&cip.Client{})
	for i := 0; i < typ.NumMethod(); i++ {
		m := typ.Method(i)
		if m.Type.NumIn() < 3 {
			continue
		}
		in := m.Type.In(2)
		if in.Kind() == reflect.Pointer && in.Elem().Name() == m.Name+"Input" {
			ops = append(ops, m.Name)
		}
	}
	sort.Strings(ops)
	return ops
}

var coverageRow = regexp.MustCompile("^\\|\\s*`?([A-Za-z]+)`?\\s*\\|\\s*(done|partial|not yet)\\s*\\|")

// readCoverageTable reads rows "| Operation | status | note |" of the
// section headed "Coverage".
func readCoverageTable(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := map[string]string{}
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			in = strings.Contains(line, "cognito-idp coverage")
			continue
		}
		if !in {
			continue
		}
		if m := coverageRow.FindStringSubmatch(line); m != nil {
			if _, dup := rows[m[1]]; dup {
				t.Errorf("README lists %s twice", m[1])
			}
			rows[m[1]] = m[2]
		}
	}
	if len(rows) == 0 {
		t.Fatal("README has no cognito-idp coverage table")
	}
	return rows
}
