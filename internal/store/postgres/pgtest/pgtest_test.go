package pgtest

import (
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestWithDatabase(t *testing.T) {
	tests := []struct{ name, server, want string }{
		{"url", "postgres://u@h:5432/postgres?sslmode=disable", "postgres://u@h:5432/db1?sslmode=disable"},
		{"url without a path", "postgresql://u@h", "postgresql://u@h/db1"},
		{"key value", "host=h user=u", "host=h user=u dbname=db1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := withDatabase(tc.server, "db1")
			if err != nil || got != tc.want {
				t.Fatalf("withDatabase(%q) = %q, %v; want %q", tc.server, got, err, tc.want)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	if got := redact("postgres://u:secret@h/db"); got != "postgres://u:xxxxx@h/db" {
		t.Fatalf("redact = %q", got)
	}
}

// TestURL creates a database, connects to it and leaves the drop to cleanup.
func TestURL(t *testing.T) {
	url := URL(t)
	conn, err := pgx.Connect(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(t.Context())
	var name string
	if err := conn.QueryRow(t.Context(), "SELECT current_database()").Scan(&name); err != nil {
		t.Fatal(err)
	}
	if len(name) != len("incognito_test_")+16 {
		t.Errorf("current_database() = %q", name)
	}
}
