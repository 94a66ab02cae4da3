package app

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// DebugHandler serves Go's runtime profiles under /debug/pprof/ (CPU,
// heap, goroutines, mutex and block contention, execution traces) for
// `go tool pprof`. It is only ever served on the --debug-addr listener,
// which config refuses unless it is a loopback address; the API's handler
// does not route to it. (Importing net/http/pprof also registers these on
// http.DefaultServeMux, which Incognito never serves.)
func DebugHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("POST /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	return mux
}

// ServeDebug serves DebugHandler on ln until ctx is done. It has no write
// timeout: a CPU profile or trace streams for as long as it was asked to.
func ServeDebug(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           DebugHandler(),
		ReadHeaderTimeout: 10 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		// Profiles in progress are cut short: they are worth nothing to
		// a server that is stopping.
		err := srv.Close()
		if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
			err = serr
		}
		return err
	}
}
