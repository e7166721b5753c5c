package models

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// UserRoles: what a user may do. Each role may do what the ones before it
// may.
var UserRoles = Vocabulary{
	{"viewer", "Viewer (read)"},
	{"editor", "Editor (read and write data)"},
	{"admin", "Admin (also users and tokens)"},
}

// The roles, by name.
const (
	RoleViewer = "viewer"
	RoleEditor = "editor"
	RoleAdmin  = "admin"
)

// User is someone who may sign in. Usernames are unique regardless of case:
// they are stored lower-cased.
type User struct {
	ID       int64  `json:"id"`
	Username string `json:"username" validate:"required,min=2,max=64,username"`
	Role     string `json:"role" validate:"required,oneof=viewer editor admin"`
	// Language is the UI language the user chose (the header's switch):
	// "" until they choose.
	Language string `json:"language" validate:"omitempty,oneof=en uk"`
	RowStamps
}

// Can reports whether the user's role includes role.
func (u User) Can(role string) bool {
	return RoleIncludes(u.Role, role)
}

// RoleIncludes reports whether have includes want: admin includes editor,
// editor includes viewer.
func RoleIncludes(have, want string) bool {
	h, w := UserRoles.Index(have), UserRoles.Index(want)
	return h < len(UserRoles) && w < len(UserRoles) && h >= w
}

// NormalizeUsername is how usernames are compared and stored.
func NormalizeUsername(name string) string {
	return strings.ToLower(strings.TrimSpace(name))
}

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// Validate checks the user's fields.
func (u *User) Validate() error {
	u.Username = NormalizeUsername(u.Username)
	return validateStruct(u, "").Err()
}

// ValidatePassword checks a new password.
func ValidatePassword(password string) error {
	if len(password) < MinPasswordLength {
		return Invalid("password", "must be at least %d characters", MinPasswordLength)
	}
	if len(password) > 72 {
		// bcrypt reads only the first 72 bytes; more would be a false promise.
		return Invalid("password", "must be at most 72 bytes")
	}
	// A control character (NUL, a line break, tab, DEL, C1) cannot be
	// typed into a sign-in form as the same bytes everywhere, truncates in
	// C libraries, and is more likely a script's mistake (a newline read
	// with the password) than a choice. Text, not bytes: valid UTF-8 only.
	if !utf8.ValidString(password) {
		return Invalid("password", "must be valid UTF-8 text")
	}
	for _, r := range password {
		if unicode.IsControl(r) {
			return Invalid("password", "must not contain control characters (here U+%04X)", r)
		}
	}
	return nil
}

// Token is an API token, as listed: never the secret itself, which is shown
// once when the token is created.
type Token struct {
	ID         int64      `json:"id"`
	UserID     int64      `json:"user_id"`
	Username   string     `json:"username"`
	Name       string     `json:"name" validate:"required,max=100"`
	Prefix     string     `json:"prefix"` // the first characters, to tell tokens apart
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
}
