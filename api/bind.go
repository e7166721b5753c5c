package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/models"
)

// bindJSON decodes the request body into v, strictly: one JSON object, no
// unknown fields, no trailing data, within the body cap. On failure it sends
// the problem and returns false; handlers just return.
func bindJSON(c *gin.Context, v any) bool {
	return decodeBody(c, v, false)
}

// bindOptionalJSON is bindJSON for routes where the body may be left out.
func bindOptionalJSON(c *gin.Context, v any) bool {
	return decodeBody(c, v, true)
}

func decodeBody(c *gin.Context, v any, optional bool) bool {
	// The body is parsed as JSON whatever Content-Type says: curl -d sends
	// form-urlencoded by default, and refusing that helps no one.
	body, err := io.ReadAll(c.Request.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			problem(c, http.StatusRequestEntityTooLarge, fmt.Sprintf("The body is larger than %d bytes.", tooBig.Limit))
			return false
		}
		problem(c, http.StatusBadRequest, "The body could not be read.")
		return false
	}
	if len(bytes.TrimSpace(body)) == 0 {
		if optional {
			return true
		}
		writeProblem(c, Problem{Status: http.StatusBadRequest, Title: "Invalid input", Detail: "The body is empty; send a JSON object.",
			Errors: []models.FieldError{{Field: "body", Message: "is required"}}})
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		jsonProblem(c, err)
		return false
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		problem(c, http.StatusBadRequest, "The body holds more than one JSON value.")
		return false
	}
	return true
}

// jsonProblem explains a decoding error in the client's terms: which field
// had the wrong type, which field is unknown, where the syntax broke.
func jsonProblem(c *gin.Context, err error) {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		problem(c, http.StatusBadRequest, fmt.Sprintf("The body is not valid JSON (at byte %d).", syntax.Offset))
	case errors.Is(err, io.ErrUnexpectedEOF):
		problem(c, http.StatusBadRequest, "The body is not valid JSON (it ends too early).")
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			writeProblem(c, Problem{Status: http.StatusBadRequest, Title: "Invalid input", Detail: "The body must be a JSON object.",
				Errors: []models.FieldError{{Field: "body", Message: "must be a JSON object"}}})
			return
		}
		writeProblem(c, Problem{Status: http.StatusBadRequest, Title: "Invalid input", Detail: "Some fields are not valid; see errors.",
			Errors: []models.FieldError{{Field: field, Message: "must be " + jsonTypeName(typ.Type.String())}}})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		writeProblem(c, Problem{Status: http.StatusBadRequest, Title: "Invalid input", Detail: "Some fields are not valid; see errors.",
			Errors: []models.FieldError{{Field: field, Message: "is not a known field"}}})
	default:
		problem(c, http.StatusBadRequest, "The body could not be decoded as JSON.")
	}
}

// jsonTypeName names a Go type as the JSON a client should send.
func jsonTypeName(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"), strings.HasPrefix(goType, "*[]"):
		return "a list"
	case strings.Contains(goType, "int"):
		return "a whole number"
	case strings.Contains(goType, "float"):
		return "a number"
	case strings.Contains(goType, "bool"):
		return "true or false"
	case strings.Contains(goType, "string"):
		return "a string"
	default:
		return "an object"
	}
}
