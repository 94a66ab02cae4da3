// Package loadgen drives a Cognito-compatible endpoint (Incognito or a
// peer such as cognito-local) over HTTP and measures it: throughput and
// latency percentiles of the sign-up, sign-in, refresh, GetUser, ListUsers
// and identity-pool scenarios of the performance issue, at a fixed
// concurrency (closed loop) or at a target rate (open loop).
//
// It speaks AWS JSON 1.1 by hand: request bodies are built from the small
// wire structs in wire.go, administrator calls are SigV4 signed with
// aws-sdk-go-v2's signer, public calls go unsigned, and errors are read
// from the "__type" every Cognito-compatible server returns. The client
// side of SRP is internal/srp's Client.
//
// The generator usually shares its machine with the server it measures,
// so what it spends per request is taken from the server. Plain http://
// endpoints are therefore spoken to by a lean HTTP/1.1 client of its own
// (httpconn.go, httppool.go): keep-alive connections each carrying one
// request at a time, requests written from reused buffers, answers read on
// the calling goroutine (Content-Length, chunked or to the end of the
// connection). Requests are written by encoding/json and answers read by
// github.com/goccy/go-json, its drop-in at a fraction of its CPU
// (wire_json.go). https:// endpoints go through net/http.
//
// So that the same tool measures Incognito and its peers alike, this
// package imports no Incognito package but internal/srp (a test enforces
// it): what knows Incognito's insides lives in the subpackages floor (the
// in-process crypto benchmarks) and preload (users written straight into
// Incognito's store).
//
// Every request goes to the endpoint it is given (or, given several
// replicas of one server, to each in turn), and every run is bounded in
// time (Options.Duration) and in count (Options.MaxFlows).
package loadgen
