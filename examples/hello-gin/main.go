// Command hello-gin is a small Gin web service used as Gantry's example
// project: it reports its build stamp, answers health checks and shuts down
// gracefully on SIGTERM or Ctrl+C.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"
)

// Build information, stamped at link time:
//
//	go build -ldflags "-X main.version=1.2.3 -X main.commit=abc123 -X main.date=2026-01-01T00:00:00Z"
var (
	version = "dev"
	commit  = "none"
	date    = "unknown"
)

const (
	appName         = "hello-gin"
	defaultPort     = "8080"
	defaultHost     = "0.0.0.0"
	shutdownTimeout = 10 * time.Second
)

// startTime is used to report the uptime on /healthz.
var startTime = time.Now()

func versionString() string {
	return fmt.Sprintf("%s %s (commit %s, built %s)", appName, version, commit, date)
}

func main() {
	showVersion := flag.Bool("version", false, "print version information and exit")
	flag.Parse()
	if *showVersion {
		fmt.Println(versionString())
		return
	}
	os.Exit(run())
}

// run starts the server and blocks until it has stopped. It returns the
// process exit code.
func run() int {
	// Gin reads GIN_MODE itself at start-up (debug when unset); default to
	// release mode here so that a deployed binary is quiet unless asked.
	if os.Getenv(gin.EnvGinMode) == "" {
		gin.SetMode(gin.ReleaseMode)
	}

	host := os.Getenv("HOST")
	if host == "" {
		host = defaultHost
	}
	port := os.Getenv("PORT")
	if port == "" {
		port = defaultPort
		logWarn("PORT not set, using default", "port", port)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		logError("invalid PORT", "port", port)
		return 1
	}

	logInfo("starting", "app", appName, "version", version, "commit", commit, "built", date)
	logDebug("configuration", "host", host, "port", port, "gin_mode", gin.Mode(), "pid", os.Getpid())

	addr := net.JoinHostPort(host, port)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		logError("listen failed", "addr", addr, "err", err)
		return 1
	}

	srv := &http.Server{
		Handler:           newRouter(),
		ReadHeaderTimeout: 10 * time.Second,
	}

	serveErr := make(chan error, 1)
	// Log the configured host with the real port (PORT=0 picks a free one);
	// ln.Addr() would show "[::]" for 0.0.0.0 on dual-stack systems.
	listenAddr := addr
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok {
		listenAddr = net.JoinHostPort(host, strconv.Itoa(tcp.Port))
	}
	go func() {
		logInfo("listening", "addr", listenAddr)
		serveErr <- srv.Serve(ln)
	}()

	// os.Interrupt is Ctrl+C everywhere; syscall.SIGTERM exists on every
	// platform Go supports (on Windows it is never delivered, which is fine).
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)

	select {
	case err := <-serveErr:
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			logError("server failed", "err", err)
			return 1
		}
		return 0
	case sig := <-sigs:
		logInfo("shutting down", "signal", sig.String(), "timeout", shutdownTimeout.String())
	}

	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		logError("graceful shutdown failed", "err", err)
		_ = srv.Close()
		return 1
	}
	if err := <-serveErr; err != nil && !errors.Is(err, http.ErrServerClosed) {
		logError("server failed", "err", err)
		return 1
	}
	logInfo("stopped", "uptime_seconds", int64(time.Since(startTime).Seconds()))
	return 0
}
