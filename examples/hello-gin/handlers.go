package main

import (
	"embed"
	"io/fs"
	"log"
	"net/http"
	"os"
	"runtime"
	"time"

	"github.com/gin-gonic/gin"
)

//go:embed static
var staticFiles embed.FS

const maxNameLength = 64

// newRouter builds the Gin engine with request logging, panic recovery and
// all routes.
func newRouter() *gin.Engine {
	r := gin.New()
	r.Use(gin.Logger(), gin.Recovery())
	// Not behind a proxy: use the peer address as the client IP.
	if err := r.SetTrustedProxies(nil); err != nil {
		logError("cannot configure trusted proxies", "err", err)
	}

	r.GET("/", handleRoot)
	r.GET("/healthz", handleHealth)
	r.GET("/version", handleVersion)
	r.GET("/api/hello/:name", handleHello)
	if os.Getenv("DEMO_LOG_ENDPOINT") == "1" {
		r.GET("/log", handleLog)
	}

	static, err := fs.Sub(staticFiles, "static")
	if err != nil {
		logError("embedded static files missing", "err", err)
	} else {
		r.StaticFS("/static", http.FS(static))
	}

	r.NoRoute(func(c *gin.Context) {
		c.JSON(http.StatusNotFound, gin.H{"error": "not found", "path": c.Request.URL.Path})
	})
	return r
}

func handleRoot(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{
		"message": "Hello from " + appName + "!",
		"version": version,
		"links":   []string{"/healthz", "/version", "/api/hello/:name", "/static/"},
	})
}

// handleHealth answers 503 while the file named by HEALTH_FAIL_FILE exists,
// so a monitor's health alerts can be tried without breaking the service.
func handleHealth(c *gin.Context) {
	if path := os.Getenv("HEALTH_FAIL_FILE"); path != "" {
		if _, err := os.Stat(path); err == nil {
			logWarn("health check failing on purpose", "file", path)
			c.JSON(http.StatusServiceUnavailable, gin.H{"status": "failing", "version": version})
			return
		}
	}
	c.JSON(http.StatusOK, gin.H{
		"status":         "ok",
		"version":        version,
		"uptime_seconds": int64(time.Since(startTime).Seconds()),
	})
}

func handleVersion(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{
		"version":    version,
		"commit":     commit,
		"date":       date,
		"go_version": runtime.Version(),
		"platform":   runtime.GOOS + "/" + runtime.GOARCH,
	})
}

func handleHello(c *gin.Context) {
	name := c.Param("name")
	if len(name) > maxNameLength {
		logWarn("name too long", "length", len(name), "client", c.ClientIP())
		c.JSON(http.StatusBadRequest, gin.H{"error": "name must be at most 64 bytes"})
		return
	}
	logDebug("greeting", "name", name, "client", c.ClientIP())
	c.JSON(http.StatusOK, gin.H{"message": "Hello, " + name + "!"})
}

// handleLog writes one line to the service's log, for trying a log viewer:
// /log?level=warn&msg=text logs "level=warn msg=..."; /log?raw=text logs the
// text as it is (bytes that are not UTF-8 included). Only with
// DEMO_LOG_ENDPOINT=1.
func handleLog(c *gin.Context) {
	if raw, ok := c.GetQuery("raw"); ok {
		log.Print(raw)
		c.Status(http.StatusNoContent)
		return
	}
	level := c.DefaultQuery("level", "info")
	switch level {
	case "debug", "info", "warn", "error":
	default:
		c.JSON(http.StatusBadRequest, gin.H{"error": "level must be debug, info, warn or error"})
		return
	}
	logAt(level, c.Query("msg"))
	c.Status(http.StatusNoContent)
}
