// Package seed reads the --config YAML file (pools, clients, groups, users,
// identity pools) and applies it through the domain services,
// idempotently: an object that already exists is left as it is, so
// restarting with the same file changes nothing. It imports config-free
// domain packages only.
package seed
