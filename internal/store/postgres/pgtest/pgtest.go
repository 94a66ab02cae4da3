package pgtest

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Environment variables URL reads.
const (
	URLEnv     = "INCOGNITO_TEST_POSTGRES_URL"
	RequireEnv = "INCOGNITO_REQUIRE_POSTGRES"
)

// DefaultURL is the server tried when URLEnv is unset: a local PostgreSQL
// with trust authentication.
const DefaultURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

// URL creates a database with a random name (incognito_test_<hex>) and
// returns the server URL pointing at it. The database is dropped, with any
// connection still open to it, when t and its subtests have finished.
func URL(t testing.TB) string {
	t.Helper()
	server := os.Getenv(URLEnv)
	if server == "" {
		server = DefaultURL
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	admin, err := pgx.Connect(ctx, server)
	if err != nil {
		unreachable(t, server, err)
	}
	defer admin.Close(ctx)

	name := "incognito_test_" + strings.ToLower(rand.Text()[:16])
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatalf("pgtest: create database %s: %v", name, err)
	}
	t.Cleanup(func() { drop(t, server, name) })

	dbURL, err := withDatabase(server, name)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	return dbURL
}

func unreachable(t testing.TB, server string, err error) {
	t.Helper()
	msg := fmt.Sprintf("pgtest: PostgreSQL was not reachable at %s: %v\n"+
		"Start one there with trust authentication (for example: docker run --rm -p 5432:5432 "+
		"-e POSTGRES_HOST_AUTH_METHOD=trust postgres), or point %s at a server whose user may "+
		"create databases. With %s=1 this is a failure instead of a skip.", redact(server), err, URLEnv, RequireEnv)
	if os.Getenv(RequireEnv) == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

func drop(t testing.TB, server, name string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	admin, err := pgx.Connect(ctx, server)
	if err != nil {
		t.Errorf("pgtest: drop database %s: %v", name, err)
		return
	}
	defer admin.Close(ctx)
	// WITH (FORCE), PostgreSQL 13 and later, ends connections a test left open.
	if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
		t.Errorf("pgtest: drop database %s: %v", name, err)
	}
}

// withDatabase points a postgres:// URL or a key=value connection string
// at database name.
func withDatabase(server, name string) (string, error) {
	if strings.HasPrefix(server, "postgres://") || strings.HasPrefix(server, "postgresql://") {
		u, err := url.Parse(server)
		if err != nil {
			return "", err
		}
		u.Path = "/" + name
		u.RawPath = ""
		return u.String(), nil
	}
	return server + " dbname=" + name, nil
}

// redact hides a password in a URL before it goes into a test log.
func redact(server string) string {
	if u, err := url.Parse(server); err == nil && u.User != nil {
		return u.Redacted()
	}
	return server
}
