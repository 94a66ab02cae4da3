// Package app is the composition root: it opens the store, builds the
// services and mounts their handlers on one HTTP server. It holds no logic
// of its own beyond wiring.
package app
