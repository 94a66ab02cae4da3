// Package awsquery serves the AWS query protocol STS speaks: a form-encoded
// POST with Action= and Version=, answered in XML, with errors as
// <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>. It
// imports nothing of Incognito's.
package awsquery
