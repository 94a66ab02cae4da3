package config

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"regexp"
	"strings"
)

// Config is everything `incognito serve` needs.
type Config struct {
	Addr        string // listen address, default 127.0.0.1:9229
	DataDir     string // embedded SQLite directory, default ./incognito-data
	DatabaseURL string // postgres://... selects PostgreSQL
	Region      string
	AccountID   string
	PublicURL   string // default http://<addr>
	IssuerStyle string // "" (own public URL) or "aws"
	// Admin credentials for IAM-signed operations. Both empty = development
	// mode, allowed on loopback addresses only.
	AdminAccessKeyID     string
	AdminSecretAccessKey string
	SMTPURL              string
	EmailFrom            string
	SMSWebhookURL        string // receives a JSON POST for every SMS
	ConfigFile           string // YAML seed applied at start
	MasterKey            string // base64 32 bytes; default: key file in DataDir
	LogFormat            string // text | json
	// DebugAddr, when set, is a loopback address serving Go's
	// net/http/pprof profiles on a listener of their own.
	DebugAddr string
}

// Defaults returns the configuration with every default filled in.
func Defaults() Config {
	return Config{
		Addr:      "127.0.0.1:9229",
		DataDir:   "./incognito-data",
		Region:    "us-east-1",
		AccountID: "000000000000",
		EmailFrom: "no-reply@incognito.local",
		LogFormat: "text",
	}
}

// env maps each setting to its environment variable.
var envNames = map[string]string{
	"addr":                    "INCOGNITO_ADDR",
	"data":                    "INCOGNITO_DATA",
	"database-url":            "INCOGNITO_DATABASE_URL",
	"region":                  "INCOGNITO_REGION",
	"account-id":              "INCOGNITO_ACCOUNT_ID",
	"public-url":              "INCOGNITO_PUBLIC_URL",
	"issuer-style":            "INCOGNITO_ISSUER_STYLE",
	"admin-access-key-id":     "INCOGNITO_ADMIN_ACCESS_KEY_ID",
	"admin-secret-access-key": "INCOGNITO_ADMIN_SECRET_ACCESS_KEY",
	"smtp-url":                "INCOGNITO_SMTP_URL",
	"email-from":              "INCOGNITO_EMAIL_FROM",
	"sms-webhook-url":         "INCOGNITO_SMS_WEBHOOK_URL",
	"config":                  "INCOGNITO_CONFIG",
	"log-format":              "INCOGNITO_LOG_FORMAT",
	"debug-addr":              "INCOGNITO_DEBUG_ADDR",
}

// Parse reads flags from args on top of environment variables on top of
// the defaults. getenv is os.Getenv in production.
func Parse(name string, args []string, getenv func(string) string) (Config, error) {
	c := Defaults()
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	str := func(p *string, flagName, usage string) {
		if v := getenv(envNames[flagName]); v != "" {
			*p = v
		}
		fs.StringVar(p, flagName, *p, usage+" (env "+envNames[flagName]+")")
	}
	str(&c.Addr, "addr", "listen address")
	str(&c.DataDir, "data", "directory of the embedded SQLite store and key file")
	str(&c.DatabaseURL, "database-url", "postgres://... to use PostgreSQL instead of the embedded store")
	str(&c.Region, "region", "AWS region the IDs and ARNs carry")
	str(&c.AccountID, "account-id", "AWS account ID in ARNs")
	str(&c.PublicURL, "public-url", "URL clients reach this server at; tokens carry iss=<public-url>/<poolId>")
	str(&c.IssuerStyle, "issuer-style", `"aws" makes tokens carry https://cognito-idp.<region>.amazonaws.com/<poolId>`)
	str(&c.AdminAccessKeyID, "admin-access-key-id", "access key ID allowed to call IAM-signed operations")
	str(&c.AdminSecretAccessKey, "admin-secret-access-key", "its secret access key")
	str(&c.SMTPURL, "smtp-url", "smtp://user:pass@host:port or smtps://... for real email")
	str(&c.EmailFrom, "email-from", "From address of email messages")
	str(&c.SMSWebhookURL, "sms-webhook-url", `http(s) URL that receives a JSON POST {"to","message","poolId","kind"} for every SMS`)
	str(&c.ConfigFile, "config", "YAML file of pools, clients, groups, users and identity pools to apply at start")
	str(&c.LogFormat, "log-format", "text or json")
	str(&c.DebugAddr, "debug-addr", "loopback address serving pprof profiles at /debug/pprof/ (off when empty)")
	c.MasterKey = getenv("INCOGNITO_MASTER_KEY")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if c.PublicURL == "" {
		c.PublicURL = "http://" + c.Addr
	}
	c.PublicURL = strings.TrimRight(c.PublicURL, "/")
	return c, c.Validate()
}

var (
	regionRe  = regexp.MustCompile(`^[a-z]{2}(-gov)?-[a-z]+-\d$`)
	accountRe = regexp.MustCompile(`^\d{12}$`)
)

// Validate reports every problem at once.
func (c Config) Validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("--addr %q: %v", c.Addr, err))
	}
	if !regionRe.MatchString(c.Region) {
		errs = append(errs, fmt.Errorf("--region %q does not look like an AWS region (us-east-1)", c.Region))
	}
	if !accountRe.MatchString(c.AccountID) {
		errs = append(errs, fmt.Errorf("--account-id %q must be 12 digits", c.AccountID))
	}
	if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("--public-url %q must be an absolute http(s) URL", c.PublicURL))
	}
	if c.IssuerStyle != "" && c.IssuerStyle != "aws" {
		errs = append(errs, fmt.Errorf(`--issuer-style %q: only "aws" is known`, c.IssuerStyle))
	}
	if (c.AdminAccessKeyID == "") != (c.AdminSecretAccessKey == "") {
		errs = append(errs, errors.New("--admin-access-key-id and --admin-secret-access-key go together"))
	}
	if c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		errs = append(errs, fmt.Errorf("--database-url must be postgres://..."))
	}
	if c.SMTPURL != "" {
		if u, err := url.Parse(c.SMTPURL); err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") {
			errs = append(errs, fmt.Errorf("--smtp-url %q must be smtp://... or smtps://...", c.SMTPURL))
		}
	}
	if c.SMSWebhookURL != "" {
		if u, err := url.Parse(c.SMSWebhookURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("--sms-webhook-url %q must be an absolute http(s) URL", c.SMSWebhookURL))
		}
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, fmt.Errorf("--log-format %q must be text or json", c.LogFormat))
	}
	if c.DebugAddr != "" && !IsLoopback(c.DebugAddr) {
		errs = append(errs, fmt.Errorf("refusing to serve profiles on %s: --debug-addr must be a loopback address", c.DebugAddr))
	}
	if c.DevMode() && !IsLoopback(c.Addr) {
		errs = append(errs, fmt.Errorf("refusing to listen on %s without admin keys: set --admin-access-key-id and --admin-secret-access-key, or listen on a loopback address", c.Addr))
	}
	return errors.Join(errs...)
}

// DevMode is true when no admin keys are configured: any well-formed
// signature is accepted, on loopback only.
func (c Config) DevMode() bool { return c.AdminAccessKeyID == "" }

// IsLoopback reports whether a listen address only accepts local peers.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
