package message

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"strings"
	"time"
)

// smtpTimeout bounds one SMTP conversation when the context has no
// earlier deadline.
const smtpTimeout = 30 * time.Second

func parseSMTPURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("message: SMTP URL: %w", err)
	}
	if u.Scheme != "smtp" && u.Scheme != "smtps" {
		return nil, fmt.Errorf("message: SMTP URL must be smtp://... or smtps://..., not %q", u.Scheme+"://")
	}
	if u.Hostname() == "" {
		return nil, errors.New("message: SMTP URL has no host")
	}
	if u.Port() == "" {
		port := "587"
		if u.Scheme == "smtps" {
			port = "465"
		}
		u.Host = net.JoinHostPort(u.Hostname(), port)
	}
	return u, nil
}

// sendEmail delivers one message over SMTP: implicit TLS for smtps://,
// STARTTLS whenever an smtp:// server offers it, then PLAIN authentication
// when the URL has a user.
func (s *Sender) sendEmail(ctx context.Context, id string, m Message, now time.Time) error {
	to, err := mail.ParseAddress(m.Destination)
	if err != nil {
		return fmt.Errorf("invalid email address: %w", err)
	}
	msg, err := s.buildEmail(id, to, m, now)
	if err != nil {
		return err
	}

	host := s.smtp.Hostname()
	tlsConfig := &tls.Config{MinVersion: tls.VersionTLS12}
	if s.tlsConfig != nil {
		tlsConfig = s.tlsConfig.Clone()
	}
	tlsConfig.ServerName = host

	deadline := time.Now().Add(smtpTimeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	dialer := &net.Dialer{Deadline: deadline}
	var conn net.Conn
	if s.smtp.Scheme == "smtps" {
		conn, err = (&tls.Dialer{NetDialer: dialer, Config: tlsConfig}).DialContext(ctx, "tcp", s.smtp.Host)
	} else {
		conn, err = dialer.DialContext(ctx, "tcp", s.smtp.Host)
	}
	if err != nil {
		return err
	}
	defer conn.Close()
	_ = conn.SetDeadline(deadline)
	// Cancelling the context aborts the conversation.
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()

	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Hello("localhost"); err != nil {
		return err
	}
	if s.smtp.Scheme == "smtp" {
		if ok, _ := c.Extension("STARTTLS"); ok {
			if err := c.StartTLS(tlsConfig); err != nil {
				return fmt.Errorf("STARTTLS: %w", err)
			}
		}
	}
	if u := s.smtp.User; u != nil {
		if ok, _ := c.Extension("AUTH"); !ok {
			return errors.New("the SMTP server does not offer AUTH")
		}
		pass, _ := u.Password()
		if err := c.Auth(smtp.PlainAuth("", u.Username(), pass, host)); err != nil {
			return fmt.Errorf("SMTP AUTH: %w", err)
		}
	}
	if err := c.Mail(s.from.Address); err != nil {
		return err
	}
	if err := c.Rcpt(to.Address); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// buildEmail writes the message in RFC 5322 form: UTF-8 text, quoted-
// printable, with an RFC 2047 subject when it is not plain ASCII. The body
// is text/html when it carries HTML markup, text/plain otherwise.
// net/smtp's data writer does the dot-stuffing.
func (s *Sender) buildEmail(id string, to *mail.Address, m Message, now time.Time) ([]byte, error) {
	var body bytes.Buffer
	qp := quotedprintable.NewWriter(&body)
	if _, err := qp.Write([]byte(m.Body)); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}

	contentType := "text/plain; charset=UTF-8"
	if looksLikeHTML(m.Body) {
		contentType = "text/html; charset=UTF-8"
	}
	var b bytes.Buffer
	header := func(k, v string) { b.WriteString(k + ": " + v + "\r\n") }
	header("From", s.from.String())
	header("To", to.String())
	header("Subject", encodeSubject(m.Subject))
	header("Date", now.Format(time.RFC1123Z))
	header("Message-ID", messageID(id, s.from.Address))
	header("MIME-Version", "1.0")
	header("Content-Type", contentType)
	header("Content-Transfer-Encoding", "quoted-printable")
	b.WriteString("\r\n")
	b.Write(body.Bytes())
	if !bytes.HasSuffix(body.Bytes(), []byte("\r\n")) {
		b.WriteString("\r\n")
	}
	return b.Bytes(), nil
}

// encodeSubject turns line breaks into spaces (no header injection) and
// RFC 2047-encodes a subject that is not plain ASCII, folding between
// encoded words so no line grows past SMTP's limit.
func encodeSubject(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s)
	enc := mime.QEncoding.Encode("UTF-8", s)
	return strings.ReplaceAll(enc, "?= =?", "?=\r\n =?")
}

// messageID is <id.random@domain of the From address>.
func messageID(id, from string) string {
	domain := "incognito.local"
	if i := strings.LastIndexByte(from, '@'); i >= 0 && i+1 < len(from) {
		domain = from[i+1:]
	}
	var r [8]byte
	_, _ = rand.Read(r[:])
	return "<" + id + "." + hex.EncodeToString(r[:]) + "@" + domain + ">"
}
