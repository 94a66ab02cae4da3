// Package archtest holds the test that keeps Incognito's dependency rules
// (docs in each package's doc.go and the architecture guide) true.
package archtest
