// Package storetest is the conformance suite every Incognito store backend
// must pass. A backend's tests call Run with a function that opens a store;
// its benchmarks call Benchmark.
//
// The suite never assumes the store is empty: every case works in pools with
// fresh random IDs, so a backend may hand out stores that share one database
// and cases run in parallel.
//
// It may import internal/store and the standard library (testing included),
// never a backend or a domain package.
package storetest
