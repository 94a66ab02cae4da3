package message

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"math/big"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// The tests talk to a real SMTP server: Debian's python3-aiosmtpd, with the
// handler in testdata/smtpd that saves what it receives.
const python = "/usr/bin/python3"

// smtpServerOptions choose how the test SMTP server runs. With a user it
// requires AUTH PLAIN; aiosmtpd only offers AUTH over TLS, so a user needs
// STARTTLS (TLSCert/TLSKey) too.
type smtpServerOptions struct {
	User, Password      string
	TLSCert, TLSKey     string // STARTTLS, required before MAIL
	SMTPSCert, SMTPSKey string // implicit TLS
}

type smtpServer struct {
	Addr string // 127.0.0.1:port
	Dir  string // where received messages land
}

// receivedMail is one message as the server saw it.
type receivedMail struct {
	MailFrom string   `json:"mail_from"`
	RcptTos  []string `json:"rcpt_tos"`
	Login    *string  `json:"login"`
	TLS      bool     `json:"tls"`
	StartTLS bool     `json:"starttls"`
	Data     string   `json:"data"`
}

// requireAiosmtpd skips the test when aiosmtpd is not installed, unless
// running in CI (CI is set), where it must be.
func requireAiosmtpd(t *testing.T) {
	t.Helper()
	out, err := exec.Command(python, "-c", "import aiosmtpd").CombinedOutput()
	if err == nil {
		return
	}
	msg := fmt.Sprintf("this test needs a real SMTP server: %s -m aiosmtpd is unavailable (%v: %s); install it with apt-get install python3-aiosmtpd", python, err, strings.TrimSpace(string(out)))
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// startSMTPServer starts aiosmtpd on a free loopback port, waits until it
// accepts connections and stops it when the test ends.
func startSMTPServer(t *testing.T, o smtpServerOptions) *smtpServer {
	t.Helper()
	requireAiosmtpd(t)
	handlerDir, err := filepath.Abs(filepath.Join("testdata", "smtpd"))
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{Addr: freeAddr(t), Dir: t.TempDir()}
	args := []string{"-m", "aiosmtpd", "-n", "-l", s.Addr}
	if o.TLSCert != "" {
		args = append(args, "--tlscert", o.TLSCert, "--tlskey", o.TLSKey)
	}
	if o.SMTPSCert != "" {
		args = append(args, "--smtpscert", o.SMTPSCert, "--smtpskey", o.SMTPSKey)
	}
	args = append(args, "-c", "incognito_testmail.SaveToDir", s.Dir)
	if o.User != "" {
		args = append(args, o.User, o.Password)
	}
	cmd := exec.Command(python, args...)
	cmd.Env = append(os.Environ(), "PYTHONPATH="+handlerDir, "PYTHONDONTWRITEBYTECODE=1")
	var logs strings.Builder
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting aiosmtpd: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt) // aiosmtpd stops its loop on SIGINT
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("aiosmtpd output:\n%s", logs.String())
		}
	})

	deadline := time.Now().Add(15 * time.Second)
	for {
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("aiosmtpd exited early (%v):\n%s", err, logs.String())
		default:
		}
		c, err := net.DialTimeout("tcp", s.Addr, time.Second)
		if err == nil {
			c.Close()
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("aiosmtpd did not listen on %s: %v\n%s", s.Addr, err, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// freeAddr finds a loopback port nobody listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// messages returns what the server has received so far, in order.
func (s *smtpServer) messages(t *testing.T) []receivedMail {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(s.Dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	var out []receivedMail
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		var m receivedMail
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		out = append(out, m)
	}
	return out
}

// parsedMail is a received message taken apart.
type parsedMail struct {
	Header  mail.Header
	Subject string // decoded
	Body    string // decoded, CRLF turned into LF
}

func parseMail(t *testing.T, data string) parsedMail {
	t.Helper()
	m, err := mail.ReadMessage(strings.NewReader(data))
	if err != nil {
		t.Fatalf("parsing received message: %v\n%s", err, data)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatalf("decoding subject %q: %v", m.Header.Get("Subject"), err)
	}
	var r io.Reader = m.Body
	if strings.EqualFold(m.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
		r = quotedprintable.NewReader(r)
	}
	body, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return parsedMail{Header: m.Header, Subject: subject, Body: strings.ReplaceAll(string(body), "\r\n", "\n")}
}

// testCert writes a self-signed certificate for 127.0.0.1 and returns the
// file names and a TLS configuration that trusts it.
func testCert(t *testing.T) (certFile, keyFile string, cfg *tls.Config) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "Incognito test SMTP"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		DNSNames:              []string{"localhost"},
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := errors.Join(
		os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600),
		os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600),
	); err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, &tls.Config{RootCAs: pool}
}
