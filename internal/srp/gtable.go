package srp

// Fixed-base exponentiation for g^e mod N with e below 2^256: the server's
// g^b (NewServerState) and g^x (CheckPassword, NewVerifier, and the client's
// own g^x). g and N never change, so a table built once turns a full
// square-and-multiply (~256 squarings and ~64 multiplications, Montgomery,
// inside big.Int.Exp) into at most 30 multiplications with Mul and QuoRem.
//
// Layout: e is read as 32 bytes, e = sum d_i·2^(8i). For the windows
// i = 1..31 the table holds g^(d·2^(8i)) mod N for every digit d = 1..255,
// 31·255 entries of len(N.Bits()) words: 3,035,520 bytes (2.9 MiB) on 64-bit,
// in one pointer-free slice the garbage collector does not scan. Window 0
// needs no table: g = 2, so g^d for d < 256 is 1<<d, already below N.
// Building it costs 7,905 multiplications, 42-51 ms on the machine below,
// once per process on first use (sync.OnceValue); it is never written after.
//
// Why Mul+QuoRem and 8-bit windows (go test -bench on the 2-core AMD EPYC
// this was written on, shared with other work and so noisy: ±30% between
// runs; best of 4 runs each):
//   - one 3072-bit Mul+QuoRem costs ~4-6 µs, where one Montgomery step inside
//     big.Int.Exp costs ~3.3 µs (a 256-bit Exp is ~330 steps, ~1.1 ms), so
//     plain Mul+QuoRem pays as soon as it saves more than half the steps;
//   - g^e for a 256-bit e by window width (time / table): 4 bits 323 µs /
//     0.36 MB, 5 bits 246 µs / 0.6 MB, 6 bits 245 µs / 1 MB, 7 bits 229 µs /
//     1.7 MB, 8 bits 145 µs / 3 MB, big.Int.Exp 1,133 µs. 8 bits also makes
//     a window a byte of the exponent;
//   - a Montgomery REDC made of big.Int Mul and Rsh was no faster than QuoRem
//     (within the noise) and was dropped; math/big does not export its own
//     Montgomery multiplication. One scratch allocation for acc, the product
//     and the quotient instead of math/big's own made no measurable
//     difference either and was dropped.
//
// Before/after, internal/srp, go test -run '^$' -bench
// 'NewServerState|VerifyClaim|ServerSessionKey|CheckPassword' -benchmem,
// old and new test binaries run alternately 12 times each (median, ratio;
// best run in brackets):
//
//	                  before ns/op     after ns/op   ratio   B/op          allocs
//	NewServerState       1,694,324         243,342   6.96x   20150 -> 4750  31 -> 15
//	                   [1,134,943]       [185,186]  [6.13x]
//	CheckPassword        1,611,996         253,892   6.35x   19681 -> 4314  31 -> 16
//	                     [952,685]       [161,768]  [5.89x]
//	ServerSessionKey     3,288,944       3,406,162   ~1x (unchanged code: two
//	VerifyClaim          3,404,416       2,946,090   ~1x  variable-base Exps)
//
// A full SRP sign-in's server work (NewServerState + ServerSessionKey) goes
// from three 256-bit exponentiations to two plus the table: ~1.4x. The CPU
// profile before: 98% in big.Int.Exp (addMulVVWW 85%, montgomery 10%);
// after: the remaining Exps of ServerSessionKey (montgomery 37% cum.) and
// the table's Mul/QuoRem (basicMul 26%, divBasic 22% cum.).
//
// Timing: the lookups, and the zero digits skipped, depend on the secret
// exponent. big.Int.Exp, used before, is not constant-time either (it too
// indexes a window table by secret bits), but a 3 MB table spread over many
// pages gives a cache-timing observer on the same host a clearer signal than
// Exp's 16-entry one. Scanning every entry to hide the index would read the
// whole table per call and cost more than the table saves.

import (
	"math/big"
	"sync"
)

const (
	// gWindowBits is the width of one window: a byte of the exponent.
	gWindowBits = 8
	// gExpBytes is the longest exponent the table covers: 256 bits, the
	// size of b and of x.
	gExpBytes = privateBLen
	// gDigits is the number of non-zero digits per window.
	gDigits = 1<<gWindowBits - 1
)

// gTable holds g^(d·2^(8i)) mod N for i = 1..gExpBytes-1 and d = 1..gDigits,
// each padded to stride words, entry (i, d) at ((i-1)·gDigits + d-1)·stride.
type gTable struct {
	stride int
	words  []big.Word
}

// fixedBase builds the table on first use; it is read-only afterwards and
// safe for concurrent use.
var fixedBase = sync.OnceValue(newGTable)

func newGTable() *gTable {
	stride := len(grp.N.Bits())
	t := &gTable{stride: stride, words: make([]big.Word, (gExpBytes-1)*gDigits*stride)}
	// base = g^(2^(8i)); for i = 1 that is 2^256, below N as it stands.
	base := new(big.Int).Lsh(big.NewInt(1), 1<<gWindowBits)
	cur, prod, quo := new(big.Int), new(big.Int), new(big.Int)
	for i := 1; i < gExpBytes; i++ {
		cur.Set(base)
		for d := 1; d <= gDigits; d++ {
			copy(t.words[t.offset(i, d):], cur.Bits())
			prod.Mul(cur, base)
			quo.QuoRem(prod, grp.N, cur)
		}
		base.Set(cur) // base^256 = g^(2^(8(i+1)))
	}
	return t
}

func (t *gTable) offset(i, d int) int {
	return ((i-1)*gDigits + d - 1) * t.stride
}

// entry makes v a read-only view of entry (i, d); d must be non-zero.
func (t *gTable) entry(v *big.Int, i int, d byte) *big.Int {
	off := t.offset(i, int(d))
	return v.SetBits(t.words[off : off+t.stride : off+t.stride])
}

// exp is g^e mod N for the big-endian exponent e.
func (t *gTable) exp(e *[gExpBytes]byte) *big.Int {
	// Window 0: g^d = 2^d, no reduction needed.
	acc := new(big.Int).SetBit(new(big.Int), int(e[gExpBytes-1]), 1)
	var prod, quo, view big.Int
	for i := 1; i < gExpBytes; i++ {
		d := e[gExpBytes-1-i]
		if d == 0 {
			continue
		}
		prod.Mul(acc, t.entry(&view, i, d))
		quo.QuoRem(&prod, grp.N, acc)
	}
	return acc
}

// expG is g^e mod N for e >= 0. Exponents of up to 256 bits use the table;
// longer ones (the client's 1024-bit a) fall back to big.Int.Exp.
func expG(e *big.Int) *big.Int {
	if e.Sign() < 0 || e.BitLen() > 8*gExpBytes {
		return new(big.Int).Exp(grp.g, e, grp.N)
	}
	var buf [gExpBytes]byte
	e.FillBytes(buf[:])
	return fixedBase().exp(&buf)
}

// Precompute builds the fixed-base table now rather than on the first
// sign-in, so no user waits for it. Servers call it at start.
func Precompute() { fixedBase() }
