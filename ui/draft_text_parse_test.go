package ui

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"plantracker/models/parse"
)

// TestFailParseOutOfTime: a reading stopped by its deadline shows a 503
// page that says why and asks to try again (Retry-After), not a 500.
func TestFailParseOutOfTime(t *testing.T) {
	gin.SetMode(gin.TestMode)
	w := httptest.NewRecorder()
	c, _ := gin.CreateTestContext(w)
	c.Request = httptest.NewRequest("POST", "/plans/1/drafts/review", nil)
	failParse(c, &parse.StoppedError{Phase: "reading points", Done: 10, Of: 2000, Err: context.DeadlineExceeded})
	if w.Code != 503 || w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), "could not be read in time") {
		t.Errorf("deadline: %d, Retry-After %q\n%s", w.Code, w.Header().Get("Retry-After"), w.Body)
	}
}
