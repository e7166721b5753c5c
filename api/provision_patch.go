package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	"github.com/gin-gonic/gin"
	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"plantracker/api/web"
	"plantracker/models"
)

// MergePatchType is the media type of a JSON Merge Patch (RFC 7396).
const MergePatchType = "application/merge-patch+json"

// patchProvision serves PATCH /provisions/:id. The media type decides what
// the body means:
//
//   - application/merge-patch+json: a JSON Merge Patch (RFC 7396) of the
//     provision. Objects merge, so {"terms":{"limit":800000}} changes the
//     limit and keeps the other terms; null removes a term or clears a
//     field.
//   - anything else (application/json, or none, as curl -d sends): the
//     fields given replace the provision's, the terms whole: a terms
//     object is the complete new terms.
func (a *API) patchProvision(c *gin.Context) {
	if !isMergePatch(c) {
		updateOne(a.store.Provision, a.store.UpdateProvision)(c)
		return
	}
	id, version, ok := idAndVersion(c, a.store.Provision)
	if !ok {
		return
	}
	patch, ok := readMergePatch(c)
	if !ok {
		return
	}
	p, err := a.store.MergeProvision(c.Request.Context(), web.Actor(c), id, version, patch)
	if err != nil {
		fail(c, err)
		return
	}
	respondEntity(c, http.StatusOK, p, p.Version)
}

func isMergePatch(c *gin.Context) bool {
	mt, _, err := mime.ParseMediaType(c.GetHeader("Content-Type"))
	return err == nil && mt == MergePatchType
}

// readMergePatch reads a merge patch body as strictly as bindJSON reads
// others (no name twice, valid UTF-8): it must be a JSON object.
func readMergePatch(c *gin.Context) (json.RawMessage, bool) {
	body, err := io.ReadAll(c.Request.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			problem(c, http.StatusRequestEntityTooLarge, fmt.Sprintf("The body is larger than %d bytes.", tooBig.Limit))
		} else {
			problem(c, http.StatusBadRequest, "The body could not be read.")
		}
		return nil, false
	}
	var members map[string]jsontext.Value
	if len(bytes.TrimSpace(body)) == 0 {
		invalidField(c, "body", "is required: a JSON object")
		return nil, false
	}
	if err := jsonv2.Unmarshal(body, &members); err != nil {
		jsonProblem(c, err)
		return nil, false
	}
	if members == nil {
		writeProblem(c, Problem{Status: http.StatusBadRequest, Title: "Invalid input", Detail: "A merge patch of a provision is a JSON object.",
			Errors: []models.FieldError{{Field: "body", Message: "must be a JSON object"}}})
		return nil, false
	}
	return body, true
}
