package store

import "time"

// The rows behind sign-in. Secrets are never stored: passwords as bcrypt
// hashes, session and API tokens as SHA-256 hashes (they are long random
// strings, so a fast hash is enough and lets a token be looked up by it).

type userRecord struct {
	ID           int64  `gorm:"primaryKey" json:"id"`
	Username     string `gorm:"not null;uniqueIndex" json:"username"` // lower-cased
	Role         string `gorm:"not null" json:"role"`
	PasswordHash string `gorm:"not null" json:"password_hash"`
	Language     string `gorm:"not null;default:''" json:"language"` // the UI language chosen: "" none yet
	StampColumns
}

func (userRecord) TableName() string { return "users" }

type sessionRecord struct {
	TokenHash  string      `gorm:"primaryKey" json:"token_hash"`
	UserID     int64       `gorm:"not null;index" json:"user_id"`
	User       *userRecord `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE" json:"-"`
	CSRF       string      `gorm:"not null" json:"csrf"`
	CreatedAt  time.Time   `gorm:"not null" json:"created_at"`
	LastSeenAt time.Time   `gorm:"not null" json:"last_seen_at"`
}

func (sessionRecord) TableName() string { return "sessions" }

type tokenRecord struct {
	ID         int64       `gorm:"primaryKey" json:"id"`
	TokenHash  string      `gorm:"not null;uniqueIndex" json:"token_hash"`
	UserID     int64       `gorm:"not null;index" json:"user_id"`
	User       *userRecord `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE" json:"-"`
	Name       string      `gorm:"not null" json:"name"`
	Prefix     string      `gorm:"not null" json:"prefix"`
	CreatedAt  time.Time   `gorm:"not null" json:"created_at"`
	LastUsedAt *time.Time  `json:"last_used_at"`
}

func (tokenRecord) TableName() string { return "api_tokens" }
