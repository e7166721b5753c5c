package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/models"
)

// pathID reads a numeric path parameter; a malformed one is a 404, as no
// resource can have that id.
func pathID(c *gin.Context, name string) (int64, bool) {
	id, ok := parseID(c.Param(name))
	if !ok {
		problem(c, http.StatusNotFound, "No resource has the id "+strconv.Quote(c.Param(name))+".")
	}
	return id, ok
}

// parseID reads an id: a positive whole number; 0 and false when s is not
// one.
func parseID(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, false
	}
	return id, true
}

// pathKey reads the provision key in the path; one that cannot be a key is
// a 404, as no provision has it.
func pathKey(c *gin.Context) (string, bool) {
	key := c.Param("key")
	if !models.IsKey(key) {
		problem(c, http.StatusNotFound, "No provision has this key: keys are lower case words joined by hyphens, such as troop-cap.")
		return "", false
	}
	return key, true
}

// queryReader reads query parameters and collects every problem with them,
// so that one 400 names every bad parameter.
type queryReader struct {
	c    *gin.Context
	errs models.ValidationError
}

func newQueryReader(c *gin.Context) *queryReader { return &queryReader{c: c} }

// int reads a whole number within [min, max], or def when absent.
func (q *queryReader) int(name string, def, min, max int) int {
	s, ok := q.c.GetQuery(name)
	if !ok || s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		q.errs.Add(name, "must be a whole number from %d to %d", min, max)
		return def
	}
	return n
}

// id reads an optional positive id.
func (q *queryReader) id(name string) int64 {
	s, ok := q.c.GetQuery(name)
	if !ok || s == "" {
		return 0
	}
	id, ok := parseID(s)
	if !ok {
		q.errs.Add(name, "must be a positive id")
	}
	return id
}

// oneOf reads an optional value that must belong to a vocabulary.
func (q *queryReader) oneOf(name string, allowed []string) string {
	s := q.c.Query(name)
	if s == "" {
		return ""
	}
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	q.errs.Add(name, "must be one of: %s", joinComma(allowed))
	return ""
}

// someOf reads an optional list of values separated by commas, each of
// which must belong to a vocabulary; each is kept once, in the order
// given.
func (q *queryReader) someOf(name string, allowed models.Vocabulary) []string {
	var out []string
	seen := map[string]bool{}
	for part := range strings.SplitSeq(q.c.Query(name), ",") {
		part = strings.TrimSpace(part)
		switch {
		case part == "" || seen[part]:
		case allowed.Has(part):
			seen[part] = true
			out = append(out, part)
		default:
			q.errs.Add(name, "must be one or more of: %s, separated by commas", joinComma(allowed.Values()))
			return nil
		}
	}
	return out
}

// scenarios reads ?include=scenarios: whether the analysts' own scenario
// drafts are wanted too (the record leaves them out).
func (q *queryReader) scenarios() bool { return q.oneOf("include", []string{"scenarios"}) != "" }

// text reads an optional string of at most max bytes, refusing control
// characters and invalid UTF-8 as the domain's text is refused.
func (q *queryReader) text(name string, max int) string {
	s := q.c.Query(name)
	if len(s) > max {
		q.errs.Add(name, "must be at most %d characters", max)
		return ""
	}
	if msg := models.TextProblem(s); msg != "" {
		q.errs.Add(name, "%s", msg)
		return ""
	}
	return s
}

// ok sends the problem if any parameter was bad.
func (q *queryReader) ok() bool {
	if err := q.errs.Err(); err != nil {
		fail(q.c, err)
		return false
	}
	return true
}

func joinComma(xs []string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}
