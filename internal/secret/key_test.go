package secret

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestParseKey(t *testing.T) {
	k := make([]byte, KeySize)
	for i := range k {
		k[i] = byte(250 + i) // forces '+' '/' or '-' '_' into the encodings
	}
	tests := []struct {
		name string
		in   string
		ok   bool
	}{
		{name: "std", in: base64.StdEncoding.EncodeToString(k), ok: true},
		{name: "std unpadded", in: base64.RawStdEncoding.EncodeToString(k), ok: true},
		{name: "url", in: base64.URLEncoding.EncodeToString(k), ok: true},
		{name: "url unpadded", in: base64.RawURLEncoding.EncodeToString(k), ok: true},
		{name: "surrounding whitespace", in: "  " + base64.StdEncoding.EncodeToString(k) + "\n", ok: true},
		{name: "empty", in: ""},
		{name: "not base64", in: "this is not a key!"},
		{name: "16 bytes", in: base64.StdEncoding.EncodeToString(k[:16])},
		{name: "hex", in: strings.Repeat("ab", 32)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseKey(tt.in)
			if (err == nil) != tt.ok {
				t.Fatalf("err = %v, want ok=%v", err, tt.ok)
			}
			if tt.ok && !bytes.Equal(got, k) {
				t.Fatalf("key = %x, want %x", got, k)
			}
			if err != nil && tt.in != "" && strings.Contains(err.Error(), strings.TrimSpace(tt.in)) {
				t.Errorf("error repeats the input: %v", err)
			}
		})
	}
}

func TestLoadOrCreateKeyFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "master.key")

	k1, err := LoadOrCreateKeyFile(path)
	if err != nil || len(k1) != KeySize {
		t.Fatalf("create: %x, %v", k1, err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %04o, want 0600", fi.Mode().Perm())
	}
	if err := CheckKeyFilePermissions(path); err != nil {
		t.Errorf("CheckKeyFilePermissions: %v", err)
	}
	k2, err := LoadOrCreateKeyFile(path)
	if err != nil || !bytes.Equal(k1, k2) {
		t.Fatalf("reload: %x, %v; want %x", k2, err, k1)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}

	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := CheckKeyFilePermissions(path); err == nil {
		t.Error("CheckKeyFilePermissions accepted mode 0644")
	}
	if _, err := LoadOrCreateKeyFile(path); err != nil {
		t.Errorf("a readable key file must still load: %v", err)
	}
}

func TestLoadOrCreateKeyFileMalformed(t *testing.T) {
	for name, content := range map[string]string{
		"empty":     "",
		"garbage":   "not a key\n",
		"short key": base64.StdEncoding.EncodeToString(make([]byte, 16)),
		"two keys":  base64.StdEncoding.EncodeToString(make([]byte, 32)) + "\n" + base64.StdEncoding.EncodeToString(make([]byte, 32)),
		"truncated": base64.StdEncoding.EncodeToString(make([]byte, 32))[:20],
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "master.key")
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := LoadOrCreateKeyFile(path); err == nil {
				t.Fatal("malformed key file accepted")
			}
			got, _ := os.ReadFile(path)
			if string(got) != content {
				t.Fatal("malformed key file was replaced")
			}
		})
	}
}

func TestLoadOrCreateKeyFileMissingDir(t *testing.T) {
	if _, err := LoadOrCreateKeyFile(filepath.Join(t.TempDir(), "nope", "master.key")); err == nil {
		t.Fatal("created a key in a directory that does not exist")
	}
}

// TestLoadOrCreateKeyFileRace starts many creators at once; all must end
// with the same key.
func TestLoadOrCreateKeyFileRace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "master.key")
	const n = 16
	keys := make([][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			keys[i], errs[i] = LoadOrCreateKeyFile(path)
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil || !bytes.Equal(keys[i], keys[0]) {
			t.Fatalf("creator %d: %x, %v; creator 0: %x", i, keys[i], errs[i], keys[0])
		}
	}
}

func TestEqual(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"", "", true},
		{"secret", "secret", true},
		{"secret", "Secret", false},
		{"secret", "secret2", false},
		{"", "x", false},
		{"a\x00", "a", false},
	}
	for _, tt := range tests {
		if got := Equal(tt.a, tt.b); got != tt.want {
			t.Errorf("Equal(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
