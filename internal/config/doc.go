// Package config holds Incognito's settings as plain structs with defaults,
// reads them from flags and environment variables (flags win), and reports
// every problem at once from Validate. The seed file (--config) is parsed
// by package seed. It imports no other Incognito package.
package config
