package main

// Who may use the routes of the record beyond the texts (stances on drafts
// as a whole, events, the chronology), added to the authorization table of
// main_test.go from a file of their own.
var recordAuthorization = map[string]string{
	"GET /api/v1/drafts/:id/stances": "viewer", "POST /api/v1/drafts/:id/stances": "editor",
	"GET /api/v1/draft-stances/:id": "viewer", "PATCH /api/v1/draft-stances/:id": "editor", "DELETE /api/v1/draft-stances/:id": "editor",
	"GET /api/v1/chronology": "viewer", "GET /api/v1/chronology/events": "viewer", "POST /api/v1/chronology/events": "editor",
	"GET /api/v1/chronology/events/:id": "viewer", "PATCH /api/v1/chronology/events/:id": "editor", "DELETE /api/v1/chronology/events/:id": "editor",

	"GET /chronology": "viewer", "GET /chronology/events/new": "editor", "POST /chronology/events": "editor",
	"GET /chronology/events/:id/edit": "editor", "POST /chronology/events/:id": "editor",
	"GET /chronology/events/:id/delete": "editor", "POST /chronology/events/:id/delete": "editor",
	"GET /drafts/:id/stances/new": "editor", "POST /drafts/:id/stances": "editor",
	"GET /draft-stances/:id/edit": "editor", "POST /draft-stances/:id": "editor",
	"GET /draft-stances/:id/delete": "editor", "POST /draft-stances/:id/delete": "editor",
}

func init() {
	for route, role := range recordAuthorization {
		authorization[route] = role
	}
}
