package secret

import (
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"
)

// KeySize is the size of a master key: 256 bits.
const KeySize = chacha20poly1305.KeySize

const (
	idSize    = 4
	nonceSize = chacha20poly1305.NonceSizeX
	overhead  = idSize + nonceSize + chacha20poly1305.Overhead
)

// ErrInvalid is returned by Open for anything that does not open: wrong
// key, wrong associated data, tampered or truncated input. It says nothing
// more, on purpose.
var ErrInvalid = errors.New("secret: sealed value is invalid")

// Sealer seals and opens values with a list of keys; see the package
// documentation. It is safe for concurrent use.
type Sealer struct {
	keys []sealKey // keys[0] seals
}

type sealKey struct {
	raw  []byte
	id   [idSize]byte
	aead cipher.AEAD
}

// New builds a Sealer from 32-byte keys, the current one first, older ones
// after it (they only open). The keys are copied.
func New(keys ...[]byte) (*Sealer, error) {
	if len(keys) == 0 {
		return nil, errors.New("secret: no key")
	}
	s := &Sealer{keys: make([]sealKey, len(keys))}
	for i, k := range keys {
		if len(k) != KeySize {
			return nil, fmt.Errorf("secret: key %d is %d bytes, want %d", i+1, len(k), KeySize)
		}
		sk, err := newSealKey(k)
		if err != nil {
			return nil, err
		}
		s.keys[i] = sk
	}
	return s, nil
}

func newSealKey(k []byte) (sealKey, error) {
	raw := append([]byte(nil), k...)
	aead, err := chacha20poly1305.NewX(raw)
	if err != nil {
		return sealKey{}, fmt.Errorf("secret: %w", err)
	}
	sum := sha256.Sum256(append([]byte("incognito secret key id\x00"), raw...))
	sk := sealKey{raw: raw, aead: aead}
	copy(sk.id[:], sum[:idSize])
	return sk, nil
}

// Seal encrypts and authenticates plaintext, binding it to associatedData
// (which is not stored: Open needs the same bytes again).
func (s *Sealer) Seal(plaintext, associatedData []byte) []byte {
	k := s.keys[0]
	out := make([]byte, idSize+nonceSize, overhead+len(plaintext))
	copy(out, k.id[:])
	rand.Read(out[idSize:]) // never fails (crypto/rand, Go 1.24+)
	return k.aead.Seal(out, out[idSize:], plaintext, additional(k.id, associatedData))
}

// Open checks and decrypts a value made by Seal with any of the keys.
func (s *Sealer) Open(sealed, associatedData []byte) ([]byte, error) {
	if len(sealed) < overhead {
		return nil, ErrInvalid
	}
	id, nonce, box := sealed[:idSize], sealed[idSize:idSize+nonceSize], sealed[idSize+nonceSize:]
	for _, k := range s.keys {
		if subtle.ConstantTimeCompare(k.id[:], id) != 1 {
			continue
		}
		// Ids are 32 bits, so two keys may share one: try each that matches.
		if plain, err := k.aead.Open(nil, nonce, box, additional(k.id, associatedData)); err == nil {
			return plain, nil
		}
	}
	return nil, ErrInvalid
}

// additional authenticates the key id along with the caller's data. The id
// has a fixed length, so the concatenation is unambiguous.
func additional(id [idSize]byte, ad []byte) []byte {
	return append(id[:], ad...)
}

// Derive returns a Sealer whose keys are derived from s's for one purpose
// ("user-secrets", "auth-session"). Sealers derived for different purposes
// cannot open each other's output, nor can s open theirs. Rotation carries
// over: each key of s yields the matching derived key.
func (s *Sealer) Derive(purpose string) *Sealer {
	d := &Sealer{keys: make([]sealKey, len(s.keys))}
	for i, k := range s.keys {
		sub, err := hkdf.Key(sha256.New, k.raw, nil, "incognito/secret/v1/"+purpose, KeySize)
		if err != nil {
			panic("secret: HKDF-SHA256 refused a 32-byte output: " + err.Error()) // cannot happen
		}
		if d.keys[i], err = newSealKey(sub); err != nil {
			panic(err) // cannot happen: sub is KeySize bytes
		}
	}
	return d
}
