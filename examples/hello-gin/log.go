package main

import (
	"fmt"
	"log"
	"strings"

	"github.com/gin-gonic/gin"
)

// Application logs go to stderr through the standard library logger, one
// line per event in logfmt style:
//
//	2026/01/01 12:00:00 level=info msg="listening" addr=0.0.0.0:8080
//
// Gin's own request log (gin.Logger) goes to stdout.

func logAt(level, msg string, kv ...interface{}) {
	var b strings.Builder
	fmt.Fprintf(&b, "level=%s msg=%q", level, msg)
	for i := 0; i+1 < len(kv); i += 2 {
		fmt.Fprintf(&b, " %v=%s", kv[i], quoteValue(fmt.Sprint(kv[i+1])))
	}
	log.Print(b.String())
}

func quoteValue(s string) string {
	if s == "" || strings.ContainsAny(s, " \t\r\n\"=") {
		return fmt.Sprintf("%q", s)
	}
	return s
}

// logDebug only logs in Gin's debug mode (GIN_MODE=debug).
func logDebug(msg string, kv ...interface{}) {
	if gin.IsDebugging() {
		logAt("debug", msg, kv...)
	}
}

func logInfo(msg string, kv ...interface{})  { logAt("info", msg, kv...) }
func logWarn(msg string, kv ...interface{})  { logAt("warn", msg, kv...) }
func logError(msg string, kv ...interface{}) { logAt("error", msg, kv...) }
