package testenv

import (
	"bytes"
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

func TestSQLiteIsOpenAndEmpty(t *testing.T) {
	st := SQLite(t)
	if err := st.Ping(t.Context()); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	pools, err := st.ListPools(t.Context(), store.Page{Limit: 10})
	if err != nil || len(pools) != 0 {
		t.Fatalf("ListPools = %v, %v; want none", pools, err)
	}
}

func TestSealersHaveTheirOwnKeys(t *testing.T) {
	a, b := Sealer(t), Sealer(t)
	sealed := a.Seal([]byte("hello"), nil)
	if got, err := a.Open(sealed, nil); err != nil || !bytes.Equal(got, []byte("hello")) {
		t.Fatalf("a.Open = %q, %v; want hello", got, err)
	}
	if _, err := b.Open(sealed, nil); err == nil {
		t.Fatal("b opened what a sealed")
	}
}
