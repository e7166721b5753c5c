package api

import (
	"bufio"
	"log/slog"
	"sync"

	"github.com/gin-gonic/gin"
	jsonv2 "github.com/go-json-experiment/json"
	jsonv1 "github.com/go-json-experiment/json/v1"

	"plantracker/models/report"
)

// reportJSON sends a report (a summary, comparison or matrix) as JSON,
// streamed onto the response as it is encoded. encoding/json (and
// c.JSON) build the whole answer in memory first: for a comparison of two
// 1,000-provision drafts, a 3.3 MB buffer grown from nothing on every
// request, half of what the request allocates. JSON v2's MarshalWrite
// flushes its buffer to the writer whenever it is three-quarters full, so
// the buffer stays small. Those flushes are a few kilobytes each, so they
// pass through a 64 KB buffer of our own (pooled) on their way to the
// socket: a write system call per 64 KB rather than per flush. With the
// v1 options the bytes are encoding/json's (HTML-safe escaping, null for
// a nil slice, v1's omitempty; TestReportJSONIsEncodingJSONs holds them),
// and a final newline as json.Encoder writes.
func reportJSON(c *gin.Context, status int, v any) {
	c.Header("Content-Type", "application/json; charset=utf-8")
	c.Status(status)
	w := reportBuffers.Get().(*bufio.Writer)
	defer reportBuffers.Put(w)
	w.Reset(c.Writer)
	var err error
	if cmp, ok := v.(report.Comparison); ok {
		err = writeComparisonJSON(w, cmp, jsonv1.DefaultOptionsV1())
	} else {
		err = jsonv2.MarshalWrite(w, v, jsonv1.DefaultOptionsV1())
	}
	if err == nil {
		_, err = w.Write(newline)
	}
	if err == nil {
		err = w.Flush()
	}
	w.Reset(nil) // hold no response while pooled
	if err != nil {
		// Our report types always encode, so this is the client gone
		// mid-body; the status is sent and cannot change.
		slog.DebugContext(c.Request.Context(), "report not sent whole", "err", err)
	}
}

var (
	newline       = []byte{'\n'}
	reportBuffers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }}
)
