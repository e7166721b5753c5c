package api

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/models"
)

// Every mutable row has a version; its ETag is that version, quoted.
// Writes honour If-Match: a stale one gets 412 and changes nothing.

func etag(version int) string { return `"` + strconv.Itoa(version) + `"` }

// ifMatch reads If-Match (RFC 9110 §13.1.1) as the version the write
// must find: 0 when the header is absent or "*" (no check). The header is
// "*" or a list of entity-tags, compared strongly, as If-Match requires:
//
//   - a weak tag (W/"3") never matches, nor does a tag that is not one of
//     our ETags byte for byte ("+3", "03"): 412, at once;
//   - of a list, the tag naming the current version matches ("3", "2"
//     matches version 3); current reads that version when the list names
//     more than one;
//   - a header that is not an entity-tag list at all (3, '3', "3) is the
//     client's mistake, not a stale version: 400 naming the header
//     (RFC 9110 §5.5 lets a recipient reject an invalid field value).
//
// ok is false when the problem has been sent.
func ifMatch(c *gin.Context, id int64, current func(ctx context.Context, id int64) (int, error)) (version int, ok bool) {
	h := strings.TrimSpace(c.GetHeader("If-Match"))
	if h == "" || h == "*" {
		return 0, true
	}
	tags, valid := parseETags(h)
	if !valid {
		writeProblem(c, Problem{Status: http.StatusBadRequest, Title: "Invalid input",
			Detail: `If-Match must be "*" or a list of entity-tags such as "3" (quoted), as the ETag header gives them.`,
			Errors: []models.FieldError{{Field: "If-Match", Message: "is not a list of entity-tags"}}})
		return 0, false
	}
	var candidates []int
	for _, t := range tags {
		if n, ok := ourVersion(t); ok {
			candidates = append(candidates, n)
		}
	}
	switch len(candidates) {
	case 0:
		problem(c, http.StatusPreconditionFailed, "If-Match does not match the current ETag (compared strongly: a weak W/ tag never matches); fetch the resource again.")
		return 0, false
	case 1:
		return candidates[0], true
	}
	v, err := current(c.Request.Context(), id)
	if err != nil {
		fail(c, err)
		return 0, false
	}
	if !slices.Contains(candidates, v) {
		problem(c, http.StatusPreconditionFailed, "If-Match does not match the current ETag; fetch the resource again.")
		return 0, false
	}
	// The store checks v again as it writes: a change in between is a 412.
	return v, true
}

// parseETags splits an If-Match list into its entity-tags (with their W/
// and quotes), and reports whether the whole header is a valid list.
func parseETags(h string) ([]string, bool) {
	var tags []string
	for _, part := range strings.Split(h, ",") {
		t := strings.Trim(part, " \t")
		if t == "" {
			continue // RFC 9110 §5.6.1: empty list elements are allowed
		}
		opaque := strings.TrimPrefix(t, "W/")
		if len(opaque) < 2 || opaque[0] != '"' || opaque[len(opaque)-1] != '"' {
			return nil, false
		}
		for _, r := range opaque[1 : len(opaque)-1] {
			// etagc = %x21 / %x23-7E / obs-text
			if r == '"' || r < 0x21 || r == 0x7f {
				return nil, false
			}
		}
		tags = append(tags, t)
	}
	return tags, len(tags) > 0
}

// ourVersion reads a strong tag that is exactly one of our ETags.
func ourVersion(tag string) (int, bool) {
	n, err := strconv.Atoi(strings.Trim(tag, `"`))
	if err != nil || n <= 0 || etag(n) != tag {
		return 0, false
	}
	return n, true
}

// versionOf adapts a getter of a versioned resource to what ifMatch needs.
func versionOf[T versioned](get func(ctx context.Context, id int64) (T, error)) func(ctx context.Context, id int64) (int, error) {
	return func(ctx context.Context, id int64) (int, error) {
		v, err := get(ctx, id)
		if err != nil {
			return 0, err
		}
		return v.RowVersion(), nil
	}
}

// respondEntity sends one resource with its ETag. A GET whose If-None-Match
// names the current ETag gets 304 without a body.
func respondEntity(c *gin.Context, status int, body any, version int) {
	tag := etag(version)
	c.Header("ETag", tag)
	if c.Request.Method == http.MethodGet {
		for _, t := range strings.Split(c.GetHeader("If-None-Match"), ",") {
			if t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "W/")); t == tag || t == "*" {
				c.Status(http.StatusNotModified)
				return
			}
		}
	}
	c.JSON(status, body)
}
