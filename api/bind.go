package api

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

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
	if err := json.Unmarshal(body, v, json.RejectUnknownMembers(true)); err != nil {
		jsonProblem(c, err)
		return false
	}
	return true
}

// The body is decoded with JSON v2 semantics (github.com/go-json-experiment/json,
// what encoding/json/v2 will be): strictly, so that what is stored is what
// was sent. A name given twice, a name that matches a field only in
// another case ("TITLE"), an unknown name, invalid UTF-8 or an escaped
// lone surrogate (which encoding/json turned into U+FFFD), and trailing
// data are all refused. Control characters in strings are refused where
// every text is checked, in models (a BEL, an ESC).

// jsonProblem explains a decoding error in the client's terms: which field
// had the wrong type, which field is unknown or given twice, where the
// syntax broke.
func jsonProblem(c *gin.Context, err error) {
	var syntax *jsontext.SyntacticError
	var semantic *json.SemanticError
	switch {
	case errors.As(err, &syntax):
		field := fieldPath(syntax.JSONPointer)
		msg := syntax.Error()
		switch {
		case errors.Is(syntax.Err, jsontext.ErrDuplicateName):
			invalidField(c, field, "is given twice")
		case strings.Contains(msg, "invalid UTF-8") || strings.Contains(msg, "surrogate"):
			invalidField(c, orBody(field), "must be valid UTF-8 text (no invalid bytes, no lone surrogates)")
		case errors.Is(syntax.Err, io.ErrUnexpectedEOF):
			problem(c, http.StatusBadRequest, "The body is not valid JSON (it ends too early).")
		default:
			problem(c, http.StatusBadRequest, fmt.Sprintf("The body is not valid JSON (at byte %d).", syntax.ByteOffset))
		}
	case errors.As(err, &semantic):
		field := fieldPath(semantic.JSONPointer)
		switch {
		case errors.Is(semantic.Err, json.ErrUnknownName):
			invalidField(c, field, "is not a known field (names are case-sensitive)")
		case field == "":
			invalidField(c, "body", "must be a JSON object")
		case semantic.GoType != nil:
			invalidField(c, field, "must be "+jsonTypeName(semantic.GoType.String()))
		default:
			invalidField(c, field, "is not valid here")
		}
	default:
		problem(c, http.StatusBadRequest, "The body could not be decoded as JSON.")
	}
}

// invalidField sends a 400 naming one field.
func invalidField(c *gin.Context, field, message string) {
	writeProblem(c, Problem{Status: http.StatusBadRequest, Title: "Invalid input", Detail: "Some fields are not valid; see errors.",
		Errors: []models.FieldError{{Field: field, Message: message}}})
}

// fieldPath turns a JSON Pointer into the field paths errors use elsewhere:
// "/parties/0/role" is "parties[0].role".
func fieldPath(p jsontext.Pointer) string {
	var b strings.Builder
	for tok := range p.Tokens() {
		if _, err := strconv.Atoi(tok); err == nil {
			b.WriteString("[" + tok + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tok)
	}
	return b.String()
}

func orBody(field string) string {
	if field == "" {
		return "body"
	}
	return field
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
