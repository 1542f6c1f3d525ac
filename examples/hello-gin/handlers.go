package main

import (
	"embed"
	"io/fs"
	"net/http"
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

func handleHealth(c *gin.Context) {
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
