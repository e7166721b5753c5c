package api

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// Contract: every response the API suite receives is checked against the
// OpenAPI document the server serves: its status is one the operation
// documents, and its body fits the schema of that status and media type.
// A schema that says less or other than what the server sends fails here,
// as a third-party contract test (Portman, Schemathesis) would.

var contract struct {
	once   sync.Once
	router routers.Router
	err    error
}

func contractRouter(s Store) (routers.Router, error) {
	contract.once.Do(func() {
		built, err := New(s).OpenAPI()
		if err != nil {
			contract.err = err
			return
		}
		// Read back as a client reads it, which resolves the references.
		raw, err := json.Marshal(built)
		if err != nil {
			contract.err = err
			return
		}
		doc, err := openapi3.NewLoader().LoadFromData(raw)
		if err != nil {
			contract.err = err
			return
		}
		// The document's one server is relative ("/"); routes are matched
		// by path alone.
		doc.Servers = nil
		openapi3filter.RegisterBodyDecoder("application/zip", openapi3filter.FileBodyDecoder)
		contract.router, contract.err = legacy.NewRouter(doc)
	})
	return contract.router, contract.err
}

// checkContract validates one exchange of the API suite. Requests outside
// the document (an unknown path, a method it does not list) are the
// suite's probes of what is not there, and are not checked here.
func checkContract(t *testing.T, s Store, req *http.Request, w *httptest.ResponseRecorder) {
	t.Helper()
	if req.Method == http.MethodHead || !strings.HasPrefix(req.URL.Path, "/api/") && req.URL.Path != "/healthz" {
		return
	}
	router, err := contractRouter(s)
	if err != nil {
		t.Fatalf("the OpenAPI document: %v", err)
	}
	route, params, err := router.FindRoute(req)
	if err != nil {
		return
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 w.Code,
		Header:                 w.Header(),
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	in.SetBodyBytes(w.Body.Bytes())
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		msg := err.Error()
		if len(msg) > 1500 {
			msg = msg[:1500] + "…"
		}
		t.Errorf("%s %s → %d does not fit the OpenAPI document: %s\nbody: %.400s", req.Method, req.URL, w.Code, msg, w.Body)
	}
}
