// Package apierror maps the errors a domain package returns onto the AWS
// JSON wire, for the APIs that each speak for one domain (api/idp for
// userpool, api/identity for identitypool). Each API says how to read its
// domain's error; the rest of the mapping (wire errors pass through,
// cancellation, a bare store.ErrNotFound, internal detail never sent) is
// one rule for both, so they cannot drift apart.
//
// It may import awsjson and store (for sentinel errors only); never a
// domain package or a concrete store backend.
package apierror
