package api

import (
	"net/http"

	"plantracker/store"
)

// EngineUnderTest is the engine the package's tests serve (testEngine), for the
// external tests that hold it up against main's.
func EngineUnderTest(s *store.Store) http.Handler { return testEngine(s) }
