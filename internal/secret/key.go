package secret

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ParseKey reads a 32-byte key written in base64, standard or URL alphabet,
// padded or not (INCOGNITO_MASTER_KEY). Surrounding whitespace is ignored.
// Errors never repeat the key.
func ParseKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	for _, enc := range []*base64.Encoding{
		base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding,
	} {
		k, err := enc.DecodeString(s)
		if err != nil {
			continue
		}
		if len(k) != KeySize {
			return nil, fmt.Errorf("secret: key is %d bytes, want %d (generate one with: head -c 32 /dev/urandom | base64)", len(k), KeySize)
		}
		return k, nil
	}
	return nil, errors.New("secret: key is not base64 (generate one with: head -c 32 /dev/urandom | base64)")
}

// NewKey returns a fresh random 32-byte key.
func NewKey() []byte {
	k := make([]byte, KeySize)
	rand.Read(k) // never fails (crypto/rand, Go 1.24+)
	return k
}

// LoadOrCreateKeyFile reads the base64 key in path, or, when there is no
// such file, creates it with a new random key and mode 0600. Creation is
// atomic: the key is written to a temporary file in the same directory and
// linked into place only if path still does not exist, so two processes
// starting together end up with the same key, and a crash never leaves a
// half-written key behind. The directory must exist.
//
// Malformed content is an error (never silently replaced: data sealed with
// the old key would be lost). A file that group or others may read is not
// an error here; CheckKeyFilePermissions reports it so the caller can warn.
func LoadOrCreateKeyFile(path string) ([]byte, error) {
	if k, err := readKeyFile(path); !errors.Is(err, fs.ErrNotExist) {
		return k, err
	}
	key := NewKey()
	if err := createKeyFile(path, key); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return readKeyFile(path) // another process won the race
		}
		return nil, err
	}
	return key, nil
}

func readKeyFile(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	k, err := ParseKey(string(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}

// createKeyFile writes key into path, failing with fs.ErrExist when path
// already exists.
func createKeyFile(path string, key []byte) error {
	content := []byte(base64.StdEncoding.EncodeToString(key) + "\n")
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*") // mode 0600
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(content); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	err = os.Link(tmp.Name(), path)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		// No hard links here (some network or FUSE file systems): fall
		// back to an exclusive create, still never overwriting.
		err = writeExclusive(path, content)
	}
	if err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

func writeExclusive(path string, content []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(content)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes the new directory entry durable, where the platform allows.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// CheckKeyFilePermissions returns an error describing the problem when the
// key file may be read or written by its group or by others; nil when it is
// private (or when the platform has no such permission bits).
func CheckKeyFilePermissions(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if mode := fi.Mode().Perm(); mode&0o077 != 0 {
		return fmt.Errorf("secret: key file %s has mode %04o; it should be readable by its owner only (chmod 600)", path, mode)
	}
	return nil
}

// Equal compares two strings (client secrets, codes) in constant time.
// Both are hashed first, so the time taken does not depend on where they
// differ or on whether their lengths match; hashing still takes time in
// proportion to their lengths.
func Equal(a, b string) bool {
	ha, hb := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
	return subtle.ConstantTimeCompare(ha[:], hb[:]) == 1
}
