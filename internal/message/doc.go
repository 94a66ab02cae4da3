// Package message is how Incognito delivers verification codes,
// invitations, password-reset codes and MFA codes.
//
// Render fills a pool's message templates as Cognito does: {####} is the
// code (or an invitation's temporary password), {username} the user name
// in invitations, and {##text##} a confirmation link to
// <public URL>/confirmUser when the pool verifies email by link. Empty
// templates take Cognito's default texts. Mask, MaskEmail and MaskPhone
// hide destinations the way Cognito's CodeDeliveryDetails does.
//
// A Sender records every message in the development outbox (the message
// table the admin API lists), logs it at Info level with its full body, and
// then delivers it: email over SMTP (--smtp-url, STARTTLS or implicit TLS,
// PLAIN authentication) and SMS as a JSON POST to a webhook. Without SMTP
// or a webhook the outbox and the log are the only destinations, which is
// what development wants: codes can be read without a mail server.
//
// Because the log carries codes and temporary passwords, production
// deployments must keep their logs private (or route them where only
// operators can read them), just as they keep the database private.
//
// The package imports only the standard library and internal/store, for
// the outbox row type; it knows nothing of pools, users or the wire
// protocol.
package message
